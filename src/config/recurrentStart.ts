/**
 * What a recurrent variant changes about where it starts (initialWeightsShared.ts holds the
 * feed-forward rules and the shared ones: data seed, batch size, seed, init, gain, biases).
 * Mirrors engine/recurrent/recurrentInit.ts and data/addingProblem.ts:
 * - the sequences are drawn for the sequence length T, so another T is other data;
 * - the cell and the hidden size set every tensor's shape, so either changes every weight;
 * - fbias changes the LSTM's forget-gate bias b_f only, but that is still another start;
 * - W_h = g Q (or g I, or sigma N) draws its unit numbers from the seed alone, so the same
 *   rinit kind with another g or sigma scales the same draws.
 * Variants never change the model kind (config/variantKeys.ts). Pure: no tfjs.
 */
import type { SettingChange, WeightsNote, WeightsNoteId } from './initialWeightsMessages';
import type { ExperimentConfig } from './schema';

export interface RecurrentStart {
  /** Why the weights or batches cannot be A's. */
  different: WeightsNote[];
  /** Set when only the recurrent kernels' scale differs: why they are A's draws, scaled. */
  scaled: WeightsNote | null;
}

export function recurrentStart(
  a: ExperimentConfig,
  b: ExperimentConfig,
  name: string,
  changes: (keys: readonly string[]) => SettingChange[],
): RecurrentStart {
  if (a.model.kind !== 'rnn' || b.model.kind !== 'rnn') return { different: [], scaled: null };
  const note = (id: WeightsNoteId, keys: readonly string[]): WeightsNote => ({
    id,
    params: { name },
    changes: changes(keys),
  });
  const different: WeightsNote[] = [];
  if (a.model.timeSteps !== b.model.timeSteps) different.push(note('weights.otherLength', ['T']));
  if (a.model.cell !== b.model.cell || a.model.units !== b.model.units)
    different.push(note('weights.otherCell', ['cell', 'units']));
  const [ra, rb] = [a.model.recurrentInit, b.model.recurrentInit];
  let scaled: WeightsNote | null = null;
  // fbias sets the LSTM forget gate's initial bias b_f (recurrentInit.ts); other cells have none.
  if (
    a.model.cell === 'lstm' &&
    b.model.cell === 'lstm' &&
    a.model.forgetBias !== b.model.forgetBias
  )
    different.push(note('weights.otherForgetBias', ['fbias']));
  if (ra.kind !== rb.kind) different.push(note('weights.otherRecurrentInit', ['rinit']));
  else if (JSON.stringify(ra) !== JSON.stringify(rb))
    scaled = note(
      ra.kind === 'identity' ? 'weights.scaledRecurrentIdentity' : 'weights.scaledRecurrent',
      ['rinit'],
    );
  return { different, scaled };
}
