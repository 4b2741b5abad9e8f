/**
 * Smoothing of the gradient chart's per-step lines (one batch per step makes them noisy): the
 * debiased exponential moving average TensorBoard draws (its scalar dashboard's "smoothing"),
 * taken on log10 of the values rather than on the values.
 *
 * Why on logs: the chart's Y axis is logarithmic, and gradient norms spread over decades. An EMA
 * of the values is an arithmetic mean, dominated by the largest: one step 100x above its
 * neighbours lifts the next ~1/(1-w) steps by up to (1-w)*100x, a plateau decades above every
 * measured point. An EMA of log10 values is a weighted geometric mean: a spike moves the line
 * in proportion to its height on the axis the reader sees. (TensorBoard smooths values because
 * its default axis is linear.)
 *
 * Debiasing as TensorBoard does: the EMA starts at 0, so after k values its weights sum to
 * 1 - w^k; dividing by that makes the first points an average of what was seen, not a pull toward
 * 0 (Kingma & Ba 2015, Adam's bias correction). So step k's smoothed value is
 *   10^( sum_{i<=k} w^(k-i) log10 x_i / sum_{i<=k} w^(k-i) ).
 *
 * Values a log axis cannot draw (0, negatives, NaN, +-Infinity) are passed through unchanged and
 * skipped by the average, as TensorBoard passes non-finite values: a gap stays a gap and an
 * overflow stays marked.
 */

export function smoothLogEma(values: readonly number[], weight: number): number[] {
  if (!(weight > 0)) return [...values];
  let last = 0;
  let count = 0;
  return values.map((value) => {
    if (!(Number.isFinite(value) && value > 0)) return value;
    last = last * weight + (1 - weight) * Math.log10(value);
    count++;
    return 10 ** (last / (1 - weight ** count));
  });
}
