import { describe, expect, it } from 'vitest';
import { DEFAULT_RECURRENT_MODEL, type RecurrentModel } from '../../../src/config/modelSchema';
import type { StepMetrics } from '../../../src/engine/metrics';
import {
  pascanuApplies,
  predictTimeSignal,
  spectralRadiusAt,
  timeTheoryApplies,
} from '../../../src/ui/charts/timeTheory';

const model = (over: Partial<RecurrentModel>): RecurrentModel => ({
  ...DEFAULT_RECURRENT_MODEL,
  ...over,
});

describe('the signal-through-time theory', () => {
  it('predicts value_T * g^(T-t): each step back multiplies by g, t = T is the anchor', () => {
    const m = model({ timeSteps: 4, recurrentInit: { kind: 'orthogonal', gain: 2 } });
    expect(predictTimeSignal(m, 'linear', 3)).toEqual([24, 12, 6, 3]);
  });

  it('applies only to a linear vanilla RNN with orthogonal W_h, and to a positive anchor', () => {
    const linear = model({ recurrentInit: { kind: 'orthogonal', gain: 0.9 } });
    expect(timeTheoryApplies(linear, 'linear')).toBe(true);
    expect(predictTimeSignal(linear, 'tanh', 1)).toBeNull();
    expect(predictTimeSignal({ ...linear, cell: 'lstm' }, 'linear', 1)).toBeNull();
    expect(
      predictTimeSignal({ ...linear, recurrentInit: { kind: 'identity', gain: 1 } }, 'linear', 1),
    ).toBeNull();
    expect(predictTimeSignal(linear, 'linear', 0)).toBeNull();
    expect(predictTimeSignal(linear, 'linear', NaN)).toBeNull();
  });

  it("speaks of Pascanu's condition for vanilla tanh and linear cells only", () => {
    expect(pascanuApplies(model({}), 'tanh')).toBe(true);
    expect(pascanuApplies(model({}), 'linear')).toBe(true);
    expect(pascanuApplies(model({}), 'relu')).toBe(false);
    expect(pascanuApplies(model({ cell: 'gru' }), 'tanh')).toBe(false);
  });

  it('finds the newest spectral radius at or before a step', () => {
    const steps = [
      { step: 1, spectralRadius: 1.1 },
      { step: 2 },
      { step: 3, spectralRadius: 1.2 },
      { step: 4 },
    ] as StepMetrics[];
    expect(spectralRadiusAt(steps, 4)).toEqual({ step: 3, value: 1.2 });
    expect(spectralRadiusAt(steps, 2)).toEqual({ step: 1, value: 1.1 });
    expect(spectralRadiusAt(steps.slice(1, 2), 4)).toBeNull();
  });
});
