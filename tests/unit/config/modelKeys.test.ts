/**
 * The recurrent link keys (model, cell, T, units, rinit) are read, written and repaired like the
 * rest: out-of-range values are clamped with a notice, unknown names keep the default, and the
 * recurrent keys on a feed-forward link are reported as ignored.
 */
import { describe, expect, it } from 'vitest';
import { decodeConfig, encodeConfig } from '../../../src/config/codec';
import { MODEL_LIMITS, type RecurrentModel } from '../../../src/config/modelSchema';
import { validateConfig } from '../../../src/config/validate';
import { decodeExperimentLink } from '../../../src/config/variants';
import { repairReason } from '../../../src/config/repairReason';

function recurrent(hash: string): { model: RecurrentModel; repairs: string[] } {
  const { config, repairs } = decodeConfig(hash);
  if (config.model.kind !== 'rnn') throw new Error(`${hash} did not open a recurrent model`);
  return { model: config.model, repairs: repairs.map((r) => `${r.path}: ${repairReason(r)}`) };
}

describe('recurrent link keys', () => {
  it('a link without model is the feed-forward network, with no notice', () => {
    const { config, repairs } = decodeConfig('#act=relu');
    expect(config.model).toEqual({ kind: 'mlp' });
    expect(repairs).toEqual([]);
    expect(encodeConfig(config)).not.toMatch(/[#&](cell|T|units|rinit)=/);
  });

  it('reads every recurrent setting and writes it back canonically', () => {
    const { model, repairs } = recurrent(
      '#model=rnn&cell=lstm&T=100&units=16&rinit=identity:0.5&act=tanh',
    );
    expect(repairs).toEqual([]);
    expect(model).toEqual({
      kind: 'rnn',
      cell: 'lstm',
      timeSteps: 100,
      units: 16,
      recurrentInit: { kind: 'identity', gain: 0.5 },
      forgetBias: 1,
    });
    const hash = encodeConfig(decodeConfig('#model=rnn&cell=lstm&T=100&units=16').config);
    expect(hash).toContain('model=rnn&cell=lstm&T=100&units=16&rinit=orthogonal:1');
    expect(encodeConfig(decodeConfig(hash).config)).toBe(hash);
  });

  it('fbias sets the LSTM forget-gate bias: clamped to +-20, junk keeps 1, written back', () => {
    expect(recurrent('#model=rnn&cell=lstm&fbias=3').model.forgetBias).toBe(3);
    const huge = recurrent('#model=rnn&cell=lstm&fbias=1e999');
    expect(huge.model.forgetBias).toBe(MODEL_LIMITS.MAX_ABS_FORGET_BIAS);
    expect(huge.repairs.some((r) => r.startsWith('fbias: ') && r.includes('maximum'))).toBe(true);
    expect(recurrent('#model=rnn&fbias=-50').model.forgetBias).toBe(-20);
    const junk = recurrent('#model=rnn&fbias=<b>');
    expect(junk.model.forgetBias).toBe(1);
    expect(junk.repairs.some((r) => r.startsWith('fbias: ') && r.includes('not a number'))).toBe(
      true,
    );
    const hash = encodeConfig(decodeConfig('#model=rnn&cell=lstm&fbias=2.5').config);
    expect(hash).toContain('&fbias=2.5');
    expect(decodeConfig('#fbias=3').repairs.map((r) => `${r.path}: ${repairReason(r)}`)).toContain(
      'fbias: applies only to model=rnn; ignored',
    );
    const { variants, repairs } = decodeExperimentLink('#model=rnn&b.cell=lstm&b.fbias=3');
    expect(repairs).toEqual([]);
    expect(variants.find((v) => v.letter === 'b')?.overrides).toEqual({
      cell: 'lstm',
      fbias: '3',
    });
  });

  it('model is read first, whatever its place in the link', () => {
    expect(recurrent('#T=7&model=rnn').model.timeSteps).toBe(7);
  });

  it('clamps T and units to their limits with a notice under the key', () => {
    const { model, repairs } = recurrent('#model=rnn&T=100000&units=0');
    expect(model.timeSteps).toBe(MODEL_LIMITS.MAX_TIME_STEPS);
    expect(model.units).toBe(MODEL_LIMITS.MIN_UNITS);
    expect(repairs.some((r) => r.startsWith('T: ') && r.includes('maximum'))).toBe(true);
    expect(repairs.some((r) => r.startsWith('units: ') && r.includes('minimum'))).toBe(true);
  });

  it('rounds a fractional T and keeps the default for junk', () => {
    expect(recurrent('#model=rnn&T=12.6').model.timeSteps).toBe(13);
    const junk = recurrent('#model=rnn&T=abc');
    expect(junk.model.timeSteps).toBe(50);
    expect(junk.repairs.some((r) => r.startsWith('T: ') && r.includes('not a number'))).toBe(true);
  });

  it('an unknown cell or recurrent init keeps the default and names the choices', () => {
    const { model, repairs } = recurrent('#model=rnn&cell=transformer&rinit=eye:2');
    expect(model.cell).toBe('rnn');
    expect(model.recurrentInit).toEqual({ kind: 'orthogonal', gain: 1 });
    expect(repairs.some((r) => r.startsWith('cell: ') && r.includes('rnn, lstm, gru'))).toBe(true);
    expect(repairs.some((r) => r.startsWith('rinit: ') && r.includes('orthogonal'))).toBe(true);
  });

  it('a negative or huge recurrent gain is clamped', () => {
    expect(recurrent('#model=rnn&rinit=orthogonal:-3').model.recurrentInit).toEqual({
      kind: 'orthogonal',
      gain: 0,
    });
    expect(recurrent('#model=rnn&rinit=normal:1e999').model.recurrentInit).toEqual({
      kind: 'normal',
      sigma: MODEL_LIMITS.MAX_ABS_RECURRENT_INIT_PARAM,
    });
  });

  it('an unknown model keeps mlp; recurrent keys on a feed-forward link are reported as ignored', () => {
    const { config, repairs } = decodeConfig('#model=cnn&cell=lstm&T=9');
    expect(config.model).toEqual({ kind: 'mlp' });
    const text = repairs.map((r) => `${r.path}: ${repairReason(r)}`);
    expect(text.some((r) => r.startsWith('model: ') && r.includes('mlp, rnn'))).toBe(true);
    expect(text).toContain('cell: applies only to model=rnn; ignored');
    expect(text).toContain('T: applies only to model=rnn; ignored');
  });

  it('a variant may change the recurrent settings but not the model kind', () => {
    const { base, variants, repairs } = decodeExperimentLink(
      '#model=rnn&cell=rnn&b.cell=lstm&c.model=mlp',
    );
    expect(base.model.kind).toBe('rnn');
    expect(variants.find((v) => v.letter === 'b')?.overrides).toEqual({ cell: 'lstm' });
    expect(repairs.some((r) => r.path === 'c.model')).toBe(true);
  });

  it('validateConfig repairs a hostile model section and reads a missing one as mlp', () => {
    const missing = validateConfig({ ...decodeConfig('').config, model: undefined });
    expect(missing.config.model).toEqual({ kind: 'mlp' });
    const { model, ...withoutModel } = decodeConfig('').config;
    expect(model.kind).toBe('mlp');
    expect(validateConfig(withoutModel).repairs).toEqual([]);
    const hostile = validateConfig({
      ...withoutModel,
      model: {
        kind: 'rnn',
        cell: 'lstm',
        timeSteps: '9',
        units: 1e9,
        forgetBias: -1e9,
        extra: 1,
      },
    });
    expect(hostile.config.model).toMatchObject({ kind: 'rnn', cell: 'lstm', timeSteps: 50 });
    expect(hostile.config.model.kind === 'rnn' && hostile.config.model.units).toBe(
      MODEL_LIMITS.MAX_UNITS,
    );
    expect(hostile.repairs.map((r) => r.path)).toEqual(
      expect.arrayContaining(['model.timeSteps', 'model.units', 'model.forgetBias', 'model.extra']),
    );
  });
});
