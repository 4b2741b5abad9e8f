/**
 * How variants are spelled in a share link. The base experiment (A) uses the plain link keys;
 * variant B, C or D overrides some of them with the key prefixed by its letter and a dot
 * (`b.clip=globalNorm:1`), and a bare letter (`&b`) declares a variant that overrides nothing,
 * the control. decodeConfig leaves every key of this shape to decodeExperimentLink, which
 * reports the ones it cannot use, so each is reported once.
 *
 * Kept apart from variantLink.ts because codec.ts needs it and variantLink.ts needs codec.ts.
 */
import { KEY_CODECS } from './linkKeys';

export const VARIANT_LETTERS = ['b', 'c', 'd'] as const;
export type VariantLetter = (typeof VARIANT_LETTERS)[number];
export const MAX_VARIANTS = VARIANT_LETTERS.length;

/** Every run of an experiment: the base A, then its variants. */
export const RUN_LETTERS = ['a', ...VARIANT_LETTERS] as const;
export type RunLetter = (typeof RUN_LETTERS)[number];

/**
 * The link keys a variant may override: all but the link version and the model kind, which
 * belong to the link as a whole (a variant of a recurrent run is a recurrent run). Listed in
 * the order encodeConfig writes them.
 */
export const VARIANT_KEYS: readonly string[] = KEY_CODECS.map((codec) => codec.key).filter(
  (key) => key !== 'v' && key !== 'model',
);
const VARIANT_KEY_SET: ReadonlySet<string> = new Set(VARIANT_KEYS);

export function isVariantLetter(text: string): text is VariantLetter {
  return (VARIANT_LETTERS as readonly string[]).includes(text);
}

export function isVariantKey(key: string): boolean {
  return VARIANT_KEY_SET.has(key);
}

/** A link key with a one-letter prefix: `b.clip` -> { prefix: 'b', key: 'clip' }. */
export interface PrefixedKey {
  prefix: string;
  key: string;
}

/** One ASCII letter and a dot: the shape of a variant key, whether or not the letter exists. */
const PREFIXED_KEY = /^([A-Za-z])\.(.*)$/s;

/** The parts of a key shaped like a variant key (`e.lr` too), or undefined. */
export function readPrefixedKey(key: string): PrefixedKey | undefined {
  const match = PREFIXED_KEY.exec(key);
  return match ? { prefix: match[1] as string, key: match[2] as string } : undefined;
}

/**
 * True for the keys decodeConfig leaves to decodeExperimentLink: any `x.key` and the bare
 * letters that declare a variant.
 */
export function isVariantShapedKey(key: string): boolean {
  return isVariantLetter(key) || readPrefixedKey(key) !== undefined;
}
