import type { StepMetrics } from './metrics';

export type NonFiniteQuantity =
  'loss' | 'weightNorm' | 'signalNorm' | 'timeSignalNorm' | 'gradNorm';

export interface NonFiniteEvent {
  kind: 'nonfinite';
  /** The step whose measurements first contain NaN or +-Infinity. */
  step: number;
  /** 0-based index into the per-layer arrays (output last), or null for the loss; for
   * timeSignalNorm, the 0-based time step (t - 1). */
  layer: number | null;
  what: NonFiniteQuantity;
}

/**
 * The first non-finite measurement, if any. Within a step, weights are checked first (they
 * were already broken before the step), then the loss, then the backward quantities. The layer
 * named is where the value first broke in the direction it is computed: weights in forward
 * order, signals and gradients in backward order (the layer nearest the output that overflowed,
 * below which everything overflows too; for a recurrent network's signal, the latest time step).
 */
export function findNonFinite(steps: readonly StepMetrics[]): NonFiniteEvent | null {
  for (const m of steps) {
    const forwardIndex = m.weightNorm.findIndex((v) => !Number.isFinite(v));
    if (forwardIndex >= 0) return event(m.step, forwardIndex, 'weightNorm');
    if (!Number.isFinite(m.loss)) return event(m.step, null, 'loss');
    for (const what of ['signalNorm', 'timeSignalNorm', 'gradNorm'] as const) {
      const values = m[what] ?? [];
      for (let l = values.length - 1; l >= 0; l--) {
        if (!Number.isFinite(values[l] as number)) return event(m.step, l, what);
      }
    }
    if (!Number.isFinite(m.globalNorm)) return event(m.step, null, 'gradNorm');
  }
  return null;
}

function event(step: number, layer: number | null, what: NonFiniteQuantity): NonFiniteEvent {
  return { kind: 'nonfinite', step, layer, what };
}
