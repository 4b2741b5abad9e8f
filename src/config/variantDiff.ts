/**
 * What a variant changes, for people: the overrides whose resolved value differs from the base,
 * in link-key order. The UI words them as "B: clip globalNorm:1".
 */
import type { ExperimentConfig } from './schema';
import { linkValueOf, overridePairs, settleVariant, type VariantSpec } from './variantResolve';

export interface VariantDifference {
  /** The link key, e.g. 'clip'. */
  key: string;
  /** Its canonical link value in the variant, e.g. 'globalNorm:1'. */
  value: string;
}

/**
 * The variant's overrides that make a difference: each override as it resolves against this
 * base (so 'ReLU' reads as 'relu'), kept only where it differs from the base's value.
 */
export function describeVariantDifference(
  base: ExperimentConfig,
  spec: VariantSpec,
): VariantDifference[] {
  const { overrides } = settleVariant(base, overridePairs(spec.overrides));
  return overridePairs(overrides)
    .filter(([key, value]) => value !== linkValueOf(base, key))
    .map(([key, value]) => ({ key, value }));
}

/** The difference in plain words: "clip globalNorm:1, lr 0.1", or "same as A". */
export function describeVariantInWords(base: ExperimentConfig, spec: VariantSpec): string {
  const differences = describeVariantDifference(base, spec);
  if (differences.length === 0) return 'same as A';
  return differences.map(({ key, value }) => `${key} ${value}`).join(', ');
}
