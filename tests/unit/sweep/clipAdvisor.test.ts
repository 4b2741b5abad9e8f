import { describe, expect, it } from 'vitest';
import { advisorRange, advisorSweep, bestThresholdIndex } from '../../../src/config/clipAdvisor';
import type { CellMeasure } from '../../../src/config/sweepCell';
import { decodeSweep, sweepHashSuffix } from '../../../src/config/sweepSpec';

const cell = (loss: number, haltedStep: number | null = null): CellMeasure => ({
  logSlope: 0,
  globalNorm: 1,
  loss,
  stepsSurvived: haltedStep ?? 50,
  haltedStep,
  clippedShare: 0,
  meanClipFactor: 1,
});

describe('clip-threshold advisor', () => {
  it('spans a tenth of the smallest observed global norm to the largest, at least two decades, ignoring non-finite ones', () => {
    expect(advisorRange([0.5, 3, Infinity, NaN, 2000])).toEqual({ from: 0.05, to: 2000 });
    const narrow = advisorRange([40, 90]);
    expect(narrow.to / narrow.from).toBeGreaterThanOrEqual(99);
    expect(narrow.from).toBeLessThanOrEqual(4);
    expect(narrow.to).toBeGreaterThanOrEqual(90);
    expect(advisorRange([])).toEqual({ from: 0.01, to: 100 });
  });

  it('its sweep is a link like any other: clip over 12 values, K steps', () => {
    const spec = advisorSweep([0.5, 2000], 50);
    expect(sweepHashSuffix(spec)).toBe('&sweep=clip:0.05..2000:12&sweepsteps=50');
    expect(decodeSweep(sweepHashSuffix(spec)).sweep).toEqual(spec);
  });

  it('the best c has the lowest loss among the runs that did not halt', () => {
    expect(bestThresholdIndex([cell(0.9), cell(0.4), cell(0.1, 12), null])).toBe(1);
    expect(bestThresholdIndex([cell(0.4), cell(0.4)])).toBe(1);
    expect(bestThresholdIndex([cell(NaN, 3), cell(1, 1)])).toBeNull();
  });
});
