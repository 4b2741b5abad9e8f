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
  /** A CSS colour; `var(--name)` is read from the page's custom properties. */
  color: string;
  strokeWidth: number;
  /** Dash and gap lengths in px, as SVG's stroke-dasharray ("4 2"). */
  strokeDasharray?: string;
  /** Draw straight over null values instead of leaving a gap (recharts' connectNulls). */
  connectNulls?: boolean;
  /** A dot of this radius, in the series colour, on every drawn value. */
  dotRadius?: number;
  /** The dot's colour per row index, instead of the series colour (e.g. one per layer). */
  dotColors?: readonly string[];
  /** Opacity of the stroke, 1 by default (dimmed layers, the faint raw line behind a smoothed one). */
  opacity?: number;
  /**
   * The layer (its series key) this series draws, if any: pointing at the line singles the layer
   * out on every chart (layerFocusStore.ts), and singling it out dims or hides the others.
   */
  layer?: string;
}

/** A series in pixels: the polylines to stroke and the dots to fill. */
export interface SeriesGeometry {
  /**
   * The polylines, each as flat [x0, y0, x1, y1, ...] with at least two points; the pen lifts
   * between two (a gap).
   */
  runs: number[][];
  /** Centre and row index of each dot. */
  dots: [number, number, number][];
  /**
   * Values with no drawn neighbour (a run of one between gaps): a polyline through one point
   * draws nothing, so these are drawn as dots. E.g. a layer whose only finite value is step 1 of
   * a run that exploded at step 2.
   */
  lonePoints: [number, number][];
}

/**
 * The drawable values of `look.key` in pixels, lifting the pen at every null value unless
 * `look.connectNulls` (a log-unsafe value is a gap, as recharts draws it), and the dot centres if
 * `look.dotRadius` is set.
 */
export function seriesGeometry(
  rows: readonly ChartRow[],
  look: SeriesLook,
  x: Scale,
  y: Scale,
): SeriesGeometry {
  const runs: number[][] = [];
  const dots: [number, number, number][] = [];
  const lonePoints: [number, number][] = [];
  /** The run the pen is drawing. */
  let run: number[] = [];
  const liftPen = () => {
    if (run.length === 2) lonePoints.push([run[0] as number, run[1] as number]);
    else if (run.length > 2) runs.push(run);
    run = [];
  };
  for (let index = 0; index < rows.length; index++) {
    const row = rows[index] as ChartRow;
    const value = row.y[look.key];
    const px = x(row.x);
    const py = value === null || value === undefined ? undefined : y(value);
    if (px === undefined || py === undefined || !Number.isFinite(py)) {
      if (!look.connectNulls) liftPen();
      continue;
    }
    run.push(px, py);
    if (look.dotRadius !== undefined) dots.push([px, py, index]);
  }
  liftPen();
  return { runs, dots, lonePoints };
}

/** "4 2" as [4, 2]; no dashes as []. */
export function dashPattern(dasharray: string | undefined): number[] {
  if (!dasharray) return [];
  return dasharray
    .split(/[\s,]+/)
    .map(Number)
    .filter((n) => Number.isFinite(n) && n >= 0);
}
