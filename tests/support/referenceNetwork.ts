/**
 * Independent float64 reference for Gradscope's network: forward pass, loss, backpropagation,
 * per-layer norms and the three gradient-clipping rules, in plain TypeScript (no tfjs).
 *
 * Written from the maths of the network contract only, so tests can check the tfjs engine
 * against it. Conventions:
 * - Matrices are row-major Float64Arrays. X is [B, d0]; layer l (0-based array index here,
 *   layer l+1 in the maths) has kernel W [fanIn, fanOut] (W[i * fanOut + j]) and bias b [fanOut].
 * - The last layer is the linear output layer with fanOut = 1.
 * - z = h_prev W + b. Hidden layers: u = layerNorm(z) or z; a = act(u); h = a + h_prev when
 *   residual, the layer is not the first one and fanIn === fanOut; else h = a. Output: yhat = z.
 * - Loss: 'mse' = mean_b (yhat - y)^2; 'sigmoidCrossEntropy' = mean_b of
 *   max(z, 0) - z y + log(1 + exp(-|z|)). totalLoss = dataLoss + l1 sum|W| + l2 sum W^2
 *   (kernels only; the subgradient of |w| at 0 is 0).
 * - signal[l] = dTotalLoss/dz_l, [B, fanOut], i.e. before normalization.
 *
 * Nothing here throws on non-finite numbers: NaN and Infinity propagate as IEEE arithmetic
 * dictates. Only malformed shapes throw (those are bugs in the calling test).
 */
import type { Activation, ClipConfig } from '../../src/config/schema';

export type RefLoss = 'mse' | 'sigmoidCrossEntropy';
export type RefNormalization = 'none' | 'layerNorm';

export interface RefLayer {
  /** Kernel, row-major [fanIn, fanOut]. */
  W: Float64Array;
  /** Bias [fanOut], or null when the network has no biases. */
  b: Float64Array | null;
  fanIn: number;
  fanOut: number;
}

export interface RefOptions {
  activation: Activation;
  residual: boolean;
  normalization: RefNormalization;
  loss: RefLoss;
  l1: number;
  l2: number;
}

/** The options the forward pass depends on. */
export type RefForwardOptions = Pick<RefOptions, 'activation' | 'residual' | 'normalization'>;

/** A matrix as a flat row-major array or as rows. */
export type MatrixInput = ArrayLike<number> | readonly (readonly number[])[];

/**
 * Called with each layer's pre-activation z (0-based layer index, [B, fanOut] row-major)
 * right after it is computed; it may modify z in place (used to perturb z for finite
 * differences of the signal).
 */
export type ZHook = (layerIndex: number, z: Float64Array) => void;

export interface RefForward {
  batch: number;
  /** inputs[l] = h_{l-1}, the input of layer l ([B, fanIn]); inputs[0] is X. */
  inputs: Float64Array[];
  /** Pre-activations z ([B, fanOut]) of every layer, after any hook. */
  z: Float64Array[];
  /** Normalized pre-activations (u = z when there is no normalization, and for the output). */
  u: Float64Array[];
  /** Per-sample 1 / sqrt(var + eps) of layer-normalized layers ([B]); null otherwise. */
  invStd: (Float64Array | null)[];
  /** Activations a = act(u) (a = z for the output layer). */
  a: Float64Array[];
  /** Layer outputs h (with any residual added); the last one is yhat. */
  h: Float64Array[];
  /** Whether each layer adds an identity skip connection. */
  residual: boolean[];
  /** Network output [B]. */
  yhat: Float64Array;
}

export interface RefBackprop {
  dataLoss: number;
  totalLoss: number;
  /** Network output [B]. */
  yhat: Float64Array;
  /** dTotalLoss/dW per layer, row-major [fanIn, fanOut]. */
  dW: Float64Array[];
  /** dTotalLoss/db per layer, or null for layers without a bias. */
  db: (Float64Array | null)[];
  /** dTotalLoss/dz per layer, [B, fanOut] row-major. */
  signal: Float64Array[];
  /** sqrt(||dW||^2 + ||db||^2) per layer. */
  layerGradNorm: number[];
  /** Frobenius norm of signal per layer. */
  signalNorm: number[];
  /** sqrt(||W||^2 + ||b||^2) per layer. */
  weightNorm: number[];
}

export const LAYER_NORM_EPSILON = 1e-5;
export const LEAKY_RELU_ALPHA = 0.01;
export const ELU_ALPHA = 1;
export const SELU_LAMBDA = 1.0507009873554805;
export const SELU_ALPHA = 1.6732632423543772;
/** Added to the global norm in clipByGlobalNorm, as PyTorch's clip_grad_norm_ does. */
export const GLOBAL_NORM_EPSILON = 1e-6;

// ---------------------------------------------------------------------------------------------
// Special functions

const TWO_OVER_SQRT_PI = 2 / Math.sqrt(Math.PI);
const INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
const INV_SQRT_2PI = 1 / Math.sqrt(2 * Math.PI);
/** Below this |x| erf uses its power series, above it erfc uses a continued fraction. */
const ERF_SWITCH = 2;

/**
 * erf(x) for |x| < ERF_SWITCH by the all-positive series
 * erf(x) = 2/sqrt(pi) exp(-x^2) sum_n (2x^2)^n x / (1 * 3 * ... * (2n+1)),
 * which has no cancellation (relative error ~1e-16).
 */
function erfSeries(x: number): number {
  const x2 = x * x;
  let term = x;
  let sum = x;
  for (let n = 1; n < 200; n++) {
    term *= (2 * x2) / (2 * n + 1);
    sum += term;
    if (Math.abs(term) <= Math.abs(sum) * 1e-17) break;
  }
  return TWO_OVER_SQRT_PI * Math.exp(-x2) * sum;
}

/**
 * erfc(x) for x >= ERF_SWITCH by the continued fraction
 * erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + (2/2)/(x + (3/2)/(x + ...)))),
 * evaluated with the modified Lentz algorithm (relative error ~1e-15).
 */
function erfcContinuedFraction(x: number): number {
  const tiny = 1e-300;
  // f = b0 + a1/(b1 + a2/(b2 + ...)) with b0 = 0, a1 = 1, a_{k+1} = k/2, b_k = x.
  let f = tiny;
  let c = f;
  let d = 0;
  for (let k = 1; k < 5000; k++) {
    const ak = k === 1 ? 1 : (k - 1) / 2;
    d = x + ak * d;
    if (d === 0) d = tiny;
    c = x + ak / c;
    if (c === 0) c = tiny;
    d = 1 / d;
    const delta = c * d;
    f *= delta;
    if (Math.abs(delta - 1) < 1e-16) break;
  }
  return Math.exp(-x * x) * INV_SQRT_PI * f;
}

/** The error function in float64 (absolute and relative error ~1e-15). */
export function erf(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (Math.abs(x) < ERF_SWITCH) return erfSeries(x);
  if (x === Infinity) return 1;
  if (x === -Infinity) return -1;
  return x > 0 ? 1 - erfcContinuedFraction(x) : erfcContinuedFraction(-x) - 1;
}

/** The complementary error function 1 - erf(x), accurate in relative terms for large x. */
export function erfc(x: number): number {
  if (Number.isNaN(x)) return NaN;
  if (x === Infinity) return 0;
  if (x === -Infinity) return 2;
  if (x >= ERF_SWITCH) return erfcContinuedFraction(x);
  if (x <= -ERF_SWITCH) return 2 - erfcContinuedFraction(-x);
  return 1 - erfSeries(x);
}

/** Standard normal CDF Phi(x) = erfc(-x / sqrt 2) / 2. */
export function normalCdf(x: number): number {
  return 0.5 * erfc(-x * Math.SQRT1_2);
}

/** Standard normal density. */
export function normalPdf(x: number): number {
  return INV_SQRT_2PI * Math.exp(-0.5 * x * x);
}

/** Logistic sigmoid without overflow. */
export function sigmoid(x: number): number {
  if (x >= 0) return 1 / (1 + Math.exp(-x));
  const e = Math.exp(x);
  return e / (1 + e);
}

/** log(1 + exp(x)) without overflow or cancellation. */
export function softplus(x: number): number {
  return Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x)));
}

// ---------------------------------------------------------------------------------------------
// Activations

/** act(x) for one of tfjs's activation names. NaN in, NaN out (also for relu). */
export function activate(act: Activation, x: number): number {
  if (Number.isNaN(x)) return NaN;
  switch (act) {
    case 'linear':
      return x;
    case 'sigmoid':
      return sigmoid(x);
    case 'tanh':
      return Math.tanh(x);
    case 'relu':
      return x > 0 ? x : 0;
    case 'leakyRelu':
      return x > 0 ? x : LEAKY_RELU_ALPHA * x;
    case 'elu':
      return x > 0 ? x : ELU_ALPHA * Math.expm1(x);
    case 'selu':
      return SELU_LAMBDA * (x > 0 ? x : SELU_ALPHA * Math.expm1(x));
    case 'gelu':
      return x * normalCdf(x);
    case 'softplus':
      return softplus(x);
    case 'swish':
      return x * sigmoid(x);
  }
}

/**
 * act'(x). At the kinks: relu'(0) = 0, leakyRelu'(0) = alpha, elu'(0) = alpha * exp(0),
 * selu'(0) = lambda * alpha (the x > 0 branch is taken only for strictly positive x).
 */
export function activationDerivative(act: Activation, x: number): number {
  if (Number.isNaN(x)) return NaN;
  switch (act) {
    case 'linear':
      return 1;
    case 'sigmoid': {
      const s = sigmoid(x);
      return s * (1 - s);
    }
    case 'tanh': {
      const t = Math.tanh(x);
      return 1 - t * t;
    }
    case 'relu':
      return x > 0 ? 1 : 0;
    case 'leakyRelu':
      return x > 0 ? 1 : LEAKY_RELU_ALPHA;
    case 'elu':
      return x > 0 ? 1 : ELU_ALPHA * Math.exp(x);
    case 'selu':
      return SELU_LAMBDA * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x));
    case 'gelu':
      return normalCdf(x) + x * normalPdf(x);
    case 'softplus':
      return sigmoid(x);
    case 'swish': {
      const s = sigmoid(x);
      return s + x * s * (1 - s);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Shapes

/** Flattens a matrix given as rows or as a flat array into a row-major Float64Array. */
export function toFloat64Matrix(
  m: MatrixInput,
  rows: number,
  cols: number,
  name = 'matrix',
): Float64Array {
  const out = new Float64Array(rows * cols);
  const first = m.length > 0 ? (m as ArrayLike<unknown>)[0] : undefined;
  if (Array.isArray(first)) {
    const rowsIn = m as readonly (readonly number[])[];
    if (rowsIn.length !== rows) throw new Error(`${name}: expected ${rows} rows, got ${m.length}`);
    rowsIn.forEach((row, r) => {
      if (row.length !== cols) {
        throw new Error(`${name}: row ${r} has ${row.length} entries, expected ${cols}`);
      }
      for (let c = 0; c < cols; c++) out[r * cols + c] = row[c] as number;
    });
    return out;
  }
  const flat = m as ArrayLike<number>;
  if (flat.length !== rows * cols) {
    throw new Error(`${name}: expected ${rows * cols} entries, got ${flat.length}`);
  }
  for (let i = 0; i < flat.length; i++) out[i] = flat[i] as number;
  return out;
}

/** Builds a RefLayer from any numeric arrays (e.g. a tfjs Float32Array from dataSync()). */
export function makeRefLayer(
  W: ArrayLike<number>,
  b: ArrayLike<number> | null,
  fanIn: number,
  fanOut: number,
): RefLayer {
  const layer: RefLayer = {
    W: Float64Array.from(W),
    b: b === null ? null : Float64Array.from(b),
    fanIn,
    fanOut,
  };
  checkLayer(layer, 0);
  return layer;
}

/** A deep copy of the layers (so tests can perturb weights without aliasing). */
export function cloneLayers(layers: readonly RefLayer[]): RefLayer[] {
  return layers.map((l) => ({
    W: Float64Array.from(l.W),
    b: l.b === null ? null : Float64Array.from(l.b),
    fanIn: l.fanIn,
    fanOut: l.fanOut,
  }));
}

function checkLayer(layer: RefLayer, index: number): void {
  if (layer.W.length !== layer.fanIn * layer.fanOut) {
    throw new Error(
      `layer ${index}: W has ${layer.W.length} entries, expected ${layer.fanIn}x${layer.fanOut}`,
    );
  }
  if (layer.b !== null && layer.b.length !== layer.fanOut) {
    throw new Error(`layer ${index}: b has ${layer.b.length} entries, expected ${layer.fanOut}`);
  }
}

function checkNetwork(layers: readonly RefLayer[]): void {
  if (layers.length === 0) throw new Error('the network needs at least the output layer');
  layers.forEach((layer, l) => {
    checkLayer(layer, l);
    const prev = layers[l - 1];
    if (prev !== undefined && prev.fanOut !== layer.fanIn) {
      throw new Error(`layer ${l}: fanIn ${layer.fanIn} != previous fanOut ${prev.fanOut}`);
    }
  });
  const last = layers[layers.length - 1] as RefLayer;
  if (last.fanOut !== 1) throw new Error(`the output layer must have 1 unit, got ${last.fanOut}`);
}

/** Whether layer l (0-based) adds an identity skip: hidden, not the first, fanIn === fanOut. */
export function isResidualLayer(
  layers: readonly RefLayer[],
  layerIndex: number,
  residual: boolean,
): boolean {
  const layer = layers[layerIndex];
  return (
    residual &&
    layer !== undefined &&
    layerIndex >= 1 &&
    layerIndex < layers.length - 1 &&
    layer.fanIn === layer.fanOut
  );
}

// ---------------------------------------------------------------------------------------------
// Forward pass and loss

/** The forward pass. X is [batch, layers[0].fanIn]. */
export function referenceForward(
  layers: readonly RefLayer[],
  X: MatrixInput,
  batch: number,
  opts: RefForwardOptions,
  zHook?: ZHook,
): RefForward {
  checkNetwork(layers);
  const L = layers.length;
  const x = toFloat64Matrix(X, batch, (layers[0] as RefLayer).fanIn, 'X');
  const result: RefForward = {
    batch,
    inputs: [],
    z: [],
    u: [],
    invStd: [],
    a: [],
    h: [],
    residual: [],
    yhat: new Float64Array(batch),
  };
  let hPrev = x;
  for (let l = 0; l < L; l++) {
    const { W, b, fanIn, fanOut } = layers[l] as RefLayer;
    const isOutput = l === L - 1;
    const z = new Float64Array(batch * fanOut);
    for (let r = 0; r < batch; r++) {
      for (let j = 0; j < fanOut; j++) {
        let s = b === null ? 0 : (b[j] as number);
        for (let i = 0; i < fanIn; i++) {
          s += (hPrev[r * fanIn + i] as number) * (W[i * fanOut + j] as number);
        }
        z[r * fanOut + j] = s;
      }
    }
    zHook?.(l, z);

    let u = z;
    let invStd: Float64Array | null = null;
    if (!isOutput && opts.normalization === 'layerNorm') {
      u = new Float64Array(batch * fanOut);
      invStd = new Float64Array(batch);
      for (let r = 0; r < batch; r++) {
        let mean = 0;
        for (let j = 0; j < fanOut; j++) mean += z[r * fanOut + j] as number;
        mean /= fanOut;
        let variance = 0;
        for (let j = 0; j < fanOut; j++) {
          const d = (z[r * fanOut + j] as number) - mean;
          variance += d * d;
        }
        variance /= fanOut;
        const s = 1 / Math.sqrt(variance + LAYER_NORM_EPSILON);
        invStd[r] = s;
        for (let j = 0; j < fanOut; j++)
          u[r * fanOut + j] = ((z[r * fanOut + j] as number) - mean) * s;
      }
    }

    let a = u;
    if (!isOutput) {
      a = new Float64Array(u.length);
      for (let k = 0; k < u.length; k++) a[k] = activate(opts.activation, u[k] as number);
    }

    const skip = isResidualLayer(layers, l, opts.residual);
    let h = a;
    if (skip) {
      h = new Float64Array(a.length);
      for (let k = 0; k < a.length; k++) h[k] = (a[k] as number) + (hPrev[k] as number);
    }

    result.inputs.push(hPrev);
    result.z.push(z);
    result.u.push(u);
    result.invStd.push(invStd);
    result.a.push(a);
    result.h.push(h);
    result.residual.push(skip);
    hPrev = h;
  }
  result.yhat = Float64Array.from(hPrev);
  return result;
}

/** Targets as a flat [B] array (accepts [B] or [B, 1]). */
function toTargets(Y: MatrixInput, batch: number): Float64Array {
  return toFloat64Matrix(Y, batch, 1, 'Y');
}

/** The data loss (no regularization) of outputs yhat against targets y. */
export function referenceDataLoss(
  yhat: ArrayLike<number>,
  y: ArrayLike<number>,
  loss: RefLoss,
): number {
  const B = yhat.length;
  if (y.length !== B) throw new Error(`Y has ${y.length} entries, expected ${B}`);
  let sum = 0;
  for (let r = 0; r < B; r++) {
    const z = yhat[r] as number;
    const t = y[r] as number;
    if (loss === 'mse') {
      const d = z - t;
      sum += d * d;
    } else {
      sum += Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
    }
  }
  return sum / B;
}

/** l1 * sum|W| + l2 * sum W^2 over all kernels (biases excluded). */
export function regularizationPenalty(layers: readonly RefLayer[], l1: number, l2: number): number {
  let abs = 0;
  let sq = 0;
  for (const { W } of layers) {
    for (let k = 0; k < W.length; k++) {
      const w = W[k] as number;
      abs += Math.abs(w);
      sq += w * w;
    }
  }
  // Skip a zero coefficient entirely so 0 * Infinity cannot turn an unused term into NaN.
  return (l1 === 0 ? 0 : l1 * abs) + (l2 === 0 ? 0 : l2 * sq);
}

/** Forward pass plus losses. */
export function referenceLoss(
  layers: readonly RefLayer[],
  X: MatrixInput,
  Y: MatrixInput,
  batch: number,
  opts: RefOptions,
  zHook?: ZHook,
): { dataLoss: number; totalLoss: number; yhat: Float64Array } {
  const fwd = referenceForward(layers, X, batch, opts, zHook);
  const dataLoss = referenceDataLoss(fwd.yhat, toTargets(Y, batch), opts.loss);
  return {
    dataLoss,
    totalLoss: dataLoss + regularizationPenalty(layers, opts.l1, opts.l2),
    yhat: fwd.yhat,
  };
}

// ---------------------------------------------------------------------------------------------
// Backward pass

function sumOfSquares(v: ArrayLike<number>): number {
  let s = 0;
  for (let k = 0; k < v.length; k++) {
    const x = v[k] as number;
    s += x * x;
  }
  return s;
}

/** Loss, gradients of the total loss, per-layer signals and norms. */
export function referenceBackprop(
  layers: readonly RefLayer[],
  X: MatrixInput,
  Y: MatrixInput,
  batch: number,
  opts: RefOptions,
): RefBackprop {
  const fwd = referenceForward(layers, X, batch, opts);
  const y = toTargets(Y, batch);
  const L = layers.length;
  const dataLoss = referenceDataLoss(fwd.yhat, y, opts.loss);
  const totalLoss = dataLoss + regularizationPenalty(layers, opts.l1, opts.l2);

  const dW: Float64Array[] = new Array<Float64Array>(L);
  const db: (Float64Array | null)[] = new Array<Float64Array | null>(L);
  const signal: Float64Array[] = new Array<Float64Array>(L);

  // dLoss/dyhat, which is the signal of the (linear) output layer.
  let dh = new Float64Array(batch);
  for (let r = 0; r < batch; r++) {
    const z = fwd.yhat[r] as number;
    const t = y[r] as number;
    dh[r] = opts.loss === 'mse' ? (2 * (z - t)) / batch : (sigmoid(z) - t) / batch;
  }

  for (let l = L - 1; l >= 0; l--) {
    const { W, b, fanIn, fanOut } = layers[l] as RefLayer;
    const isOutput = l === L - 1;
    let S: Float64Array;
    if (isOutput) {
      S = dh;
    } else {
      // dh -> da (same) -> du = da * act'(u) -> dz through the normalization.
      const u = fwd.u[l] as Float64Array;
      const du = new Float64Array(batch * fanOut);
      for (let k = 0; k < du.length; k++) {
        du[k] = (dh[k] as number) * activationDerivative(opts.activation, u[k] as number);
      }
      const invStd = fwd.invStd[l];
      if (invStd === null || invStd === undefined) {
        S = du;
      } else {
        // u = (z - mean) s, s = (var + eps)^(-1/2):
        // dz_j = s (du_j - mean(du) - u_j mean(du * u)).
        S = new Float64Array(batch * fanOut);
        for (let r = 0; r < batch; r++) {
          let meanG = 0;
          let meanGU = 0;
          for (let j = 0; j < fanOut; j++) {
            const g = du[r * fanOut + j] as number;
            meanG += g;
            meanGU += g * (u[r * fanOut + j] as number);
          }
          meanG /= fanOut;
          meanGU /= fanOut;
          const s = invStd[r] as number;
          for (let j = 0; j < fanOut; j++) {
            const k = r * fanOut + j;
            S[k] = s * ((du[k] as number) - meanG - (u[k] as number) * meanGU);
          }
        }
      }
    }
    signal[l] = S;

    // dW = h_prev^T S + l1 sign(W) + 2 l2 W; db = column sums of S.
    const hPrev = fwd.inputs[l] as Float64Array;
    const gW = new Float64Array(fanIn * fanOut);
    for (let i = 0; i < fanIn; i++) {
      for (let j = 0; j < fanOut; j++) {
        let s = 0;
        for (let r = 0; r < batch; r++) {
          s += (hPrev[r * fanIn + i] as number) * (S[r * fanOut + j] as number);
        }
        const w = W[i * fanOut + j] as number;
        if (opts.l1 !== 0) s += opts.l1 * Math.sign(w);
        if (opts.l2 !== 0) s += 2 * opts.l2 * w;
        gW[i * fanOut + j] = s;
      }
    }
    dW[l] = gW;
    if (b === null) {
      db[l] = null;
    } else {
      const gb = new Float64Array(fanOut);
      for (let r = 0; r < batch; r++) {
        for (let j = 0; j < fanOut; j++) gb[j] = (gb[j] as number) + (S[r * fanOut + j] as number);
      }
      db[l] = gb;
    }

    // dh_prev = S W^T (+ dh through the skip connection).
    if (l > 0) {
      const dPrev = new Float64Array(batch * fanIn);
      for (let r = 0; r < batch; r++) {
        for (let i = 0; i < fanIn; i++) {
          let s = 0;
          for (let j = 0; j < fanOut; j++) {
            s += (S[r * fanOut + j] as number) * (W[i * fanOut + j] as number);
          }
          if (fwd.residual[l]) s += dh[r * fanIn + i] as number;
          dPrev[r * fanIn + i] = s;
        }
      }
      dh = dPrev;
    }
  }

  return {
    dataLoss,
    totalLoss,
    yhat: fwd.yhat,
    dW,
    db,
    signal,
    layerGradNorm: dW.map((g, l) => {
      const gb = db[l];
      return Math.sqrt(sumOfSquares(g) + (gb ? sumOfSquares(gb) : 0));
    }),
    signalNorm: signal.map((s) => Math.sqrt(sumOfSquares(s))),
    weightNorm: layers.map((layer) =>
      Math.sqrt(sumOfSquares(layer.W) + (layer.b ? sumOfSquares(layer.b) : 0)),
    ),
  };
}

// ---------------------------------------------------------------------------------------------
// Gradient clipping (pure maths; inputs are never modified)

/** Euclidean (Frobenius) norm of one tensor. */
export function l2Norm(g: ArrayLike<number>): number {
  return Math.sqrt(sumOfSquares(g));
}

/** sqrt of the sum of squares of every element of every tensor. */
export function globalNorm(grads: readonly ArrayLike<number>[]): number {
  let s = 0;
  for (const g of grads) s += sumOfSquares(g);
  return Math.sqrt(s);
}

/** Every element clamped to [-c, c] (PyTorch clip_grad_value_, Keras clipvalue). NaN stays NaN. */
export function clipByValue(grads: readonly ArrayLike<number>[], c: number): Float64Array[] {
  return grads.map((g) => {
    const out = new Float64Array(g.length);
    for (let k = 0; k < g.length; k++) out[k] = Math.min(c, Math.max(-c, g[k] as number));
    return out;
  });
}

/**
 * Each tensor g replaced by g * c / max(||g||, c) (tf.clip_by_norm, Keras clipnorm): unchanged
 * when ||g|| <= c, rescaled to norm c otherwise. A non-finite norm gives NaN/0 entries
 * (Infinity * 0 = NaN), as the frameworks do.
 */
export function clipEachTensorByNorm(
  grads: readonly ArrayLike<number>[],
  c: number,
): Float64Array[] {
  return grads.map((g) => {
    const denom = Math.max(l2Norm(g), c);
    const out = new Float64Array(g.length);
    for (let k = 0; k < g.length; k++) out[k] = ((g[k] as number) * c) / denom;
    return out;
  });
}

/**
 * All tensors scaled by scale = min(1, c / (G + 1e-6)), G the global norm (PyTorch
 * clip_grad_norm_). A NaN norm makes scale NaN; an infinite one makes it 0.
 */
export function clipByGlobalNorm(
  grads: readonly ArrayLike<number>[],
  c: number,
): { clipped: Float64Array[]; globalNorm: number; scale: number } {
  const G = globalNorm(grads);
  const scale = Math.min(1, c / (G + GLOBAL_NORM_EPSILON));
  const clipped = grads.map((g) => {
    const out = new Float64Array(g.length);
    for (let k = 0; k < g.length; k++) out[k] = (g[k] as number) * scale;
    return out;
  });
  return { clipped, globalNorm: G, scale };
}

/** Applies a ClipConfig from the experiment schema ('none' returns float64 copies). */
export function referenceClip(
  grads: readonly ArrayLike<number>[],
  clip: ClipConfig,
): Float64Array[] {
  switch (clip.mode) {
    case 'none':
      return grads.map((g) => Float64Array.from(g));
    case 'value':
      return clipByValue(grads, clip.threshold);
    case 'tensorNorm':
      return clipEachTensorByNorm(grads, clip.threshold);
    case 'globalNorm':
      return clipByGlobalNorm(grads, clip.threshold).clipped;
    case 'auto':
      // The threshold depends on the run's history of norms: see tests/unit/engine/autoClip.
      throw new Error(
        'AutoClip has no threshold of its own; clip by global norm at its percentile',
      );
  }
}
