/**
 * A recurrent network unrolled over T steps, in tfjs ops that autodiff differentiates: the
 * backward pass through this loop is backpropagation through time. One hidden layer of `units`
 * (a vanilla, LSTM or GRU cell; equations in config/modelSchema.ts), h_0 = 0 (and c_0 = 0),
 * and a linear readout y = h_T W_y + b_y of the last step only.
 *
 * Each gate's weights are their own variables (so each has its own gradient norm and, with
 * per-tensor clipping, its own clip), joined into one kernel per step for speed: one matMul for
 * the inputs of every time step at once, and one per time step for the recurrent part.
 */
import type { Activation, ExperimentConfig } from '../../config/schema';
import type { RecurrentModel } from '../../config/modelSchema';
import { applyActivation } from '../activations';
import * as tf from '../tf';
import { recurrentTensorSpecs, type RecurrentTensorSpec } from './recurrentInit';

export type RecurrentTensorInfo = Omit<RecurrentTensorSpec, 'values'>;

export interface RecurrentNetwork {
  model: RecurrentModel;
  /** The cell's activation (the candidate and cell output for LSTM and GRU; gates are sigmoid). */
  activation: Activation;
  inputDim: number;
  tensors: RecurrentTensorInfo[];
  /** The variables, in the order of `tensors`. */
  params: tf.Variable[];
}

export function createRecurrentNetwork(
  config: ExperimentConfig,
  model: RecurrentModel,
  inputDim: number,
): RecurrentNetwork {
  const specs = recurrentTensorSpecs(config, model, inputDim);
  const params = specs.map((spec) => {
    const initial = tf.tensor(spec.values, spec.shape);
    const variable = tf.variable(initial, true);
    initial.dispose();
    return variable;
  });
  const tensors = specs.map(({ name, shape, role, gate }) => ({ name, shape, role, gate }));
  return { model, activation: config.network.activation, inputDim, tensors, params };
}

export function disposeRecurrentNetwork(network: RecurrentNetwork): void {
  for (const p of network.params) p.dispose();
}

/** The kernels among `params` (input, recurrent and readout), for regularization. */
export function recurrentKernels(network: RecurrentNetwork, params: readonly tf.Tensor[]) {
  return params.filter((_, i) => !isBiasRole(network, i));
}

function isBiasRole(network: RecurrentNetwork, index: number): boolean {
  const role = network.tensors[index]?.role;
  return role === 'bias' || role === 'outputBias';
}

/** The tensors of one role, in gate order, joined along the units axis. */
function joined(network: RecurrentNetwork, params: readonly tf.Tensor[], role: string) {
  const parts = params.filter((_, i) => network.tensors[i]?.role === role);
  if (parts.length === 0) return null;
  return parts.length === 1 ? (parts[0] as tf.Tensor) : tf.concat(parts, parts[0]!.rank - 1);
}

/** One step of the cell: the next hidden state (and cell state for the LSTM). */
function cellStep(
  network: RecurrentNetwork,
  xw: tf.Tensor,
  hw: tf.Tensor,
  h: tf.Tensor,
  c: tf.Tensor | null,
): { h: tf.Tensor; c: tf.Tensor | null } {
  const act = (z: tf.Tensor) => applyActivation(z, network.activation);
  switch (network.model.cell) {
    case 'rnn':
      return { h: act(tf.add(xw, hw)), c: null };
    case 'lstm': {
      const [i, f, g, o] = tf.split(tf.add(xw, hw), 4, 1) as [
        tf.Tensor,
        tf.Tensor,
        tf.Tensor,
        tf.Tensor,
      ];
      const cNext = tf.add(tf.mul(tf.sigmoid(f), c as tf.Tensor), tf.mul(tf.sigmoid(i), act(g)));
      return { h: tf.mul(tf.sigmoid(o), act(cNext)), c: cNext };
    }
    case 'gru': {
      const [xr, xz, xn] = tf.split(xw, 3, 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
      const [hr, hz, hn] = tf.split(hw, 3, 1) as [tf.Tensor, tf.Tensor, tf.Tensor];
      const r = tf.sigmoid(tf.add(xr, hr));
      const z = tf.sigmoid(tf.add(xz, hz));
      const n = act(tf.add(xn, tf.mul(r, hn)));
      // h_t = (1 - z) n + z h_{t-1} = n + z (h_{t-1} - n)
      return { h: tf.add(n, tf.mul(z, tf.sub(h, n))), c: null };
    }
  }
}

/**
 * The network's output [batch, 1] for sequences x [batch, T, inputDim], from the parameter
 * tensors `params` (the variables, or the values tf.grads differentiates). `tap`, when given,
 * sees each hidden state h_t (t = 0..T-1 here, t = 1..T in the record) and returns what the
 * pass goes on with; the trainer taps it to catch dL/dh_t (signalTaps.ts).
 */
export function recurrentForward(
  network: RecurrentNetwork,
  params: readonly tf.Tensor[],
  x: tf.Tensor3D,
  tap?: (t: number, h: tf.Tensor) => tf.Tensor,
): tf.Tensor {
  const [batch, timeSteps, inputDim] = x.shape;
  const units = network.model.units;
  const inputKernel = joined(network, params, 'input') as tf.Tensor;
  const recurrentKernel = joined(network, params, 'recurrent') as tf.Tensor;
  const bias = joined(network, params, 'bias');
  const width = inputKernel.shape[1] as number;

  // Every step's input projection in one matMul: [T * batch, inputDim] x [inputDim, gates * u].
  const timeMajor = tf.reshape(tf.transpose(x, [1, 0, 2]), [timeSteps * batch, inputDim]);
  let projected = tf.matMul(timeMajor, inputKernel);
  if (bias) projected = tf.add(projected, bias);
  const inputs = tf.unstack(tf.reshape(projected, [timeSteps, batch, width]));

  let h: tf.Tensor = tf.zeros([batch, units]);
  let c: tf.Tensor | null = network.model.cell === 'lstm' ? tf.zeros([batch, units]) : null;
  inputs.forEach((xw, t) => {
    const next = cellStep(network, xw, tf.matMul(h, recurrentKernel), h, c);
    h = tap ? tap(t, next.h) : next.h;
    c = next.c;
  });
  const readout = params[network.tensors.findIndex((info) => info.role === 'output')];
  const readoutBias = params[network.tensors.findIndex((info) => info.role === 'outputBias')];
  const y = tf.matMul(h, readout as tf.Tensor);
  return readoutBias ? tf.add(y, readoutBias) : y;
}
