import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  fromLogPosition,
  LOG_STEP_DECADES,
  SLIDER_SIGNIFICANT_DIGITS,
  toLogPosition,
} from '../../../src/ui/controls/logScale';
import { RANGES } from '../../../src/ui/controls/ranges';

/** The ranges LogSliders use (every one strictly positive). */
const LOG_RANGES = {
  learningRate: RANGES.learningRate,
  clipThreshold: RANGES.clipThreshold,
  gradScale: RANGES.gradScale,
  maxNorm: RANGES.maxNorm,
  initGain: RANGES.initGain,
  epsilon: RANGES.epsilon,
};

/** Worst relative error of rounding to SLIDER_SIGNIFICANT_DIGITS digits (half a unit in the last). */
const ROUNDING_TOLERANCE = 0.5 * 10 ** (1 - SLIDER_SIGNIFICANT_DIGITS);

describe.each(Object.entries(LOG_RANGES))('log slider over %s', (_name, { min, max }) => {
  it('maps the range ends to log10(min) and log10(max), and back exactly', () => {
    expect(toLogPosition(min, min, max)).toBeCloseTo(Math.log10(min), 12);
    expect(toLogPosition(max, min, max)).toBeCloseTo(Math.log10(max), 12);
    expect(fromLogPosition(Math.log10(min), min, max)).toBe(min);
    expect(fromLogPosition(Math.log10(max), min, max)).toBe(max);
  });

  it('round-trips any value in range to within the slider rounding', () => {
    const value = fc.double({ min, max, noNaN: true, noDefaultInfinity: true });
    fc.assert(
      fc.property(value, (v) => {
        const back = fromLogPosition(toLogPosition(v, min, max), min, max);
        expect(Math.abs(back - v) / v).toBeLessThanOrEqual(ROUNDING_TOLERANCE * (1 + 1e-9));
      }),
    );
  });

  it('brings every track step back to the same step (the thumb never jumps)', () => {
    const lo = Math.log10(min);
    const steps = Math.round((Math.log10(max) - lo) / LOG_STEP_DECADES);
    for (let i = 0; i <= steps; i++) {
      const position = lo + i * LOG_STEP_DECADES;
      const value = fromLogPosition(position, min, max);
      const back = toLogPosition(value, min, max);
      expect(Math.round((back - lo) / LOG_STEP_DECADES)).toBe(i);
    }
  });

  it('clamps positions beyond the track and values outside the range', () => {
    expect(fromLogPosition(Math.log10(max) + 3, min, max)).toBe(max);
    expect(fromLogPosition(Math.log10(min) - 3, min, max)).toBe(min);
    expect(toLogPosition(max * 10, min, max)).toBeCloseTo(Math.log10(max), 12);
    expect(toLogPosition(0, min, max)).toBeCloseTo(Math.log10(min), 12);
  });
});

describe('fromLogPosition', () => {
  it('gives readable values: 3 significant digits', () => {
    expect(fromLogPosition(-1.29, 1e-6, 100)).toBe(0.0513);
    expect(fromLogPosition(0, 1e-6, 100)).toBe(1);
  });
});
