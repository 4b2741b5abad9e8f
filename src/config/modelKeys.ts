/**
 * The link keys of the model: `model=mlp|rnn`, and the recurrent settings `cell`, `T`, `units`,
 * `rinit` and `fbias`, which are written only for model=rnn and reported as ignored on a feed-forward
 * link. `model` is read before them (KEY_CODECS order), and naming a model starts from its
 * defaults.
 */
import { enumKey, kindParamKey, numberKey, type FieldAccess, type KeyCodec } from './keyCodecs';
import {
  CELL_KINDS,
  MODEL_KINDS,
  RECURRENT_INIT_KINDS,
  defaultModel,
  defaultRecurrentInit,
  type CellKind,
  type ModelKind,
  type RecurrentModel,
} from './modelSchema';
import type { ExperimentConfig } from './schema';

const modelKind: FieldAccess<ModelKind> = {
  path: 'model.kind',
  get: (c) => c.model.kind,
  set: (c, kind) => {
    c.model = defaultModel(kind);
  },
};

/** The recurrent model of a config the wrapper below has checked to be recurrent. */
function recurrentOf(c: ExperimentConfig): RecurrentModel {
  if (c.model.kind !== 'rnn') throw new Error('not a recurrent config'); // a bug, not bad input
  return c.model;
}

/** A recurrent setting: written only for model=rnn, ignored with a notice otherwise. */
function recurrentOnly(codec: KeyCodec): KeyCodec {
  return {
    ...codec,
    write: (c) => (c.model.kind === 'rnn' ? codec.write(c) : undefined),
    read: (raw, draft, note) => {
      if (draft.model.kind !== 'rnn') return note('repair.onlyForRnn');
      codec.read(raw, draft, note);
    },
  };
}

const cell: FieldAccess<CellKind> = {
  path: 'model.cell',
  get: (c) => recurrentOf(c).cell,
  set: (c, value) => {
    recurrentOf(c).cell = value;
  },
};

function recurrentNumber(name: 'timeSteps' | 'units' | 'forgetBias'): FieldAccess<number> {
  return {
    path: `model.${name}`,
    get: (c) => recurrentOf(c)[name],
    set: (c, value) => {
      recurrentOf(c)[name] = value;
    },
  };
}

const recurrentInitKey = kindParamKey(
  'rinit',
  'model.recurrentInit',
  `recurrent-weight init, for model=rnn: orthogonal:g (g Q, every singular value g) | ` +
    `identity:g (g I, the IRNN) | normal:sigma, e.g. orthogonal:1.1`,
  {
    label: 'repair.label.recurrentInit',
    paramName: 'parameter',
    kinds: RECURRENT_INIT_KINDS,
    get: (c) => recurrentOf(c).recurrentInit,
    set: (c, init) => {
      recurrentOf(c).recurrentInit = init;
    },
    kindOf: (init) => init.kind,
    defaultOf: defaultRecurrentInit,
    paramOf: (init) => (init.kind === 'normal' ? init.sigma : init.gain),
    withParam: (init, x) =>
      init.kind === 'normal' ? { kind: init.kind, sigma: x } : { kind: init.kind, gain: x },
  },
);

const modelEnum = enumKey(
  'model',
  modelKind,
  'model: mlp (feed-forward, the default) | rnn (recurrent, on the adding problem)',
  MODEL_KINDS,
  'repair.label.model',
);

/** Written only for model=rnn, so feed-forward links read as they did before the key existed. */
export const MODEL_KEY: KeyCodec = {
  ...modelEnum,
  write: (c) => (c.model.kind === 'mlp' ? undefined : modelEnum.write(c)),
};

/** The recurrent settings, in the order they are written (after `model`). */
export const RECURRENT_KEYS: readonly KeyCodec[] = [
  enumKey('cell', cell, 'recurrent cell, for model=rnn', CELL_KINDS, 'repair.label.cell'),
  numberKey('T', recurrentNumber('timeSteps'), 'sequence length, for model=rnn'),
  numberKey('units', recurrentNumber('units'), 'hidden units, for model=rnn'),
  recurrentInitKey,
  numberKey(
    'fbias',
    recurrentNumber('forgetBias'),
    'LSTM forget-gate bias, for model=rnn (cell=lstm; the other cells have no forget gate)',
  ),
].map(recurrentOnly);
