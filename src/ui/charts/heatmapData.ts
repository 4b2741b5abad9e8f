/**
 * The layer x step grid behind the heatmap: steps bucketed into at most one column per canvas
 * pixel, columns of equal width in steps, each cell the bucket's largest value (NaN/Infinity rank highest, so an overflow is never
 * hidden), coloured on a log scale. Pure: no DOM.
 */
import type { StepMetrics } from '../../engine/metrics';
import { argMaxRank, bucketStartsByX } from './downsample';
import type { LayerQuantity } from './chartData';
import { logDomain, type LogDomain } from './logScale';
import { EMPTY_CELL_COLOR, NON_FINITE_COLOR, viridisRgb } from './palette';

export interface HeatmapGrid {
  layers: number;
  columns: number;
  /** Cell values, row-major by layer: values[layer * columns + column]. */
  values: Float64Array;
  firstStep: number;
  lastStep: number;
  /** First and last step of each column's bucket (an empty bucket repeats the one before). */
  columnSteps: [number, number][];
  domain: LogDomain;
  hasNonFinite: boolean;
}

/** The row values of a step: a per-layer quantity, or any per-row array (e.g. per time step). */
export type HeatmapRowsOf = LayerQuantity | ((m: StepMetrics) => readonly number[] | undefined);

export function buildHeatmapGrid(
  steps: readonly StepMetrics[],
  quantity: HeatmapRowsOf,
  layers: number,
  maxColumns: number,
): HeatmapGrid {
  const columns = Math.max(0, Math.min(steps.length, Math.floor(maxColumns)));
  const values = new Float64Array(layers * columns);
  const starts = bucketStartsByX(
    steps.map((m) => m.step),
    Math.max(1, columns),
  );
  let hasNonFinite = false;
  const columnSteps: [number, number][] = [];
  for (let c = 0; c < columns; c++) {
    const from = starts[c] as number;
    const to = starts[c + 1] as number;
    const before = columnSteps[c - 1] ?? [steps[0]?.step ?? 0, steps[0]?.step ?? 0];
    columnSteps.push(
      to > from ? [(steps[from] as StepMetrics).step, (steps[to - 1] as StepMetrics).step] : before,
    );
  }
  const rowsOf = typeof quantity === 'function' ? quantity : (m: StepMetrics) => m[quantity];
  for (let l = 0; l < layers; l++) {
    const series = steps.map((m) => rowsOf(m)?.[l] ?? 0);
    let previous = 0;
    for (let c = 0; c < columns; c++) {
      const from = starts[c] as number;
      const to = starts[c + 1] as number;
      // An empty column (thinned old steps are sparse) repeats the last value seen.
      const v = to > from ? (series[argMaxRank(series, from, to)] as number) : previous;
      values[l * columns + c] = v;
      previous = v;
      if (!Number.isFinite(v)) hasNonFinite = true;
    }
  }
  return {
    layers,
    columns,
    values,
    firstStep: steps[0]?.step ?? 0,
    lastStep: steps[steps.length - 1]?.step ?? 0,
    columnSteps,
    domain: logDomain(values),
    hasNonFinite,
  };
}

/** The cell under a point at shares (x, y) of the plot, output layer on the top row. */
export function heatmapCellAt(
  grid: HeatmapGrid,
  xShare: number,
  yShare: number,
): { layer: number; column: number; value: number; steps: [number, number] } | null {
  if (grid.columns === 0 || grid.layers === 0) return null;
  if (!(xShare >= 0 && xShare < 1 && yShare >= 0 && yShare < 1)) return null;
  const column = Math.floor(xShare * grid.columns);
  const layer = grid.layers - 1 - Math.floor(yShare * grid.layers);
  return {
    layer,
    column,
    value: grid.values[layer * grid.columns + column] as number,
    steps: grid.columnSteps[column] as [number, number],
  };
}

/** Hex colour "#rrggbb" as [r, g, b]. */
function hexRgb(hex: string): [number, number, number] {
  const n = parseInt(hex.slice(1), 16);
  return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
}

const NON_FINITE_RGB = hexRgb(NON_FINITE_COLOR);
const EMPTY_RGB = hexRgb(EMPTY_CELL_COLOR);

/** Cell colour: viridis by log10(value) across the domain; overflow red; 0 / no data grey. */
export function cellRgb(value: number, domain: LogDomain): readonly [number, number, number] {
  if (!Number.isFinite(value)) return NON_FINITE_RGB;
  if (value <= 0) return EMPTY_RGB;
  const lo = Math.log10(domain[0]);
  const hi = Math.log10(domain[1]);
  return viridisRgb((Math.log10(value) - lo) / (hi - lo));
}

/** RGBA pixels of the grid, one pixel per cell, output layer on the top row. */
export function heatmapPixels(grid: HeatmapGrid): Uint8ClampedArray<ArrayBuffer> {
  const pixels = new Uint8ClampedArray(grid.layers * grid.columns * 4);
  for (let l = 0; l < grid.layers; l++) {
    const row = grid.layers - 1 - l;
    for (let c = 0; c < grid.columns; c++) {
      const [r, g, b] = cellRgb(grid.values[l * grid.columns + c] as number, grid.domain);
      const p = (row * grid.columns + c) * 4;
      pixels[p] = r;
      pixels[p + 1] = g;
      pixels[p + 2] = b;
      pixels[p + 3] = 255;
    }
  }
  return pixels;
}
