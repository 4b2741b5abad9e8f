import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EMPTY_LOG_DOMAIN,
  LOG_DOMAIN_CEILING,
  LOG_DOMAIN_FLOOR,
  MAX_LOG_TICKS,
  formatExact,
  formatPow10,
  logDomain,
  logTicks,
  pow10,
  toLogSafe,
} from '../../../src/ui/charts/logScale';

const isPowerOfTen = (v: number) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9;
const junk = fc.constantFrom(NaN, Infinity, -Infinity, 0, -1, -1e-9);
/** Positive values across the float32 range and beyond the clamp, plus junk. */
const values = fc.array(
  fc.oneof(
    fc.double({ min: 1e-40, max: 1e40, noNaN: true }).filter((v) => v > 0),
    junk,
  ),
  { maxLength: 60 },
);

describe('toLogSafe', () => {
  it('turns NaN, +-Infinity, 0 and negatives into null (a gap on a log axis)', () => {
    for (const v of [NaN, Infinity, -Infinity, 0, -0, -3]) expect(toLogSafe(v)).toBeNull();
  });

  it('passes finite positive values through unchanged', () => {
    for (const v of [1e-38, 0.5, 1, 3e38]) expect(toLogSafe(v)).toBe(v);
  });
});

describe('logDomain', () => {
  it('falls back to [1e-3, 1e1] with no data or no finite positive value', () => {
    expect(logDomain([])).toEqual(EMPTY_LOG_DOMAIN);
    expect(logDomain([NaN, Infinity, 0, -2])).toEqual(EMPTY_LOG_DOMAIN);
    expect(EMPTY_LOG_DOMAIN).toEqual([1e-3, 1e1]);
  });

  it('aligns to whole decades around the data', () => {
    expect(logDomain([0.003, 45, NaN, 0])).toEqual([1e-3, 1e2]);
    expect(logDomain([2e-7, 9e4])).toEqual([1e-7, 1e5]);
  });

  it('gives a decade on each side when every value is the same power of ten', () => {
    expect(logDomain([1, 1, 1])).toEqual([0.1, 10]);
  });

  it('clamps to [1e-30, 1e30] and stays a non-empty interval at either clamp', () => {
    expect(logDomain([1e-40, 1e40])).toEqual([LOG_DOMAIN_FLOOR, LOG_DOMAIN_CEILING]);
    expect(logDomain([3e35])).toEqual([1e29, 1e30]);
    expect(logDomain([1e-38])).toEqual([1e-30, 1e-29]);
  });

  it('is always positive, increasing, decade-aligned and contains every finite positive value inside the clamp', () => {
    fc.assert(
      fc.property(values, (vs) => {
        const [lo, hi] = logDomain(vs);
        expect(lo).toBeGreaterThan(0);
        expect(hi).toBeGreaterThan(lo);
        expect(lo).toBeGreaterThanOrEqual(LOG_DOMAIN_FLOOR);
        expect(hi).toBeLessThanOrEqual(LOG_DOMAIN_CEILING);
        expect(isPowerOfTen(lo) && isPowerOfTen(hi)).toBe(true);
        for (const v of vs) {
          if (!(Number.isFinite(v) && v > 0)) continue;
          if (v >= LOG_DOMAIN_FLOOR)
            expect(hi).toBeGreaterThanOrEqual(Math.min(v, LOG_DOMAIN_CEILING));
          if (v <= LOG_DOMAIN_CEILING)
            expect(lo).toBeLessThanOrEqual(Math.max(v, LOG_DOMAIN_FLOOR));
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('logTicks', () => {
  it('gives at most MAX_LOG_TICKS powers of ten inside the domain, including the top', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: -30, max: 29 }),
        fc.integer({ min: 1, max: 60 }),
        (lo, span) => {
          const hi = Math.min(30, lo + span);
          const ticks = logTicks([pow10(lo), pow10(hi)]);
          expect(ticks.length).toBeGreaterThan(0);
          expect(ticks.length).toBeLessThanOrEqual(MAX_LOG_TICKS);
          expect(ticks[ticks.length - 1]).toBe(pow10(hi));
          for (const t of ticks) {
            expect(isPowerOfTen(t)).toBe(true);
            expect(t).toBeGreaterThanOrEqual(pow10(lo));
          }
        },
      ),
    );
  });
});

describe('formatting', () => {
  it('labels small decades plainly and large ones in exponent form', () => {
    expect([1e-3, 0.01, 0.1, 1, 10, 100, 1e3, 1e-12].map(formatPow10)).toEqual([
      '1e-3',
      '0.01',
      '0.1',
      '1',
      '10',
      '100',
      '1e3',
      '1e-12',
    ]);
  });

  it('shows exact values with 4 significant digits (exponent form below 1e-3, like the number boxes) and leaves non-finite ones to the caller', () => {
    expect(formatExact(1234.5678)).toBe('1235');
    expect(formatExact(0.0123456)).toBe('0.01235');
    expect(formatExact(0.000123456)).toBe('1.235e-4');
    expect(formatExact(NaN)).toBeNull();
    expect(formatExact(Infinity)).toBeNull();
  });
});
