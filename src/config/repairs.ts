/**
 * Repairs: what validateConfig and decodeConfig changed in untrusted input, and why. A repair
 * is data: the message id and its plain params (repairMessages.ts), so the page says it in its
 * own language (ui/i18n renders it) and the CLI and the tests in English (repairReason.ts).
 * Neither message table is imported here: reading a link needs no words, and the page loads
 * them only when it has a repair to show. Untrusted text is quoted back shortened and
 * JSON-escaped, so a hostile link cannot flood or forge the messages.
 */
import type { TemplateParams } from './messageTemplate';
import type { RepairLabel } from './repairLabels';
import type { RepairId } from './repairMessages';

export type { RepairId } from './repairMessages';
export type { RepairLabel } from './repairLabels';

/**
 * A repair's params: plain values. `label`, when present, is a RepairLabel id (the name of the
 * setting), said in the reader's language; every other value is shown as it is.
 */
export type RepairParams = TemplateParams & { readonly label?: RepairLabel };

export interface Repair {
  /** Where the problem was: a config path like "network.hidden[3]", or a link key like "lr". */
  path: string;
  /** What was wrong and what was done about it; never repeats `path`. */
  id: RepairId;
  params: RepairParams;
}

/** A repair of `path`, saying message `id` with `params`. */
export function repair(path: string, id: RepairId, params: RepairParams = {}): Repair {
  return { path, id, params };
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

/**
 * An untrusted value named for a repair, the same in every language and without printing
 * objects or long text: text quoted ("0.5"), a list as […], an object as {…}.
 */
export function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return quoteText(value);
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return '[…]';
  if (typeof value === 'object') return '{…}';
  return `<${typeof value}>`;
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
