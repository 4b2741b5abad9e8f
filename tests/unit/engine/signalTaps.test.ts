import { describe, expect, it } from 'vitest';
import type { NetworkConfig } from '../../../src/config/schema';
import {
  createNetwork,
  dataLoss,
  disposeNetwork,
  flatParams,
  forward,
  plainDense,
  type DenseLayer,
  type Network,
} from '../../../src/engine/network';
import { SignalTaps } from '../../../src/engine/signalTaps';
import * as tf from '../../../src/engine/tf';
import { createPrng } from '../../../src/random/prng';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const BATCH = 16;

/** Networks whose layers form z in each way the taps handle: with and without a bias. */
const NETWORKS: Record<string, Partial<NetworkConfig>> = {
  'tanh with biases': { hidden: [8, 8, 8], activation: 'tanh', bias: true },
  'relu without biases': { hidden: [8, 8, 8], activation: 'relu', bias: false },
  'residual, layer-normalized gelu': {
    hidden: [6, 6, 6],
    activation: 'gelu',
    bias: true,
    residual: true,
    normalization: 'layerNorm',
  },
};

function setup(network: Partial<NetworkConfig>) {
  const config = configWith({
    network,
    init: { scheme: { kind: 'heNormal' }, gain: 1.5, biasInit: 0.1, seed: 3 },
  });
  const net = createNetwork(config);
  const random = createPrng(7);
  const x = tf.tensor2d(
    Array.from({ length: BATCH * 2 }, () => random.normal()),
    [BATCH, 2],
  );
  const y = tf.tensor2d(
    Array.from({ length: BATCH }, () => random.normal()),
    [BATCH, 1],
  );
  return { net, x, y };
}

/** The parameters' gradients of the batch's loss when each layer's z is formed by `dense`. */
function paramGrads(net: Network, x: tf.Tensor, y: tf.Tensor, dense: DenseLayer): tf.Tensor[] {
  const params = flatParams(net);
  const perLayer = net.params[0]!.bias ? 2 : 1;
  return tf.grads((...args: tf.Tensor[]) => {
    const kernels = net.params.map((_, l) => args[l * perLayer]!);
    const biases = net.params.map((p, l) => (p.bias ? args[l * perLayer + 1]! : null));
    return dataLoss(net.loss, forward(net, kernels, biases, x, dense), y);
  })(params);
}

async function values(tensors: tf.Tensor[]): Promise<number[][]> {
  return Promise.all(tensors.map(async (t) => Array.from(await t.data())));
}

describe('SignalTaps.dense', () => {
  for (const [name, network] of Object.entries(NETWORKS)) {
    it(`${name}: gives the same parameter gradients as plain ops, bit for bit`, async () => {
      const { net, x, y } = setup(network);
      const taps = new SignalTaps(net.layers.length);
      const plain = paramGrads(net, x, y, plainDense);
      const tapped = paramGrads(net, x, y, taps.dense);
      tf.dispose(taps.take());
      expect(await values(tapped)).toEqual(await values(plain));
      tf.dispose([...plain, ...tapped, x, y]);
      disposeNetwork(net);
    });

    it(`${name}: catches dL/dz as the gradient with respect to a zero probe added to z`, async () => {
      const { net, x, y } = setup(network);
      // The reference: z + p_l with p_l = 0, differentiated with respect to the probes; the
      // gradient of the sum with respect to p_l is dL/dz_l.
      const probes = net.layers.map((layer) => tf.zeros([BATCH, layer.units]));
      const probed = (probesIn: tf.Tensor[]): DenseLayer => {
        return (layer, h, kernel, bias) =>
          tf.add(plainDense(layer, h, kernel, bias), probesIn[layer]!);
      };
      const expected = tf.grads((...p: tf.Tensor[]) => {
        const kernels = net.params.map((q) => q.kernel);
        const biases = net.params.map((q) => q.bias);
        return dataLoss(net.loss, forward(net, kernels, biases, x, probed(p)), y);
      })(probes);
      const taps = new SignalTaps(net.layers.length);
      tf.dispose(paramGrads(net, x, y, taps.dense));
      const caught = taps.take();
      expect(await values(caught)).toEqual(await values(expected));
      tf.dispose([...caught, ...expected, ...probes, x, y]);
      disposeNetwork(net);
    });

    it(`${name}: leaves no tensor behind over many backward passes`, () => {
      const { net, x, y } = setup(network);
      const taps = new SignalTaps(net.layers.length);
      const pass = () => {
        tf.dispose(paramGrads(net, x, y, taps.dense));
        tf.dispose(taps.take());
      };
      pass();
      const before = tf.memory().numTensors;
      for (let i = 0; i < 50; i++) pass();
      expect(tf.memory().numTensors).toBe(before);
      tf.dispose([x, y]);
      disposeNetwork(net);
    });
  }
});
