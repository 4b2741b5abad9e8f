/**
 * Colours of the regime map. The log slope is diverging around 0 (ColorBrewer RdBu, which
 * stays readable with the common colour-vision deficiencies): blue where the signal vanishes
 * toward the input, near-white where it is stable, red where it explodes. Global norm and loss
 * are sequential on a log scale (viridis, as the layer heatmap).
 */
import type { CellMeasure } from '../../config/sweepCell';
import { rgbCss, viridisRgb } from '../charts/palette';

type Rgb = readonly [number, number, number];

/** Log slopes beyond this take the end colours: the norm halves or doubles per layer. */
export const LOG_SLOPE_COLOR_LIMIT = Math.log(2);

/** RdBu, blue (vanishing) to red (exploding). */
const DIVERGING_STOPS: readonly Rgb[] = [
  [33, 102, 172],
  [103, 169, 207],
  [209, 229, 240],
  [247, 247, 247],
  [253, 219, 199],
  [239, 138, 98],
  [178, 24, 43],
];

/** Overflow (a non-finite norm at step 1, or a halt): near-black. */
export const OVERFLOW_COLOR = '#1f1f1f';
/** Not measured yet, or undefined (fewer than two hidden layers). */
export const PENDING_COLOR = '#d8dee6';

export type SweepMetric = 'logSlope' | 'globalNorm' | 'loss';

function interpolate(stops: readonly Rgb[], t: number): Rgb {
  const clamped = Math.min(1, Math.max(0, t));
  const pos = clamped * (stops.length - 1);
  const i = Math.min(stops.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = stops[i] as Rgb;
  const b = stops[i + 1] as Rgb;
  const lerp = (k: 0 | 1 | 2) => Math.round(a[k] + f * (b[k] - a[k]));
  return [lerp(0), lerp(1), lerp(2)];
}

export function logSlopeColor(slope: number): string {
  return rgbCss(interpolate(DIVERGING_STOPS, 0.5 + slope / (2 * LOG_SLOPE_COLOR_LIMIT)));
}

/** CSS gradient of the diverging scale, vanishing on the left. */
export function divergingGradientCss(): string {
  const stops = DIVERGING_STOPS.map(
    (c, i) => `${rgbCss(c)} ${(i * 100) / (DIVERGING_STOPS.length - 1)}%`,
  );
  return `linear-gradient(to right, ${stops.join(', ')})`;
}

/** The value a metric colours a cell by; null where it has none yet. */
export function metricValue(cell: CellMeasure, metric: SweepMetric): number | null {
  switch (metric) {
    case 'logSlope':
      return cell.logSlope;
    case 'globalNorm':
      return cell.globalNorm;
    case 'loss':
      return cell.haltedStep === null ? cell.loss : Infinity;
  }
}

/** [min, max] of log10 of the positive finite values (for the sequential metrics). */
export function logRange(values: Iterable<number | null>): [number, number] | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of values) {
    if (v === null || !Number.isFinite(v) || v <= 0) continue;
    const l = Math.log10(v);
    lo = Math.min(lo, l);
    hi = Math.max(hi, l);
  }
  if (lo === Infinity) return null;
  return hi - lo < 1e-9 ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** A cell's colour under a metric (`range`: the sequential metrics' log10 span). */
export function cellColor(
  cell: CellMeasure | null,
  metric: SweepMetric,
  range: [number, number] | null,
): string {
  if (cell === null) return PENDING_COLOR;
  const value = metricValue(cell, metric);
  const overflow = !Number.isFinite(cell.globalNorm) || cell.haltedStep !== null;
  if (metric === 'logSlope') {
    if (!Number.isFinite(cell.globalNorm) || cell.haltedStep === 1) return OVERFLOW_COLOR;
    return value === null ? PENDING_COLOR : logSlopeColor(value);
  }
  if (value === null || !Number.isFinite(value) || (metric === 'loss' && overflow))
    return OVERFLOW_COLOR;
  if (range === null || value <= 0) return PENDING_COLOR;
  return rgbCss(viridisRgb((Math.log10(value) - range[0]) / (range[1] - range[0])));
}
