/**
 * Log-axis safety for recharts. A log scale fails silently: with no explicit domain the chart is
 * blank, one 0 or negative value blanks the whole chart, and NaN/Infinity are drawn as nothing
 * without saying why. So every value passes through `toLogSafe` (bad values become gaps, marked
 * separately as overflow) and every log axis gets an explicit positive `logDomain`.
 */

import { formatSignificant } from '../i18n/numberFormat';

export type LogDomain = readonly [number, number];

/** The domain is never wider than this, whatever the data (float32 spans ~1e-45..3e38). */
export const LOG_DOMAIN_FLOOR = 1e-30;
export const LOG_DOMAIN_CEILING = 1e30;
/** Shown before any data arrives, or when no value is finite and positive. */
export const EMPTY_LOG_DOMAIN: LogDomain = [1e-3, 1e1];
/** Log axes show at most this many power-of-ten ticks. */
export const MAX_LOG_TICKS = 6;

const FLOOR_EXP = Math.round(Math.log10(LOG_DOMAIN_FLOOR));
const CEILING_EXP = Math.round(Math.log10(LOG_DOMAIN_CEILING));

/** 10^exp as the nearest double to the decimal literal 1e{exp} (10 ** 29 is not 1e29). */
export function pow10(exp: number): number {
  return Number(`1e${exp}`);
}

/** A value a log axis can draw, or null (a gap) for NaN, +-Infinity, 0 and negatives. */
export function toLogSafe(value: number): number | null {
  return Number.isFinite(value) && value > 0 ? value : null;
}

/** True for the values that a chart marks as overflow: NaN and +-Infinity. */
export function isNonFinite(value: number): boolean {
  return !Number.isFinite(value);
}

/**
 * Decade-aligned domain [10^floor(log10 min), 10^ceil(log10 max)] over the finite positive
 * values, clamped to [LOG_DOMAIN_FLOOR, LOG_DOMAIN_CEILING]. All values equal to one power of
 * ten get a decade on each side; no usable value gives EMPTY_LOG_DOMAIN.
 */
export function logDomain(values: Iterable<number>): LogDomain {
  let min = Infinity;
  let max = -Infinity;
  for (const v of values) {
    if (!(Number.isFinite(v) && v > 0)) continue;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (min > max) return EMPTY_LOG_DOMAIN;
  let lo = Math.floor(Math.log10(min));
  let hi = Math.ceil(Math.log10(max));
  // log10 rounds; step outward until the decades really contain the data.
  while (pow10(lo) > min) lo--;
  while (pow10(hi) < max) hi++;
  if (lo === hi) {
    lo--;
    hi++;
  }
  lo = clampExp(lo);
  hi = clampExp(hi);
  if (lo >= hi) {
    if (hi === CEILING_EXP) lo = hi - 1;
    else hi = lo + 1;
  }
  return [pow10(lo), pow10(hi)];
}

function clampExp(exp: number): number {
  return Math.min(CEILING_EXP, Math.max(FLOOR_EXP, exp));
}

/** Powers of ten inside the domain, every k-th one so there are at most maxTicks. */
export function logTicks(domain: LogDomain, maxTicks = MAX_LOG_TICKS): number[] {
  const lo = Math.round(Math.log10(domain[0]));
  const hi = Math.round(Math.log10(domain[1]));
  const every = Math.max(1, Math.ceil((hi - lo + 1) / maxTicks));
  const ticks: number[] = [];
  for (let e = hi; e >= lo; e -= every) ticks.unshift(pow10(e));
  return ticks;
}

/** Tick label for a power of ten: 0.01, 0.1, 1, 10, 100, then 1e3, 1e-3 beyond. */
export function formatPow10(value: number): string {
  const exp = Math.round(Math.log10(value));
  if (Math.abs(exp) <= 2) return formatSignificant(value, 1);
  return `1e${exp}`;
}
