/**
 * Repairs untrusted values (parsed JSON, a decoded link, stored state) into a valid
 * ExperimentConfig. Never throws: every problem becomes a default or a clamped value plus a
 * Repair saying what changed and why (repairs.ts).
 *
 * This file holds the rules per config section. The safe readers they use (readFields.ts) never
 * run code the input carries; the ranges of numbers are in numberRanges.ts and the limits that
 * span sections in crossSectionRules.ts. The result is built from object literals, never by
 * copying untrusted keys.
 */
import { fitAcrossSections } from './crossSectionRules';
import { checkNumber, rangeAt } from './numberRanges';
import {
  openSection,
  present,
  readBoolean,
  readEnum,
  readField,
  readNumber,
  readSlot,
  readVariant,
  subSection,
  type Section,
} from './readFields';
import { describe, repair, type Repair } from './repairs';
import { readModel } from './validateModel';
import {
  ACTIVATIONS,
  CLIP_MODES,
  CLIP_MODE_OLD_NAMES,
  CONFIG_VERSION,
  DATASET_KINDS,
  DEFAULT_CONFIG,
  INIT_KINDS,
  LIMITS,
  NORMALIZATIONS,
  OPTIMIZER_KINDS,
  defaultClip,
  defaultInitScheme,
  defaultOptimizer,
  type ClipConfig,
  type ExperimentConfig,
  type InitScheme,
  type OptimizerConfig,
} from './schema';

// Kept importable from here, where they were first defined.
export { NUMBER_RANGES, type NumberRange } from './numberRanges';
export { quoteText, shortText, type Repair } from './repairs';
export { trainSampleCount } from './schema';

/** Width given to a hidden layer whose width is unreadable. */
const DEFAULT_WIDTH = DEFAULT_CONFIG.network.hidden[0] ?? 32;

function readHidden(section: Section): number[] {
  const fallback = [...DEFAULT_CONFIG.network.hidden];
  const shown = `[${fallback.join(', ')}]`;
  const field = readField(section, 'hidden', 'repair.label.hiddenLayers', shown);
  if (field === undefined) return fallback;
  const { path, value: list } = field;
  if (!Array.isArray(list)) {
    const params = { value: describe(list), fallback: shown };
    section.repairs.push(repair(path, 'repair.hiddenNotList', params));
    return fallback;
  }
  const max = LIMITS.MAX_HIDDEN_LAYERS;
  // Only the first max entries are ever looked at, however long the list claims to be.
  const length = Math.min(list.length, max);
  if (list.length > max) {
    const params = { count: String(list.length), max: String(max) };
    section.repairs.push(repair(path, 'repair.tooManyHidden', params));
  }
  const widths: number[] = [];
  for (let i = 0; i < length; i++) {
    const item = readSlot(list, i);
    const itemPath = `${path}[${i}]`;
    const range = { ...rangeAt(path), label: 'repair.label.hiddenLayerWidthAt' as const };
    // The label names the layer by its place: {layer} in the label's words.
    const named: Repair[] = [];
    const width = present(item, itemPath, range.label, String(DEFAULT_WIDTH), named)
      ? checkNumber(item.value, itemPath, DEFAULT_WIDTH, named, range)
      : DEFAULT_WIDTH;
    for (const r of named) {
      section.repairs.push(repair(r.path, r.id, { ...r.params, layer: String(i + 1) }));
    }
    widths.push(width);
  }
  return widths;
}

function readInitScheme(section: Section): InitScheme {
  const fallback = DEFAULT_CONFIG.init.scheme.kind;
  return readVariant(section, 'kind', 'repair.label.initScheme', INIT_KINDS, fallback, (kind) => {
    const scheme = defaultInitScheme(kind);
    switch (scheme.kind) {
      case 'constant':
        scheme.value = readNumber(section, 'value', scheme.value);
        break;
      case 'normal':
        scheme.sigma = readNumber(section, 'sigma', scheme.sigma);
        break;
      case 'uniform':
        scheme.limit = readNumber(section, 'limit', scheme.limit);
        break;
      case 'orthogonal':
        scheme.gain = readNumber(section, 'gain', scheme.gain);
        break;
    }
    return scheme;
  });
}

function readOptimizer(section: Section): OptimizerConfig {
  const fallback = DEFAULT_CONFIG.optimizer.kind;
  return readVariant(
    section,
    'kind',
    'repair.label.optimizer',
    OPTIMIZER_KINDS,
    fallback,
    (kind) => {
      const learningRate = readNumber(
        section,
        'learningRate',
        DEFAULT_CONFIG.optimizer.learningRate,
      );
      const opt = defaultOptimizer(kind, learningRate);
      switch (opt.kind) {
        case 'momentum':
          opt.momentum = readNumber(section, 'momentum', opt.momentum);
          opt.nesterov = readBoolean(section, 'nesterov', 'repair.label.nesterov', opt.nesterov);
          break;
        case 'adam':
          opt.beta1 = readNumber(section, 'beta1', opt.beta1);
          opt.beta2 = readNumber(section, 'beta2', opt.beta2);
          opt.epsilon = readNumber(section, 'epsilon', opt.epsilon);
          break;
        case 'rmsprop':
          opt.rho = readNumber(section, 'rho', opt.rho);
          opt.momentum = readNumber(section, 'momentum', opt.momentum);
          opt.epsilon = readNumber(section, 'epsilon', opt.epsilon);
          break;
      }
      return opt;
    },
  );
}

function readClip(section: Section): ClipConfig {
  const fallback = DEFAULT_CONFIG.gradient.clip.mode;
  return readVariant(
    section,
    'mode',
    'repair.label.clipMode',
    CLIP_MODES,
    fallback,
    (mode) => {
      const clip = defaultClip(mode);
      if (clip.mode === 'auto') {
        clip.percentile = readNumber(section, 'percentile', clip.percentile);
      } else if (clip.mode !== 'none') {
        clip.threshold = readNumber(section, 'threshold', clip.threshold);
      }
      return clip;
    },
    CLIP_MODE_OLD_NAMES,
  );
}

/** Max-norm is null (off) or a number in range; anything else turns it off. */
function readMaxNorm(section: Section): number | null {
  const field = readField(section, 'maxNorm', 'repair.label.maxNorm', 'off (null)');
  if (field === undefined || field.value === null) return null;
  if (typeof field.value !== 'number' || !Number.isFinite(field.value)) {
    const params = { value: describe(field.value) };
    section.repairs.push(repair(field.path, 'repair.maxNormInvalid', params));
    return null;
  }
  return checkNumber(field.value, field.path, LIMITS.MIN_MAX_NORM, section.repairs);
}

/** Field names per object; keys outside these lists are reported and dropped. */
const FIELDS = {
  root: [
    'version',
    'model',
    'data',
    'network',
    'init',
    'optimizer',
    'regularization',
    'gradient',
    'training',
  ],
  data: ['kind', 'samples', 'noise', 'testFraction', 'seed'],
  network: ['hidden', 'activation', 'bias', 'residual', 'normalization'],
  init: ['scheme', 'gain', 'biasInit', 'seed'],
  /** Every variant's fields; the ones the chosen kind lacks are dropped by readVariant. */
  scheme: ['kind', 'value', 'sigma', 'limit', 'gain'],
  optimizer: ['kind', 'learningRate', 'momentum', 'nesterov', 'beta1', 'beta2', 'epsilon', 'rho'],
  regularization: ['l1', 'l2'],
  gradient: ['clip', 'scale', 'maxNorm', 'pruneBelow'],
  clip: ['mode', 'threshold', 'percentile'],
  training: ['batchSize', 'maxSteps'],
} as const;

function readExperiment(input: unknown, repairs: Repair[]): ExperimentConfig {
  const root = openSection(
    { state: 'value', value: input },
    '',
    'repair.label.settings',
    FIELDS.root,
    repairs,
  );
  const version = String(CONFIG_VERSION);
  const versionField = readField(root, 'version', 'repair.label.version', version);
  if (versionField !== undefined && versionField.value !== CONFIG_VERSION) {
    const params = { value: describe(versionField.value), version };
    repairs.push(repair('version', 'repair.versionUnsupported', params));
  }

  const model = readModel(root);

  const dat = subSection(root, 'data', 'repair.label.dataSettings', FIELDS.data);
  const d = DEFAULT_CONFIG.data;
  const data = {
    kind: readEnum(dat, 'kind', 'repair.label.dataset', DATASET_KINDS, d.kind),
    samples: readNumber(dat, 'samples', d.samples),
    noise: readNumber(dat, 'noise', d.noise),
    testFraction: readNumber(dat, 'testFraction', d.testFraction),
    seed: readNumber(dat, 'seed', d.seed),
  };

  const net = subSection(root, 'network', 'repair.label.networkSettings', FIELDS.network);
  const n = DEFAULT_CONFIG.network;
  const network = {
    hidden: readHidden(net),
    activation: readEnum(net, 'activation', 'repair.label.activation', ACTIVATIONS, n.activation),
    bias: readBoolean(net, 'bias', 'repair.label.bias', n.bias),
    residual: readBoolean(net, 'residual', 'repair.label.residual', n.residual),
    normalization: readEnum(
      net,
      'normalization',
      'repair.label.normalization',
      NORMALIZATIONS,
      n.normalization,
    ),
  };

  const ini = subSection(root, 'init', 'repair.label.initSettings', FIELDS.init);
  const i = DEFAULT_CONFIG.init;
  const init = {
    scheme: readInitScheme(subSection(ini, 'scheme', 'repair.label.initScheme', FIELDS.scheme)),
    gain: readNumber(ini, 'gain', i.gain),
    biasInit: readNumber(ini, 'biasInit', i.biasInit),
    seed: readNumber(ini, 'seed', i.seed),
  };

  const optimizer = readOptimizer(
    subSection(root, 'optimizer', 'repair.label.optimizerSettings', FIELDS.optimizer),
  );

  const reg = subSection(
    root,
    'regularization',
    'repair.label.regularizationSettings',
    FIELDS.regularization,
  );
  const r = DEFAULT_CONFIG.regularization;
  const regularization = { l1: readNumber(reg, 'l1', r.l1), l2: readNumber(reg, 'l2', r.l2) };

  const grad = subSection(root, 'gradient', 'repair.label.gradientSettings', FIELDS.gradient);
  const g = DEFAULT_CONFIG.gradient;
  const gradient = {
    clip: readClip(subSection(grad, 'clip', 'repair.label.clipSettings', FIELDS.clip)),
    scale: readNumber(grad, 'scale', g.scale),
    maxNorm: readMaxNorm(grad),
    pruneBelow: readNumber(grad, 'pruneBelow', g.pruneBelow),
  };

  const train = subSection(root, 'training', 'repair.label.trainingSettings', FIELDS.training);
  const t = DEFAULT_CONFIG.training;
  const training = {
    batchSize: readNumber(train, 'batchSize', t.batchSize),
    maxSteps: readNumber(train, 'maxSteps', t.maxSteps),
  };

  const config: ExperimentConfig = {
    version: CONFIG_VERSION,
    model,
    data,
    network,
    init,
    optimizer,
    regularization,
    gradient,
    training,
  };
  fitAcrossSections(config, repairs);
  return config;
}

/**
 * Returns a valid config for any input, and what had to be repaired to get it. Missing fields,
 * wrong types and non-finite numbers take the defaults; out-of-range numbers are clamped;
 * integers are rounded; over-deep or over-large networks lose their deepest layers.
 */
export function validateConfig(input: unknown): { config: ExperimentConfig; repairs: Repair[] } {
  const repairs: Repair[] = [];
  try {
    return { config: readExperiment(input, repairs), repairs };
  } catch {
    // Only hostile objects get here (a proxy whose traps throw, a revoked proxy).
    const repairs = [repair('', 'repair.unreadable')];
    return { config: structuredClone(DEFAULT_CONFIG), repairs };
  }
}

/** True when the value is a config that validateConfig leaves untouched. */
export function isValidConfig(c: unknown): c is ExperimentConfig {
  return validateConfig(c).repairs.length === 0;
}
