/**
 * Proves the float64 reference network right on its own terms: special functions against
 * known values, activations and their derivatives, hand-computed networks, central finite
 * differences of the loss for every gradient and per-layer signal, and the clipping rules.
 */
import { describe, expect, it } from 'vitest';
import { ACTIVATIONS, type Activation } from '../../../src/config/schema';
import {
  activate,
  activationDerivative,
  clipByGlobalNorm,
  clipByValue,
  clipEachTensorByNorm,
  cloneLayers,
  erf,
  erfc,
  globalNorm,
  isResidualLayer,
  l2Norm,
  LAYER_NORM_EPSILON,
  makeRefLayer,
  normalCdf,
  referenceBackprop,
  referenceClip,
  referenceDataLoss,
  referenceForward,
  referenceLoss,
  regularizationPenalty,
  SELU_ALPHA,
  SELU_LAMBDA,
  type RefLayer,
  type RefLoss,
  type RefNormalization,
  type RefOptions,
} from '../../support/referenceNetwork';

// ---------------------------------------------------------------------------------------------
// Helpers

/** A tiny self-contained seeded generator (mulberry32 + Box-Muller), independent of src/. */
function rng(seed: number): { uniform(): number; normal(): number } {
  let state = seed >>> 0;
  const uniform = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return {
    uniform,
    normal: () => Math.sqrt(-2 * Math.log(1 - uniform())) * Math.cos(2 * Math.PI * uniform()),
  };
}

function expectClose(actual: number, expected: number, rtol: number, atol = 0): void {
  const tol = rtol * Math.max(Math.abs(actual), Math.abs(expected)) + atol;
  if (!(Math.abs(actual - expected) <= tol)) {
    expect.fail(`expected ${actual} to be within ${tol} of ${expected}`);
  }
}

function expectArrayClose(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  rtol = 1e-12,
  atol = 1e-15,
): void {
  expect(actual.length).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    expectClose(actual[k] as number, expected[k] as number, rtol, atol);
  }
}

const baseOpts: RefOptions = {
  activation: 'linear',
  residual: false,
  normalization: 'none',
  loss: 'mse',
  l1: 0,
  l2: 0,
};

/** Activations with a kink (discontinuous derivative) at 0. */
const KINKED: readonly Activation[] = ['relu', 'leakyRelu', 'selu'];

interface Problem {
  layers: RefLayer[];
  X: Float64Array;
  Y: Float64Array;
  batch: number;
}

/**
 * A random problem for widths [d0, ..., 1]. When `kinkFree`, seeds are skipped until every
 * hidden pre-activation u and every kernel weight is at least 1e-3 away from 0, so finite
 * differences of width 1e-6 never cross a kink of relu-like activations or of |w|.
 */
function makeProblem(
  widths: number[],
  batch: number,
  opts: RefOptions,
  seed: number,
  bias = true,
): Problem {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const r = rng(seed * 7919 + attempt);
    const layers: RefLayer[] = [];
    for (let l = 1; l < widths.length; l++) {
      const fanIn = widths[l - 1] as number;
      const fanOut = widths[l] as number;
      const W = Float64Array.from({ length: fanIn * fanOut }, () => r.normal() / Math.sqrt(fanIn));
      const b = bias ? Float64Array.from({ length: fanOut }, () => 0.3 * r.normal()) : null;
      layers.push({ W, b, fanIn, fanOut });
    }
    const X = Float64Array.from({ length: batch * (widths[0] as number) }, () => r.normal());
    const Y = Float64Array.from({ length: batch }, () =>
      opts.loss === 'mse' ? r.normal() : r.uniform() < 0.5 ? 0 : 1,
    );
    const fwd = referenceForward(layers, X, batch, opts);
    const minU = Math.min(
      ...fwd.u.slice(0, -1).flatMap((u) => Array.from(u, (v) => Math.abs(v))),
      Infinity,
    );
    const minW = Math.min(...layers.flatMap((l) => Array.from(l.W, (v) => Math.abs(v))));
    if ((KINKED.includes(opts.activation) ? minU > 1e-3 : true) && minW > 1e-3) {
      return { layers, X, Y, batch };
    }
  }
  throw new Error('no kink-free problem found');
}

const H = 1e-6;
const FD_RTOL = 1e-6;
const FD_ATOL = 1e-8;

/** Central difference of the total loss with respect to one parameter. */
function fdParam(p: Problem, opts: RefOptions, arr: Float64Array, k: number): number {
  const orig = arr[k] as number;
  arr[k] = orig + H;
  const plus = referenceLoss(p.layers, p.X, p.Y, p.batch, opts).totalLoss;
  arr[k] = orig - H;
  const minus = referenceLoss(p.layers, p.X, p.Y, p.batch, opts).totalLoss;
  arr[k] = orig;
  return (plus - minus) / (2 * H);
}

/** Central difference of the total loss with respect to z_l[k] via the forward hook. */
function fdSignal(p: Problem, opts: RefOptions, layer: number, k: number): number {
  const at = (delta: number): number =>
    referenceLoss(p.layers, p.X, p.Y, p.batch, opts, (l, z) => {
      if (l === layer) z[k] = (z[k] as number) + delta;
    }).totalLoss;
  return (at(H) - at(-H)) / (2 * H);
}

function maxAbs(a: ArrayLike<number>): number {
  let m = 0;
  for (let k = 0; k < a.length; k++) m = Math.max(m, Math.abs(a[k] as number));
  return m;
}

/** Checks dW, db and the signal of every layer against finite differences. */
function checkAgainstFiniteDifferences(p: Problem, opts: RefOptions): void {
  const g = referenceBackprop(p.layers, p.X, p.Y, p.batch, opts);
  p.layers.forEach((layer, l) => {
    const dW = g.dW[l] as Float64Array;
    for (let k = 0; k < layer.W.length; k++) {
      expectClose(dW[k] as number, fdParam(p, opts, layer.W, k), FD_RTOL, FD_ATOL);
    }
    const db = g.db[l];
    if (layer.b === null) {
      expect(db).toBeNull();
    } else {
      expect(db).not.toBeNull();
      for (let k = 0; k < layer.b.length; k++) {
        expectClose(
          (db as Float64Array)[k] as number,
          fdParam(p, opts, layer.b, k),
          FD_RTOL,
          FD_ATOL,
        );
      }
    }
    const S = g.signal[l] as Float64Array;
    expect(S.length).toBe(p.batch * layer.fanOut);
    for (let k = 0; k < S.length; k++) {
      expectClose(S[k] as number, fdSignal(p, opts, l, k), FD_RTOL, FD_ATOL);
    }
    // Not vacuous: every layer carries a real gradient.
    expect(maxAbs(dW)).toBeGreaterThan(1e-4);
  });
}

/** db = column sums of S, dW = h_prev^T S + l1 sign(W) + 2 l2 W, and the norm helpers. */
function checkIdentities(p: Problem, opts: RefOptions): void {
  const g = referenceBackprop(p.layers, p.X, p.Y, p.batch, opts);
  const fwd = referenceForward(p.layers, p.X, p.batch, opts);
  p.layers.forEach((layer, l) => {
    const { fanIn, fanOut } = layer;
    const S = g.signal[l] as Float64Array;
    const hPrev = fwd.inputs[l] as Float64Array;
    const expectedW = new Float64Array(fanIn * fanOut);
    for (let i = 0; i < fanIn; i++) {
      for (let j = 0; j < fanOut; j++) {
        let s = 0;
        for (let r = 0; r < p.batch; r++) {
          s += (hPrev[r * fanIn + i] as number) * (S[r * fanOut + j] as number);
        }
        const w = layer.W[i * fanOut + j] as number;
        expectedW[i * fanOut + j] = s + opts.l1 * Math.sign(w) + 2 * opts.l2 * w;
      }
    }
    expectArrayClose(g.dW[l] as Float64Array, expectedW, 1e-12, 1e-14);
    if (layer.b !== null) {
      const expectedB = new Float64Array(fanOut);
      for (let r = 0; r < p.batch; r++) {
        for (let j = 0; j < fanOut; j++)
          expectedB[j] = (expectedB[j] as number) + (S[r * fanOut + j] as number);
      }
      expectArrayClose(g.db[l] as Float64Array, expectedB, 1e-12, 1e-14);
    }
    const gb = g.db[l];
    expectClose(
      g.layerGradNorm[l] as number,
      Math.hypot(...(g.dW[l] as Float64Array), ...(gb ?? [])),
      1e-12,
    );
    expectClose(g.signalNorm[l] as number, Math.hypot(...S), 1e-12);
    expectClose(g.weightNorm[l] as number, Math.hypot(...layer.W, ...(layer.b ?? [])), 1e-12);
  });
  const loss = referenceLoss(p.layers, p.X, p.Y, p.batch, opts);
  expect(g.dataLoss).toBe(loss.dataLoss);
  expect(g.totalLoss).toBe(loss.totalLoss);
  expectClose(
    g.totalLoss - g.dataLoss,
    regularizationPenalty(p.layers, opts.l1, opts.l2),
    1e-9,
    1e-15,
  );
}

// ---------------------------------------------------------------------------------------------
// Special functions

describe('erf / erfc', () => {
  // Values from CPython's math.erf / math.erfc.
  const table: [number, number, number][] = [
    [0, 0, 1],
    [0.001, 0.0011283787909692365, 0.9988716212090307],
    [0.1, 0.1124629160182849, 0.8875370839817152],
    [0.5, 0.5204998778130465, 0.4795001221869535],
    [1, 0.8427007929497149, 0.15729920705028513],
    [1.5, 0.9661051464753108, 0.033894853524689274],
    [2, 0.9953222650189527, 0.004677734981047265],
    [2.4, 0.999311486103355, 0.0006885138966450789],
    [2.5, 0.999593047982555, 0.0004069520174449589],
    [2.6, 0.9997639655834707, 0.00023603441652934908],
    [3, 0.9999779095030014, 2.2090496998585438e-5],
    [4, 0.9999999845827421, 1.541725790028002e-8],
    [5, 0.9999999999984626, 1.5374597944280351e-12],
    [6, 1, 2.1519736712498916e-17],
    [10, 1, 2.088487583762545e-45],
  ];

  it.each(table)('erf(%d) and erfc(%d) match high-precision values', (x, e, ec) => {
    expectClose(erf(x), e, 1e-14, 1e-16);
    expectClose(erfc(x), ec, 1e-12);
    expectClose(erf(-x), -e, 1e-14, 1e-16);
    expectClose(erfc(-x), 2 - ec, 1e-14);
  });

  it('has derivative 2/sqrt(pi) exp(-x^2), including across the series/fraction switch', () => {
    const h = 1e-5;
    const slope = (x: number): number => (2 / Math.sqrt(Math.PI)) * Math.exp(-x * x);
    for (const x of [-2.01, -2, -1.99, -1, -0.3, 0, 0.7, 1.99, 2, 2.01, 2.3]) {
      expectClose((erf(x + h) - erf(x - h)) / (2 * h), slope(x), 1e-8, 1e-11);
    }
    // In the tails erfc keeps full relative precision, so its difference quotient does too.
    for (const x of [1.5, 1.99, 2, 2.01, 2.5, 3.2, 4.5, 6, 9]) {
      expectClose((erfc(x + h) - erfc(x - h)) / (2 * h), -slope(x), 1e-7);
      expectClose((erfc(-x + h) - erfc(-x - h)) / (2 * h), -slope(x), 1e-5, 1e-11);
    }
  });

  it('handles infinities and NaN', () => {
    expect(erf(Infinity)).toBe(1);
    expect(erf(-Infinity)).toBe(-1);
    expect(erfc(Infinity)).toBe(0);
    expect(erfc(-Infinity)).toBe(2);
    expect(erf(NaN)).toBeNaN();
    expect(erfc(NaN)).toBeNaN();
    expectClose(normalCdf(0), 0.5, 1e-15);
    expectClose(normalCdf(1), 0.8413447460685429, 1e-14);
  });
});

// ---------------------------------------------------------------------------------------------
// Activations

describe('activations', () => {
  it('give known values', () => {
    const cases: [Activation, number, number][] = [
      ['linear', -2.5, -2.5],
      ['sigmoid', 0, 0.5],
      ['sigmoid', 2, 1 / (1 + Math.exp(-2))],
      ['sigmoid', -800, 0],
      ['tanh', 0.5, Math.tanh(0.5)],
      ['relu', -1, 0],
      ['relu', 0, 0],
      ['relu', 1.5, 1.5],
      ['leakyRelu', -2, -0.02],
      ['leakyRelu', 3, 3],
      ['elu', -1, Math.exp(-1) - 1],
      ['elu', 2, 2],
      ['selu', -1, SELU_LAMBDA * SELU_ALPHA * (Math.exp(-1) - 1)],
      ['selu', 2, 2 * SELU_LAMBDA],
      // Exact GELU, reference values from 0.5 x erfc(-x / sqrt 2) in CPython.
      ['gelu', -6, -5.919525870226207e-9],
      ['gelu', -3, -0.004049694094890287],
      ['gelu', -1, -0.15865525393145707],
      ['gelu', -0.5, -0.15426876936299344],
      ['gelu', 0.5, 0.34573123063700656],
      ['gelu', 1, 0.8413447460685429],
      ['gelu', 3, 2.99595030590511],
      ['softplus', 0, Math.LN2],
      ['softplus', 1, Math.log(1 + Math.E)],
      ['softplus', 800, 800],
      ['softplus', -800, 0],
      ['softplus', -40, Math.exp(-40)],
      ['swish', 1, 1 / (1 + Math.exp(-1))],
      ['swish', -2, -2 / (1 + Math.exp(2))],
    ];
    for (const [act, x, y] of cases) expectClose(activate(act, x), y, 1e-13, 1e-300);
  });

  it('use the stated constants', () => {
    expect(SELU_LAMBDA).toBe(1.0507009873554805);
    expect(SELU_ALPHA).toBe(1.6732632423543772);
    expect(activationDerivative('leakyRelu', -5)).toBe(0.01);
  });

  it.each(ACTIVATIONS)('%s has a derivative matching finite differences', (act) => {
    for (const x of [-7, -3.1, -1, -0.4, -0.01, 0.02, 0.3, 0.9, 2.2, 5.5]) {
      const h = 1e-6;
      const fd = (activate(act, x + h) - activate(act, x - h)) / (2 * h);
      expectClose(activationDerivative(act, x), fd, 1e-8, 1e-10);
    }
  });

  it('take the stated derivatives at the kink', () => {
    expect(activationDerivative('relu', 0)).toBe(0);
    expect(activationDerivative('leakyRelu', 0)).toBe(0.01);
    expect(activationDerivative('elu', 0)).toBe(1);
    expect(activationDerivative('selu', 0)).toBe(SELU_LAMBDA * SELU_ALPHA);
  });
});

// ---------------------------------------------------------------------------------------------
// Hand-computed networks

describe('hand-computed cases', () => {
  // 1-1-1 linear network: z1 = w1 x + b1, yhat = w2 z1 + b2.
  // x = 2, w1 = 3, b1 = 1, w2 = 0.5, b2 = -1, y = 1:
  // z1 = 7, yhat = 2.5, MSE = 1.5^2 = 2.25, dL/dyhat = 2 * 1.5 = 3,
  // dw2 = 3 * 7 = 21, db2 = 3, S1 = 3 * 0.5 = 1.5, dw1 = 1.5 * 2 = 3, db1 = 1.5.
  const tiny = (): RefLayer[] => [makeRefLayer([3], [1], 1, 1), makeRefLayer([0.5], [-1], 1, 1)];

  it('1-1-1 linear network with MSE', () => {
    const g = referenceBackprop(tiny(), [[2]], [1], 1, baseOpts);
    expect(g.yhat[0]).toBe(2.5);
    expect(g.dataLoss).toBe(2.25);
    expect(g.totalLoss).toBe(2.25);
    expect(Array.from(g.dW[1] as Float64Array)).toEqual([21]);
    expect(Array.from(g.db[1] as Float64Array)).toEqual([3]);
    expect(Array.from(g.signal[1] as Float64Array)).toEqual([3]);
    expect(Array.from(g.signal[0] as Float64Array)).toEqual([1.5]);
    expect(Array.from(g.dW[0] as Float64Array)).toEqual([3]);
    expect(Array.from(g.db[0] as Float64Array)).toEqual([1.5]);
    expectClose(g.layerGradNorm[1] as number, Math.hypot(21, 3), 1e-15);
    expectClose(g.layerGradNorm[0] as number, Math.hypot(3, 1.5), 1e-15);
    expectClose(g.signalNorm[0] as number, 1.5, 1e-15);
    expectClose(g.weightNorm[0] as number, Math.hypot(3, 1), 1e-15);
    expectClose(g.weightNorm[1] as number, Math.hypot(0.5, 1), 1e-15);
  });

  it('1-1-1 with l2 and l1 (kernels only, biases untouched)', () => {
    // l2 = 0.1: penalty 0.1 (9 + 0.25) = 0.925; dw += 0.2 w.
    const l2 = referenceBackprop(tiny(), [2], [1], 1, { ...baseOpts, l2: 0.1 });
    expectClose(l2.totalLoss, 2.25 + 0.925, 1e-15);
    expectClose((l2.dW[0] as Float64Array)[0] as number, 3 + 0.6, 1e-15);
    expectClose((l2.dW[1] as Float64Array)[0] as number, 21 + 0.1, 1e-15);
    expect(Array.from(l2.db[0] as Float64Array)).toEqual([1.5]);
    // l1 = 0.2 with w2 = -0.5: penalty 0.2 (3 + 0.5); dw1 += 0.2, dw2 -= 0.2.
    const layers = tiny();
    (layers[1] as RefLayer).W[0] = -0.5;
    // yhat = -4.5, dL/dyhat = 2 (-5.5) = -11, dw2 = -77, S1 = 5.5, dw1 = 11.
    const l1 = referenceBackprop(layers, [2], [1], 1, { ...baseOpts, l1: 0.2 });
    expectClose(l1.dataLoss, 30.25, 1e-15);
    expectClose(l1.totalLoss, 30.25 + 0.7, 1e-15);
    expectClose((l1.dW[0] as Float64Array)[0] as number, 11 + 0.2, 1e-15);
    expectClose((l1.dW[1] as Float64Array)[0] as number, -77 - 0.2, 1e-15);
    // The l1 subgradient at w = 0 is 0.
    (layers[0] as RefLayer).W[0] = 0;
    const atZero = referenceBackprop(layers, [2], [1], 1, { ...baseOpts, l1: 5 });
    // z1 = 1, yhat = -1.5, dL/dyhat = -5, S1 = 2.5, dw1 = 5 + 0.
    expectClose((atZero.dW[0] as Float64Array)[0] as number, 5, 1e-15);
  });

  it('sigmoid cross-entropy at logit 0 and with a batch of 2', () => {
    const layers = [makeRefLayer([0], [0], 1, 1)];
    const opts: RefOptions = { ...baseOpts, loss: 'sigmoidCrossEntropy' };
    const g = referenceBackprop(layers, [[1]], [1], 1, opts);
    expectClose(g.dataLoss, Math.LN2, 1e-15);
    expectClose((g.signal[0] as Float64Array)[0] as number, -0.5, 1e-15);
    // Single linear layer w = 1, b = 0; logits 2 and -3, labels 1 and 1:
    // loss = (log(1 + e^-2) + log(1 + e^3)) / 2; dz = (sigmoid(z) - 1) / 2.
    const two = referenceBackprop([makeRefLayer([1], [0], 1, 1)], [2, -3], [[1], [1]], 2, opts);
    expectClose(two.dataLoss, (Math.log1p(Math.exp(-2)) + Math.log1p(Math.exp(3))) / 2, 1e-14);
    const s = (x: number): number => 1 / (1 + Math.exp(-x));
    expectArrayClose(two.signal[0] as Float64Array, [(s(2) - 1) / 2, (s(-3) - 1) / 2]);
    expectClose(
      (two.dW[0] as Float64Array)[0] as number,
      (2 * (s(2) - 1)) / 2 + (-3 * (s(-3) - 1)) / 2,
      1e-14,
    );
    // Large logits stay finite.
    expectClose(referenceDataLoss([1000], [0], 'sigmoidCrossEntropy'), 1000, 1e-15);
    expectClose(referenceDataLoss([-1000], [0], 'sigmoidCrossEntropy'), 0, 0, 1e-300);
    expectClose(referenceDataLoss([-1000], [1], 'sigmoidCrossEntropy'), 1000, 1e-15);
  });

  it('MSE averages over the batch', () => {
    expect(referenceDataLoss([1, 2, 3], [1, 0, 0], 'mse')).toBeCloseTo(13 / 3, 14);
  });

  it('residual 1-1-1-1 linear: the first hidden layer never skips, the second does', () => {
    // z1 = w1 x + b1 = 2 * 3 + 0 = 6, h1 = 6 (layer 1 has no skip even though 1 == 1);
    // z2 = w2 h1 + b2 = 0.5 * 6 + 1 = 4, h2 = 4 + 6 = 10; yhat = w3 h2 + b3 = 2 * 10 - 1 = 19.
    const layers = [
      makeRefLayer([2], [0], 1, 1),
      makeRefLayer([0.5], [1], 1, 1),
      makeRefLayer([2], [-1], 1, 1),
    ];
    const opts: RefOptions = { ...baseOpts, residual: true };
    const fwd = referenceForward(layers, [3], 1, opts);
    expect(fwd.residual).toEqual([false, true, false]);
    expect(fwd.yhat[0]).toBe(19);
    // y = 18: dL/dyhat = 2; dw3 = 2 * 10 = 20; dh2 = 2 * 2 = 4 = S2; dw2 = 4 * 6 = 24, db2 = 4;
    // dh1 = S2 w2 + dh2 = 2 + 4 = 6 = S1; dw1 = 6 * 3 = 18, db1 = 6.
    const g = referenceBackprop(layers, [3], [18], 1, opts);
    expect(g.dataLoss).toBe(1);
    expect(Array.from(g.dW[2] as Float64Array)).toEqual([20]);
    expect(Array.from(g.signal[1] as Float64Array)).toEqual([4]);
    expect(Array.from(g.dW[1] as Float64Array)).toEqual([24]);
    expect(Array.from(g.signal[0] as Float64Array)).toEqual([6]);
    expect(Array.from(g.dW[0] as Float64Array)).toEqual([18]);
    expect(Array.from(g.db[0] as Float64Array)).toEqual([6]);
  });

  it('residual only where widths match, never on the output layer', () => {
    const shape = (ws: number[]): RefLayer[] =>
      ws
        .slice(1)
        .map((w, i) =>
          makeRefLayer(new Float64Array((ws[i] as number) * w), null, ws[i] as number, w),
        );
    const layers = shape([2, 2, 3, 3, 1, 1]);
    expect(layers.map((_, l) => isResidualLayer(layers, l, true))).toEqual([
      false, // first layer
      false, // 2 -> 3
      true, // 3 -> 3
      false, // 3 -> 1
      false, // output 1 -> 1
    ]);
    expect(layers.map((_, l) => isResidualLayer(layers, l, false))).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });

  it('layer normalization of a width-2 layer by hand', () => {
    // z = [1, 3]: mean 2, variance 1, u = [-1, 1] / sqrt(1 + eps).
    const layers = [makeRefLayer([1, 3], null, 1, 2), makeRefLayer([1, 1], null, 2, 1)];
    const fwd = referenceForward(layers, [1], 1, { ...baseOpts, normalization: 'layerNorm' });
    const s = 1 / Math.sqrt(1 + LAYER_NORM_EPSILON);
    expectArrayClose(fwd.u[0] as Float64Array, [-s, s], 1e-15);
    // The output layer is never normalized.
    expect(fwd.u[1]).toBe(fwd.z[1]);
    expect(fwd.invStd[1]).toBeNull();
  });

  it('layer normalization rows have mean 0 and variance var / (var + eps)', () => {
    const opts: RefOptions = { ...baseOpts, normalization: 'layerNorm', activation: 'tanh' };
    const p = makeProblem([3, 5, 4, 1], 6, opts, 3);
    const fwd = referenceForward(p.layers, p.X, p.batch, opts);
    for (let l = 0; l < 2; l++) {
      const z = fwd.z[l] as Float64Array;
      const u = fwd.u[l] as Float64Array;
      const d = (p.layers[l] as RefLayer).fanOut;
      for (let r = 0; r < p.batch; r++) {
        const zr = Array.from(z.subarray(r * d, (r + 1) * d));
        const ur = Array.from(u.subarray(r * d, (r + 1) * d));
        const mean = (v: number[]): number => v.reduce((a, b) => a + b, 0) / v.length;
        const zm = mean(zr);
        const zvar = mean(zr.map((v) => (v - zm) ** 2));
        const um = mean(ur);
        expectClose(um, 0, 0, 1e-14);
        expectClose(mean(ur.map((v) => (v - um) ** 2)), zvar / (zvar + LAYER_NORM_EPSILON), 1e-12);
      }
    }
  });

  it('accepts rows or flat arrays, and Float32Array weights via makeRefLayer', () => {
    const opts: RefOptions = { ...baseOpts, activation: 'tanh' };
    const layers = [
      makeRefLayer(new Float32Array([0.5, -0.25, 1, 2]), new Float32Array([0.1, -0.1]), 2, 2),
      makeRefLayer([1.5, -1], [0.25], 2, 1),
    ];
    const flat = referenceBackprop(layers, [1, 2, -1, 0.5], [0.3, -0.2], 2, opts);
    const rows = referenceBackprop(
      layers,
      [
        [1, 2],
        [-1, 0.5],
      ],
      [[0.3], [-0.2]],
      2,
      opts,
    );
    expect(rows.totalLoss).toBe(flat.totalLoss);
    expect(rows.dW.map((g) => Array.from(g))).toEqual(flat.dW.map((g) => Array.from(g)));
    expect((layers[0] as RefLayer).W[0]).toBe(0.5);
    expect((layers[0] as RefLayer).b?.[0]).toBe(Math.fround(0.1));
  });

  it('rejects malformed shapes', () => {
    const layers = [makeRefLayer([1, 2], null, 1, 2), makeRefLayer([1, 1], null, 2, 1)];
    expect(() => referenceForward(layers, [1, 2, 3], 2, baseOpts)).toThrow();
    expect(() => referenceBackprop(layers, [1, 2], [1], 2, baseOpts)).toThrow();
    expect(() => referenceForward([makeRefLayer([1, 2], null, 1, 2)], [1], 1, baseOpts)).toThrow();
    expect(() => makeRefLayer([1, 2, 3], null, 1, 2)).toThrow();
    expect(() =>
      referenceForward([layers[0] as RefLayer, layers[0] as RefLayer], [1], 1, baseOpts),
    ).toThrow();
  });

  it('propagates non-finite values instead of throwing', () => {
    const layers = [makeRefLayer([1, 2], [0, 0], 1, 2), makeRefLayer([1, 1], [0], 2, 1)];
    const g = referenceBackprop(layers, [NaN], [1], 1, { ...baseOpts, activation: 'relu' });
    expect(g.dataLoss).toBeNaN();
    expect(g.layerGradNorm[1]).toBeNaN();
    expect(g.layerGradNorm[0]).toBeNaN();
    expect(activate('relu', NaN)).toBeNaN();
    expect(activationDerivative('relu', NaN)).toBeNaN();
    const big = [makeRefLayer([1e200], [0], 1, 1), makeRefLayer([1e200], [0], 1, 1)];
    const inf = referenceBackprop(big, [1e200], [0], 1, baseOpts);
    expect(inf.dataLoss).toBe(Infinity);
    expect(Number.isFinite(inf.layerGradNorm[0])).toBe(false);
  });

  it('cloneLayers makes independent copies', () => {
    const layers = [makeRefLayer([1], [2], 1, 1)];
    const copy = cloneLayers(layers);
    (copy[0] as RefLayer).W[0] = 5;
    expect((layers[0] as RefLayer).W[0]).toBe(1);
  });
});

// ---------------------------------------------------------------------------------------------
// Finite differences over every configuration

interface FdCase {
  activation: Activation;
  residual: boolean;
  normalization: RefNormalization;
  loss: RefLoss;
}

const fdCases: FdCase[] = [];
for (const activation of ACTIVATIONS) {
  for (const residual of [false, true]) {
    for (const normalization of ['none', 'layerNorm'] as const) {
      for (const loss of ['mse', 'sigmoidCrossEntropy'] as const) {
        fdCases.push({ activation, residual, normalization, loss });
      }
    }
  }
}

// Widths include residual-eligible layers (4 -> 4, 3 -> 3), width changes, and d0 == d1.
const FD_WIDTHS = [3, 3, 4, 4, 3, 3, 1];

describe('finite differences: dW, db and signal of the total loss', () => {
  it.each(fdCases)(
    '$activation residual=$residual norm=$normalization loss=$loss',
    ({ activation, residual, normalization, loss }) => {
      const opts: RefOptions = { activation, residual, normalization, loss, l1: 0.003, l2: 0.02 };
      const seed =
        ACTIVATIONS.indexOf(activation) * 16 +
        (residual ? 8 : 0) +
        (normalization === 'layerNorm' ? 4 : 0) +
        (loss === 'mse' ? 0 : 2);
      const p = makeProblem(FD_WIDTHS, 5, opts, seed + 1);
      checkAgainstFiniteDifferences(p, opts);
      checkIdentities(p, opts);
    },
  );

  it.each(ACTIVATIONS)('%s without biases or regularization', (activation) => {
    const opts: RefOptions = {
      ...baseOpts,
      activation,
      residual: true,
      normalization: 'layerNorm',
    };
    const p = makeProblem([2, 4, 4, 1], 4, opts, 100 + ACTIVATIONS.indexOf(activation), false);
    checkAgainstFiniteDifferences(p, opts);
    checkIdentities(p, opts);
  });

  it('a single linear output layer (no hidden layers) with both losses', () => {
    for (const loss of ['mse', 'sigmoidCrossEntropy'] as const) {
      const opts: RefOptions = { ...baseOpts, loss, l1: 0.01, l2: 0.1 };
      const p = makeProblem([2, 1], 7, opts, 200);
      checkAgainstFiniteDifferences(p, opts);
      checkIdentities(p, opts);
    }
  });

  it('the residual path matters: residual and plain networks differ when eligible', () => {
    const opts: RefOptions = { ...baseOpts, activation: 'tanh', residual: true };
    const p = makeProblem([2, 3, 3, 1], 3, opts, 300);
    const withSkip = referenceBackprop(p.layers, p.X, p.Y, p.batch, opts);
    const without = referenceBackprop(p.layers, p.X, p.Y, p.batch, { ...opts, residual: false });
    expect(withSkip.dataLoss).not.toBe(without.dataLoss);
  });
});

// ---------------------------------------------------------------------------------------------
// Clipping

describe('clipping', () => {
  // ||a|| = 5, ||b|| = 13, global norm = sqrt(25 + 169) = sqrt(194).
  const a = [3, -4];
  const b = new Float32Array([5, 0, -12]);

  it('norm helpers', () => {
    expect(l2Norm(a)).toBe(5);
    expect(l2Norm(b)).toBe(13);
    expect(globalNorm([a, b])).toBe(Math.sqrt(194));
    expect(globalNorm([])).toBe(0);
  });

  it('clipByValue clamps each element', () => {
    const out = clipByValue([a, b], 4.5);
    expect(Array.from(out[0] as Float64Array)).toEqual([3, -4]);
    expect(Array.from(out[1] as Float64Array)).toEqual([4.5, 0, -4.5]);
    expect(Array.from(clipByValue([[0, 0]], 1)[0] as Float64Array)).toEqual([0, 0]);
    // Inputs are not modified.
    expect(a).toEqual([3, -4]);
  });

  it('clipByValue propagates NaN and clamps infinities', () => {
    const out = clipByValue([[NaN, Infinity, -Infinity, 0.5]], 2)[0] as Float64Array;
    expect(out[0]).toBeNaN();
    expect(Array.from(out.subarray(1))).toEqual([2, -2, 0.5]);
  });

  it('clipEachTensorByNorm rescales only tensors above the threshold', () => {
    const out = clipEachTensorByNorm([a, b], 6.5);
    // ||a|| = 5 <= 6.5: unchanged. ||b|| = 13 > 6.5: halved.
    expect(Array.from(out[0] as Float64Array)).toEqual([3, -4]);
    expect(Array.from(out[1] as Float64Array)).toEqual([2.5, 0, -6]);
    const both = clipEachTensorByNorm([a, b], 1);
    expectArrayClose(both[0] as Float64Array, [0.6, -0.8]);
    expectArrayClose(both[1] as Float64Array, [5 / 13, 0, -12 / 13]);
    // Threshold above both norms: identity. Exactly at the norm: identity.
    expect(Array.from(clipEachTensorByNorm([a], 100)[0] as Float64Array)).toEqual([3, -4]);
    expect(Array.from(clipEachTensorByNorm([a], 5)[0] as Float64Array)).toEqual([3, -4]);
  });

  it('clipEachTensorByNorm leaves zero gradients at zero and propagates non-finite values', () => {
    expect(Array.from(clipEachTensorByNorm([[0, 0, 0]], 1)[0] as Float64Array)).toEqual([0, 0, 0]);
    const inf = clipEachTensorByNorm(
      [
        [Infinity, 1],
        [3, 4],
      ],
      1,
    );
    // Infinite norm: Infinity * c / Infinity = NaN, finite entries become 0.
    expect((inf[0] as Float64Array)[0]).toBeNaN();
    expect((inf[0] as Float64Array)[1]).toBe(0);
    expectArrayClose(inf[1] as Float64Array, [0.6, 0.8]);
    const nan = clipEachTensorByNorm([[NaN, 1]], 1)[0] as Float64Array;
    expect(nan[0]).toBeNaN();
    expect(nan[1]).toBeNaN();
  });

  it('clipByGlobalNorm scales everything by min(1, c / (G + 1e-6))', () => {
    const G = Math.sqrt(194);
    const below = clipByGlobalNorm([a, b], 1);
    expect(below.globalNorm).toBe(G);
    expect(below.scale).toBe(1 / (G + 1e-6));
    expectArrayClose(below.clipped[0] as Float64Array, [3 / (G + 1e-6), -4 / (G + 1e-6)]);
    expectArrayClose(below.clipped[1] as Float64Array, [5 / (G + 1e-6), 0, -12 / (G + 1e-6)]);
    expectClose(globalNorm(below.clipped), G / (G + 1e-6), 1e-15);
    // Threshold above the norm: untouched, scale exactly 1.
    const above = clipByGlobalNorm([a, b], 20);
    expect(above.scale).toBe(1);
    expect(Array.from(above.clipped[1] as Float64Array)).toEqual([5, 0, -12]);
    // Threshold equal to the norm: the epsilon makes the scale just below 1.
    const equal = clipByGlobalNorm([[3, 4]], 5);
    expect(equal.scale).toBe(5 / (5 + 1e-6));
    expect(equal.scale).toBeLessThan(1);
  });

  it('clipByGlobalNorm with zero and non-finite gradients', () => {
    const zero = clipByGlobalNorm([[0, 0], [0]], 1);
    expect(zero.globalNorm).toBe(0);
    expect(zero.scale).toBe(1);
    expect(Array.from(zero.clipped[0] as Float64Array)).toEqual([0, 0]);
    const inf = clipByGlobalNorm([[Infinity, 1], [2]], 1);
    expect(inf.globalNorm).toBe(Infinity);
    expect(inf.scale).toBe(0);
    expect((inf.clipped[0] as Float64Array)[0]).toBeNaN();
    expect((inf.clipped[0] as Float64Array)[1]).toBe(0);
    expect((inf.clipped[1] as Float64Array)[0]).toBe(0);
    const nan = clipByGlobalNorm([[NaN], [1]], 1);
    expect(nan.globalNorm).toBeNaN();
    expect(nan.scale).toBeNaN();
    expect((nan.clipped[1] as Float64Array)[0]).toBeNaN();
    expect(clipByGlobalNorm([], 1).clipped).toEqual([]);
  });

  it('referenceClip dispatches on the ClipConfig', () => {
    const grads = [a, b];
    expect(referenceClip(grads, { mode: 'none' }).map((g) => Array.from(g))).toEqual([
      [3, -4],
      [5, 0, -12],
    ]);
    expect(referenceClip(grads, { mode: 'value', threshold: 4.5 })).toEqual(
      clipByValue(grads, 4.5),
    );
    expect(referenceClip(grads, { mode: 'tensorNorm', threshold: 6.5 })).toEqual(
      clipEachTensorByNorm(grads, 6.5),
    );
    expect(referenceClip(grads, { mode: 'globalNorm', threshold: 1 })).toEqual(
      clipByGlobalNorm(grads, 1).clipped,
    );
  });
});
