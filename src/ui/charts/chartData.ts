/**
 * Turns run history into what the recharts line charts draw: downsampled rows with log-safe
 * values, the measured values for tooltips, an explicit log domain, and the places where a value
 * overflowed. Pure: no React, so one function serves every line chart and is unit-tested.
 */
import type { StepMetrics } from '../../engine/metrics';
import { downsampleColumns } from './downsample';
import { isNonFinite, logDomain, toLogSafe, type LogDomain } from './logScale';

/** The per-layer arrays of StepMetrics a chart can show. */
export type LayerQuantity = 'gradNorm' | 'clippedGradNorm' | 'signalNorm' | 'weightNorm';

/** At most this many overflow markers per chart; more would hide the lines under them. */
export const MAX_OVERFLOW_MARKS = 40;

export interface ChartRow {
  /** The step (x axis). */
  x: number;
  /** Drawable value per series key: finite and positive, or null (a gap on a log axis). */
  y: Record<string, number | null>;
  /** The measured value per series key, NaN/Infinity included, for tooltips. */
  raw: Record<string, number>;
}

/** A step where at least one series is NaN or +-Infinity. */
export interface OverflowMark {
  x: number;
  keys: string[];
}

export interface SeriesInput {
  key: string;
  /** The measured values: the tooltip shows these, and the overflow marks come from them. */
  values: readonly number[];
  /**
   * Values to draw instead (e.g. smoothed). The measured values are then drawn too, as series
   * `rawKey(key)` (a faint line behind).
   */
  drawn?: readonly number[];
}

/** Series key of the measured values behind series `key` when that series draws others. */
export function rawKey(key: string): string {
  return `${key}~raw`;
}

export interface SeriesChart {
  rows: ChartRow[];
  domain: LogDomain;
  overflow: OverflowMark[];
}

/** Series key of layer i (0-based, forward order). */
export function layerKey(index: number): string {
  return `l${index}`;
}

/** Number of layers the history holds (from its newest step). */
export function layerCountOf(steps: readonly StepMetrics[]): number {
  return steps[steps.length - 1]?.gradNorm.length ?? 0;
}

/** One series per layer of `quantity`, keyed by layerKey. A missing entry counts as 0. */
export function layerSeries(
  steps: readonly StepMetrics[],
  quantity: LayerQuantity,
  layerCount: number,
): SeriesInput[] {
  return Array.from({ length: layerCount }, (_, l) => ({
    key: layerKey(l),
    values: steps.map((m) => m[quantity][l] ?? 0),
  }));
}

/**
 * Downsampled rows (at most MAX_POINTS_PER_SERIES), a log domain over every drawn value and
 * `domainExtras` (e.g. a clip threshold that must stay visible), and the overflow marks.
 */
export function buildSeriesChart(
  x: readonly number[],
  series: readonly SeriesInput[],
  domainExtras: readonly number[] = [],
): SeriesChart {
  // Column of each series' measured values, and of its drawn values if it has them.
  const columns: (readonly number[])[] = [];
  const at = series.map((s) => {
    const measured = columns.push(s.values) - 1;
    return { measured, drawn: s.drawn ? columns.push(s.drawn) - 1 : null };
  });
  const table = downsampleColumns(x, columns);
  const rows: ChartRow[] = table.x.map((step, i) => {
    const row: ChartRow = { x: step, y: {}, raw: {} };
    series.forEach((s, c) => {
      const { measured, drawn } = at[c] as { measured: number; drawn: number | null };
      const value = table.columns[measured]?.[i] as number;
      row.raw[s.key] = value;
      if (drawn === null) row.y[s.key] = toLogSafe(value);
      else {
        row.y[s.key] = toLogSafe(table.columns[drawn]?.[i] as number);
        row.y[rawKey(s.key)] = toLogSafe(value);
      }
    });
    return row;
  });
  const overflow: OverflowMark[] = [];
  for (const row of rows) {
    const keys = series.map((s) => s.key).filter((k) => isNonFinite(row.raw[k] as number));
    if (keys.length > 0) overflow.push({ x: row.x, keys });
  }
  return {
    rows,
    domain: logDomain([...table.columns.flat(), ...domainExtras]),
    overflow: thinEvenly(overflow, MAX_OVERFLOW_MARKS),
  };
}

/** At most `max` items, evenly spaced, always keeping the first (where overflow began). */
export function thinEvenly<T>(items: readonly T[], max: number): T[] {
  if (items.length <= max) return [...items];
  const every = Math.ceil(items.length / max);
  return items.filter((_, i) => i % every === 0);
}

/** Largest and smallest drawable value of the latest step, for screen-reader summaries. */
export function extremes(values: readonly number[]): { max: number; min: number } | null {
  let max = -1;
  let min = -1;
  values.forEach((v, i) => {
    if (toLogSafe(v) === null) return;
    if (max < 0 || v > (values[max] as number)) max = i;
    if (min < 0 || v < (values[min] as number)) min = i;
  });
  return max < 0 ? null : { max, min };
}

/** Rows of two charts on one x axis, sorted by x; rows at the same x are combined. */
export function mergeRows(a: readonly ChartRow[], b: readonly ChartRow[]): ChartRow[] {
  const byX = new Map<number, ChartRow>();
  for (const row of [...a, ...b]) {
    const existing = byX.get(row.x);
    if (existing) {
      Object.assign(existing.y, row.y);
      Object.assign(existing.raw, row.raw);
    } else {
      byX.set(row.x, { x: row.x, y: { ...row.y }, raw: { ...row.raw } });
    }
  }
  return [...byX.values()].sort((p, q) => p.x - q.x);
}
