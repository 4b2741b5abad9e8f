/**
 * The one number format of the page: every number shown in text goes through Intl.NumberFormat
 * of the page's language, so digits, decimal marks and grouping follow it. Exponent forms
 * ("2.5e-5") stay as written in maths and in links, in every language: a number box must read
 * back what it shows, and a teacher copies these values into links.
 */
import type { Language } from '../../config/languageKey';

let locale: Language = 'en';

/** Switches the numbers shown from now on to this language's format. */
export function setNumberLocale(language: Language): void {
  locale = language;
}

const formats = new Map<string, Intl.NumberFormat>();

function format(options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const id = `${locale}|${JSON.stringify(options)}`;
  let found = formats.get(id);
  if (!found) {
    found = new Intl.NumberFormat(locale, options);
    formats.set(id, found);
  }
  return found;
}

/** Below this magnitude (and at or above the next) a value is shown in exponent form. */
const SMALLEST_PLAIN = 1e-3;
const LARGEST_PLAIN = 1e6;

/**
 * Up to `digits` significant digits, trailing zeros dropped, without grouping (a number box
 * reads it back), exponent form for very small or very large magnitudes: "0.05", "0.9999",
 * "1e-8", "2.5e-5". Non-finite values as JavaScript writes them (callers word them).
 */
export function formatSignificant(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0'; // also turns -0 into "0"
  const magnitude = Math.abs(value);
  if (magnitude < SMALLEST_PLAIN || magnitude >= LARGEST_PLAIN) {
    const [mantissa = '', exponent = '0'] = value.toExponential(digits - 1).split('e');
    return `${formatSignificant(Number(mantissa), digits)}e${Number(exponent)}`;
  }
  return format({ maximumSignificantDigits: digits, useGrouping: false }).format(value);
}

/** Exactly `fractionDigits` decimals, without grouping: "0.120", "2.5". */
export function formatFixed(value: number, fractionDigits: number): string {
  if (!Number.isFinite(value)) return String(value);
  return format({
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    useGrouping: false,
  }).format(value);
}

/** A whole count with the language's grouping: "1,200,000". */
export function formatCount(count: number): string {
  return format({ maximumFractionDigits: 0 }).format(count);
}
