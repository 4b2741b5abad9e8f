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

/**
 * The page's one exponent rule, for every number it writes (these formatters and the charts'
 * formatMeasured): a value whose magnitude, rounded to the digits shown, lies in
 * [PLAIN_FROM, PLAIN_BELOW) is written plainly ("0.01234", "1235"); any other in mantissa and
 * exponent ("1.71e-6", "2.5e4"). Gradient norms span dozens of decades, and a plain 0.0000001710
 * is hard to read at a glance.
 */
export const PLAIN_FROM = 1e-3;
export const PLAIN_BELOW = 1e4;
const PLAIN_EXPONENTS = [Math.round(Math.log10(PLAIN_FROM)), Math.round(Math.log10(PLAIN_BELOW))];

/**
 * A finite, non-zero value at `digits` significant digits in exponent form, mantissa as
 * Number#toExponential writes it ("1.710", trailing zeros kept) and its exponent; null where
 * the rule writes it plainly. Decided on the rounded value, so 9999.6 at 4 digits is 1.000e4.
 */
export function exponentForm(
  value: number,
  digits: number,
): { mantissa: string; exponent: number } | null {
  const [mantissa = '', exponentText = '0'] = value.toExponential(digits - 1).split('e');
  const exponent = Number(exponentText);
  const [lowest, above] = PLAIN_EXPONENTS as [number, number];
  return exponent >= lowest && exponent < above ? null : { mantissa, exponent };
}

/**
 * Up to `digits` significant digits, trailing zeros dropped, without grouping (a number box
 * reads it back), exponent form beyond the plain range: "0.05", "0.9999", "1e-8", "2.5e-5",
 * "1.235e4". Non-finite values as JavaScript writes them (callers word them).
 */
export function formatSignificant(value: number, digits: number): string {
  if (!Number.isFinite(value)) return String(value);
  if (value === 0) return '0'; // also turns -0 into "0"
  const exponential = exponentForm(value, digits);
  if (exponential !== null) {
    return `${formatSignificant(Number(exponential.mantissa), digits)}e${exponential.exponent}`;
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
