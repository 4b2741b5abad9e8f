/**
 * Numbers as link text: written shortest-round-trip, read only as plain decimals, so a link
 * can neither smuggle in hex, 'Infinity' or 'NaN' nor change a value by re-encoding it.
 */

/**
 * Shortest text that parses back to exactly the same double (ECMAScript's Number-to-String is
 * shortest round-trip), with the exponent's '+' dropped ('1e21', not '1e+21') because form
 * decoders turn '+' into a space.
 */
export function formatNumber(x: number): string {
  return String(x).replace('e+', 'e');
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A plain decimal number (no hex, no 'Infinity', no 'NaN'), or undefined. */
export function parseDecimal(raw: string): number | undefined {
  return DECIMAL.test(raw) ? Number(raw) : undefined;
}
