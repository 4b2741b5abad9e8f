/**
 * Every key of the share link: what it means, the config field it stands for, and the order
 * encodeConfig writes them in. Keys with a compound value (init=normal:0.5, clip=globalNorm:1,
 * maxnorm=off, layers=32x6) are spelled out here; plain numbers, names and flags use the kinds
 * in keyCodecs.ts.
 */
import {
  booleanKey,
  enumKey,
  field,
  kindParamKey,
  numberKey,
  optimizerField,
  rangeText,
  type FieldAccess,
  type KeyCodec,
  type LinkKey,
} from './keyCodecs';
import { formatLayers, parseLayers } from './layersText';
import { MODEL_KEY, RECURRENT_KEYS } from './modelKeys';
import { formatNumber, parseDecimal } from './numberText';
import { quoteText } from './repairs';
import {
  ACTIVATIONS,
  CLIP_MODES,
  CLIP_MODE_OLD_NAMES,
  clipParam,
  withClipParam,
  CONFIG_VERSION,
  DATASET_KINDS,
  INIT_KINDS,
  LIMITS,
  NORMALIZATIONS,
  OPTIMIZER_KINDS,
  defaultClip,
  defaultInitScheme,
  defaultOptimizer,
  type InitScheme,
  type OptimizerKind,
} from './schema';

export type { LinkKey } from './keyCodecs';

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

const initKey = kindParamKey(
  'init',
  'init.scheme',
  `kernel init: ${INIT_KINDS.join(' | ')}; constant, normal, uniform and orthogonal take ` +
    `a parameter after a colon (value, sigma, limit, gain), e.g. normal:0.5`,
  {
    label: 'repair.label.initScheme',
    paramName: 'parameter',
    kinds: INIT_KINDS,
    get: (c) => c.init.scheme,
    set: (c, scheme) => {
      c.init.scheme = scheme;
    },
    kindOf: (scheme) => scheme.kind,
    defaultOf: defaultInitScheme,
    paramOf: initParam,
    withParam: withInitParam,
  },
);

const clipKey = kindParamKey(
  'clip',
  'gradient.clip',
  'gradient clipping: none | value:c (each element to [-c, c]) | tensorNorm:c (each ' +
    'gradient tensor, every kernel and every bias on its own, to norm <= c; older links ' +
    'write layerNorm:c) | ' +
    'globalNorm:c (all gradients together to norm <= c) | auto:p (AutoClip: global norm ' +
    'clipped at the p-th percentile of the pre-clip global norms so far, steps 1 to k); c' +
    rangeText('gradient.clip.threshold') +
    ', p' +
    rangeText('gradient.clip.percentile'),
  {
    label: 'repair.label.clipMode',
    paramName: 'threshold',
    kinds: CLIP_MODES,
    oldNames: CLIP_MODE_OLD_NAMES,
    get: (c) => c.gradient.clip,
    set: (c, clip) => {
      c.gradient.clip = clip;
    },
    kindOf: (clip) => clip.mode,
    defaultOf: (mode) => defaultClip(mode),
    paramOf: clipParam,
    withParam: withClipParam,
  },
);

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
    else note('repair.maxNormText', { text: quoteText(raw) });
  },
};

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
      note('repair.linkVersion', { text: quoteText(raw), version: String(CONFIG_VERSION) });
    }
  },
};

/** The optimizer kind; a new kind starts from its own default parameters. */
const optimizerKind: FieldAccess<OptimizerKind> = {
  path: 'optimizer.kind',
  get: (c) => c.optimizer.kind,
  set: (c, kind) => {
    c.optimizer = defaultOptimizer(kind, c.optimizer.learningRate);
  },
};

/**
 * Every config key, in the order encodeConfig writes them. Decoding applies them in this order
 * too, so `opt` (which resets the optimizer's parameters to its defaults) comes before them,
 * and `model` before the recurrent keys. With model=rnn the task is the adding problem: `data`,
 * `noise`, `layers`, `res` and `norm` are kept in the link for a switch back but not used.
 */
export const KEY_CODECS: readonly KeyCodec[] = [
  versionKey,
  // Before the recurrent keys, which apply only to model=rnn, and which naming it resets.
  MODEL_KEY,
  ...RECURRENT_KEYS,
  enumKey('data', field('data', 'kind'), 'dataset', DATASET_KINDS, 'repair.label.dataset'),
  numberKey('n', field('data', 'samples'), 'total samples, train + test'),
  numberKey('noise', field('data', 'noise'), 'noise standard deviation'),
  numberKey('test', field('data', 'testFraction'), 'share of samples held out for the test loss'),
  numberKey('dseed', field('data', 'seed'), 'dataset seed'),
  layersKey,
  enumKey(
    'act',
    field('network', 'activation'),
    'activation',
    ACTIVATIONS,
    'repair.label.activation',
  ),
  booleanKey('bias', field('network', 'bias'), '1 = layers have biases, 0 = none'),
  booleanKey(
    'res',
    field('network', 'residual'),
    '1 = skip connection around each hidden layer whose width is unchanged',
  ),
  enumKey(
    'norm',
    field('network', 'normalization'),
    'normalization',
    NORMALIZATIONS,
    'repair.label.normalization',
  ),
  initKey,
  numberKey(
    'gain',
    field('init', 'gain'),
    'multiplier on every initial kernel (for model=rnn, not the recurrent ones: rinit sets them)',
  ),
  numberKey('binit', field('init', 'biasInit'), 'initial value of every bias'),
  numberKey('seed', field('init', 'seed'), 'seed of the initial weights and the batch order'),
  // The keys after `opt` override the default parameters it sets.
  enumKey('opt', optimizerKind, 'optimizer', OPTIMIZER_KINDS, 'repair.label.optimizer'),
  numberKey('lr', field('optimizer', 'learningRate'), 'learning rate'),
  numberKey('mom', optimizerField('momentum'), 'momentum, for opt=momentum or rmsprop'),
  booleanKey('nesterov', optimizerField('nesterov'), '1 = Nesterov momentum, for opt=momentum'),
  numberKey('b1', optimizerField('beta1'), 'Adam beta1'),
  numberKey('b2', optimizerField('beta2'), 'Adam beta2'),
  numberKey('rho', optimizerField('rho'), 'RMSProp decay rate'),
  numberKey('eps', optimizerField('epsilon'), 'epsilon, for opt=adam or rmsprop'),
  numberKey('l1', field('regularization', 'l1'), 'L1 penalty on kernels'),
  numberKey('l2', field('regularization', 'l2'), 'L2 penalty on kernels'),
  clipKey,
  numberKey('gscale', field('gradient', 'scale'), 'multiplier on every gradient before clipping'),
  maxNormKey,
  numberKey(
    'prune',
    field('gradient', 'pruneBelow'),
    'kernel weights with |w| below this are zeroed after every update; 0 = off',
  ),
  numberKey('batch', field('training', 'batchSize'), 'batch size, at most the training samples'),
  numberKey('steps', field('training', 'maxSteps'), 'training stops after this many steps'),
];

/** The link keys in the order they are written, with what each one means. */
export const LINK_KEYS: readonly LinkKey[] = KEY_CODECS.map(({ key, path, description }) => ({
  key,
  path,
  description,
}));

/** The link key a validateConfig path belongs to, e.g. 'network.hidden[3]' -> 'layers'. */
export function linkKeyOf(path: string): string {
  const bare = path.replace(/\[\d+\]/g, '');
  let best: KeyCodec | undefined;
  for (const codec of KEY_CODECS) {
    const inside = bare === codec.path || bare.startsWith(`${codec.path}.`);
    if (inside && (best === undefined || codec.path.length > best.path.length)) best = codec;
  }
  return best?.key ?? path;
}
