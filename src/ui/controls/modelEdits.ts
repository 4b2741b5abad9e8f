/**
 * Edits of the model section: switching between the feed-forward and the recurrent network, and
 * changing one recurrent setting. Pure: the store validates the result.
 */
import {
  defaultModel,
  defaultRecurrentInit,
  type ModelKind,
  type RecurrentInitKind,
  type RecurrentModel,
} from '../../config/modelSchema';
import type { ExperimentConfig } from '../../config/schema';

/** The config with the other model kind, from that kind's defaults (as the link key reads). */
export function withModelKind(config: ExperimentConfig, kind: ModelKind): ExperimentConfig {
  return config.model.kind === kind ? config : { ...config, model: defaultModel(kind) };
}

/** A recurrent config with some model fields replaced; a feed-forward one is left as it is. */
export function withRecurrent(
  config: ExperimentConfig,
  patch: Partial<Omit<RecurrentModel, 'kind'>>,
): ExperimentConfig {
  return config.model.kind === 'rnn' ? { ...config, model: { ...config.model, ...patch } } : config;
}

/**
 * The recurrent init of another kind, keeping the parameter where it means the same (the gain
 * of orthogonal:g and identity:g); normal starts from its default sigma.
 */
export function withRecurrentInitKind(
  model: RecurrentModel,
  kind: RecurrentInitKind,
): RecurrentModel['recurrentInit'] {
  const current = model.recurrentInit;
  const next = defaultRecurrentInit(kind);
  if (next.kind !== 'normal' && current.kind !== 'normal')
    return { kind: next.kind, gain: current.gain };
  return next;
}
