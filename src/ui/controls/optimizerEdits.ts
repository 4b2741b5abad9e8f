/** Optimizer edits for the Optimizer section, as pure functions over the discriminated union. */
import { defaultOptimizer, type OptimizerConfig, type OptimizerKind } from '../../config/schema';

export type OptimizerOf<K extends OptimizerKind> = Extract<OptimizerConfig, { kind: K }>;

/** Another optimizer kind with its PyTorch defaults, keeping the learning rate. */
export function switchOptimizer(current: OptimizerConfig, kind: OptimizerKind): OptimizerConfig {
  return current.kind === kind ? current : defaultOptimizer(kind, current.learningRate);
}

export function withLearningRate(current: OptimizerConfig, learningRate: number): OptimizerConfig {
  return { ...current, learningRate };
}

/**
 * Fields of one optimizer kind changed; a config of another kind (the kind changed meanwhile)
 * is returned unchanged rather than given fields it does not have.
 */
export function patchOptimizer<K extends OptimizerKind>(
  current: OptimizerConfig,
  kind: K,
  patch: Partial<Omit<OptimizerOf<K>, 'kind'>>,
): OptimizerConfig {
  return current.kind === kind ? { ...current, ...patch } : current;
}
