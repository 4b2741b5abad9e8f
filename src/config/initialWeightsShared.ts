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
import { recurrentStart } from './recurrentStart';
import type { VariantLetter } from './variantKeys';
import { linkValueOf } from './variantResolve';

export type SharedStart =
  | { kind: 'identical' }
  | { kind: 'scaled'; reason: string }
  | { kind: 'different'; reason: string };

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

const FAMILY_WORDS: Record<DrawFamily, string> = {
  constant: 'a constant',
  normal: 'normal draws',
  uniform: 'uniform draws',
  orthogonal: 'an orthogonalized normal matrix',
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

/** "gain 2 instead of 1" for each of the link keys where the two configs differ. */
function changes(a: ExperimentConfig, b: ExperimentConfig, keys: readonly string[]): string[] {
  return keys.flatMap((key) => {
    const [was, is] = [linkValueOf(a, key), linkValueOf(b, key)];
    return was === is ? [] : [`${key} ${is ?? 'unset'} instead of ${was ?? 'unset'}`];
  });
}

/** How B's kernels relate to A's, for networks of the same shape and the same init seed. */
function compareKernels(a: ExperimentConfig, b: ExperimentConfig, name: string): SharedStart {
  const [familyA, familyB] = [FAMILY_OF[a.init.scheme.kind], FAMILY_OF[b.init.scheme.kind]];
  const settings = changes(a, b, ['init', 'gain']).join(', ');
  const differ = (why: string): SharedStart => ({
    kind: 'different',
    reason: `${why} (${settings}), so ${name}'s initial weights differ from A's`,
  });
  if (familyA !== familyB) {
    return differ(
      `${name} starts its kernels from ${FAMILY_WORDS[familyB]} and A from ${FAMILY_WORDS[familyA]}`,
    );
  }
  const constant = familyA === 'constant';
  // One rounding of value * gain (initKernel), so equal settings give bit-identical kernels.
  const same = constant
    ? Object.is(constantKernelValue(a.init), constantKernelValue(b.init))
    : settings === '';
  if (same) return { kind: 'identical' };
  const [zeroA, zeroB] = [kernelsStartAtZero(a.init), kernelsStartAtZero(b.init)];
  // A scaling cannot turn zero kernels into others; two zero constants differ only in sign.
  if (zeroA !== zeroB || (constant && zeroA)) {
    return differ(`${zeroA ? "A's" : `${name}'s`} kernels all start at zero`);
  }
  const reason = constant
    ? `${name}'s kernels start at another constant, A's scaled (${settings})`
    : `${name} starts from the same unit ${FAMILY_WORDS[familyA]} as A, scaled differently (${settings})`;
  return { kind: 'scaled', reason };
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
function biasDifference(a: ExperimentConfig, b: ExperimentConfig, name: string): string | null {
  if (a.network.bias !== b.network.bias) {
    return b.network.bias
      ? `${name}'s layers have biases, A's have none`
      : `${name}'s layers have no biases, A's do`;
  }
  if (!a.network.bias || Object.is(Math.fround(a.init.biasInit), Math.fround(b.init.biasInit))) {
    return null;
  }
  return `${name}'s biases start otherwise (${changes(a, b, ['binit']).join(', ')})`;
}

/**
 * Whether `variant` starts from the base's initial weights and trains on its batches:
 * - identical: bit-identical initial weights and the same batches in the same order;
 * - scaled: the same batches, and kernels made of the same unit random numbers (or the same
 *   constant) scaled differently, with identical biases;
 * - different: the weights or the batches cannot be the same; the reason says why.
 * `letter` names the variant in the reasons.
 */
export function initialWeightsShared(
  base: ExperimentConfig,
  variant: ExperimentConfig,
  letter: VariantLetter = 'b',
): SharedStart {
  const name = letter.toUpperCase();
  const different: string[] = [];
  if (!sameData(base, variant)) {
    const what = changes(base, variant, ['data', 'n', 'noise', 'test', 'dseed']).join(', ');
    different.push(`${name} uses other data (${what}), so its training batches differ from A's`);
  } else if (batchSizeOf(base) !== batchSizeOf(variant)) {
    const what = changes(base, variant, ['batch']).join(', ');
    different.push(`${name} trains on other batches (${what}), so its batches differ from A's`);
  }

  const draws = [base, variant].some((c) => FAMILY_OF[c.init.scheme.kind] !== 'constant');
  if (base.init.seed !== variant.init.seed) {
    const what = changes(base, variant, ['seed']).join(', ');
    const which = draws ? 'initial weights and batch order differ' : 'batch order differs';
    different.push(`${name} has another seed (${what}), so its ${which} from A's`);
  }

  let kernels: SharedStart | null = null;
  const recurrent = recurrentStart(base, variant, name, (keys) => changes(base, variant, keys));
  if (base.model.kind === 'rnn') {
    // One recurrent layer: `layers` and the dataset's input width do not shape it.
    different.push(...recurrent.different);
    if (recurrent.different.length === 0) {
      kernels = compareKernels(base, variant, name);
      if (kernels.kind === 'different') different.push(kernels.reason);
      else if (recurrent.scaled !== null)
        kernels = {
          kind: 'scaled',
          reason:
            kernels.kind === 'scaled' ? `${kernels.reason}; ${recurrent.scaled}` : recurrent.scaled,
        };
    }
  } else if (!sameWidths(base.network.hidden, variant.network.hidden)) {
    const what = changes(base, variant, ['layers']).join(', ');
    different.push(
      `${name} has other layer widths (${what}), so its initial weights differ from A's`,
    );
  } else if (inputDimOf(base.data.kind) !== inputDimOf(variant.data.kind)) {
    different.push(
      `${name}'s data has another input width, so its first layer's initial weights differ from A's`,
    );
  } else {
    kernels = compareKernels(base, variant, name);
    if (kernels.kind === 'different') different.push(kernels.reason);
  }

  const bias = biasDifference(base, variant, name);
  if (bias !== null) {
    // With nothing else different, say what the kernels share.
    const kernelsToo =
      different.length > 0 || kernels === null || kernels.kind === 'different'
        ? ''
        : kernels.kind === 'identical'
          ? `; its kernels start the same as A's`
          : `; its kernels start from A's draws, scaled`;
    different.push(`${bias}, so its initial weights differ from A's${kernelsToo}`);
  }

  if (different.length > 0) return { kind: 'different', reason: different.join('; ') };
  return kernels?.kind === 'scaled' ? kernels : { kind: 'identical' };
}
