/**
 * The share-link codec: ExperimentConfig <-> URL hash, e.g.
 *   #v=1&data=spiral&n=400&...&opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-8&...&clip=globalNorm:1
 *
 * Links are meant to be written by hand: keys are short words, values are plain numbers or
 * names (enum values are matched case-insensitively), a key left out takes its default without
 * any notice (so `#act=relu` is a complete lesson link), and layer widths use a run-length
 * shorthand (`layers=64,32x6,16`). encodeConfig is canonical: fixed key order, shortest
 * round-trip numbers, so equal configs give identical strings.
 *
 * decodeConfig treats the hash as hostile: it never throws, never assigns untrusted keys onto
 * objects (keys go into a Map and are only compared with the known key names), and finishes
 * with validateConfig, so whatever comes out is valid, with every change listed as a Repair.
 * When a key appears more than once the LAST value wins (so appending `&lr=0.1` to a link
 * overrides it), with a repair note.
 */
import { NUMBER_RANGES, quoteText, shortText, validateConfig, type Repair } from './validate';
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
  type ExperimentConfig,
  type InitScheme,
} from './schema';

/** Link flags that belong to the page, not the experiment (read by the UI; ignored here). */
export const KNOWN_VIEW_KEYS: ReadonlySet<string> = new Set(['embed', 'lesson']);

/** Unknown keys listed one by one; any beyond are summed up in one repair. */
const MAX_LISTED_UNKNOWN_KEYS = 10;

/** One key of the share link, for documentation (README, help text). */
export interface LinkKey {
  key: string;
  /** Where the value lives in ExperimentConfig (validate.ts reports repairs under this path). */
  path: string;
  description: string;
}

/** Reports why a value could not be used; the codec prefixes the key. */
type Note = (reason: string) => void;

interface KeyCodec extends LinkKey {
  /** The value to write, or undefined when the key does not apply to this config. */
  write(config: ExperimentConfig): string | undefined;
  /** Reads a raw (percent-decoded, trimmed) value into the draft config. */
  read(raw: string, draft: ExperimentConfig, note: Note): void;
}

/**
 * Shortest text that parses back to exactly the same double (ECMAScript's Number-to-String is
 * shortest round-trip), with the exponent's '+' dropped ('1e21', not '1e+21') because form
 * decoders turn '+' into a space.
 */
export function formatNumber(x: number): string {
  return String(x).replace('e+', 'e');
}

const DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:e[+-]?\d+)?$/i;

/** A plain decimal number (no hex, no 'Infinity', no 'NaN'), or undefined. */
function parseDecimal(raw: string): number | undefined {
  return DECIMAL.test(raw) ? Number(raw) : undefined;
}

/** Parses a number or notes why it cannot be used (the caller then keeps its default). */
function readNumberText(raw: string, fallback: number, note: Note): number | undefined {
  const x = parseDecimal(raw);
  if (x !== undefined && Number.isFinite(x)) return x;
  const problem = x === undefined ? 'is not a number' : 'is too large';
  note(`${quoteText(raw)} ${problem}; kept the default ${fallback}`);
  return undefined;
}

function matchName<T extends string>(raw: string, options: readonly T[]): T | undefined {
  const lower = raw.toLowerCase();
  return options.find((option) => option.toLowerCase() === lower);
}

function unknownName(raw: string, what: string, options: readonly string[], fallback: string) {
  return `unknown ${what} ${quoteText(raw)}; kept the default ${fallback} (one of ${options.join(', ')})`;
}

const TRUE_WORDS = ['1', 'true', 'on', 'yes'];
const FALSE_WORDS = ['0', 'false', 'off', 'no'];

/** Config sections whose plain numeric fields have their own link key. */
type NumberSections = Pick<
  ExperimentConfig,
  'data' | 'init' | 'regularization' | 'gradient' | 'training'
> & { optimizer: { learningRate: number } };

/** 'data.samples', 'init.gain', ...: every plain number field, checked at compile time. */
type NumberPath = {
  [S in keyof NumberSections]: {
    [F in keyof NumberSections[S]]: NumberSections[S][F] extends number
      ? `${S}.${F & string}`
      : never;
  }[keyof NumberSections[S]];
}[keyof NumberSections];

/** The object holding a numeric field and the field's name. */
function numberHolder(c: ExperimentConfig, path: NumberPath): [Record<string, number>, string] {
  const [section, field] = path.split('.') as [keyof NumberSections, string];
  // NumberPath guarantees c[section][field] is a number.
  return [c[section] as unknown as Record<string, number>, field];
}

/** The documented range of a field, e.g. "20 to 5000" or "0 to below 1". */
function rangeText(path: string): string {
  const range = NUMBER_RANGES[path];
  if (range === undefined) return '';
  const top = range.maxExcluded ? `below ${formatNumber(range.max)}` : formatNumber(range.max);
  return ` (${formatNumber(range.min)} to ${top})`;
}

function numberKey(key: string, path: NumberPath, description: string): KeyCodec {
  return {
    key,
    path,
    description: description + rangeText(path),
    write: (c) => {
      const [holder, field] = numberHolder(c, path);
      return formatNumber(holder[field] ?? NaN);
    },
    read: (raw, draft, note) => {
      const [holder, field] = numberHolder(draft, path);
      const x = readNumberText(raw, holder[field] ?? NaN, note);
      if (x !== undefined) holder[field] = x;
    },
  };
}

function enumKey<T extends string>(
  key: string,
  path: string,
  what: string,
  options: readonly T[],
  get: (c: ExperimentConfig) => T,
  set: (c: ExperimentConfig, value: T) => void,
): KeyCodec {
  return {
    key,
    path,
    description: `${what}: ${options.join(' | ')}`,
    write: get,
    read: (raw, draft, note) => {
      const value = matchName(raw, options);
      if (value === undefined) note(unknownName(raw, what, options, get(draft)));
      else set(draft, value);
    },
  };
}

/** A 0/1 flag; `get` returns undefined where it does not apply (nesterov outside momentum). */
function booleanKey(
  key: string,
  path: string,
  description: string,
  get: (c: ExperimentConfig) => boolean | undefined,
  set: (c: ExperimentConfig, value: boolean) => void,
): KeyCodec {
  return {
    key,
    path,
    description,
    write: (c) => {
      const value = get(c);
      return value === undefined ? undefined : value ? '1' : '0';
    },
    read: (raw, draft, note) => {
      const current = get(draft);
      if (current === undefined) return note(notForOptimizer(draft));
      const word = raw.toLowerCase();
      if (TRUE_WORDS.includes(word)) set(draft, true);
      else if (FALSE_WORDS.includes(word)) set(draft, false);
      else note(`${quoteText(raw)} is not 1 or 0; kept the default ${current ? 1 : 0}`);
    },
  };
}

type OptimizerNumberField = 'momentum' | 'beta1' | 'beta2' | 'rho' | 'epsilon';
/** Every optimizer variant viewed as "maybe has these numeric fields" (all are numbers). */
type OptimizerNumbers = Partial<Record<OptimizerNumberField, number>>;

function notForOptimizer(draft: ExperimentConfig): string {
  return `does not apply to opt=${draft.optimizer.kind}; ignored`;
}

/** A numeric optimizer parameter, written only for the optimizers that have it. */
function optimizerKey(key: string, field: OptimizerNumberField, description: string): KeyCodec {
  const path = `optimizer.${field}`;
  return {
    key,
    path,
    description: description + rangeText(path),
    write: (c) => {
      const value = (c.optimizer as OptimizerNumbers)[field];
      return value === undefined ? undefined : formatNumber(value);
    },
    read: (raw, draft, note) => {
      // Each variant's numeric fields are numbers; `current` tells whether this one has the field.
      const params = draft.optimizer as OptimizerNumbers;
      const current = params[field];
      if (current === undefined) return note(notForOptimizer(draft));
      const x = readNumberText(raw, current, note);
      if (x !== undefined) params[field] = x;
    },
  };
}

/** The numeric parameter of an init scheme, if it has one. */
function initParam(scheme: InitScheme): number | undefined {
  switch (scheme.kind) {
    case 'constant':
      return scheme.value;
    case 'normal':
      return scheme.sigma;
    case 'uniform':
      return scheme.limit;
    case 'orthogonal':
      return scheme.gain;
    default:
      return undefined;
  }
}

function withInitParam(scheme: InitScheme, x: number): InitScheme {
  switch (scheme.kind) {
    case 'constant':
      return { kind: scheme.kind, value: x };
    case 'normal':
      return { kind: scheme.kind, sigma: x };
    case 'uniform':
      return { kind: scheme.kind, limit: x };
    case 'orthogonal':
      return { kind: scheme.kind, gain: x };
    default:
      return scheme;
  }
}

/** `name` or `name:param`; a missing param takes the kind's default silently. */
function splitParam(raw: string): [string, string | undefined] {
  const colon = raw.indexOf(':');
  return colon < 0 ? [raw, undefined] : [raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()];
}

const initKey: KeyCodec = {
  key: 'init',
  path: 'init.scheme',
  description:
    `kernel init: ${INIT_KINDS.join(' | ')}; constant, normal, uniform and orthogonal take ` +
    `a parameter after a colon (value, sigma, limit, gain), e.g. normal:0.5`,
  write: (c) => {
    const param = initParam(c.init.scheme);
    const kind = c.init.scheme.kind;
    return param === undefined ? kind : `${kind}:${formatNumber(param)}`;
  },
  read: (raw, draft, note) => {
    const [name, paramText] = splitParam(raw);
    const kind = matchName(name, INIT_KINDS);
    if (kind === undefined) {
      return note(unknownName(name, 'init scheme', INIT_KINDS, draft.init.scheme.kind));
    }
    const scheme = defaultInitScheme(kind);
    draft.init.scheme = scheme;
    if (paramText === undefined) return;
    const current = initParam(scheme);
    if (current === undefined) {
      return note(`${kind} takes no parameter; ignored ${quoteText(paramText)}`);
    }
    const x = readNumberText(paramText, current, note);
    if (x !== undefined) draft.init.scheme = withInitParam(scheme, x);
  },
};

const clipKey: KeyCodec = {
  key: 'clip',
  path: 'gradient.clip',
  description:
    'gradient clipping: none | value:c (each element to [-c, c]) | layerNorm:c (each ' +
    'gradient to norm <= c) | globalNorm:c (all gradients together to norm <= c); c' +
    rangeText('gradient.clip.threshold'),
  write: (c) => {
    const clip = c.gradient.clip;
    return clip.mode === 'none' ? clip.mode : `${clip.mode}:${formatNumber(clip.threshold)}`;
  },
  read: (raw, draft, note) => {
    const [name, paramText] = splitParam(raw);
    const mode = matchName(name, CLIP_MODES);
    if (mode === undefined) {
      return note(unknownName(name, 'clip mode', CLIP_MODES, draft.gradient.clip.mode));
    }
    const clip = defaultClip(mode);
    draft.gradient.clip = clip;
    if (paramText === undefined) return;
    if (clip.mode === 'none') {
      return note(`none takes no threshold; ignored ${quoteText(paramText)}`);
    }
    const x = readNumberText(paramText, clip.threshold, note);
    if (x !== undefined) clip.threshold = x;
  },
};

const MAX_NORM_OFF = ['off', 'none'];

const maxNormKey: KeyCodec = {
  key: 'maxnorm',
  path: 'gradient.maxNorm',
  description:
    "off, or the max norm of each unit's incoming weights after every update" +
    rangeText('gradient.maxNorm'),
  write: (c) => (c.gradient.maxNorm === null ? 'off' : formatNumber(c.gradient.maxNorm)),
  read: (raw, draft, note) => {
    if (MAX_NORM_OFF.includes(raw.toLowerCase())) {
      draft.gradient.maxNorm = null;
      return;
    }
    const x = parseDecimal(raw);
    if (x !== undefined && Number.isFinite(x)) draft.gradient.maxNorm = x;
    else note(`${quoteText(raw)} is not off or a number; kept the default off`);
  },
};

/** Hidden widths with runs of equal widths as `width x count` where that is shorter. */
export function formatLayers(hidden: readonly number[]): string {
  if (hidden.length === 0) return 'none';
  const parts: string[] = [];
  for (let i = 0; i < hidden.length;) {
    const width = hidden[i];
    let run = 1;
    while (hidden[i + run] === width) run++;
    const one = formatNumber(width ?? 0);
    const plain = Array<string>(run).fill(one).join(',');
    const short = `${one}x${run}`;
    parts.push(short.length < plain.length ? short : plain);
    i += run;
  }
  return parts.join(',');
}

const LAYER_TOKEN = /^([^x*]*)(?:[x*](\d+))?$/i;

/** Bad layer entries quoted one by one in the repair; any beyond are counted. */
const MAX_QUOTED_LAYER_ENTRIES = 3;

/**
 * Parses `64,32x6,16` (also `32*6`, `none` or empty for no hidden layer); entries that are not
 * `width` or `width x count` are skipped, and when none is usable the value is not used at all
 * (undefined). Never builds more than MAX_HIDDEN_LAYERS entries, however large a repeat count
 * is. Widths are range-checked later by validateConfig.
 */
export function parseLayers(raw: string, note: Note): number[] | undefined {
  if (raw === '' || raw.toLowerCase() === 'none') return [];
  const max = LIMITS.MAX_HIDDEN_LAYERS;
  const widths: number[] = [];
  const bad: string[] = [];
  let requested = 0;
  for (const token of raw.split(',')) {
    const match = LAYER_TOKEN.exec(token.trim());
    const width = match === null ? undefined : parseDecimal((match[1] ?? '').trim());
    if (match === null || width === undefined) {
      bad.push(token);
      continue;
    }
    const count = match[2] === undefined ? 1 : Number(match[2]);
    requested += count;
    for (let k = 0; k < count && widths.length < max; k++) widths.push(width);
  }
  if (bad.length > 0) {
    const quoted = bad.slice(0, MAX_QUOTED_LAYER_ENTRIES).map(quoteText).join(', ');
    const more =
      bad.length > MAX_QUOTED_LAYER_ENTRIES
        ? ` and ${bad.length - MAX_QUOTED_LAYER_ENTRIES} more`
        : '';
    const usable = requested > 0 ? 'ignored' : 'kept the default';
    note(`${quoted}${more}: not a width or width x count; ${usable}`);
    if (requested === 0) return undefined;
  }
  if (requested > max) {
    const asked = Number.isFinite(requested) ? String(requested) : 'too many';
    note(`${asked} hidden layers given, above the maximum ${max}; kept the first ${max}`);
  }
  return widths;
}

const layersKey: KeyCodec = {
  key: 'layers',
  path: 'network.hidden',
  description:
    `hidden layer widths, input side first, comma-separated; 32x6 means six layers of 32; ` +
    `none = no hidden layer (at most ${LIMITS.MAX_HIDDEN_LAYERS} layers, widths ` +
    `${LIMITS.MIN_WIDTH} to ${LIMITS.MAX_WIDTH}, ` +
    `${LIMITS.MAX_PARAMETERS.toLocaleString('en-US')} parameters in all)`,
  write: (c) => formatLayers(c.network.hidden),
  read: (raw, draft, note) => {
    draft.network.hidden = parseLayers(raw, note) ?? draft.network.hidden;
  },
};

const versionKey: KeyCodec = {
  key: 'v',
  path: 'version',
  description: `link format version (currently ${CONFIG_VERSION}); may be left out`,
  write: () => String(CONFIG_VERSION),
  read: (raw, _draft, note) => {
    if (parseDecimal(raw) !== CONFIG_VERSION) {
      note(
        `link version ${quoteText(raw)} is not known; read as version ${CONFIG_VERSION} where possible`,
      );
    }
  },
};

/**
 * Every config key, in the order encodeConfig writes them. Decoding applies them in this order
 * too, so `opt` (which resets the optimizer's parameters to its defaults) comes before them.
 */
const KEY_CODECS: readonly KeyCodec[] = [
  versionKey,
  enumKey(
    'data',
    'data.kind',
    'dataset',
    DATASET_KINDS,
    (c) => c.data.kind,
    (c, v) => {
      c.data.kind = v;
    },
  ),
  numberKey('n', 'data.samples', 'total samples, train + test'),
  numberKey('noise', 'data.noise', 'noise standard deviation'),
  numberKey('test', 'data.testFraction', 'share of samples held out for the test loss'),
  numberKey('dseed', 'data.seed', 'dataset seed'),
  layersKey,
  enumKey(
    'act',
    'network.activation',
    'activation',
    ACTIVATIONS,
    (c) => c.network.activation,
    (c, v) => {
      c.network.activation = v;
    },
  ),
  booleanKey(
    'bias',
    'network.bias',
    '1 = layers have biases, 0 = none',
    (c) => c.network.bias,
    (c, v) => {
      c.network.bias = v;
    },
  ),
  booleanKey(
    'res',
    'network.residual',
    '1 = skip connection around each hidden layer whose width is unchanged',
    (c) => c.network.residual,
    (c, v) => {
      c.network.residual = v;
    },
  ),
  enumKey(
    'norm',
    'network.normalization',
    'normalization',
    NORMALIZATIONS,
    (c) => c.network.normalization,
    (c, v) => {
      c.network.normalization = v;
    },
  ),
  initKey,
  numberKey('gain', 'init.gain', 'multiplier on every initial kernel'),
  numberKey('binit', 'init.biasInit', 'initial value of every bias'),
  numberKey('seed', 'init.seed', 'seed of the initial weights and the batch order'),
  enumKey(
    'opt',
    'optimizer.kind',
    'optimizer',
    OPTIMIZER_KINDS,
    (c) => c.optimizer.kind,
    (c, kind) => {
      // A new kind starts from its own default parameters; the keys after this one override them.
      c.optimizer = defaultOptimizer(kind, c.optimizer.learningRate);
    },
  ),
  numberKey('lr', 'optimizer.learningRate', 'learning rate'),
  optimizerKey('mom', 'momentum', 'momentum, for opt=momentum or rmsprop'),
  booleanKey(
    'nesterov',
    'optimizer.nesterov',
    '1 = Nesterov momentum, for opt=momentum',
    (c) => (c.optimizer.kind === 'momentum' ? c.optimizer.nesterov : undefined),
    (c, v) => {
      if (c.optimizer.kind === 'momentum') c.optimizer.nesterov = v;
    },
  ),
  optimizerKey('b1', 'beta1', 'Adam beta1'),
  optimizerKey('b2', 'beta2', 'Adam beta2'),
  optimizerKey('rho', 'rho', 'RMSProp decay rate'),
  optimizerKey('eps', 'epsilon', 'epsilon, for opt=adam or rmsprop'),
  numberKey('l1', 'regularization.l1', 'L1 penalty on kernels'),
  numberKey('l2', 'regularization.l2', 'L2 penalty on kernels'),
  clipKey,
  numberKey('gscale', 'gradient.scale', 'multiplier on every gradient before clipping'),
  maxNormKey,
  numberKey(
    'prune',
    'gradient.pruneBelow',
    'kernel weights with |w| below this are zeroed after every update; 0 = off',
  ),
  numberKey('batch', 'training.batchSize', 'batch size, at most the training samples'),
  numberKey('steps', 'training.maxSteps', 'training stops after this many steps'),
];

/** The link keys in the order they are written, with what each one means. */
export const LINK_KEYS: readonly LinkKey[] = KEY_CODECS.map(({ key, path, description }) => ({
  key,
  path,
  description,
}));

const CODEC_BY_KEY = new Map(KEY_CODECS.map((codec) => [codec.key, codec]));

/** The link as a canonical hash string starting with '#'. */
export function encodeConfig(config: ExperimentConfig): string {
  const parts: string[] = [];
  for (const codec of KEY_CODECS) {
    const value = codec.write(config);
    if (value !== undefined) parts.push(`${codec.key}=${value}`);
  }
  return `#${parts.join('&')}`;
}

/** The part after '#' of a full URL or '#...' string, or a bare query as it is. */
function extractQuery(input: string): string {
  const hashAt = input.indexOf('#');
  let query = hashAt >= 0 ? input.slice(hashAt + 1) : input;
  // A full URL without a hash carries no settings.
  if (hashAt < 0 && /^[a-z][a-z0-9+.-]*:/i.test(input)) query = '';
  return query.startsWith('?') ? query.slice(1) : query;
}

function percentDecode(text: string): string | undefined {
  try {
    return decodeURIComponent(text);
  } catch {
    return undefined;
  }
}

/** The key=value pairs of a query in order; pairs with broken percent-encoding are reported. */
function splitPairs(query: string, repairs: Repair[]): Array<[string, string]> {
  const pairs: Array<[string, string]> = [];
  for (const segment of query.split('&')) {
    if (segment === '') continue;
    const eq = segment.indexOf('=');
    const key = percentDecode(eq < 0 ? segment : segment.slice(0, eq));
    const value = percentDecode(eq < 0 ? '' : segment.slice(eq + 1));
    if (key === undefined || value === undefined) {
      const reason = `${quoteText(segment)} has broken percent-encoding; ignored`;
      repairs.push({ path: shortText(key ?? ''), reason });
    } else {
      pairs.push([key.trim(), value.trim()]);
    }
  }
  return pairs;
}

/**
 * The link's parameters (last value wins), for reading view flags such as `embed`. Keys are
 * Map keys, never object properties, so `__proto__` and friends are inert.
 */
export function parseHashParams(hash: string): Map<string, string> {
  const query = typeof hash === 'string' ? extractQuery(hash) : '';
  if (query.length > LIMITS.MAX_HASH_CHARS) return new Map();
  return new Map(splitPairs(query, []));
}

/** The link key a validateConfig path belongs to, e.g. 'network.hidden[3]' -> 'layers'. */
function linkKeyOf(path: string): string {
  const bare = path.replace(/\[\d+\]/g, '');
  let best: KeyCodec | undefined;
  for (const codec of KEY_CODECS) {
    const inside = bare === codec.path || bare.startsWith(`${codec.path}.`);
    if (inside && (best === undefined || codec.path.length > best.path.length)) best = codec;
  }
  return best?.key ?? path;
}

function defaultsWith(reason: string): { config: ExperimentConfig; repairs: Repair[] } {
  return { config: structuredClone(DEFAULT_CONFIG), repairs: [{ path: '', reason }] };
}

/**
 * Reads a link (full URL, '#...' or bare query) into a valid config, listing every change.
 * Missing keys take their defaults silently; view keys (KNOWN_VIEW_KEYS) are skipped.
 */
export function decodeConfig(hash: string): { config: ExperimentConfig; repairs: Repair[] } {
  if (typeof hash !== 'string') return defaultsWith('the link is not text; using the defaults');
  const query = extractQuery(hash);
  if (query.length > LIMITS.MAX_HASH_CHARS) {
    return defaultsWith(
      `the link is ${query.length} characters long, above the maximum ` +
        `${LIMITS.MAX_HASH_CHARS}; ignored it and used the defaults`,
    );
  }
  const repairs: Repair[] = [];
  const values = new Map<string, string>();
  const counts = new Map<string, number>();
  for (const [key, value] of splitPairs(query, repairs)) {
    values.set(key, value);
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }

  const unknown = [...values.keys()].filter((k) => !CODEC_BY_KEY.has(k) && !KNOWN_VIEW_KEYS.has(k));
  for (const key of unknown.slice(0, MAX_LISTED_UNKNOWN_KEYS)) {
    repairs.push({ path: shortText(key), reason: `unknown key ${quoteText(key)} ignored` });
  }
  if (unknown.length > MAX_LISTED_UNKNOWN_KEYS) {
    const more = unknown.length - MAX_LISTED_UNKNOWN_KEYS;
    repairs.push({ path: '', reason: `${more} more unknown keys ignored` });
  }

  const draft = structuredClone(DEFAULT_CONFIG);
  for (const codec of KEY_CODECS) {
    const raw = values.get(codec.key);
    if (raw === undefined) continue;
    const note = (reason: string) =>
      repairs.push({ path: codec.key, reason: `${codec.key}: ${reason}` });
    const times = counts.get(codec.key) ?? 1;
    if (times > 1) note(`given ${times} times; the last value is used`);
    codec.read(raw, draft, note);
  }

  const validated = validateConfig(draft);
  for (const { path, reason } of validated.repairs) {
    const key = linkKeyOf(path);
    repairs.push({ path: key, reason: `${key}: ${reason}` });
  }
  return { config: validated.config, repairs };
}
