/**
 * The order/chaos boundary of deep random networks at initialization, from mean-field theory
 * (Poole et al. 2016, "Exponential expressivity in deep neural networks through transient chaos";
 * Schoenholz et al. 2017, "Deep information propagation").
 *
 * In infinitely wide dense layers with i.i.d. weights of variance sigma_w^2 / fanIn and biases
 * fixed at b (Gradscope's bias init is a constant, so sigma_b = 0 and b shifts the mean), each
 * pre-activation is Gaussian, z ~ N(b, q), and its variance follows
 *   q_{l+1} = sigma_w^2 E[phi(z_l)^2]
 * to a fixed point q*. There the backpropagated signal's squared norm changes by
 *   chi_1 = sigma_w^2 E[phi'(z)^2],   z ~ N(b, q*)
 * per layer toward the input: chi_1 < 1 vanishes (order), chi_1 > 1 explodes (chaos), and the
 * expected step-1 log slope (see sweepCell.ts) is log(chi_1) / 2.
 *
 * Expectations are Gauss-Hermite quadrature. Pure maths: no tfjs, no React.
 */
import { LEAKY_RELU_ALPHA } from './activationConstants';
import type { Activation } from './schema';

/** Quadrature nodes: exact for polynomials of degree < 2n; smooth activations converge fast. */
const HERMITE_NODES = 64;
/** Variance iterations toward q*; convergence is geometric except right at the boundary. */
const MAX_FIXED_POINT_ITERATIONS = 3000;
/** Variances are kept below this: past it (linear or ReLU above the boundary) q* is infinite. */
const MAX_VARIANCE = 1e12;

/** SELU's constants (Klambauer et al. 2017), as tfjs uses them. */
const SELU_SCALE = 1.0507009873554805;
const SELU_ALPHA = 1.6732632423543772;

/**
 * Nodes x_i and weights w_i of n-point Gauss-Hermite quadrature for the weight exp(-x^2):
 * sum w_i f(x_i) ~ integral exp(-x^2) f(x) dx. Newton's method on the orthonormal Hermite
 * recurrence (Numerical Recipes' gauher).
 */
export function gaussHermite(n: number): { nodes: number[]; weights: number[] } {
  const nodes = new Array<number>(n).fill(0);
  const weights = new Array<number>(n).fill(0);
  const PIM4 = Math.PI ** -0.25;
  let z = 0;
  for (let i = 0; i < Math.floor((n + 1) / 2); i++) {
    if (i === 0) z = Math.sqrt(2 * n + 1) - 1.85575 * (2 * n + 1) ** (-1 / 6);
    else if (i === 1) z -= (1.14 * n ** 0.426) / z;
    else if (i === 2) z = 1.86 * z - 0.86 * (nodes[0] as number);
    else if (i === 3) z = 1.91 * z - 0.91 * (nodes[1] as number);
    else z = 2 * z - (nodes[i - 2] as number);
    let pp = 0;
    for (let iteration = 0; iteration < 100; iteration++) {
      let p1 = PIM4;
      let p2 = 0;
      for (let j = 0; j < n; j++) {
        const p3 = p2;
        p2 = p1;
        p1 = z * Math.sqrt(2 / (j + 1)) * p2 - Math.sqrt(j / (j + 1)) * p3;
      }
      pp = Math.sqrt(2 * n) * p2;
      const z1 = z;
      z = z1 - p1 / pp;
      if (Math.abs(z - z1) <= 1e-15) break;
    }
    nodes[i] = z;
    nodes[n - 1 - i] = -z;
    weights[i] = 2 / (pp * pp);
    weights[n - 1 - i] = weights[i] as number;
  }
  return { nodes, weights };
}

const RULE = gaussHermite(HERMITE_NODES);

/** E[f(z)] for z ~ N(mean, variance). */
export function gaussianExpectation(
  f: (z: number) => number,
  mean: number,
  variance: number,
): number {
  const scale = Math.sqrt(2 * Math.max(variance, 0));
  let sum = 0;
  for (let i = 0; i < HERMITE_NODES; i++) {
    sum += (RULE.weights[i] as number) * f(mean + scale * (RULE.nodes[i] as number));
  }
  return sum / Math.sqrt(Math.PI);
}

/** Above this variance the nodes are too far apart for features of width ~1 (tanh's slope). */
const MAX_HERMITE_VARIANCE = 4;
/** The fine rule's reach in standard deviations, and its most points. */
const FINE_REACH_SD = 10;
const FINE_MAX_POINTS = 20000;

/**
 * E[f(z)] for z ~ N(mean, variance) by composite Simpson over the standardized variable, with
 * steps small enough (down to FINE_MAX_POINTS over +-FINE_REACH_SD) to resolve features of unit
 * width in z however wide the Gaussian: tanh'(z)^2 at q* = 10^4 is a spike the Hermite nodes
 * step over.
 */
export function fineGaussianExpectation(
  f: (z: number) => number,
  mean: number,
  variance: number,
): number {
  const sd = Math.sqrt(Math.max(variance, 0));
  const step = Math.max(Math.min(0.05, 0.25 / sd), (2 * FINE_REACH_SD) / FINE_MAX_POINTS);
  const g = (u: number) => f(mean + sd * u) * Math.exp(-0.5 * u * u);
  // ReLU, leaky ReLU, ELU and SELU have their kink at z = 0: split there, so a step in phi' is
  // integrated exactly rather than smeared over one Simpson panel.
  const kink = sd > 0 ? -mean / sd : Infinity;
  const pieces: Array<[number, number]> =
    Math.abs(kink) < FINE_REACH_SD
      ? [
          [-FINE_REACH_SD, kink],
          [kink, FINE_REACH_SD],
        ]
      : [[-FINE_REACH_SD, FINE_REACH_SD]];
  let total = 0;
  for (const [a, b] of pieces) total += simpson(g, a, b, step);
  return total / Math.sqrt(2 * Math.PI);
}

/** Composite Simpson's rule on [a, b] with panels no wider than `step`. */
function simpson(g: (u: number) => number, a: number, b: number, step: number): number {
  const intervals = 2 * Math.max(1, Math.ceil((b - a) / step / 2));
  const h = (b - a) / intervals;
  let sum = 0;
  for (let i = 0; i <= intervals; i++) {
    const weight = i === 0 || i === intervals ? 1 : i % 2 === 1 ? 4 : 2;
    // The kink's own value belongs to neither side: take each side's limit.
    const u = i === 0 ? a + h * 1e-9 : i === intervals ? b - h * 1e-9 : a + i * h;
    sum += weight * g(u);
  }
  return (sum * h) / 3;
}

/** erf, Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7). */
function erf(x: number): number {
  const t = 1 / (1 + 0.3275911 * Math.abs(x));
  const y =
    1 -
    ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) *
      t *
      Math.exp(-x * x);
  return x >= 0 ? y : -y;
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));

/** An activation and its derivative, as the engine computes them (engine/activations.ts). */
export function activationPair(activation: Activation): {
  phi: (x: number) => number;
  dphi: (x: number) => number;
} {
  switch (activation) {
    case 'linear':
      return { phi: (x) => x, dphi: () => 1 };
    case 'sigmoid':
      return { phi: sigmoid, dphi: (x) => sigmoid(x) * (1 - sigmoid(x)) };
    case 'tanh':
      return { phi: Math.tanh, dphi: (x) => 1 - Math.tanh(x) ** 2 };
    case 'relu':
      return { phi: (x) => Math.max(0, x), dphi: (x) => (x > 0 ? 1 : 0) };
    case 'leakyRelu':
      return {
        phi: (x) => (x > 0 ? x : LEAKY_RELU_ALPHA * x),
        dphi: (x) => (x > 0 ? 1 : LEAKY_RELU_ALPHA),
      };
    case 'elu':
      return { phi: (x) => (x > 0 ? x : Math.expm1(x)), dphi: (x) => (x > 0 ? 1 : Math.exp(x)) };
    case 'selu':
      return {
        phi: (x) => SELU_SCALE * (x > 0 ? x : SELU_ALPHA * Math.expm1(x)),
        dphi: (x) => SELU_SCALE * (x > 0 ? 1 : SELU_ALPHA * Math.exp(x)),
      };
    case 'gelu': {
      const cdf = (x: number) => 0.5 * (1 + erf(x * Math.SQRT1_2));
      const pdf = (x: number) => Math.exp(-0.5 * x * x) / Math.sqrt(2 * Math.PI);
      return { phi: (x) => x * cdf(x), dphi: (x) => cdf(x) + x * pdf(x) };
    }
    case 'softplus':
      return {
        phi: (x) => (x > 30 ? x : Math.log1p(Math.exp(x))),
        dphi: sigmoid,
      };
    case 'swish':
      return {
        phi: (x) => x * sigmoid(x),
        dphi: (x) => sigmoid(x) * (1 + x * (1 - sigmoid(x))),
      };
  }
}

/**
 * The fixed point q* of q -> sigma_w^2 E[phi(z)^2], z ~ N(bias, q), iterated from q = 1 (inputs
 * of unit scale), capped at MAX_VARIANCE where it has no finite fixed point.
 */
export function varianceFixedPoint(activation: Activation, sigmaW: number, bias: number): number {
  const { phi } = activationPair(activation);
  const w2 = sigmaW * sigmaW;
  let q = 1;
  for (let i = 0; i < MAX_FIXED_POINT_ITERATIONS; i++) {
    const next = Math.min(MAX_VARIANCE, w2 * gaussianExpectation((z) => phi(z) ** 2, bias, q));
    if (!Number.isFinite(next)) return MAX_VARIANCE;
    if (Math.abs(next - q) <= 1e-13 * Math.max(q, 1e-300) || next === MAX_VARIANCE) return next;
    q = next;
  }
  return q;
}

/** chi_1 = sigma_w^2 E[phi'(z)^2] at the variance fixed point. */
export function chi1(activation: Activation, sigmaW: number, bias: number): number {
  const { dphi } = activationPair(activation);
  const q = varianceFixedPoint(activation, sigmaW, bias);
  const expect = q <= MAX_HERMITE_VARIANCE ? gaussianExpectation : fineGaussianExpectation;
  return sigmaW * sigmaW * expect((z) => dphi(z) ** 2, bias, q);
}

/** sigma_w is searched for in this range (log bisection). */
const SIGMA_W_RANGE = [1e-2, 1e2] as const;

/**
 * The sigma_w at which chi_1 = 1 for this activation and bias, or null when chi_1 does not
 * cross 1 in SIGMA_W_RANGE. sigma_w^2 is the weight variance times fan-in (He-normal: 2).
 */
export function criticalSigmaW(activation: Activation, bias: number): number | null {
  const f = (logSigma: number) => Math.log(chi1(activation, Math.exp(logSigma), bias));
  let lo = Math.log(SIGMA_W_RANGE[0]);
  let hi = Math.log(SIGMA_W_RANGE[1]);
  if (!(f(lo) < 0 && f(hi) > 0)) return null;
  for (let i = 0; i < 50 && hi - lo > 1e-10; i++) {
    const mid = (lo + hi) / 2;
    if (f(mid) < 0) lo = mid;
    else hi = mid;
  }
  return Math.exp((lo + hi) / 2);
}
