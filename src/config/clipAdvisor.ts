/**
 * The clip-threshold advisor: a one-axis sweep over the clip threshold c, each cell training K
 * steps from the same initial weights and batches. Its grid spans the global gradient norms the
 * run has shown, from a tenth of the smallest (where clipping acts on every step) to the
 * largest (where it never acts), and the best c is the one with the lowest loss after K steps among the cells
 * that did not halt.
 */
import type { CellMeasure } from './sweepCell';
import { sweepKeyInfo, type SweepSpec } from './sweepSpec';

export const ADVISOR_COUNT = 12;
export const ADVISOR_STEPS = 50;
/** The grid spans at least this ratio (two decades), centred on the observed norms. */
const MIN_SPAN_RATIO = 100;
/** Without observed norms: c from 0.01 to 100. */
const FALLBACK_RANGE = { from: 0.01, to: 100 } as const;

/** Below the smallest observed norm the grid reaches down by this factor: clipping every step. */
const BELOW_SMALLEST = 10;

/** A log grid spanning the observed (finite, positive) pre-clip global norms, and below. */
export function advisorRange(globalNorms: Iterable<number>): { from: number; to: number } {
  let lo = Infinity;
  let hi = -Infinity;
  for (const g of globalNorms) {
    if (!Number.isFinite(g) || g <= 0) continue;
    lo = Math.min(lo, g);
    hi = Math.max(hi, g);
  }
  if (lo === Infinity) return { ...FALLBACK_RANGE };
  lo /= BELOW_SMALLEST;
  if (hi / lo < MIN_SPAN_RATIO) {
    const centre = Math.sqrt(lo * hi);
    lo = centre / Math.sqrt(MIN_SPAN_RATIO);
    hi = centre * Math.sqrt(MIN_SPAN_RATIO);
  }
  const { min, max } = sweepKeyInfo('clip').range;
  const round = (x: number) => Number(x.toPrecision(2));
  const from = Math.max(min, round(lo));
  const to = Math.min(max, Math.max(round(hi), from * 10));
  return { from, to };
}

/** The advisor's sweep for the observed norms. */
export function advisorSweep(globalNorms: Iterable<number>, steps = ADVISOR_STEPS): SweepSpec {
  const { from, to } = advisorRange(globalNorms);
  return { axes: [{ key: 'clip', from, to, count: ADVISOR_COUNT }], steps };
}

/**
 * The index of the best threshold: lowest finite loss after K steps among cells that did not
 * halt; of equal losses the larger c (less clipping). Null when every cell halted or none is
 * measured.
 */
export function bestThresholdIndex(cells: readonly (CellMeasure | null)[]): number | null {
  let best: number | null = null;
  for (const [i, cell] of cells.entries()) {
    if (!cell || cell.haltedStep !== null || !Number.isFinite(cell.loss)) continue;
    if (best === null || cell.loss <= (cells[best] as CellMeasure).loss) best = i;
  }
  return best;
}
