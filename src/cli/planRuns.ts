/**
 * The runs `--variant` asks for, from a link read into its base and variants: the base A, one
 * variant the link defines, or all of them, A first. Pure, so it can be tested without tfjs.
 */
import type { ExperimentConfig } from '../config/schema';
import { resolveVariant, type RunLetter, type VariantSpec } from '../config/variants';
import { UsageError, type RunSelection } from './args';

export interface PlannedRun {
  letter: RunLetter;
  config: ExperimentConfig;
}

/**
 * The selected runs, each with its config. A variant's repairs are not returned: reading the
 * link (decodeExperimentLink) has listed them already. Throws a UsageError for a letter the
 * link does not define.
 */
export function planRuns(
  experiment: { base: ExperimentConfig; variants: readonly VariantSpec[] },
  selection: RunSelection,
): PlannedRun[] {
  const { base, variants } = experiment;
  const all: PlannedRun[] = [
    { letter: 'a', config: base },
    ...variants.map((spec) => ({ letter: spec.letter, config: resolveVariant(base, spec).config })),
  ];
  if (selection === 'all') return all;
  const chosen = all.filter((run) => run.letter === selection);
  if (chosen.length === 0) {
    const defined = variants.map((spec) => spec.letter).join(', ') || 'none';
    throw new UsageError(
      `--variant ${selection}: the link defines no variant ${selection} (its variants: ${defined})`,
    );
  }
  return chosen;
}
