import { describe, expect, it } from 'vitest';
import type { ChartRow } from '../../../src/ui/charts/chartData';
import {
  dashPattern,
  seriesGeometry,
  type SeriesLook,
} from '../../../src/ui/charts/seriesGeometry';

/** Rows at x = 0, 1, ... with series `a` drawable (number), a gap (null) or absent (undefined). */
function rows(values: (number | null | undefined)[]): ChartRow[] {
  return values.map((v, i) => {
    const row: ChartRow = { x: i, y: {}, raw: {} };
    if (v !== undefined) row.y.a = v;
    if (typeof v === 'number') row.raw.a = v;
    return row;
  });
}

const x = (v: number) => v * 10;
const y = (v: number) => 100 - v;
const look: SeriesLook = { key: 'a', color: 'red', strokeWidth: 1 };

describe('seriesGeometry', () => {
  it('joins the drawable values with straight segments in pixels', () => {
    expect(seriesGeometry(rows([1, 2, 3]), look, x, y).runs).toEqual([[0, 99, 10, 98, 20, 97]]);
  });

  it('lifts the pen at a null or missing value, as recharts leaves a gap', () => {
    expect(seriesGeometry(rows([1, 2, null, 3, 4, undefined, 5, 6]), look, x, y).runs).toEqual([
      [0, 99, 10, 98],
      [30, 97, 40, 96],
      [60, 95, 70, 94],
    ]);
  });

  it('lists values with no drawn neighbour as lone points, since a one-point path draws nothing', () => {
    // A run that exploded at step 2: step 1 is the only finite value.
    expect(seriesGeometry(rows([1, null, null]), look, x, y).lonePoints).toEqual([[0, 99]]);
    expect(seriesGeometry(rows([1, null, 3, 4, null, 6]), look, x, y).lonePoints).toEqual([
      [0, 99],
      [50, 94],
    ]);
    expect(seriesGeometry(rows([1, 2, 3]), look, x, y).lonePoints).toEqual([]);
    expect(seriesGeometry(rows([]), look, x, y).lonePoints).toEqual([]);
    // Bridged over nulls, a value has neighbours.
    const bridged = { ...look, connectNulls: true };
    expect(seriesGeometry(rows([1, null, 3]), bridged, x, y).lonePoints).toEqual([]);
  });

  it('bridges null and missing values with connectNulls', () => {
    const bridged = { ...look, connectNulls: true };
    expect(seriesGeometry(rows([1, null, 3, undefined, 5]), bridged, x, y).runs).toEqual([
      [0, 99, 20, 97, 40, 95],
    ]);
  });

  it('skips values the scale cannot place (outside a log domain)', () => {
    const logY = (v: number) => (v > 0 ? -Math.log10(v) : undefined);
    expect(seriesGeometry(rows([10, 0, 100, 1000]), look, x, logY)).toMatchObject({
      runs: [[20, -2, 30, -3]],
      lonePoints: [[0, -1]],
    });
  });

  it('lists dot centres, with their row, only when the series has dots', () => {
    const values = rows([1.5, null, 2.5, 3]);
    expect(seriesGeometry(values, look, x, y).dots).toEqual([]);
    expect(seriesGeometry(values, { ...look, dotRadius: 2 }, x, y).dots).toEqual([
      [0, 98.5, 0],
      [20, 97.5, 2],
      [30, 97, 3],
    ]);
  });

  it('reads stroke-dasharray as dash and gap lengths', () => {
    expect(dashPattern(undefined)).toEqual([]);
    expect(dashPattern('4 2')).toEqual([4, 2]);
    expect(dashPattern('5, 4')).toEqual([5, 4]);
  });
});
