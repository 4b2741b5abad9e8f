import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  INIT_KINDS,
  defaultInitScheme,
  type OptimizerConfig,
} from '../../../src/config/schema';
import { isValidConfig } from '../../../src/config/validate';
import { switchClipMode, thresholdOf, withThreshold } from '../../../src/ui/controls/clipEdits';
import { schemeParam, withSchemeParam } from '../../../src/ui/controls/initEdits';
import {
  patchOptimizer,
  switchOptimizer,
  withLearningRate,
} from '../../../src/ui/controls/optimizerEdits';
import { patchSection } from '../../../src/ui/controls/sectionPatch';

describe('clip mode switching', () => {
  it('keeps the threshold when switching between clipping modes', () => {
    const clip = switchClipMode({ mode: 'value', threshold: 0.3 }, 'globalNorm', 5);
    expect(clip).toEqual({ mode: 'globalNorm', threshold: 0.3 });
  });

  it('brings back the remembered threshold after clipping was off', () => {
    expect(switchClipMode({ mode: 'none' }, 'tensorNorm', 2.5)).toEqual({
      mode: 'tensorNorm',
      threshold: 2.5,
    });
    expect(thresholdOf({ mode: 'none' }, 2.5)).toBe(2.5);
  });

  it('switching to none drops the threshold from the config', () => {
    expect(switchClipMode({ mode: 'value', threshold: 0.3 }, 'none', 1)).toEqual({ mode: 'none' });
  });

  it('withThreshold changes the threshold and leaves clipping that is off alone', () => {
    expect(withThreshold({ mode: 'value', threshold: 1 }, 4)).toEqual({
      mode: 'value',
      threshold: 4,
    });
    expect(withThreshold({ mode: 'none' }, 4)).toEqual({ mode: 'none' });
  });
});

describe('init scheme parameter', () => {
  it.each(INIT_KINDS)('reads and writes the parameter of %s', (kind) => {
    const scheme = defaultInitScheme(kind);
    const param = schemeParam(scheme);
    const hasParam = ['constant', 'normal', 'uniform', 'orthogonal'].includes(kind);
    expect(param !== null).toBe(hasParam);
    const edited = withSchemeParam(scheme, 0.7);
    if (param === null) {
      expect(edited).toBe(scheme);
    } else {
      expect(schemeParam(edited)?.value).toBe(0.7);
      expect(edited.kind).toBe(kind);
      const config = patchSection(DEFAULT_CONFIG, 'init', { scheme: edited });
      expect(isValidConfig(config)).toBe(true);
    }
  });
});

describe('optimizer edits', () => {
  it("switching kind takes the kind's defaults and keeps the learning rate", () => {
    const adam = switchOptimizer({ kind: 'sgd', learningRate: 0.003 }, 'adam');
    expect(adam).toEqual({
      kind: 'adam',
      learningRate: 0.003,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    });
  });

  it('picking the current kind keeps its parameters', () => {
    const current: OptimizerConfig = {
      kind: 'momentum',
      learningRate: 0.1,
      momentum: 0.5,
      nesterov: true,
    };
    expect(switchOptimizer(current, 'momentum')).toBe(current);
  });

  it('patchOptimizer changes fields of the named kind only', () => {
    const adam = switchOptimizer(DEFAULT_CONFIG.optimizer, 'adam');
    expect(patchOptimizer(adam, 'adam', { beta2: 0.99 })).toMatchObject({
      kind: 'adam',
      beta2: 0.99,
    });
    const sgd = DEFAULT_CONFIG.optimizer;
    expect(patchOptimizer(sgd, 'momentum', { momentum: 0.5 })).toBe(sgd);
  });

  it('withLearningRate keeps the other parameters', () => {
    const rms = switchOptimizer(DEFAULT_CONFIG.optimizer, 'rmsprop');
    expect(withLearningRate(rms, 1e-3)).toEqual({ ...rms, learningRate: 1e-3 });
  });
});

describe('patchSection', () => {
  it('replaces only the named fields of one section', () => {
    const next = patchSection(DEFAULT_CONFIG, 'data', { noise: 0.5 });
    expect(next.data).toEqual({ ...DEFAULT_CONFIG.data, noise: 0.5 });
    expect(next.network).toBe(DEFAULT_CONFIG.network);
    expect(DEFAULT_CONFIG.data.noise).toBe(0.1);
  });
});
