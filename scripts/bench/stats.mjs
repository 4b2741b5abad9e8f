// Small statistics for the benchmark: medians, percentiles and ratios of positive figures, and
// how many steps make a measurement window.

/** The median of the finite numbers in `values`, or null when there are none. */
export function median(values) {
  return percentile(values, 50);
}

/** Linear-interpolated percentile (p in [0, 100]) of the finite values, or null. */
export function percentile(values, p) {
  const sorted = values.filter(Number.isFinite).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = (p / 100) * (sorted.length - 1);
  const low = Math.floor(rank);
  const high = Math.ceil(rank);
  return sorted[low] + (sorted[high] - sorted[low]) * (rank - low);
}

/** a / b, or null when either is missing or b is 0. */
export function ratio(a, b) {
  return a == null || b == null || b === 0 ? null : a / b;
}

/**
 * Steps for a window of about `seconds` at `probeStepsPerSec`, in whole chunks of `k` steps:
 * at least 5 chunks, at most 5,000 steps.
 */
export function windowSteps(probeStepsPerSec, seconds, k) {
  const chunks = Math.ceil((probeStepsPerSec * seconds) / k);
  return Math.max(k * 5, Math.min(5000, chunks * k));
}

/** Rounds for the JSON and the table: 3 significant digits, null kept. */
export function round3(value) {
  return value == null ? null : Number(value.toPrecision(3));
}
