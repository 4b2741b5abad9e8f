/**
 * Downsampling for charts. recharts costs ~65-100 ms per update at 8 series x 2000 points, so
 * every series handed to it has at most MAX_POINTS_PER_SERIES points, however long the run.
 *
 * Min/max buckets: the newest EXACT_TAIL_POINTS rows are kept as they are; the older rows are
 * split into buckets of equal x width and each bucket becomes at most two rows (at its first and
 * last x) holding, for every column separately, that column's smallest and largest value in the
 * bucket, in the order they occurred. So spikes and dips survive, and so do NaN/Infinity, which rank above every
 * finite value (0 and negatives rank below), so overflow is never averaged away.
 */

export const MAX_POINTS_PER_SERIES = 400;
export const EXACT_TAIL_POINTS = 100;

/** Rows as columns: x[i] is the x of row i, columns[c][i] its value in column c. */
export interface ColumnTable {
  x: number[];
  columns: number[][];
}

/**
 * Order used to pick a bucket's extremes, matching a log axis: NaN and +-Infinity are the
 * largest (overflow), 0 and negatives the smallest (nothing to draw on a log scale).
 */
export function magnitudeRank(value: number): number {
  if (!Number.isFinite(value)) return Infinity;
  return value > 0 ? value : -Infinity;
}

/**
 * Start indices of `count` buckets of equal x width over the increasing `x`: bucket b holds the
 * rows with x in [x0 + b * w, x0 + (b + 1) * w) (the last bucket also holds x = x_end), i.e.
 * indices [starts[b], starts[b + 1]). Equal widths in x, not in rows, because the history is
 * denser in recent steps than in thinned old ones. Buckets may be empty.
 */
export function bucketStartsByX(x: readonly number[], count: number): number[] {
  const n = x.length;
  const starts = [0];
  if (n === 0) return Array<number>(count + 1).fill(0);
  const x0 = x[0] as number;
  const width = ((x[n - 1] as number) - x0) / count;
  let i = 0;
  for (let b = 1; b < count; b++) {
    const edge = x0 + b * width;
    while (i < n && (x[i] as number) < edge) i++;
    starts.push(i);
  }
  starts.push(n);
  return starts;
}

/** Index in [from, to) of the value with the largest magnitudeRank (first one on ties). */
export function argMaxRank(values: readonly number[], from: number, to: number): number {
  let best = from;
  for (let i = from + 1; i < to; i++) {
    if (magnitudeRank(values[i] as number) > magnitudeRank(values[best] as number)) best = i;
  }
  return best;
}

/** Index in [from, to) of the value with the smallest magnitudeRank (first one on ties). */
function argMinRank(values: readonly number[], from: number, to: number): number {
  let best = from;
  for (let i = from + 1; i < to; i++) {
    if (magnitudeRank(values[i] as number) < magnitudeRank(values[best] as number)) best = i;
  }
  return best;
}

/**
 * At most `maxPoints` rows of the table (see the module comment). Tables that already fit are
 * copied unchanged. `x` must be increasing; every column must have x.length values.
 */
export function downsampleColumns(
  x: readonly number[],
  columns: readonly (readonly number[])[],
  maxPoints = MAX_POINTS_PER_SERIES,
  exactTail = EXACT_TAIL_POINTS,
): ColumnTable {
  const n = x.length;
  const budget = Math.max(2, Math.floor(maxPoints));
  if (n <= budget) return { x: [...x], columns: columns.map((c) => [...c]) };
  // Leave room for at least one two-row bucket before the exact tail.
  const tail = Math.max(0, Math.min(exactTail, budget - 2));
  const head = n - tail;
  const bucketCount = Math.floor((budget - tail) / 2);
  const starts = bucketStartsByX(x.slice(0, head), bucketCount);
  const outX: number[] = [];
  const outColumns: number[][] = columns.map(() => []);
  const push = (xValue: number, pick: (column: readonly number[], c: number) => number) => {
    outX.push(xValue);
    columns.forEach((column, c) => (outColumns[c] as number[]).push(pick(column, c)));
  };
  for (let b = 0; b < bucketCount; b++) {
    const from = starts[b] as number;
    const to = starts[b + 1] as number;
    if (to - from <= 2) {
      for (let i = from; i < to; i++) push(x[i] as number, (column) => column[i] as number);
      continue;
    }
    // Per column, the indices of its extremes in the order they occurred. The same index twice
    // (a flat bucket) is fine: the value held all bucket long.
    const order = columns.map((column) => {
      const iMin = argMinRank(column, from, to);
      const iMax = argMaxRank(column, from, to);
      return [Math.min(iMin, iMax), Math.max(iMin, iMax)] as const;
    });
    push(x[from] as number, (column, c) => column[order[c]![0]] as number);
    push(x[to - 1] as number, (column, c) => column[order[c]![1]] as number);
  }
  for (let i = head; i < n; i++) push(x[i] as number, (column) => column[i] as number);
  return { x: outX, columns: outColumns };
}
