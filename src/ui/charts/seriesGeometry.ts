/**
 * Where a chart's series go in pixels: the pure part of SeriesLines.tsx (no React, no DOM), so
 * the drawing rules (gaps, bridged nulls, dots) are unit-tested.
 */
import type { ChartRow } from './chartData';

/** A value-to-pixel mapping, as recharts' useXAxisScale/useYAxisScale return it. */
export type Scale = (value: number) => number | undefined;

/** How one series is drawn. */
export interface SeriesLook {
  /** Series key in ChartRow.y. */
  key: string;
  color: string;
  strokeWidth: number;
  strokeDasharray?: string;
  /** Extra class on the series' group, next to `recharts-line`. */
  className?: string;
  /** Draw straight over null values instead of leaving a gap (recharts' connectNulls). */
  connectNulls?: boolean;
  /** A dot of this radius, in the series colour, on every drawn value. */
  dotRadius?: number;
  /** The dot's colour per row index, instead of the series colour (e.g. one per layer). */
  dotColors?: readonly string[];
}

/** A series in pixels: its SVG path data and, when it has dots, their centres. */
export interface SeriesGeometry {
  d: string;
  /** Centre and row index of each dot. */
  dots: [number, number, number][];
  /**
   * Values with no drawn neighbour (a run of one between gaps): a path through one point draws
   * nothing, so these are drawn as dots. E.g. a layer whose only finite value is step 1 of a
   * run that exploded at step 2.
   */
  lonePoints: [number, number][];
}

/**
 * The drawable values of `look.key` in pixels: SVG path data ("M x,y L x,y ..."), lifting the
 * pen at every null value unless `look.connectNulls` (a log-unsafe value is a gap, as recharts
 * draws it), and the dot centres if `look.dotRadius` is set. Rounded to 0.1 px.
 */
export function seriesGeometry(
  rows: readonly ChartRow[],
  look: SeriesLook,
  x: Scale,
  y: Scale,
): SeriesGeometry {
  const parts: string[] = [];
  const dots: [number, number, number][] = [];
  const lonePoints: [number, number][] = [];
  /** The points of the run the pen is drawing (only the first two matter). */
  let run: [number, number][] = [];
  const liftPen = () => {
    if (run.length === 1) lonePoints.push(run[0] as [number, number]);
    run = [];
  };
  for (const [index, row] of rows.entries()) {
    const value = row.y[look.key];
    const px = x(row.x);
    const py = value === null || value === undefined ? undefined : y(value);
    if (px === undefined || py === undefined || !Number.isFinite(py)) {
      if (!look.connectNulls) liftPen();
      continue;
    }
    const point: [number, number] = [round1(px), round1(py)];
    parts.push(`${run.length > 0 ? 'L' : 'M'}${point[0]},${point[1]}`);
    if (look.dotRadius !== undefined) dots.push([point[0], point[1], index]);
    if (run.length < 2) run.push(point);
  }
  liftPen();
  return { d: parts.join(''), dots, lonePoints };
}

function round1(value: number): number {
  return Math.round(value * 10) / 10;
}
