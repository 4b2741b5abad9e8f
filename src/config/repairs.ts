/**
 * Repairs: what validateConfig and decodeConfig changed in untrusted input, and why, in plain
 * English. Untrusted text is quoted back shortened and JSON-escaped, so a hostile link cannot
 * flood or forge the messages.
 */

export interface Repair {
  /** Where the problem was: a config path like "network.hidden[3]", or a link key like "lr". */
  path: string;
  /** What was wrong and what was done about it, in English; never repeats `path`. */
  reason: string;
}

/** A repair as one line: the key (or path) named once, then what was wrong and what it became. */
export function repairText({ path, reason }: Repair): string {
  return path === '' ? reason : `${path}: ${reason}`;
}

/** Longest piece of untrusted text quoted back in a repair reason. */
const MAX_QUOTED_CHARS = 40;

/** Untrusted text cut to a length fit for a repair path or reason. */
export function shortText(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}

/** Untrusted text quoted for a repair reason: shortened and JSON-escaped. */
export function quoteText(text: string): string {
  return JSON.stringify(shortText(text));
}

/** An untrusted value named for a repair reason, without printing objects or long text. */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `the text ${quoteText(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return `a value of type ${typeof value}`;
}

/**
 * Reports unwanted names (unknown link keys, unknown fields) one by one up to `max`, then the
 * rest in a single repair, so a flood of junk gives a bounded list.
 */
export function reportCapped(
  names: readonly string[],
  max: number,
  repairs: Repair[],
  each: (name: string) => Repair,
  rest: (more: number) => Repair,
): void {
  for (const name of names.slice(0, max)) repairs.push(each(name));
  if (names.length > max) repairs.push(rest(names.length - max));
}
