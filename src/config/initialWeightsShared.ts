/**
 * Whether a variant starts from the same point as the base: the same initial weights and the
 * same training batches. Shown to teachers as a guarantee, so it mirrors exactly what the
 * engine draws (config stays free of tfjs, so the rules are restated here, not imported):
 *
 * - Kernels (engine/network.ts createNetwork, engine/initializers.ts initKernel): layer l's
 *   kernel is [fanIn, units] with fanIn = the dataset's input width (1 for sine) for the first
 *   layer; its numbers come from a generator seeded by deriveSeed(init.seed, 'kernel', l) and
 *   are value = draw * scale(scheme, fanIn, units), then * init.gain, rounded to float32 once.
 *   The normal schemes (normal, glorotNormal, heNormal, lecunNormal) all take one prng.normal()
 *   per weight, the uniform ones (uniform, glorot-, he-, lecunUniform) one prng.next(), so two
 *   schemes of one family draw the same unit numbers and differ only by scale (a scale per
 *   layer, as fan-based scales depend on the layer's fans). orthogonal orthogonalizes normals,
 *   so it shares its draws only with orthogonal; zeros and constant draw nothing.
 *   Nothing else enters: not the activation, residual or normalization (they act only in
 *   forward()), not the optimizer or gradient settings (they act after each step).
 * - Biases: tf.fill(units, init.biasInit) when network.bias, else none.
 * - Batches (data/datasets.ts generateDataset, data/batchSampler.ts createRunBatchSampler):
 *   the data is fixed by the dataset kind, sample count, noise, test count and dataset seed;
 *   the batch order by the training-row count, the batch size (at most those rows) and
 *   deriveSeed(init.seed, 'batches').
 */
import {
  inputDimOf,
  trainSampleCount,
  type ExperimentConfig,
  type InitConfig,
  type InitScheme,
} from './schema';
import {
  type DrawFamilyWords,
  type SettingChange,
  type WeightsNote,
  type WeightsNoteId,
} from './initialWeightsMessages';
import { recurrentStart } from './recurrentStart';
import type { VariantLetter } from './variantKeys';
import { linkValueOf } from './variantResolve';

export type { SettingChange, WeightsNote } from './initialWeightsMessages';

/**
 * `notes` say why, as message ids and params: the page words them in its language
 * (sayWeightsNotes), and weightsNotesEn in English. Only ids here, so the words load with the
 * compare view that shows them, not with the page.
 */
export type SharedStart =
  | { kind: 'identical' }
  | { kind: 'scaled'; notes: WeightsNote[] }
  | { kind: 'different'; notes: WeightsNote[] };

/** Which unit numbers a scheme scales (see initKernel). */
type DrawFamily = 'constant' | 'normal' | 'uniform' | 'orthogonal';

const FAMILY_OF: Record<InitScheme['kind'], DrawFamily> = {
  zeros: 'constant',
  constant: 'constant',
  normal: 'normal',
  glorotNormal: 'normal',
  heNormal: 'normal',
  lecunNormal: 'normal',
  uniform: 'uniform',
  glorotUniform: 'uniform',
  heUniform: 'uniform',
  lecunUniform: 'uniform',
  orthogonal: 'orthogonal',
};

const FAMILY_WORDS: Record<DrawFamily, DrawFamilyWords> = {
  constant: 'weights.family.constant',
  normal: 'weights.family.normal',
  uniform: 'weights.family.uniform',
  orthogonal: 'weights.family.orthogonal',
};

/** The float32 value every kernel weight of a constant-family scheme starts at. */
function constantKernelValue(init: InitConfig): number {
  const value = init.scheme.kind === 'constant' ? init.scheme.value : 0;
  return Math.fround(value * init.gain);
}

/** True when every kernel weight starts at (+/-)0: a zero constant, or draws times 0. */
function kernelsStartAtZero(init: InitConfig): boolean {
  const { scheme } = init;
  switch (scheme.kind) {
    case 'zeros':
    case 'constant':
      return constantKernelValue(init) === 0;
    case 'normal':
      return scheme.sigma === 0;
    case 'uniform':
      return scheme.limit === 0;
    case 'orthogonal':
      return scheme.gain === 0;
    default:
      return false;
  }
}

/** Each of the link keys where the two configs differ, with B's value and A's. */
function changes(
  a: ExperimentConfig,
  b: ExperimentConfig,
  keys: readonly string[],
): SettingChange[] {
  return keys.flatMap((key) => {
    const [was, is] = [linkValueOf(a, key) ?? null, linkValueOf(b, key) ?? null];
    return was === is ? [] : [{ key, is, was }];
  });
}

function note(
  id: WeightsNoteId,
  name: string,
  changed: readonly SettingChange[] = [],
  params: Record<string, string> = {},
): WeightsNote {
  return { id, params: { name, ...params }, changes: changed };
}

/** The verdict with its notes. */
function verdict(kind: 'scaled' | 'different', notes: WeightsNote[]): SharedStart {
  return { kind, notes };
}

/** How B's kernels relate to A's, for networks of the same shape and the same init seed. */
function compareKernels(a: ExperimentConfig, b: ExperimentConfig, name: string): SharedStart {
  const [familyA, familyB] = [FAMILY_OF[a.init.scheme.kind], FAMILY_OF[b.init.scheme.kind]];
  const settings = changes(a, b, ['init', 'gain']);
  if (familyA !== familyB) {
    const families = { familyA: FAMILY_WORDS[familyA], familyB: FAMILY_WORDS[familyB] };
    return verdict('different', [note('weights.otherFamily', name, settings, families)]);
  }
  const constant = familyA === 'constant';
  // One rounding of value * gain (initKernel), so equal settings give bit-identical kernels.
  const same = constant
    ? Object.is(constantKernelValue(a.init), constantKernelValue(b.init))
    : settings.length === 0;
  if (same) return { kind: 'identical' };
  const [zeroA, zeroB] = [kernelsStartAtZero(a.init), kernelsStartAtZero(b.init)];
  // A scaling cannot turn zero kernels into others; two zero constants differ only in sign.
  if (zeroA !== zeroB || (constant && zeroA)) {
    const id = zeroA ? 'weights.zeroKernelsA' : 'weights.zeroKernelsB';
    return verdict('different', [note(id, name, settings)]);
  }
  const scaled = constant
    ? note('weights.scaledConstant', name, settings)
    : note('weights.scaledDraws', name, settings, { family: FAMILY_WORDS[familyA] });
  return verdict('scaled', [scaled]);
}

/** The data fixed by generateDataset: test count rather than test share, as the split uses it. */
function sameData(a: ExperimentConfig, b: ExperimentConfig): boolean {
  const [x, y] = [a.data, b.data];
  return (
    x.kind === y.kind &&
    Math.floor(x.samples) === Math.floor(y.samples) &&
    Object.is(x.noise, y.noise) &&
    trainSampleCount(x) === trainSampleCount(y) &&
    x.seed === y.seed
  );
}

function batchSizeOf(config: ExperimentConfig): number {
  return Math.min(config.training.batchSize, trainSampleCount(config.data));
}

function sameWidths(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((width, i) => width === b[i]);
}

/** Why B's biases start otherwise than A's, or null when they start the same. */
function biasDifference(
  a: ExperimentConfig,
  b: ExperimentConfig,
  name: string,
): WeightsNote | null {
  if (a.network.bias !== b.network.bias) {
    return note(b.network.bias ? 'weights.biasAdded' : 'weights.biasRemoved', name);
  }
  if (!a.network.bias || Object.is(Math.fround(a.init.biasInit), Math.fround(b.init.biasInit))) {
    return null;
  }
  return note('weights.biasInit', name, changes(a, b, ['binit']));
}

/**
 * Whether `variant` starts from the base's initial weights and trains on its batches:
 * - identical: bit-identical initial weights and the same batches in the same order;
 * - scaled: the same batches, and kernels made of the same unit random numbers (or the same
 *   constant) scaled differently, with identical biases;
 * - different: the weights or the batches cannot be the same; the notes say why.
 * `letter` names the variant in the notes.
 */
export function initialWeightsShared(
  base: ExperimentConfig,
  variant: ExperimentConfig,
  letter: VariantLetter = 'b',
): SharedStart {
  const name = letter.toUpperCase();
  const different: WeightsNote[] = [];
  if (!sameData(base, variant)) {
    const what = changes(base, variant, ['data', 'n', 'noise', 'test', 'dseed']);
    different.push(note('weights.otherData', name, what));
  } else if (batchSizeOf(base) !== batchSizeOf(variant)) {
    different.push(note('weights.otherBatches', name, changes(base, variant, ['batch'])));
  }

  const draws = [base, variant].some((c) => FAMILY_OF[c.init.scheme.kind] !== 'constant');
  if (base.init.seed !== variant.init.seed) {
    const id = draws ? 'weights.otherSeed' : 'weights.otherSeedBatchOrder';
    different.push(note(id, name, changes(base, variant, ['seed'])));
  }

  let kernels: SharedStart | null = null;
  if (base.model.kind === 'rnn') {
    // One recurrent layer: `layers` and the dataset's input width do not shape it.
    const recurrent = recurrentStart(base, variant, name, (keys) => changes(base, variant, keys));
    different.push(...recurrent.different);
    if (recurrent.different.length === 0) {
      kernels = compareKernels(base, variant, name);
      if (kernels.kind === 'different') different.push(...kernels.notes);
      else if (recurrent.scaled !== null) {
        const scaled = kernels.kind === 'scaled' ? kernels.notes : [];
        kernels = verdict('scaled', [...scaled, recurrent.scaled]);
      }
    }
  } else if (!sameWidths(base.network.hidden, variant.network.hidden)) {
    different.push(note('weights.otherWidths', name, changes(base, variant, ['layers'])));
  } else if (inputDimOf(base.data.kind) !== inputDimOf(variant.data.kind)) {
    different.push(note('weights.otherInputWidth', name));
  } else {
    kernels = compareKernels(base, variant, name);
    if (kernels.kind === 'different') different.push(...kernels.notes);
  }

  const bias = biasDifference(base, variant, name);
  if (bias !== null) {
    different.push(bias);
    // With nothing else different, say what the kernels share.
    if (different.length === 1 && kernels !== null && kernels.kind !== 'different') {
      const id = kernels.kind === 'identical' ? 'weights.kernelsSame' : 'weights.kernelsScaled';
      different.push(note(id, name));
    }
  }

  if (different.length > 0) return verdict('different', different);
  return kernels?.kind === 'scaled' ? kernels : { kind: 'identical' };
}
