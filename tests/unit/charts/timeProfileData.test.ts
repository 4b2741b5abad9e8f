import { describe, expect, it } from 'vitest';
import { DEFAULT_RECURRENT_MODEL } from '../../../src/config/modelSchema';
import type { StepMetrics } from '../../../src/engine/metrics';
import { buildHeatmapGrid, heatmapCellAt } from '../../../src/ui/charts/heatmapData';
import { buildTimeProfile } from '../../../src/ui/charts/timeProfileData';

const model = {
  ...DEFAULT_RECURRENT_MODEL,
  timeSteps: 3,
  recurrentInit: { kind: 'orthogonal', gain: 2 } as const,
};
const step = (n: number, time: number[]) => ({ step: n, timeSignalNorm: time }) as StepMetrics;
const steps = [step(1, [4, 2, 1]), step(2, [8, 4, 2]), step(3, [NaN, 1, 0.5])];

describe('the time profile', () => {
  it('has one row per time step, t = 1 first, with the g^(T-t) line anchored at t = T', () => {
    const profile = buildTimeProfile(steps, 2, model, 'linear');
    expect(profile.step).toBe(2);
    expect(profile.rows.map((r) => r.x)).toEqual([1, 2, 3]);
    expect(profile.rows.map((r) => r.raw.measured)).toEqual([8, 4, 2]);
    expect(profile.rows.map((r) => r.raw.theory)).toEqual([8, 4, 2]);
    expect(profile.theoryApplies).toBe(true);
  });

  it('shows the newest step by default and marks a non-finite time step as overflow', () => {
    const profile = buildTimeProfile(steps, null, model, 'tanh');
    expect(profile.step).toBe(3);
    expect(profile.overflow).toEqual([{ x: 1, keys: ['measured'] }]);
    expect(profile.rows.every((r) => r.raw.theory === undefined)).toBe(true);
  });
});

describe('the time-step heatmap grid', () => {
  it('has one row per time step, read from timeSignalNorm, t = 1 on the bottom row', () => {
    const grid = buildHeatmapGrid(steps.slice(0, 2), (m) => m.timeSignalNorm, 3, 100);
    expect(grid.layers).toBe(3);
    expect(grid.columns).toBe(2);
    // Bottom row (y share near 1) is t = 1; top row is t = T.
    expect(heatmapCellAt(grid, 0.75, 0.99)).toMatchObject({ layer: 0, value: 8 });
    expect(heatmapCellAt(grid, 0.25, 0.01)).toMatchObject({ layer: 2, value: 1 });
  });
});
