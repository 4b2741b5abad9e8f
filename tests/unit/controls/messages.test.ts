import { describe, expect, it } from 'vitest';
import {
  ACTIVATIONS,
  CLIP_MODES,
  DATASET_KINDS,
  INIT_KINDS,
  NORMALIZATIONS,
  OPTIMIZER_KINDS,
} from '../../../src/config/schema';
import { controlMessages } from '../../../src/ui/i18n/en/controls';
import { t } from '../../../src/ui/i18n/messages';

const keys: string[] = Object.keys(controlMessages);

describe('control messages', () => {
  it('prefixes every key with "controls." and has no empty text', () => {
    for (const [key, text] of Object.entries(controlMessages)) {
      expect(key.startsWith('controls.')).toBe(true);
      expect(text.trim()).not.toBe('');
    }
  });

  it.each([
    ['clipMode', CLIP_MODES],
    ['clipHelp', CLIP_MODES],
    ['taskHelp', ['classification', 'regression']],
    ['activation', ACTIVATIONS],
    ['normalization', NORMALIZATIONS],
    ['initScheme', INIT_KINDS],
    ['initHelp', INIT_KINDS],
    ['optimizer', OPTIMIZER_KINDS],
    ['dataset', DATASET_KINDS],
  ] as const)('names every option of controls.%s', (field, values) => {
    for (const value of values) expect(keys).toContain(`controls.${field}.${value}`);
  });

  it('uses the control names the browser tests look for', () => {
    expect(t('controls.learningRate')).toBe('Learning rate');
    expect(t('controls.clipThreshold')).toBe('Clip threshold');
    expect(t('controls.clipMode')).toBe('Clip mode');
    expect(t('controls.depth')).toBe('Depth');
    expect(t('controls.width')).toBe('Width');
    expect(t('controls.initGain')).toBe('Init gain');
    expect(t('controls.activation')).toBe('Activation');
    expect(t('controls.initScheme')).toBe('Initialization');
    expect(t('controls.optimizer')).toBe('Optimizer');
    expect(t('controls.dataset')).toBe('Dataset');
  });

  it('fills the layer number into per-layer names', () => {
    expect(t('controls.layerWidth', { n: 3 })).toBe('Layer 3 width');
    expect(t('controls.removeLayer', { n: 3 })).toBe('Remove layer 3');
    expect(t('controls.valueOf', { label: 'Learning rate' })).toBe('Learning rate value');
  });
});
