/**
 * Turning numbers into the text a number box shows and back. Pure: no React, no DOM.
 * Parsing is strict so a half-typed or hostile value never reaches the config as NaN.
 */
import { t } from '../i18n/messages';
import { formatSignificant } from '../i18n/numberFormat';

/** Significant digits a number box shows: enough for 0.9999 or 2.5e-5, short enough to fit. */
export const DISPLAY_SIGNIFICANT_DIGITS = 4;

/** A plain decimal or exponent literal: "12", "-0.5", ".5", "1e-8", "2.5E+3". No hex, no Infinity. */
const NUMBER_PATTERN = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** The valid range of a number a control may write. */
export interface ValueRange {
  min: number;
  max: number;
  /** Rounded to a whole number before clamping. */
  integer?: boolean;
}

export function clamp(value: number, min: number, max: number): number {
  return Math.min(max, Math.max(min, value));
}

/** `value` rounded to `digits` significant digits (0 stays 0). */
export function roundSignificant(value: number, digits: number): number {
  if (value === 0 || !Number.isFinite(value)) return value;
  return Number(value.toPrecision(digits));
}

/**
 * Short text for a value: up to `digits` significant digits, trailing zeros dropped, exponent
 * form for very small or very large magnitudes ("0.05", "0.9999", "1e-8", "2.5e-5").
 */
export function formatValue(value: number, digits = DISPLAY_SIGNIFICANT_DIGITS): string {
  return formatSignificant(value, digits);
}

/** Text for a value of the given range: whole numbers exactly, others to 4 significant digits. */
export function formatInRange(value: number, range: ValueRange): string {
  return range.integer ? String(Math.round(value)) : formatValue(value);
}

/** The number typed, or null for empty, malformed or non-finite text. Accepts "−" (U+2212). */
export function parseNumber(text: string): number | null {
  const trimmed = text.trim().replace(/\u2212/g, '-');
  if (!NUMBER_PATTERN.test(trimmed)) return null;
  const value = Number(trimmed);
  return Number.isFinite(value) ? value + 0 : null; // + 0 turns -0 into 0
}

/**
 * The number typed, rounded when the range is whole numbers and clamped into the range; null
 * when the text is not a number (the box then reverts to the current value).
 */
export function parseInRange(text: string, range: ValueRange): number | null {
  const value = parseNumber(text);
  if (value === null) return null;
  return clamp(range.integer ? Math.round(value) : value, range.min, range.max) + 0;
}

/**
 * Why a typed number was changed to fit the range, for a note beside the box: the same clamping
 * rule as links (a number beyond a limit is set to the limit). Null when it fits.
 */
export function clampNote(text: string, range: ValueRange): string | null {
  const value = parseNumber(text);
  if (value === null) return null;
  if (value > range.max)
    return t('controls.clampedMax', { value: text.trim(), limit: formatValue(range.max) });
  if (value < range.min)
    return t('controls.clampedMin', { value: text.trim(), limit: formatValue(range.min) });
  return null;
}
