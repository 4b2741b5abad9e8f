import type { InitScheme } from '../config/schema';
import { createPrng, type Prng } from '../random/prng';

/**
 * Initial kernel values, computed in float64 JavaScript from our own seeded generator rather
 * than with tfjs random ops: tfjs's results differ per backend, its seed 0 means "unseeded", and
 * its variance-scaling normal is truncated without Keras's correction. Drawing here makes the
 * initial weights identical on every backend and matches the textbook variances exactly.
 *
 * Kernels are [fanIn, fanOut], row-major (z = x W).
 */
export function initKernel(
  scheme: InitScheme,
  fanIn: number,
  fanOut: number,
  gain: number,
  seed: number,
): Float32Array {
  return scaleKernel(drawKernel(scheme, fanIn, fanOut, seed), gain);
}

/**
 * The kernel's draws before the gain (float64): everything initKernel does but the last
 * multiply. A sweep over the gain reuses them across its cells (see KernelDrawCache).
 */
export function drawKernel(
  scheme: InitScheme,
  fanIn: number,
  fanOut: number,
  seed: number,
): Float64Array {
  const prng = createPrng(seed);
  const size = fanIn * fanOut;
  const values = new Float64Array(size);
  const fillNormal = (std: number) => {
    for (let i = 0; i < size; i++) values[i] = std * prng.normal();
  };
  const fillUniform = (limit: number) => {
    for (let i = 0; i < size; i++) values[i] = limit * (2 * prng.next() - 1);
  };
  switch (scheme.kind) {
    case 'zeros':
      break;
    case 'constant':
      values.fill(scheme.value);
      break;
    case 'normal':
      fillNormal(scheme.sigma);
      break;
    case 'uniform':
      fillUniform(scheme.limit);
      break;
    // Variance scaling: Var(w) = scale / fan. A uniform(-a, a) has variance a^2 / 3.
    case 'glorotNormal':
      fillNormal(Math.sqrt(2 / (fanIn + fanOut)));
      break;
    case 'glorotUniform':
      fillUniform(Math.sqrt(6 / (fanIn + fanOut)));
      break;
    case 'heNormal':
      fillNormal(Math.sqrt(2 / fanIn));
      break;
    case 'heUniform':
      fillUniform(Math.sqrt(6 / fanIn));
      break;
    case 'lecunNormal':
      fillNormal(Math.sqrt(1 / fanIn));
      break;
    case 'lecunUniform':
      fillUniform(Math.sqrt(3 / fanIn));
      break;
    case 'orthogonal':
      values.set(orthogonal(fanIn, fanOut, prng));
      for (let i = 0; i < size; i++) values[i] = (values[i] as number) * scheme.gain;
      break;
  }
  return values;
}

/** The gain applied to a kernel's draws: one float32 rounding of value * gain per weight. */
export function scaleKernel(values: Float64Array, gain: number): Float32Array {
  const out = new Float32Array(values.length);
  for (let i = 0; i < values.length; i++) out[i] = (values[i] as number) * gain;
  return out;
}

/** Draws kept beyond this many are dropped (a 48-layer sweep at width 32 needs about 64). */
const MAX_CACHED_DRAWS = 256;

/**
 * Kernel draws by (scheme, shape, seed), for the cells of one sweep: they share their seed, so
 * layer l's draws are the same in every cell of the same width whatever the gain or depth,
 * and only the gain's multiply is left per cell. Values are bit-identical to initKernel's.
 */
export class KernelDrawCache {
  private readonly byKey = new Map<string, Float64Array>();

  kernel(scheme: InitScheme, fanIn: number, fanOut: number, gain: number, seed: number) {
    const key = `${JSON.stringify(scheme)}|${fanIn}|${fanOut}|${seed}`;
    let draws = this.byKey.get(key);
    if (!draws) {
      draws = drawKernel(scheme, fanIn, fanOut, seed);
      if (this.byKey.size >= MAX_CACHED_DRAWS) this.byKey.clear();
      this.byKey.set(key, draws);
    }
    return scaleKernel(draws, gain);
  }
}

/**
 * A [rows, cols] matrix with orthonormal columns (rows >= cols) or rows (rows < cols), as in
 * Saxe et al. 2014 and PyTorch's orthogonal_: QR of a Gaussian matrix with the signs of R's
 * diagonal folded into Q so the result is uniformly distributed. QR by modified Gram-Schmidt on
 * the columns of the tall orientation, in float64.
 */
export function orthogonal(rows: number, cols: number, prng: Prng): Float64Array {
  const tallRows = Math.max(rows, cols);
  const tallCols = Math.min(rows, cols);
  // Column-major storage of the tall matrix: column j is q[j].
  const q: Float64Array[] = [];
  for (let j = 0; j < tallCols; j++) {
    const column = new Float64Array(tallRows);
    for (let i = 0; i < tallRows; i++) column[i] = prng.normal();
    q.push(column);
  }
  for (let j = 0; j < tallCols; j++) {
    const cj = q[j] as Float64Array;
    for (let k = 0; k < j; k++) {
      const ck = q[k] as Float64Array;
      let dot = 0;
      for (let i = 0; i < tallRows; i++) dot += (ck[i] as number) * (cj[i] as number);
      for (let i = 0; i < tallRows; i++) cj[i] = (cj[i] as number) - dot * (ck[i] as number);
    }
    let norm = 0;
    for (let i = 0; i < tallRows; i++) norm += (cj[i] as number) ** 2;
    // Dividing by the positive norm is the same as multiplying Q by sign(diag(R)).
    norm = Math.sqrt(norm);
    for (let i = 0; i < tallRows; i++) cj[i] = (cj[i] as number) / norm;
  }
  const out = new Float64Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      // Tall orientation: entry (r, c) is q[c][r]; wide: the transpose, q[r][c].
      out[r * cols + c] = rows >= cols ? (q[c] as Float64Array)[r]! : (q[r] as Float64Array)[c]!;
    }
  }
  return out;
}
