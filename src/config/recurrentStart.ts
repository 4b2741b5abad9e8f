/**
 * What a recurrent variant changes about where it starts (initialWeightsShared.ts holds the
 * feed-forward rules and the shared ones: data seed, batch size, seed, init, gain, biases).
 * Mirrors engine/recurrent/recurrentInit.ts and data/addingProblem.ts:
 * - the sequences are drawn for the sequence length T, so another T is other data;
 * - the cell and the hidden size set every tensor's shape, so either changes every weight;
 * - W_h = g Q (or g I, or sigma N) draws its unit numbers from the seed alone, so the same
 *   rinit kind with another g or sigma scales the same draws.
 * Variants never change the model kind (config/variantKeys.ts). Pure: no tfjs.
 */
import type { ExperimentConfig } from './schema';

export interface RecurrentStart {
  /** Why the weights or batches cannot be A's. */
  different: string[];
  /** Set when only the recurrent kernels' scale differs: why they are A's draws, scaled. */
  scaled: string | null;
}

export function recurrentStart(
  a: ExperimentConfig,
  b: ExperimentConfig,
  name: string,
  changes: (keys: readonly string[]) => string[],
): RecurrentStart {
  if (a.model.kind !== 'rnn' || b.model.kind !== 'rnn') return { different: [], scaled: null };
  const different: string[] = [];
  if (a.model.timeSteps !== b.model.timeSteps)
    different.push(
      `${name} trains on sequences of another length (${changes(['T']).join(', ')}), so its batches differ from A's`,
    );
  if (a.model.cell !== b.model.cell || a.model.units !== b.model.units)
    different.push(
      `${name} has another cell or hidden size (${changes(['cell', 'units']).join(', ')}), so its weights have other shapes than A's`,
    );
  const [ra, rb] = [a.model.recurrentInit, b.model.recurrentInit];
  let scaled: string | null = null;
  if (ra.kind !== rb.kind)
    different.push(
      `${name} starts its recurrent weights otherwise (${changes(['rinit']).join(', ')}), so they differ from A's`,
    );
  else if (JSON.stringify(ra) !== JSON.stringify(rb) && ra.kind !== 'identity')
    scaled = `${name}'s recurrent weights are A's draws, scaled (${changes(['rinit']).join(', ')})`;
  else if (JSON.stringify(ra) !== JSON.stringify(rb))
    scaled = `${name}'s recurrent weights are A's identity, scaled (${changes(['rinit']).join(', ')})`;
  return { different, scaled };
}
