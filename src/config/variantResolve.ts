/**
 * A variant is the base experiment with some link keys set otherwise. It is kept as those
 * overrides, not as a full config, so every key it leaves alone follows the base, also when the
 * base changes later. Its config is the base's canonical link with the overrides in their place,
 * read by the link codec, so the codec's validation and cross-section rules apply to it exactly
 * as to a hand-written link.
 */
import { decodeLinkPairs } from './codec';
import { KEY_CODECS } from './linkKeys';
import type { Repair } from './repairs';
import type { ExperimentConfig } from './schema';
import { VARIANT_KEYS, isVariantKey, type VariantLetter } from './variantKeys';

export interface VariantSpec {
  letter: VariantLetter;
  /**
   * Link key -> its canonical link value text (as encodeConfig writes it), for the keys this
   * variant sets itself. Only keys of VARIANT_KEYS count; any other key is ignored.
   */
  overrides: Readonly<Record<string, string>>;
}

/** A key and its link value text. */
export type LinkPair = readonly [key: string, value: string];

const CODEC_BY_KEY = new Map(KEY_CODECS.map((codec) => [codec.key, codec]));

/** A key's canonical link text for a config, or undefined where it does not apply (mom under sgd). */
export function linkValueOf(config: ExperimentConfig, key: string): string | undefined {
  return CODEC_BY_KEY.get(key)?.write(config);
}

/**
 * Overrides in a record without a prototype, so no key can reach Object.prototype; only
 * variant keys are ever written into it.
 */
export function overridesRecord(pairs: Iterable<LinkPair>): Record<string, string> {
  const record = Object.create(null) as Record<string, string>;
  for (const [key, value] of pairs) if (isVariantKey(key)) record[key] = value;
  return record;
}

/** The overrides a record holds, in link order: variant keys it owns whose value is text. */
export function overridePairs(overrides: Readonly<Record<string, string>>): LinkPair[] {
  const pairs: LinkPair[] = [];
  for (const key of VARIANT_KEYS) {
    if (!Object.hasOwn(overrides, key)) continue;
    const value: unknown = overrides[key];
    if (typeof value === 'string') pairs.push([key, value]);
  }
  return pairs;
}

/**
 * Reads a variant: the base's canonical pairs for every key the variant does not set, then the
 * variant's own pairs (which may repeat a key: the last value wins, with a repair, as in a
 * link). A base key that does not apply to the variant's config (the base's Adam b1 under the
 * variant's opt=sgd) is left out, as the variant's own link would leave it out, rather than
 * reported.
 */
function decodeVariantPairs(
  base: ExperimentConfig,
  pairs: readonly LinkPair[],
): { config: ExperimentConfig; repairs: Repair[] } {
  const set = new Set(pairs.map(([key]) => key));
  const inherited: LinkPair[] = [];
  for (const codec of KEY_CODECS) {
    const value = set.has(codec.key) ? undefined : codec.write(base);
    if (value !== undefined) inherited.push([codec.key, value]);
  }
  const first = decodeLinkPairs([...inherited, ...pairs]);
  // Only optimizer parameters come and go with the config, and the optimizer kind is read from
  // `opt`, which always applies, so one more read settles it.
  const applying = inherited.filter(([key]) => linkValueOf(first.config, key) !== undefined);
  if (applying.length === inherited.length) return first;
  return decodeLinkPairs([...applying, ...pairs]);
}

/** A repair of variant B's link, named as the link names it: `b.lr` (or `b` for the whole). */
export function prefixRepair(letter: VariantLetter, repair: Repair): Repair {
  const { path } = repair;
  return { ...repair, path: path === '' ? letter : `${letter}.${path}` };
}

/** A variant read from its pairs: its config, its overrides made canonical, and the repairs. */
export interface SettledVariant {
  config: ExperimentConfig;
  /** For each key the pairs set that applies to the result, the result's canonical text. */
  overrides: Record<string, string>;
  /** Unprefixed, as decodeConfig words them. */
  repairs: Repair[];
}

/**
 * Reads a variant's pairs against the base and writes back what they came to: an invalid value
 * becomes the repaired one, and a key that does not apply to the variant is dropped.
 */
export function settleVariant(base: ExperimentConfig, pairs: readonly LinkPair[]): SettledVariant {
  const { config, repairs } = decodeVariantPairs(base, pairs);
  const set = new Set(pairs.map(([key]) => key));
  const kept: LinkPair[] = [];
  for (const key of VARIANT_KEYS) {
    const value = set.has(key) ? linkValueOf(config, key) : undefined;
    if (value !== undefined) kept.push([key, value]);
  }
  return { config, overrides: overridesRecord(kept), repairs };
}

/**
 * The config of a variant: the base's canonical link with the overrides applied, read by the
 * link codec. Repairs are named with the variant's letter (`b.lr: ...`).
 */
export function resolveVariant(
  base: ExperimentConfig,
  spec: VariantSpec,
): { config: ExperimentConfig; repairs: Repair[] } {
  const { config, repairs } = decodeVariantPairs(base, overridePairs(spec.overrides));
  return { config, repairs: repairs.map((repair) => prefixRepair(spec.letter, repair)) };
}

/**
 * The fewest overrides that turn `base` into `variantConfig`: the keys whose canonical text
 * differs and that apply to the variant (so resolveVariant gives variantConfig back).
 */
export function variantOverridesFrom(
  base: ExperimentConfig,
  variantConfig: ExperimentConfig,
): Record<string, string> {
  const pairs: LinkPair[] = [];
  for (const key of VARIANT_KEYS) {
    const value = linkValueOf(variantConfig, key);
    if (value !== undefined && value !== linkValueOf(base, key)) pairs.push([key, value]);
  }
  return overridesRecord(pairs);
}
