/**
 * The URL hash as an ordered list of key=value pairs: the part after '#' (or a bare query),
 * split on '&', each side percent-decoded and trimmed. Shared by decodeConfig (the experiment)
 * and parseHashParams (the page's view flags), so both refuse the same links.
 */
import { quoteText, repair, shortText, type Repair } from './repairs';
import { LIMITS } from './schema';

/** Link flags that belong to the page, not the experiment (read by the UI; ignored here). */
export const KNOWN_VIEW_KEYS: ReadonlySet<string> = new Set([
  'embed',
  'lesson',
  'backend',
  'sweep',
  'sweepsteps',
  'seeds',
  'view',
  'at',
  'smooth',
  'lang',
]);

/** The part after '#' of a full URL or '#...' string, or a bare query as it is. */
function extractQuery(input: string): string {
  const hashAt = input.indexOf('#');
  let query = hashAt >= 0 ? input.slice(hashAt + 1) : input;
  // A full URL without a hash carries no settings.
  if (hashAt < 0 && /^[a-z][a-z0-9+.-]*:/i.test(input)) query = '';
  return query.startsWith('?') ? query.slice(1) : query;
}

function percentDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The key=value pairs of a query in order; pairs with broken percent-encoding are reported. */
function splitPairs(query: string, repairs: Repair[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const segment of query.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = percentDecode(eq < 0 ? segment : segment.slice(0, eq));
    const value = percentDecode(eq < 0 ? '' : segment.slice(eq + 1));
    if (key === undefined || value === undefined) {
      const params = { text: quoteText(segment) };
      repairs.push(repair(shortText(key ?? ''), 'repair.brokenEncoding', params));
    } else {
      pairs.push([key.trim(), value.trim()]);
    }
  }
  return pairs;
}

/** A link read into pairs, or refused as a whole (and why, as a repair of the whole link). */
export type HashPairs =
  { kind: 'pairs'; pairs: Array<[string, string]> } | { kind: 'refused'; repair: Repair };

/**
 * The pairs of a link (full URL, '#...' or bare query), in order and with repeats; a link that
 * is not text or is longer than MAX_HASH_CHARS is refused unread.
 */
export function readHashPairs(hash: unknown, repairs: Repair[]): HashPairs {
  if (typeof hash !== 'string') {
    return { kind: 'refused', repair: repair('', 'repair.linkNotText') };
  }
  const query = extractQuery(hash);
  if (query.length > LIMITS.MAX_HASH_CHARS) {
    const params = { length: String(query.length), max: String(LIMITS.MAX_HASH_CHARS) };
    return { kind: 'refused', repair: repair('', 'repair.linkTooLong', params) };
  }
  return { kind: 'pairs', pairs: splitPairs(query, repairs) };
}

/**
 * The link's parameters (last value wins), for reading view flags such as `embed`. Keys are
 * Map keys, never object properties, so `__proto__` and friends are inert.
 */
export function parseHashParams(hash: string): Map<string, string> {
  const read = readHashPairs(hash, []);
  return new Map(read.kind === 'pairs' ? read.pairs : []);
}
