/**
 * Which kind of network a run trains: today's feed-forward MLP (the default) or a recurrent
 * network unrolled over a sequence (Bengio et al. 1994; Pascanu, Mikolov & Bengio 2013), a
 * discriminated union so recurrent settings exist only where they mean something.
 * Pure TypeScript: no tfjs, no React.
 */

export const MODEL_KINDS = ['mlp', 'rnn'] as const;
export type ModelKind = (typeof MODEL_KINDS)[number];

/**
 * The recurrent cell, following PyTorch's equations:
 * - rnn:  h_t = act(x_t W_x + h_{t-1} W_h + b)
 * - lstm: i, f, o = sigmoid(...), g = act(...); c_t = f c_{t-1} + i g; h_t = o act(c_t)
 * - gru:  r, z = sigmoid(...); n = act(x_t W_xn + b_n + r (h_{t-1} W_hn));
 *         h_t = (1 - z) n + z h_{t-1}  (PyTorch's GRU with its recurrent-side bias b_hn at 0, so
 *         every gate has one bias)
 */
export const CELL_KINDS = ['rnn', 'lstm', 'gru'] as const;
export type CellKind = (typeof CELL_KINDS)[number];

/** The gates of each cell, in the order their weights are stored and reported. */
export const CELL_GATES: Readonly<Record<CellKind, readonly string[]>> = {
  rnn: [''],
  lstm: ['i', 'f', 'g', 'o'],
  gru: ['r', 'z', 'n'],
};

export const RECURRENT_INIT_KINDS = ['orthogonal', 'identity', 'normal'] as const;
export type RecurrentInitKind = (typeof RECURRENT_INIT_KINDS)[number];

/**
 * Init of the recurrent (hidden-to-hidden) weights of every gate:
 * - orthogonal:g  W_h = g Q, Q orthogonal: every singular value is g (Saxe et al. 2014)
 * - identity:g    W_h = g I (Le, Jaitly & Hinton 2015, the IRNN)
 * - normal:sigma  entries N(0, sigma^2)
 */
export type RecurrentInit =
  | { kind: 'orthogonal'; gain: number }
  | { kind: 'identity'; gain: number }
  | { kind: 'normal'; sigma: number };

export interface RecurrentModel {
  kind: 'rnn';
  cell: CellKind;
  /** Sequence length T: the gradient of the last step's loss travels T - 1 steps back. */
  timeSteps: number;
  /** Hidden size. */
  units: number;
  recurrentInit: RecurrentInit;
  /**
   * Added to the initial bias of the LSTM's forget gate (other cells have none and ignore it).
   * The cell state's gradient is multiplied by f_t = sigmoid(bias + ...) at every step back, so
   * this sets how far back it reaches at the start: 1 is Keras's unit_forget_bias (Gers,
   * Schmidhuber & Cummins 2000; Jozefowicz, Zaremba & Sutskever 2015).
   */
  forgetBias: number;
}

export type ModelConfig = { kind: 'mlp' } | RecurrentModel;

export const MODEL_LIMITS = {
  MIN_TIME_STEPS: 2,
  MAX_TIME_STEPS: 500,
  MIN_UNITS: 1,
  MAX_UNITS: 256,
  MAX_ABS_RECURRENT_INIT_PARAM: 100,
  /** sigmoid(20) = 1 - 2e-9: past this the gate is shut or open to float32 precision anyway. */
  MAX_ABS_FORGET_BIAS: 20,
} as const;

export function defaultRecurrentInit(kind: RecurrentInitKind): RecurrentInit {
  return kind === 'normal' ? { kind, sigma: 0.1 } : { kind, gain: 1 };
}

export const DEFAULT_RECURRENT_MODEL: RecurrentModel = {
  kind: 'rnn',
  cell: 'rnn',
  timeSteps: 50,
  units: 32,
  recurrentInit: { kind: 'orthogonal', gain: 1 },
  forgetBias: 1,
};

export function defaultModel(kind: ModelKind): ModelConfig {
  return kind === 'mlp' ? { kind } : structuredClone(DEFAULT_RECURRENT_MODEL);
}

/** Inputs per time step of the adding problem: the value and the marker. */
export const ADDING_PROBLEM_INPUTS = 2;

/** Trainable parameters of a recurrent model with a linear readout to one output. */
export function recurrentParameterCount(model: RecurrentModel, bias: boolean): number {
  const gates = CELL_GATES[model.cell].length;
  const u = model.units;
  const cell = gates * (ADDING_PROBLEM_INPUTS * u + u * u + (bias ? u : 0));
  return cell + u + (bias ? 1 : 0);
}
