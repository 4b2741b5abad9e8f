import { taskOf, type ExperimentConfig } from './schema';

/** The loss a config trains: mean squared error for regression, logistic loss for classes. */
export type LossKind = 'mse' | 'sigmoidCrossEntropy';

export function lossKindOf(config: ExperimentConfig): LossKind {
  return taskOf(config.data.kind) === 'regression' ? 'mse' : 'sigmoidCrossEntropy';
}
