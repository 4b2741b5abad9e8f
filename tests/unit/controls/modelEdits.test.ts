import { describe, expect, it } from 'vitest';
import { decodeConfig, encodeConfig } from '../../../src/config/codec';
import { DEFAULT_RECURRENT_MODEL } from '../../../src/config/modelSchema';
import {
  withModelKind,
  withRecurrent,
  withRecurrentInitKind,
} from '../../../src/ui/controls/modelEdits';

const mlp = decodeConfig('').config;

describe('model edits', () => {
  it('switches to a recurrent network from its defaults and back, and the link says so', () => {
    const rnn = withModelKind(mlp, 'rnn');
    expect(rnn.model).toEqual(DEFAULT_RECURRENT_MODEL);
    expect(encodeConfig(rnn)).toContain('model=rnn');
    expect(decodeConfig(encodeConfig(rnn)).config).toEqual(rnn);
    const back = withModelKind(rnn, 'mlp');
    expect(back.model).toEqual({ kind: 'mlp' });
    expect(encodeConfig(back)).toBe(encodeConfig(mlp));
    expect(withModelKind(rnn, 'rnn')).toBe(rnn);
  });

  it('changes one recurrent setting and round-trips it through the link; mlp is left alone', () => {
    const rnn = withRecurrent(withModelKind(mlp, 'rnn'), { cell: 'gru', timeSteps: 120 });
    expect(rnn.model).toMatchObject({ cell: 'gru', timeSteps: 120, units: 32 });
    expect(encodeConfig(rnn)).toMatch(/cell=gru.*T=120/);
    expect(decodeConfig(encodeConfig(rnn)).config).toEqual(rnn);
    expect(withRecurrent(mlp, { units: 8 })).toBe(mlp);
  });

  it('keeps the gain between orthogonal and identity; normal starts from its sigma', () => {
    const model = {
      ...DEFAULT_RECURRENT_MODEL,
      recurrentInit: { kind: 'orthogonal', gain: 1.2 } as const,
    };
    expect(withRecurrentInitKind(model, 'identity')).toEqual({ kind: 'identity', gain: 1.2 });
    expect(withRecurrentInitKind(model, 'normal')).toEqual({ kind: 'normal', sigma: 0.1 });
    const normal = { ...model, recurrentInit: { kind: 'normal', sigma: 0.3 } as const };
    expect(withRecurrentInitKind(normal, 'orthogonal')).toEqual({ kind: 'orthogonal', gain: 1 });
  });
});
