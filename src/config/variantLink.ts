/**
 * The share link of an experiment with variants:
 *   #layers=32x12&act=relu&init=normal:1&b.clip=globalNorm:1&c.clip=value:0.1&d
 * The base (A) is the plain link, read by decodeConfig. Variant B, C or D is every `b.key`,
 * `c.key`, `d.key` pair, a bare `d` declaring a variant that overrides nothing (the control).
 *
 * decodeExperimentLink treats the hash as hostile like decodeConfig: it never throws, keeps
 * untrusted keys in Maps and compares them with known names only, and reports every pair it
 * cannot use once, with a bounded list of notices.
 */
import { decodeConfig, encodeConfig } from './codec';
import { readHashPairs } from './hashParams';
import { quoteText, repair, reportCapped, shortText, type Repair } from './repairs';
import type { ExperimentConfig } from './schema';
import {
  VARIANT_LETTERS,
  isVariantKey,
  isVariantLetter,
  readPrefixedKey,
  type VariantLetter,
} from './variantKeys';
import {
  overridePairs,
  prefixRepair,
  settleVariant,
  type LinkPair,
  type VariantSpec,
} from './variantResolve';

/** Unusable variant keys listed one by one; any beyond are summed up in one repair. */
const MAX_LISTED_VARIANT_KEYS = 10;

const LETTER_LIST = VARIANT_LETTERS.join(', ');

/** What one variant-shaped pair says. */
interface VariantPairReading {
  /** The variant it names; null for a letter that names none (`e.lr`). */
  letter: VariantLetter | null;
  /** The override it sets, if it can be used. */
  override: LinkPair | null;
  /** Why (part of) it cannot be used. */
  problem: Repair | null;
}

/** Reads a `b.key=value` or bare `b` pair; undefined for a key of another shape. */
function readVariantPair(key: string, value: string): VariantPairReading | undefined {
  if (isVariantLetter(key)) {
    const problem =
      value === '' ? null : repair(key, 'repair.letterTakesNoValue', { text: quoteText(value) });
    return { letter: key, override: null, problem };
  }
  const prefixed = readPrefixedKey(key);
  if (prefixed === undefined) return undefined;
  const path = shortText(key);
  if (!isVariantLetter(prefixed.prefix)) {
    const params = { text: quoteText(prefixed.prefix), letters: LETTER_LIST };
    return { letter: null, override: null, problem: repair(path, 'repair.noSuchVariant', params) };
  }
  if (!isVariantKey(prefixed.key)) {
    const problem = repair(path, 'repair.notVariantKey', { text: quoteText(prefixed.key) });
    return { letter: prefixed.prefix, override: null, problem };
  }
  return { letter: prefixed.prefix, override: [prefixed.key, value], problem: null };
}

/**
 * Reads a link into its base config and its variants, in letter order whatever their order in
 * the link. A variant exists when its letter appears in a usable key, also when none of its
 * overrides survive or they equal the base. Invalid values are repaired (the repaired value is
 * what the override holds); every change is listed, named by the variant's letter (`b.lr: ...`).
 */
export function decodeExperimentLink(hash: string): {
  base: ExperimentConfig;
  variants: VariantSpec[];
  repairs: Repair[];
} {
  const { config: base, repairs } = decodeConfig(hash);
  // decodeConfig has reported a refused link and broken pairs already.
  const read = readHashPairs(hash, []);
  if (read.kind === 'refused') return { base, variants: [], repairs };

  const given = new Map<VariantLetter, LinkPair[]>();
  const rejected = new Map<string, Repair>();
  for (const [key, value] of read.pairs) {
    const reading = readVariantPair(key, value);
    if (reading === undefined) continue;
    if (reading.problem !== null && !rejected.has(key)) rejected.set(key, reading.problem);
    if (reading.letter === null) continue;
    const pairs = given.get(reading.letter) ?? [];
    given.set(reading.letter, pairs);
    if (reading.override !== null) pairs.push(reading.override);
  }
  reportCapped(
    [...rejected.keys()],
    MAX_LISTED_VARIANT_KEYS,
    repairs,
    (key) => rejected.get(key) as Repair,
    (count) => repair('', 'repair.moreVariantKeys', { count }),
  );

  const variants: VariantSpec[] = [];
  for (const letter of VARIANT_LETTERS) {
    const pairs = given.get(letter);
    if (pairs === undefined) continue;
    const settled = settleVariant(base, pairs);
    variants.push({ letter, overrides: settled.overrides });
    for (const repair of settled.repairs) repairs.push(prefixRepair(letter, repair));
  }
  return { base, variants, repairs };
}

/**
 * The canonical link of an experiment: encodeConfig(base), then each variant in letter order,
 * its overrides in link-key order (`&b.clip=globalNorm:1`), or a bare `&b` when it overrides
 * nothing. Each override is written as it resolves against this base (an invalid value as its
 * repair, one that does not apply not at all), so decoding the link gives the same experiment
 * and encoding is idempotent. An override equal to the base's value is still written: the
 * teacher set it on purpose. Of two specs with one letter, the later wins.
 */
export function encodeExperimentLink(
  base: ExperimentConfig,
  variants: readonly VariantSpec[],
): string {
  const byLetter = new Map<VariantLetter, VariantSpec>();
  for (const spec of variants) if (isVariantLetter(spec.letter)) byLetter.set(spec.letter, spec);
  const parts = [encodeConfig(base)];
  for (const letter of VARIANT_LETTERS) {
    const spec = byLetter.get(letter);
    if (spec === undefined) continue;
    const { overrides } = settleVariant(base, overridePairs(spec.overrides));
    const pairs = overridePairs(overrides);
    if (pairs.length === 0) parts.push(letter);
    for (const [key, value] of pairs) parts.push(`${letter}.${key}=${value}`);
  }
  return parts.join('&');
}
