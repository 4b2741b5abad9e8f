/**
 * Repairs the `model` section of untrusted input (validate.ts holds the other sections). A
 * config without the section is a feed-forward one, silently: configs written before recurrent
 * mode existed have none.
 */
import {
  CELL_KINDS,
  DEFAULT_RECURRENT_MODEL,
  MODEL_KINDS,
  RECURRENT_INIT_KINDS,
  defaultModel,
  defaultRecurrentInit,
  type ModelConfig,
  type RecurrentInit,
} from './modelSchema';
import { readEnum, readNumber, readVariant, subSection, type Section } from './readFields';

const MODEL_FIELDS = ['kind', 'cell', 'timeSteps', 'units', 'recurrentInit', 'forgetBias'] as const;
/** Every variant's fields; the ones the chosen kind lacks are dropped by readVariant. */
const RECURRENT_INIT_FIELDS = ['kind', 'gain', 'sigma'] as const;

function readRecurrentInit(section: Section): RecurrentInit {
  const fallback = DEFAULT_RECURRENT_MODEL.recurrentInit.kind;
  return readVariant(
    section,
    'kind',
    'repair.label.recurrentInit',
    RECURRENT_INIT_KINDS,
    fallback,
    (kind) => {
      const init = defaultRecurrentInit(kind);
      if (init.kind === 'normal') init.sigma = readNumber(section, 'sigma', init.sigma);
      else init.gain = readNumber(section, 'gain', init.gain);
      return init;
    },
  );
}

/** The model of the config held by `root`; mlp when the root has no `model` field. */
export function readModel(root: Section): ModelConfig {
  if (root.slots !== null && !root.slots.has('model')) return defaultModel('mlp');
  const section = subSection(root, 'model', 'repair.label.modelSettings', MODEL_FIELDS);
  return readVariant(section, 'kind', 'repair.label.model', MODEL_KINDS, 'mlp', (kind) => {
    const model = defaultModel(kind);
    if (model.kind === 'mlp') return model;
    const d = DEFAULT_RECURRENT_MODEL;
    model.cell = readEnum(section, 'cell', 'repair.label.cell', CELL_KINDS, d.cell);
    model.timeSteps = readNumber(section, 'timeSteps', d.timeSteps);
    model.units = readNumber(section, 'units', d.units);
    model.recurrentInit = readRecurrentInit(
      subSection(section, 'recurrentInit', 'repair.label.recurrentInit', RECURRENT_INIT_FIELDS),
    );
    model.forgetBias = readNumber(section, 'forgetBias', d.forgetBias);
    return model;
  });
}
