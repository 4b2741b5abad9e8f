/**
 * Repairs untrusted values (parsed JSON, a decoded link, stored state) into a valid
 * ExperimentConfig. Never throws: every problem becomes a default or a clamped value plus a
 * Repair saying, in plain English, what changed and why.
 *
 * Safety: values are read only through own data-property descriptors, so getters never run and
 * inherited, `__proto__` or `constructor` keys are never followed; only the fields the schema
 * names are looked at (nothing unexpected is recursed into, so cycles are harmless); the result
 * is built from object literals, never by copying untrusted keys.
 */
import {
  ACTIVATIONS,
  CLIP_MODES,
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
  parameterCount,
  type ClipConfig,
  type DataConfig,
  type ExperimentConfig,
  type InitScheme,
  type OptimizerConfig,
} from './schema';

export interface Repair {
  /** Where the problem was: a config path like "network.hidden[3]", or a link key like "lr". */
  path: string;
  /** What was wrong and what was done about it, in English. */
  reason: string;
}

/** Unknown fields listed one by one per object; any beyond are summed up in one repair. */
const MAX_LISTED_UNKNOWN_FIELDS = 5;
/** Longest piece of untrusted text quoted back in a repair reason. */
const MAX_QUOTED_CHARS = 40;
/** Width given to a hidden layer whose width is unreadable. */
const DEFAULT_WIDTH = DEFAULT_CONFIG.network.hidden[0] ?? 32;

/**
 * Training rows the data module will hold: floor(samples * (1 - testFraction)). The data module
 * keeps samples - round(samples * testFraction) rows, never fewer, so a batch within this bound
 * always fits.
 */
export function trainSampleCount(data: DataConfig): number {
  return Math.floor(data.samples * (1 - data.testFraction));
}

/** Untrusted text cut to a length fit for a repair path or reason. */
export function shortText(text: string): string {
  return text.length > MAX_QUOTED_CHARS ? `${text.slice(0, MAX_QUOTED_CHARS)}…` : text;
}

/** Untrusted text quoted for a repair reason: shortened and JSON-escaped. */
export function quoteText(text: string): string {
  return JSON.stringify(shortText(text));
}

function describe(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (typeof value === 'string') return `the text ${quoteText(value)}`;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return 'a list';
  return `a value of type ${typeof value}`;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** One field of an untrusted object, read without running any code the object carries. */
type Slot = { state: 'missing' } | { state: 'getter' } | { state: 'value'; value: unknown };
const MISSING: Slot = { state: 'missing' };

function readSlot(object: object, key: string | number): Slot {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  if (descriptor === undefined) return MISSING;
  return 'value' in descriptor ? { state: 'value', value: descriptor.value } : { state: 'getter' };
}

/** One object of the untrusted input, opened for reading. */
interface Section {
  /** Dotted path of the object ('' at the root). */
  path: string;
  /** The allowed fields present; null when the object itself was unusable (already reported). */
  slots: Map<string, Slot> | null;
  repairs: Repair[];
}

function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function openSection(
  slot: Slot | null,
  path: string,
  label: string,
  allowed: readonly string[],
  repairs: Repair[],
): Section {
  if (slot === null) return { path, slots: null, repairs };
  if (slot.state !== 'value' || !isPlainObject(slot.value)) {
    const problem =
      slot.state === 'missing'
        ? 'are missing'
        : slot.state === 'getter'
          ? 'are a getter'
          : `are ${describe(slot.value)}, not an object`;
    repairs.push({ path, reason: `${label} ${problem}; using the defaults` });
    return { path, slots: null, repairs };
  }
  const slots = new Map<string, Slot>();
  const unknown: string[] = [];
  for (const name of Object.getOwnPropertyNames(slot.value)) {
    if (allowed.includes(name)) slots.set(name, readSlot(slot.value, name));
    else unknown.push(name);
  }
  for (const name of unknown.slice(0, MAX_LISTED_UNKNOWN_FIELDS)) {
    const reason = `unknown field ${quoteText(name)} dropped`;
    repairs.push({ path: join(path, shortText(name)), reason });
  }
  if (unknown.length > MAX_LISTED_UNKNOWN_FIELDS) {
    const more = unknown.length - MAX_LISTED_UNKNOWN_FIELDS;
    repairs.push({ path, reason: `${more} more unknown fields in ${label} dropped` });
  }
  return { path, slots, repairs };
}

/** The slot of a field, or null when its object was unusable (the field then defaults silently). */
function take(section: Section, key: string): Slot | null {
  return section.slots === null ? null : (section.slots.get(key) ?? MISSING);
}

function subSection(parent: Section, key: string, label: string, allowed: readonly string[]) {
  return openSection(take(parent, key), join(parent.path, key), label, allowed, parent.repairs);
}

type Filled = { state: 'value'; value: unknown };

/** True when the slot holds a value; otherwise reports it as missing or a getter. */
function present(
  slot: Slot,
  path: string,
  label: string,
  fallback: string,
  repairs: Repair[],
): slot is Filled {
  if (slot.state === 'value') return true;
  const problem = slot.state === 'missing' ? 'is missing' : 'is a getter';
  repairs.push({ path, reason: `${label} ${problem}; set to the default ${fallback}` });
  return false;
}

/** The valid range of a numeric field. */
export interface NumberRange {
  /** Names the field in repair reasons. */
  label: string;
  min: number;
  max: number;
  integer?: boolean;
  /** The range is [min, max): a value at or above max is replaced by the default. */
  maxExcluded?: boolean;
}

const int = (label: string, min: number, max: number): NumberRange => ({
  label,
  min,
  max,
  integer: true,
});
/** Decay rates and momenta live in [0, 1): at 1 the running averages never forget. */
const decay = (label: string): NumberRange => ({ label, min: 0, max: 1, maxExcluded: true });
const L = LIMITS;

/**
 * The range of every numeric field, by config path (hidden widths share 'network.hidden').
 * A value outside is clamped into it; the link codec documents its keys from this table too.
 */
export const NUMBER_RANGES: Readonly<Record<string, NumberRange>> = {
  'data.samples': int('sample count', L.MIN_SAMPLES, L.MAX_SAMPLES),
  'data.noise': { label: 'noise', min: 0, max: L.MAX_NOISE },
  'data.testFraction': { label: 'test fraction', min: 0, max: L.MAX_TEST_FRACTION },
  'data.seed': int('data seed', 0, L.MAX_SEED),
  'network.hidden': int('hidden layer width', L.MIN_WIDTH, L.MAX_WIDTH),
  'init.scheme.value': {
    label: 'constant init value',
    min: -L.MAX_ABS_INIT_PARAM,
    max: L.MAX_ABS_INIT_PARAM,
  },
  'init.scheme.sigma': { label: 'normal init sigma', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.scheme.limit': { label: 'uniform init limit', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.scheme.gain': { label: 'orthogonal init gain', min: 0, max: L.MAX_ABS_INIT_PARAM },
  'init.gain': { label: 'init gain', min: L.MIN_GAIN, max: L.MAX_GAIN },
  'init.biasInit': { label: 'bias init', min: -L.MAX_ABS_BIAS_INIT, max: L.MAX_ABS_BIAS_INIT },
  'init.seed': int('init seed', 0, L.MAX_SEED),
  'optimizer.learningRate': {
    label: 'learning rate',
    min: L.MIN_LEARNING_RATE,
    max: L.MAX_LEARNING_RATE,
  },
  'optimizer.momentum': decay('momentum'),
  'optimizer.beta1': decay('Adam beta1'),
  'optimizer.beta2': decay('Adam beta2'),
  'optimizer.rho': decay('RMSProp rho'),
  'optimizer.epsilon': { label: 'epsilon', min: L.MIN_EPSILON, max: L.MAX_EPSILON },
  'regularization.l1': { label: 'L1 strength', min: 0, max: L.MAX_REGULARIZATION },
  'regularization.l2': { label: 'L2 strength', min: 0, max: L.MAX_REGULARIZATION },
  'gradient.clip.threshold': {
    label: 'clip threshold',
    min: L.MIN_CLIP_THRESHOLD,
    max: L.MAX_CLIP_THRESHOLD,
  },
  'gradient.scale': { label: 'gradient scale', min: L.MIN_GRAD_SCALE, max: L.MAX_GRAD_SCALE },
  'gradient.maxNorm': { label: 'max-norm', min: L.MIN_MAX_NORM, max: L.MAX_MAX_NORM },
  'gradient.pruneBelow': { label: 'prune threshold', min: 0, max: L.MAX_PRUNE_BELOW },
  'training.batchSize': int('batch size', L.MIN_BATCH, L.MAX_BATCH),
  'training.maxSteps': int('max steps', L.MIN_STEPS, L.MAX_STEPS),
};

function rangeAt(path: string): NumberRange {
  const range = NUMBER_RANGES[path];
  if (range === undefined) throw new Error(`no range for ${path}`); // a bug here, not bad input
  return range;
}

function checkNumber(
  value: unknown,
  path: string,
  fallback: number,
  repairs: Repair[],
  range = rangeAt(path),
): number {
  const { label, min, max } = range;
  const fix = (reason: string) => repairs.push({ path, reason });
  if (typeof value !== 'number') {
    fix(`${label} is ${describe(value)}, not a number; set to the default ${fallback}`);
    return fallback;
  }
  if (!Number.isFinite(value)) {
    fix(`${label} ${value} is not a finite number; set to the default ${fallback}`);
    return fallback;
  }
  let x = value + 0; // turns -0 into 0, so equal configs encode and compare identically
  if (range.integer && !Number.isInteger(x)) {
    const rounded = Math.round(x) + 0;
    fix(`${label} ${x} is not a whole number; rounded to ${rounded}`);
    x = rounded;
  }
  if (x < min) {
    fix(`${label} ${x} is below the minimum ${min}; set to ${min}`);
    return min;
  }
  if (range.maxExcluded && x >= max) {
    fix(`${label} ${x} must be below ${max}; set to the default ${fallback}`);
    return fallback;
  }
  if (x > max) {
    fix(`${label} ${x} is above the maximum ${max}; set to ${max}`);
    return max;
  }
  return x;
}

function readNumber(section: Section, key: string, fallback: number): number {
  const slot = take(section, key);
  const path = join(section.path, key);
  const label = rangeAt(path).label;
  if (slot === null || !present(slot, path, label, String(fallback), section.repairs)) {
    return fallback;
  }
  return checkNumber(slot.value, path, fallback, section.repairs);
}

function readEnum<T extends string>(
  section: Section,
  key: string,
  label: string,
  options: readonly T[],
  fallback: T,
): T {
  const slot = take(section, key);
  const path = join(section.path, key);
  if (slot === null || !present(slot, path, label, fallback, section.repairs)) return fallback;
  const match = options.find((option) => option === slot.value);
  if (match !== undefined) return match;
  const reason = `${label} ${describe(slot.value)} is not one of ${options.join(', ')}; set to the default ${fallback}`;
  section.repairs.push({ path, reason });
  return fallback;
}

function readBoolean(section: Section, key: string, label: string, fallback: boolean): boolean {
  const slot = take(section, key);
  const path = join(section.path, key);
  if (slot === null || !present(slot, path, label, String(fallback), section.repairs)) {
    return fallback;
  }
  if (typeof slot.value === 'boolean') return slot.value;
  const reason = `${label} is ${describe(slot.value)}, not true or false; set to the default ${fallback}`;
  section.repairs.push({ path, reason });
  return fallback;
}

/** Drops fields that exist on the object but not on the chosen kind of a union member. */
function dropInapplicable(section: Section, kept: object, kindLabel: string): void {
  for (const key of section.slots?.keys() ?? []) {
    if (!Object.hasOwn(kept, key)) {
      const path = join(section.path, key);
      section.repairs.push({ path, reason: `${key} does not apply to ${kindLabel}; dropped` });
    }
  }
}

function readHidden(section: Section): number[] {
  const slot = take(section, 'hidden');
  const path = join(section.path, 'hidden');
  const fallback = [...DEFAULT_CONFIG.network.hidden];
  const shown = `[${fallback.join(', ')}]`;
  if (slot === null || !present(slot, path, 'hidden layers', shown, section.repairs)) {
    return fallback;
  }
  const list = slot.value;
  if (!Array.isArray(list)) {
    const reason = `hidden layers are ${describe(list)}, not a list of widths; set to the default ${shown}`;
    section.repairs.push({ path, reason });
    return fallback;
  }
  const max = LIMITS.MAX_HIDDEN_LAYERS;
  // Only the first max entries are ever looked at, however long the list claims to be.
  const length = Math.min(list.length, max);
  if (list.length > max) {
    const reason = `${list.length} hidden layers is above the maximum ${max}; kept the first ${max}`;
    section.repairs.push({ path, reason });
  }
  const widths: number[] = [];
  for (let i = 0; i < length; i++) {
    const item = readSlot(list, i);
    const itemPath = `${path}[${i}]`;
    const range = { ...rangeAt(path), label: `hidden layer ${i + 1} width` };
    const width = present(item, itemPath, range.label, String(DEFAULT_WIDTH), section.repairs)
      ? checkNumber(item.value, itemPath, DEFAULT_WIDTH, section.repairs, range)
      : DEFAULT_WIDTH;
    widths.push(width);
  }
  return widths;
}

function readInitScheme(section: Section): InitScheme {
  const kind = readEnum(
    section,
    'kind',
    'init scheme',
    INIT_KINDS,
    DEFAULT_CONFIG.init.scheme.kind,
  );
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
  dropInapplicable(section, scheme, `init scheme ${kind}`);
  return scheme;
}

function readOptimizer(section: Section): OptimizerConfig {
  const kind = readEnum(
    section,
    'kind',
    'optimizer',
    OPTIMIZER_KINDS,
    DEFAULT_CONFIG.optimizer.kind,
  );
  const learningRate = readNumber(section, 'learningRate', DEFAULT_CONFIG.optimizer.learningRate);
  const opt = defaultOptimizer(kind, learningRate);
  switch (opt.kind) {
    case 'momentum':
      opt.momentum = readNumber(section, 'momentum', opt.momentum);
      opt.nesterov = readBoolean(section, 'nesterov', 'Nesterov flag', opt.nesterov);
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
  dropInapplicable(section, opt, `optimizer ${kind}`);
  return opt;
}

function readClip(section: Section): ClipConfig {
  const mode = readEnum(
    section,
    'mode',
    'clip mode',
    CLIP_MODES,
    DEFAULT_CONFIG.gradient.clip.mode,
  );
  const clip = defaultClip(mode);
  if (clip.mode !== 'none') clip.threshold = readNumber(section, 'threshold', clip.threshold);
  dropInapplicable(section, clip, `clip mode ${mode}`);
  return clip;
}

/** Max-norm is null (off) or a number in range; anything else turns it off. */
function readMaxNorm(section: Section): number | null {
  const slot = take(section, 'maxNorm');
  const path = join(section.path, 'maxNorm');
  if (slot === null || !present(slot, path, 'max-norm', 'off (null)', section.repairs)) return null;
  if (slot.value === null) return null;
  if (typeof slot.value !== 'number' || !Number.isFinite(slot.value)) {
    const reason = `max-norm is ${describe(slot.value)}, not null or a finite number; set to off (null)`;
    section.repairs.push({ path, reason });
    return null;
  }
  return checkNumber(slot.value, path, LIMITS.MIN_MAX_NORM, section.repairs);
}

/** Keeps the network under MAX_PARAMETERS by dropping its deepest hidden layers. */
function fitParameterBudget(config: ExperimentConfig, repairs: Repair[]): void {
  const hidden = config.network.hidden;
  const requested = parameterCount(config);
  if (requested <= LIMITS.MAX_PARAMETERS) return;
  const before = hidden.length;
  while (hidden.length > 0 && parameterCount(config) > LIMITS.MAX_PARAMETERS) hidden.pop();
  const count = (n: number) => n.toLocaleString('en-US');
  repairs.push({
    path: 'network.hidden',
    reason:
      `the network has ${count(requested)} parameters, above the maximum ` +
      `${count(LIMITS.MAX_PARAMETERS)}; dropped the ${before - hidden.length} deepest hidden ` +
      `layers, keeping ${hidden.length}`,
  });
}

/** Keeps the batch within the training set. */
function fitBatch(config: ExperimentConfig, repairs: Repair[]): void {
  const train = trainSampleCount(config.data);
  const batch = config.training.batchSize;
  if (batch <= train) return;
  const reason = `batch size ${batch} is larger than the ${train} training samples; set to ${train}`;
  repairs.push({ path: 'training.batchSize', reason });
  config.training.batchSize = train;
}

/** Field names per object; keys outside these lists are reported and dropped. */
const FIELDS = {
  root: [
    'version',
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
  /** Every variant's fields; the ones the chosen kind lacks are dropped by dropInapplicable. */
  scheme: ['kind', 'value', 'sigma', 'limit', 'gain'],
  optimizer: ['kind', 'learningRate', 'momentum', 'nesterov', 'beta1', 'beta2', 'epsilon', 'rho'],
  regularization: ['l1', 'l2'],
  gradient: ['clip', 'scale', 'maxNorm', 'pruneBelow'],
  clip: ['mode', 'threshold'],
  training: ['batchSize', 'maxSteps'],
} as const;

function readExperiment(input: unknown, repairs: Repair[]): ExperimentConfig {
  const root = openSection(
    { state: 'value', value: input },
    '',
    'the settings',
    FIELDS.root,
    repairs,
  );
  const versionSlot = take(root, 'version');
  const version = String(CONFIG_VERSION);
  if (versionSlot !== null && present(versionSlot, 'version', 'version', version, repairs)) {
    if (versionSlot.value !== CONFIG_VERSION) {
      const reason = `version ${describe(versionSlot.value)} is not supported; read as version ${version}`;
      repairs.push({ path: 'version', reason });
    }
  }

  const dat = subSection(root, 'data', 'data settings', FIELDS.data);
  const d = DEFAULT_CONFIG.data;
  const data = {
    kind: readEnum(dat, 'kind', 'dataset', DATASET_KINDS, d.kind),
    samples: readNumber(dat, 'samples', d.samples),
    noise: readNumber(dat, 'noise', d.noise),
    testFraction: readNumber(dat, 'testFraction', d.testFraction),
    seed: readNumber(dat, 'seed', d.seed),
  };

  const net = subSection(root, 'network', 'network settings', FIELDS.network);
  const n = DEFAULT_CONFIG.network;
  const network = {
    hidden: readHidden(net),
    activation: readEnum(net, 'activation', 'activation', ACTIVATIONS, n.activation),
    bias: readBoolean(net, 'bias', 'bias flag', n.bias),
    residual: readBoolean(net, 'residual', 'residual flag', n.residual),
    normalization: readEnum(net, 'normalization', 'normalization', NORMALIZATIONS, n.normalization),
  };

  const ini = subSection(root, 'init', 'init settings', FIELDS.init);
  const i = DEFAULT_CONFIG.init;
  const init = {
    scheme: readInitScheme(subSection(ini, 'scheme', 'init scheme', FIELDS.scheme)),
    gain: readNumber(ini, 'gain', i.gain),
    biasInit: readNumber(ini, 'biasInit', i.biasInit),
    seed: readNumber(ini, 'seed', i.seed),
  };

  const optimizer = readOptimizer(
    subSection(root, 'optimizer', 'optimizer settings', FIELDS.optimizer),
  );

  const reg = subSection(root, 'regularization', 'regularization settings', FIELDS.regularization);
  const r = DEFAULT_CONFIG.regularization;
  const regularization = { l1: readNumber(reg, 'l1', r.l1), l2: readNumber(reg, 'l2', r.l2) };

  const grad = subSection(root, 'gradient', 'gradient settings', FIELDS.gradient);
  const g = DEFAULT_CONFIG.gradient;
  const gradient = {
    clip: readClip(subSection(grad, 'clip', 'clip settings', FIELDS.clip)),
    scale: readNumber(grad, 'scale', g.scale),
    maxNorm: readMaxNorm(grad),
    pruneBelow: readNumber(grad, 'pruneBelow', g.pruneBelow),
  };

  const train = subSection(root, 'training', 'training settings', FIELDS.training);
  const t = DEFAULT_CONFIG.training;
  const training = {
    batchSize: readNumber(train, 'batchSize', t.batchSize),
    maxSteps: readNumber(train, 'maxSteps', t.maxSteps),
  };

  const config: ExperimentConfig = {
    version: CONFIG_VERSION,
    data,
    network,
    init,
    optimizer,
    regularization,
    gradient,
    training,
  };
  fitParameterBudget(config, repairs);
  fitBatch(config, repairs);
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
    const reason = 'the settings could not be read; using the defaults';
    return { config: structuredClone(DEFAULT_CONFIG), repairs: [{ path: '', reason }] };
  }
}

/** True when the value is a config that validateConfig leaves untouched. */
export function isValidConfig(c: unknown): c is ExperimentConfig {
  return validateConfig(c).repairs.length === 0;
}
