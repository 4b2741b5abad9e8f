/**
 * Variants B, C, D of an experiment (A) in one share link, each stored as the link keys it
 * overrides, so what it leaves alone follows the base:
 *   #layers=32x12&act=relu&init=normal:1&b.clip=globalNorm:1&c.clip=value:0.1
 *
 * The public surface, one import for the UI, session and CLI:
 * - variantKeys.ts: the letters and how a variant key is spelled;
 * - variantResolve.ts: a variant's config from the base and its overrides, and back;
 * - variantLink.ts: the link with its variants, read and written;
 * - variantDiff.ts: what a variant changes, for people;
 * - initialWeightsShared.ts: whether a variant starts from the base's weights and batches.
 */
export { initialWeightsShared, type SharedStart } from './initialWeightsShared';
export {
  describeVariantDifference,
  describeVariantInWords,
  type VariantDifference,
} from './variantDiff';
export {
  MAX_VARIANTS,
  RUN_LETTERS,
  VARIANT_LETTERS,
  type RunLetter,
  type VariantLetter,
} from './variantKeys';
export { decodeExperimentLink, encodeExperimentLink } from './variantLink';
export { resolveVariant, variantOverridesFrom, type VariantSpec } from './variantResolve';
