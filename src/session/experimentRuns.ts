/** The runs an experiment asks for: A (the base) and one per variant, resolved to configs. */
import type { ExperimentConfig } from '../config/schema';
import { describeVariantInWords, initialWeightsShared, resolveVariant } from '../config/variants';
import type { Experiment, RunLetter } from './sessionTypes';

/** How a run's initial weights and batches relate to A's (what makes a comparison honest). */
export type WeightsSharing = ReturnType<typeof initialWeightsShared>;

export interface ResolvedRun {
  letter: RunLetter;
  config: ExperimentConfig;
  weights: WeightsSharing;
  /** Its difference from A in words ('' for A). */
  difference: string;
}

export function resolveRuns(experiment: Experiment): ResolvedRun[] {
  const { base } = experiment;
  const runs: ResolvedRun[] = [
    { letter: 'a', config: base, weights: { kind: 'identical' }, difference: '' },
  ];
  for (const spec of experiment.variants) {
    const { config } = resolveVariant(base, spec);
    runs.push({
      letter: spec.letter,
      config,
      weights: initialWeightsShared(base, config, spec.letter),
      difference: describeVariantInWords(base, spec),
    });
  }
  return runs;
}
