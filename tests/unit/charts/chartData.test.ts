import { describe, expect, it } from 'vitest';
import type { StepMetrics } from '../../../src/engine/metrics';
import { MIN_LIVE_AXIS_STEPS, stepAxisEnd, stepTicks } from '../../../src/ui/charts/axes';
import {
  buildSeriesChart,
  mergeRows,
  MAX_OVERFLOW_MARKS,
  rawKey,
} from '../../../src/ui/charts/chartData';
import { MAX_POINTS_PER_SERIES } from '../../../src/ui/charts/downsample';
import {
  buildHeatmapGrid,
  cellRgb,
  heatmapCellAt,
  heatmapPixels,
} from '../../../src/ui/charts/heatmapData';
import { NON_FINITE_COLOR, layerColors } from '../../../src/ui/charts/palette';

function metrics(step: number, gradNorm: number[]): StepMetrics {
  return {
    step,
    loss: 1,
    gradNorm,
    clippedGradNorm: gradNorm,
    globalNorm: 1,
    clippedGlobalNorm: 1,
    signalNorm: gradNorm,
    weightNorm: gradNorm,
    clipped: false,
    clipThreshold: null,
    clipCosine: 1,
  };
}

describe('buildSeriesChart', () => {
  it('draws non-finite and non-positive values as gaps, keeps them for tooltips and marks overflow', () => {
    const chart = buildSeriesChart([1, 2, 3, 4], [{ key: 'a', values: [0.5, NaN, 0, Infinity] }]);
    expect(chart.rows.map((r) => r.y.a)).toEqual([0.5, null, null, null]);
    expect(chart.rows[1]!.raw.a).toBeNaN();
    expect(chart.overflow.map((m) => m.x)).toEqual([2, 4]);
    expect(chart.domain).toEqual([0.1, 1]);
  });

  it('keeps extra values such as a clip threshold inside the domain', () => {
    expect(buildSeriesChart([1], [{ key: 'a', values: [0.5] }], [200]).domain).toEqual([0.1, 1000]);
  });

  it('hands recharts at most MAX_POINTS_PER_SERIES rows and at most MAX_OVERFLOW_MARKS marks', () => {
    const x = Array.from({ length: 5000 }, (_, i) => i + 1);
    const chart = buildSeriesChart(x, [
      { key: 'a', values: x.map((i) => (i > 2000 ? Infinity : i)) },
    ]);
    expect(chart.rows.length).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
    expect(chart.overflow.length).toBeLessThanOrEqual(MAX_OVERFLOW_MARKS);
    expect(chart.overflow.length).toBeGreaterThan(0);
  });
});

describe('mergeRows', () => {
  it('puts train and test rows on one sorted x axis, combining rows at the same step', () => {
    const a = buildSeriesChart([1, 2, 3], [{ key: 'train', values: [1, 2, 3] }]).rows;
    const b = buildSeriesChart([2, 5], [{ key: 'test', values: [7, 8] }]).rows;
    const merged = mergeRows(a, b);
    expect(merged.map((r) => r.x)).toEqual([1, 2, 3, 5]);
    expect(merged[1]!.y).toEqual({ train: 2, test: 7 });
  });
});

describe('heatmap grid', () => {
  const steps = Array.from({ length: 1000 }, (_, i) =>
    metrics(i + 1, [1e-3, i === 500 ? NaN : 10]),
  );

  it('has at most one column per pixel and keeps an overflow inside a bucket', () => {
    const grid = buildHeatmapGrid(steps, 'gradNorm', 2, 100);
    expect(grid.columns).toBe(100);
    expect(grid.hasNonFinite).toBe(true);
    const top = Array.from(grid.values.slice(100, 200));
    expect(top.filter(Number.isNaN)).toHaveLength(1);
    expect(grid.domain).toEqual([1e-3, 10]);
  });

  it('colours overflow red and puts the output layer on the top pixel row', () => {
    const grid = buildHeatmapGrid(steps, 'gradNorm', 2, 100);
    const pixels = heatmapPixels(grid);
    const red = [...cellRgb(NaN, grid.domain)];
    expect(red).toEqual([0xe4, 0x00, 0x3a]);
    expect(NON_FINITE_COLOR).toBe('#e4003a');
    // Row 0 of the image is layer 1 (the output): its column 50 holds the NaN.
    expect([...pixels.slice(50 * 4, 50 * 4 + 3)]).toEqual(red);
    // The input layer (bottom row) sits at the low end of the scale.
    expect([...pixels.slice((100 + 50) * 4, (100 + 50) * 4 + 3)]).toEqual([
      ...cellRgb(1e-3, grid.domain),
    ]);
  });
});

describe('stepTicks', () => {
  it('gives round steps inside the range', () => {
    expect(stepTicks(4, 3000)).toEqual([500, 1000, 1500, 2000, 2500, 3000]);
    expect(stepTicks(1, 31)).toEqual([5, 10, 15, 20, 25, 30]);
    expect(stepTicks(1, 3)).toEqual([1, 2, 3]);
    expect(stepTicks(7, 7)).toEqual([7]);
  });
});

describe('stepAxisEnd', () => {
  const NO_END = 1e9;

  it('ends at the last step at rest, and one past a lone first step', () => {
    expect(stepAxisEnd(1, 1234, false, NO_END)).toBe(1234);
    expect(stepAxisEnd(5, 5, false, NO_END)).toBe(6);
  });

  it('while training, ends at the next round end at or after the last step', () => {
    expect(stepAxisEnd(1, 1234, true, NO_END)).toBe(1250);
    expect(stepAxisEnd(1, 1251, true, NO_END)).toBe(1500);
    expect(stepAxisEnd(1, 999, true, NO_END)).toBe(1000);
    expect(stepAxisEnd(1, 1000, true, NO_END)).toBe(1000);
    expect(stepAxisEnd(1, 6001, true, NO_END)).toBe(8000);
  });

  it('while training, spans at least MIN_LIVE_AXIS_STEPS from the first step', () => {
    expect(stepAxisEnd(1, 1, true, NO_END)).toBeGreaterThanOrEqual(1 + MIN_LIVE_AXIS_STEPS);
    expect(stepAxisEnd(1, 3, true, NO_END)).toBe(stepAxisEnd(1, 8, true, NO_END));
  });

  it('never ends past the step where the run stops, nor before the last step', () => {
    expect(stepAxisEnd(1, 1800, true, 2000)).toBe(2000);
    expect(stepAxisEnd(1, 2000, true, 2000)).toBe(2000);
    // A run whose step budget was lowered below the steps it already made.
    expect(stepAxisEnd(1, 2500, true, 2000)).toBe(2500);
  });

  it('keeps the lines over three quarters of the axis and changes ~10 times per decade', () => {
    const ends = new Set<number>();
    let leastFilled = 1;
    let leastAhead = Infinity;
    for (let last = 20; last <= 200_000; last++) {
      const end = stepAxisEnd(1, last, true, NO_END);
      leastFilled = Math.min(leastFilled, (last - 1) / (end - 1));
      leastAhead = Math.min(leastAhead, end - last);
      ends.add(end);
    }
    expect(leastAhead).toBe(0);
    expect(leastFilled).toBeGreaterThan(0.74);
    // 4 decades (20 .. 200,000): every refresh would be ~200,000 changes.
    expect(ends.size).toBeLessThanOrEqual(41);
  });
});

describe('layerColors', () => {
  it('orders layers from dark (input) to light (output)', () => {
    const luminance = (c: string) => {
      const [r, g, b] = c.match(/\d+/g)!.map(Number);
      return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
    };
    const l = layerColors(9).map(luminance);
    for (let i = 1; i < l.length; i++) expect(l[i]).toBeGreaterThan(l[i - 1]!);
  });
});

describe('a series drawn smoothed', () => {
  it('draws the given values, keeps the measured ones for the tooltip and as a raw line behind', () => {
    const chart = buildSeriesChart(
      [1, 2, 3],
      [{ key: 'l0', values: [1, 100, NaN], drawn: [1, 10, NaN] }],
    );
    expect(chart.rows.map((r) => r.y.l0)).toEqual([1, 10, null]);
    expect(chart.rows.map((r) => r.raw.l0)).toEqual([1, 100, NaN]);
    expect(chart.rows.map((r) => r.y[rawKey('l0')])).toEqual([1, 100, null]);
    // The overflow mark comes from the measured value.
    expect(chart.overflow).toEqual([{ x: 3, keys: ['l0'] }]);
  });
});

describe('the heatmap cell under the pointer', () => {
  it('names the layer (output on the top row), the steps its column covers, and its value', () => {
    const steps = [1, 2, 3, 4].map((s) => metrics(s, [s, 10 * s]));
    const grid = buildHeatmapGrid(steps, 'gradNorm', 2, 2);
    // Two columns of two steps each; the top row is layer 1 (the output).
    expect(heatmapCellAt(grid, 0.1, 0.1)).toEqual({
      layer: 1,
      column: 0,
      value: 20,
      steps: [1, 2],
    });
    expect(heatmapCellAt(grid, 0.9, 0.9)).toEqual({ layer: 0, column: 1, value: 4, steps: [3, 4] });
    expect(heatmapCellAt(grid, 1, 0.5)).toBeNull();
    expect(heatmapCellAt(grid, -0.01, 0.5)).toBeNull();
  });
});
