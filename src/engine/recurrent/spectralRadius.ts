/**
 * The spectral radius rho(W) = max |lambda_i| of a square matrix, estimated on the host from its
 * values (no tfjs), by Gelfand's formula rho(W) = lim_k ||W^k x||^(1/k) for a generic start x:
 * power iteration whose growth rate, not its direction, is read. That also converges where the
 * dominant eigenvalues are a complex pair or several of one modulus (every eigenvalue of g Q has
 * modulus g), where the direction of a power iteration never settles.
 *
 * The growth is measured from BURN_IN_ITERATIONS on, after the start vector's weaker components
 * have faded; the error is then about log(c) / (ITERATIONS - BURN_IN_ITERATIONS) for a bounded c
 * (the wobble of a rotating dominant pair), well under 1% for the matrices here.
 */

export const SPECTRAL_RADIUS_ITERATIONS = 400;
export const SPECTRAL_RADIUS_BURN_IN_ITERATIONS = 100;

/** rho of the n x n matrix `values` (row-major); 0 for the zero matrix, NaN if it holds NaN. */
export function spectralRadius(values: ArrayLike<number>, n: number): number {
  if (values.length !== n * n) throw new Error(`expected ${n * n} values, got ${values.length}`);
  for (let i = 0; i < values.length; i++) {
    const v = values[i] as number;
    if (!Number.isFinite(v)) return Number.isNaN(v) ? NaN : Infinity;
  }
  // A fixed start with no special direction (not orthogonal to an eigenvector in practice).
  let x = Float64Array.from({ length: n }, (_, i) => 1 + 0.5 * Math.sin(1.7 * i + 0.3));
  let next = new Float64Array(n);
  normalize(x);
  let logGrowth = 0;
  for (let k = 1; k <= SPECTRAL_RADIUS_ITERATIONS; k++) {
    // next = x W (row vector times matrix, as the recurrence h W_h applies it).
    next.fill(0);
    for (let i = 0; i < n; i++) {
      const xi = x[i] as number;
      if (xi === 0) continue;
      const row = i * n;
      for (let j = 0; j < n; j++) next[j] = (next[j] as number) + xi * (values[row + j] as number);
    }
    const norm = normalize(next);
    if (norm === 0) return 0; // nilpotent along x: W^k x = 0
    if (k > SPECTRAL_RADIUS_BURN_IN_ITERATIONS) logGrowth += Math.log(norm);
    [x, next] = [next, x];
  }
  return Math.exp(logGrowth / (SPECTRAL_RADIUS_ITERATIONS - SPECTRAL_RADIUS_BURN_IN_ITERATIONS));
}

/** Scales v to unit length in place; returns its length before. */
function normalize(v: Float64Array): number {
  let sum = 0;
  for (let i = 0; i < v.length; i++) sum += (v[i] as number) ** 2;
  const norm = Math.sqrt(sum);
  if (norm > 0) for (let i = 0; i < v.length; i++) v[i] = (v[i] as number) / norm;
  return norm;
}
