import type { ExperimentConfig } from './schema';

/**
 * Whether moving from `prev` to `next` needs a fresh run. Settings that change the model (its
 * kind, cell, T, units, recurrent init), the network's shape, its initial weights, the data or the batch order restart from the same seed (so the
 * only difference is the change); the rest (clipping, learning rate and other optimizer
 * parameters, gradient scale, regularization, max-norm, pruning, max steps) apply live to the
 * run in progress. A different optimizer kind restarts, since its state would not carry over.
 */
export function needsRestart(prev: ExperimentConfig, next: ExperimentConfig): boolean {
  return (
    !sameJson(prev.model, next.model) ||
    !sameJson(prev.data, next.data) ||
    !sameJson(prev.network, next.network) ||
    !sameJson(prev.init, next.init) ||
    prev.training.batchSize !== next.training.batchSize ||
    prev.optimizer.kind !== next.optimizer.kind
  );
}

function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
