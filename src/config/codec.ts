/**
 * The share-link codec: ExperimentConfig <-> URL hash, e.g.
 *   #v=1&data=spiral&n=400&...&opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-8&...&clip=globalNorm:1
 *
 * Links are meant to be written by hand: keys are short words, values are plain numbers or
 * names (enum values are matched case-insensitively), a key left out takes its default without
 * any notice (so `#act=relu` is a complete lesson link), and layer widths use a run-length
 * shorthand (`layers=64,32x6,16`). encodeConfig is canonical: fixed key order, shortest
 * round-trip numbers, so equal configs give identical strings.
 *
 * decodeConfig treats the hash as hostile: it never throws, never assigns untrusted keys onto
 * objects (keys go into a Map and are only compared with the known key names), and finishes
 * with validateConfig, so whatever comes out is valid, with every change listed as a Repair.
 * When a key appears more than once the LAST value wins (so appending `&lr=0.1` to a link
 * overrides it), with a repair note.
 *
 * Keys shaped like a variant's (`b.clip`, `e.lr`, a bare `b`) are left to decodeExperimentLink
 * (variantLink.ts), which reads or reports them.
 *
 * The keys themselves are listed in linkKeys.ts; hashParams.ts splits the hash into pairs.
 */
import { KNOWN_VIEW_KEYS, readHashPairs } from './hashParams';
import type { Note } from './keyCodecs';
import { KEY_CODECS, linkKeyOf } from './linkKeys';
import { quoteText, repair, reportCapped, shortText, type Repair } from './repairs';
import { DEFAULT_CONFIG, type ExperimentConfig } from './schema';
import { validateConfig } from './validate';
import { isVariantShapedKey } from './variantKeys';

// The codec's public surface, importable from here as before the split.
export { KNOWN_VIEW_KEYS, parseHashParams } from './hashParams';
export { formatLayers, parseLayers } from './layersText';
export { LINK_KEYS, type LinkKey } from './linkKeys';
export { formatNumber } from './numberText';

/** Unknown keys listed one by one; any beyond are summed up in one repair. */
const MAX_LISTED_UNKNOWN_KEYS = 10;

const CODEC_BY_KEY = new Map(KEY_CODECS.map((codec) => [codec.key, codec]));

/** The link as a canonical hash string starting with '#'. */
export function encodeConfig(config: ExperimentConfig): string {
  const parts: string[] = [];
  for (const codec of KEY_CODECS) {
    const value = codec.write(config);
    if (value !== undefined) parts.push(`${codec.key}=${value}`);
  }
  return `#${parts.join('&')}`;
}

/**
 * Reads a link (full URL, '#...' or bare query) into a valid config, listing every change.
 * Missing keys take their defaults silently; view keys (KNOWN_VIEW_KEYS) and variant keys are
 * skipped.
 */
export function decodeConfig(hash: string): { config: ExperimentConfig; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const read = readHashPairs(hash, repairs);
  if (read.kind === 'refused') {
    return {
      config: structuredClone(DEFAULT_CONFIG),
      repairs: [read.repair],
    };
  }
  const decoded = decodeLinkPairs(read.pairs);
  return { config: decoded.config, repairs: [...repairs, ...decoded.repairs] };
}

/**
 * Reads key=value pairs (percent-decoded, in link order, repeats allowed: the last value wins)
 * into a valid config, listing every change. decodeConfig's reader once the link is split;
 * variants (variantLink.ts) read their combined pairs through it too.
 */
export function decodeLinkPairs(pairs: ReadonlyArray<readonly [string, string]>): {
  config: ExperimentConfig;
  repairs: Repair[];
} {
  const repairs: Repair[] = [];
  const values = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [key, value] of pairs) {
    values.set(key, value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  const unknown = [...values.keys()].filter(
    (k) => !CODEC_BY_KEY.has(k) && !KNOWN_VIEW_KEYS.has(k) && !isVariantShapedKey(k),
  );
  reportCapped(
    unknown,
    MAX_LISTED_UNKNOWN_KEYS,
    repairs,
    (key) => repair(shortText(key), 'repair.unknownKey', { key: quoteText(key) }),
    (count) => repair('', 'repair.moreUnknownKeys', { count }),
  );

  const draft = structuredClone(DEFAULT_CONFIG);
  for (const codec of KEY_CODECS) {
    const raw = values.get(codec.key);
    if (raw === undefined) continue;
    const note: Note = (id, params) => repairs.push(repair(codec.key, id, params));
    const times = counts.get(codec.key) ?? 1;
    if (times > 1) note('repair.keyRepeated', { count: times });
    codec.read(raw, draft, note);
  }

  const validated = validateConfig(draft);
  for (const r of validated.repairs) repairs.push({ ...r, path: linkKeyOf(r.path) });
  return { config: validated.config, repairs };
}
