/**
 * Initial weights of a recurrent network, computed in float64 from the app's seeded generator
 * like the feed-forward kernels (initializers.ts), so they are identical on every backend.
 */
import { CELL_GATES, type RecurrentInit, type RecurrentModel } from '../../config/modelSchema';
import type { ExperimentConfig } from '../../config/schema';
import { createPrng, deriveSeed } from '../../random/prng';
import { initKernel, orthogonal } from '../initializers';

/** One named weight tensor of a recurrent network, row-major, with its initial values. */
export interface RecurrentTensorSpec {
  /** W_x, W_h, b_h (vanilla); per gate W_xi, W_hi, b_i, ... (LSTM i f g o, GRU r z n); W_y, b_y. */
  name: string;
  /** [rows, cols] for a kernel (z = x W), [units] for a bias. */
  shape: number[];
  /** Which part of the network it belongs to. */
  role: 'input' | 'recurrent' | 'bias' | 'output' | 'outputBias';
  /** The gate it feeds ('' for the vanilla cell and the readout). */
  gate: string;
  values: Float32Array;
}

/**
 * The recurrent kernel of one gate, [units, units]: g Q with Q orthogonal (every singular value
 * g), g I (Le et al. 2015), or N(0, sigma^2) entries.
 */
export function recurrentKernel(init: RecurrentInit, units: number, seed: number): Float32Array {
  const out = new Float32Array(units * units);
  switch (init.kind) {
    case 'orthogonal': {
      const q = orthogonal(units, units, createPrng(seed));
      for (let i = 0; i < out.length; i++) out[i] = init.gain * (q[i] as number);
      break;
    }
    case 'identity':
      for (let i = 0; i < units; i++) out[i * units + i] = init.gain;
      break;
    case 'normal': {
      const prng = createPrng(seed);
      for (let i = 0; i < out.length; i++) out[i] = init.sigma * prng.normal();
      break;
    }
  }
  return out;
}

function gateSuffix(model: RecurrentModel, gate: string): string {
  return model.cell === 'rnn' ? '' : gate;
}

/**
 * Every weight tensor of the recurrent network of `config`, in the order they are stored,
 * differentiated and reported: input kernels per gate, recurrent kernels per gate, biases per
 * gate, then the linear readout. The input and readout kernels use the link's `init` and
 * `gain` (Var(w) from their own fan-in and fan-out); the recurrent kernels use `rinit` alone,
 * so that W_h = g Q has every singular value exactly g. Each tensor draws from its own seed.
 */
export function recurrentTensorSpecs(
  config: ExperimentConfig,
  model: RecurrentModel,
  inputDim: number,
): RecurrentTensorSpec[] {
  const { scheme, gain, biasInit, seed } = config.init;
  const u = model.units;
  const gates = CELL_GATES[model.cell];
  const specs: RecurrentTensorSpec[] = [];
  gates.forEach((gate, g) => {
    const suffix = gateSuffix(model, gate);
    specs.push({
      name: `W_x${suffix}`,
      shape: [inputDim, u],
      role: 'input',
      gate,
      values: initKernel(scheme, inputDim, u, gain, deriveSeed(seed, 'rnn', 'input', g)),
    });
  });
  gates.forEach((gate, g) => {
    specs.push({
      name: `W_h${gateSuffix(model, gate)}`,
      shape: [u, u],
      role: 'recurrent',
      gate,
      values: recurrentKernel(model.recurrentInit, u, deriveSeed(seed, 'rnn', 'recurrent', g)),
    });
  });
  if (config.network.bias) {
    for (const gate of gates) {
      const forget = model.cell === 'lstm' && gate === 'f' ? model.forgetBias : 0;
      const suffix = gateSuffix(model, gate);
      specs.push({
        name: suffix === '' ? 'b_h' : `b_${suffix}`,
        shape: [u],
        role: 'bias',
        gate,
        values: new Float32Array(u).fill(biasInit + forget),
      });
    }
  }
  specs.push({
    name: 'W_y',
    shape: [u, 1],
    role: 'output',
    gate: '',
    values: initKernel(scheme, u, 1, gain, deriveSeed(seed, 'rnn', 'output')),
  });
  if (config.network.bias) {
    specs.push({
      name: 'b_y',
      shape: [1],
      role: 'outputBias',
      gate: '',
      values: new Float32Array([biasInit]),
    });
  }
  return specs;
}
