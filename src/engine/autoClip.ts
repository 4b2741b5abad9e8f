import * as tf from './tf';

/**
 * AutoClip (Seetharaman et al. 2020, "AutoClip: Adaptive Gradient Clipping for Source
 * Separation Networks"): at step k the global norm is clipped at the p-th percentile of the
 * pre-clip global norms of steps 1..k inclusive, with linear interpolation between order
 * statistics as numpy's default percentile: rank r = p/100 (k - 1), value
 * v[floor(r)] + (r - floor(r)) (v[floor(r) + 1] - v[floor(r)]).
 *
 * The history is numbers, never tensors: every step's pre-clip global norm comes back with the
 * step's metrics anyway, and is kept here sorted (binary insertion). Only the norms of the steps
 * of the chunk in progress are still on the device; they are few (at most
 * AUTO_CLIP_MAX_PENDING_STEPS), and the percentile over "sorted known numbers + a few device
 * values" is computed on the device without a readback:
 *
 * the t-th smallest (0-based) of the union of sorted A (known, n values) and sorted B (on the
 * device, m values) is min over b = 0..m of max(A[t - b], B[b - 1]): the t + 1 smallest are a
 * prefix of A and a prefix of B (b of them), and any other split has a larger maximum. Here
 * A[-1] = B[-1] = -inf, and A[j] = +inf where a split is impossible (j < -1 or j >= n).
 */

/**
 * Device-side norms kept before a readback; past this the trainer reads them back mid-chunk
 * (one small readback), so the per-step work (an m x m comparison to sort B) stays small.
 */
export const AUTO_CLIP_MAX_PENDING_STEPS = 32;

/**
 * Stands in for +-infinity in the device's order-statistic formula: the largest finite
 * float32, so no backend meets a real infinity in a comparison. A global norm this large has
 * overflowed anyway (the run halts on it).
 */
const FLOAT32_MAX = 3.4028234663852886e38;

/** The 0-based rank and interpolation weight of the p-th percentile of `count` values. */
export function percentileRank(percentile: number, count: number): { index: number; frac: number } {
  const rank = (percentile / 100) * (count - 1);
  const index = Math.min(Math.floor(rank), count - 1);
  return { index, frac: rank - index };
}

/** Sorted pre-clip global norms of the steps read back so far, and those still on the device. */
export class AutoClipHistory {
  /** Ascending; steps 1..knownSteps. */
  private sorted: number[] = [];
  private knownSteps = 0;
  /** Kept scalars: the pre-clip global norms of steps knownSteps + 1, ... (this chunk). */
  private pending: tf.Scalar[] = [];

  /** Steps whose norms are known as numbers. */
  get stepsKnown(): number {
    return this.knownSteps;
  }

  /** Steps whose norms are still on the device. */
  get pendingCount(): number {
    return this.pending.length;
  }

  /** Records the read-back pre-clip global norm of every step from `firstStep` on, once. */
  commit(firstStep: number, norms: readonly number[]): void {
    const skip = this.knownSteps + 1 - firstStep;
    if (skip < 0) throw new Error(`AutoClip history is missing steps ${this.knownSteps + 1}..`);
    for (let i = skip; i < norms.length; i++) this.insert(norms[i] as number);
    this.knownSteps = Math.max(this.knownSteps, firstStep + norms.length - 1);
    // Whatever was pending is now known.
    this.dropPending();
  }

  /** Reads the pending device norms back (a small readback) and records them. */
  async flushPending(): Promise<void> {
    if (this.pending.length === 0) return;
    const stacked = tf.stack(this.pending);
    const values = await stacked.data();
    stacked.dispose();
    this.commit(this.knownSteps + 1, Array.from(values));
  }

  /**
   * The threshold of the step whose pre-clip global norm is `globalNorm` (a scalar on the
   * device), and keeps that norm as pending. Call inside tf.tidy: intermediates are freed there;
   * the kept norm is freed by commit() or dispose().
   */
  threshold(globalNorm: tf.Scalar, percentile: number): tf.Scalar {
    this.pending.push(tf.keep(tf.clone(globalNorm)));
    const n = this.sorted.length;
    const m = this.pending.length;
    const { index, frac } = percentileRank(percentile, n + m);
    const low = this.orderStatistic(index);
    if (frac === 0) return low;
    const high = this.orderStatistic(index + 1);
    return tf.add(low, tf.mul(frac, tf.sub(high, low))) as tf.Scalar;
  }

  /** Frees the pending device norms (a halted chunk, or the trainer's end). */
  dispose(): void {
    this.dropPending();
  }

  /** The t-th smallest (0-based) of the known and pending norms, on the device. */
  private orderStatistic(t: number): tf.Scalar {
    const m = this.pending.length;
    const n = this.sorted.length;
    const fromKnown = new Float32Array(m + 1);
    for (let b = 0; b <= m; b++) {
      const j = t - b;
      fromKnown[b] =
        j === -1 ? -FLOAT32_MAX : j < -1 || j >= n ? FLOAT32_MAX : (this.sorted[j] as number);
    }
    const prefix = tf.concat([tf.tensor1d([-FLOAT32_MAX]), this.sortedPending()]);
    return tf.min(tf.maximum(tf.tensor1d(fromKnown), prefix)) as tf.Scalar;
  }

  /**
   * The pending norms in ascending order without a sort kernel (tfjs's WebGL topk hands small
   * inputs to the CPU, a readback): the b-th smallest is the least value with at least b + 1
   * values at or below it.
   */
  private sortedPending(): tf.Tensor1D {
    const values = tf.stack(this.pending) as tf.Tensor1D;
    const m = this.pending.length;
    if (m === 1) return values;
    const row = tf.reshape(values, [1, m]);
    const atOrBelow = tf.sum(tf.cast(tf.lessEqual(tf.reshape(values, [m, 1]), row), 'float32'), 0);
    const needed = tf.reshape(tf.range(1, m + 1, 1, 'float32'), [m, 1]);
    const candidates = tf.where(
      tf.greaterEqual(tf.reshape(atOrBelow, [1, m]), needed),
      tf.tile(row, [m, 1]),
      tf.fill([m, m], FLOAT32_MAX),
    );
    return tf.min(candidates, 1) as tf.Tensor1D;
  }

  private insert(x: number): void {
    // NaN sorts last, so a broken step (which halts the run) never moves the others.
    const a = this.sorted;
    let lo = 0;
    let hi = a.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if ((a[mid] as number) <= x || Number.isNaN(x)) lo = mid + 1;
      else hi = mid;
    }
    a.splice(lo, 0, x);
  }

  private dropPending(): void {
    for (const t of this.pending) t.dispose();
    this.pending = [];
  }
}
