/**
 * Theory of the signal through time in a vanilla RNN, h_t = act(x_t W_x + h_(t-1) W_h + b), for
 * the time profile. Backpropagation through time gives
 *   dL/dh_(t-1) = (dL/dh_t * act'(z_t)) W_h^T,
 * so for act = linear and W_h = g Q (Q orthogonal), every row of dL/dh_t is multiplied by g Q^T,
 * which scales its length by exactly g: ||dL/dh_t|| = g^(T-t) ||dL/dh_T||. Pascanu, Mikolov &
 * Bengio (2013): with |act'| <= gamma, the signal vanishes when the largest singular value of
 * W_h is below 1/gamma (gamma = 1 for tanh and linear). Pure maths: no React, no tfjs.
 */
import type { RecurrentModel } from '../../config/modelSchema';
import type { Activation } from '../../config/schema';
import type { StepMetrics } from '../../engine/metrics';

/** Whether the exact g^(T-t) line applies: a linear vanilla RNN with W_h = g Q at init. */
export function timeTheoryApplies(model: RecurrentModel, activation: Activation): boolean {
  return (
    model.cell === 'rnn' && activation === 'linear' && model.recurrentInit.kind === 'orthogonal'
  );
}

/**
 * ||dL/dh_t|| for t = 1..T (forward order) predicted from the measured value at t = T:
 * value_T * g^(T-t). Null where the theory does not apply or the anchor is not a positive number.
 */
export function predictTimeSignal(
  model: RecurrentModel,
  activation: Activation,
  valueAtT: number,
): number[] | null {
  if (!timeTheoryApplies(model, activation) || model.recurrentInit.kind !== 'orthogonal')
    return null;
  if (!(Number.isFinite(valueAtT) && valueAtT > 0)) return null;
  const g = model.recurrentInit.gain;
  const T = model.timeSteps;
  return Array.from({ length: T }, (_, i) => valueAtT * g ** (T - (i + 1)));
}

/** Whether Pascanu's condition (largest singular value < 1/gamma) speaks of this cell. */
export function pascanuApplies(model: RecurrentModel, activation: Activation): boolean {
  return model.cell === 'rnn' && (activation === 'tanh' || activation === 'linear');
}

/**
 * The newest spectral radius measured at or before `step` (the engine measures it on the first
 * step of each chunk), with the step it was measured at; null when none was.
 */
export function spectralRadiusAt(
  steps: readonly StepMetrics[],
  step: number,
): { step: number; value: number } | null {
  for (let i = steps.length - 1; i >= 0; i--) {
    const m = steps[i] as StepMetrics;
    if (m.step <= step && m.spectralRadius !== undefined)
      return { step: m.step, value: m.spectralRadius };
  }
  return null;
}
