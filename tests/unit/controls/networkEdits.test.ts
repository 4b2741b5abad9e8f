import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG, LIMITS, parameterCount } from '../../../src/config/schema';
import { validateConfig } from '../../../src/config/validate';
import {
  addLayer,
  appendLayer,
  canAddLayer,
  dropLayer,
  fitDepth,
  fitLayerWidth,
  fitsBudget,
  fitUniformWidth,
  isUniform,
  largestFitting,
  nearParameterLimit,
  NEW_LAYER_WIDTH,
  removeLayer,
  setDepth,
  setLayerWidth,
  setUniformWidth,
  withHidden,
} from '../../../src/ui/controls/networkEdits';

const { MAX_HIDDEN_LAYERS, MAX_WIDTH, MIN_WIDTH, MAX_PARAMETERS } = LIMITS;
const widths = fc.array(fc.integer({ min: MIN_WIDTH, max: MAX_WIDTH }), {
  maxLength: MAX_HIDDEN_LAYERS,
});

describe('setDepth', () => {
  it('keeps existing widths and adds layers as wide as the last', () => {
    expect(setDepth([8, 16, 4], 5)).toEqual([8, 16, 4, 4, 4]);
  });

  it('drops the deepest layers when made shallower', () => {
    expect(setDepth([8, 16, 4], 2)).toEqual([8, 16]);
    expect(setDepth([8, 16, 4], 0)).toEqual([]);
  });

  it('starts an empty network with NEW_LAYER_WIDTH', () => {
    expect(setDepth([], 2)).toEqual([NEW_LAYER_WIDTH, NEW_LAYER_WIDTH]);
  });

  it('clamps and rounds the depth into [0, MAX_HIDDEN_LAYERS]', () => {
    expect(setDepth([3], 1000)).toHaveLength(MAX_HIDDEN_LAYERS);
    expect(setDepth([3], -4)).toEqual([]);
    expect(setDepth([3], 2.6)).toEqual([3, 3, 3]);
  });

  it('always gives the requested depth (clamped), whatever the widths', () => {
    fc.assert(
      fc.property(widths, fc.integer({ min: -10, max: 100 }), (hidden, depth) => {
        const next = setDepth(hidden, depth);
        expect(next).toHaveLength(Math.min(MAX_HIDDEN_LAYERS, Math.max(0, depth)));
        expect(next.slice(0, hidden.length)).toEqual(hidden.slice(0, next.length));
      }),
    );
  });

  it('does not change its input', () => {
    const hidden = [1, 2];
    setDepth(hidden, 5);
    expect(hidden).toEqual([1, 2]);
  });
});

describe('setUniformWidth', () => {
  it('sets every layer to one width, clamped into [MIN_WIDTH, MAX_WIDTH]', () => {
    expect(setUniformWidth([8, 16, 4], 12)).toEqual([12, 12, 12]);
    expect(setUniformWidth([8, 16], 1e6)).toEqual([MAX_WIDTH, MAX_WIDTH]);
    expect(setUniformWidth([8], 0)).toEqual([MIN_WIDTH]);
    expect(setUniformWidth([8], 7.4)).toEqual([7]);
    expect(setUniformWidth([], 12)).toEqual([]);
  });
});

describe('per-layer edits', () => {
  it('setLayerWidth changes one layer, clamped, and ignores an index outside the list', () => {
    expect(setLayerWidth([8, 16, 4], 1, 32)).toEqual([8, 32, 4]);
    expect(setLayerWidth([8, 16, 4], 0, 999)).toEqual([MAX_WIDTH, 16, 4]);
    expect(setLayerWidth([8, 16, 4], 5, 32)).toEqual([8, 16, 4]);
  });

  it('removeLayer removes exactly the layer at the index', () => {
    expect(removeLayer([8, 16, 4], 1)).toEqual([8, 4]);
    expect(removeLayer([8], 0)).toEqual([]);
    expect(removeLayer([8, 16], 7)).toEqual([8, 16]);
  });

  it('addLayer copies the last width and stops at MAX_HIDDEN_LAYERS', () => {
    expect(addLayer([8, 16])).toEqual([8, 16, 16]);
    expect(addLayer([])).toEqual([NEW_LAYER_WIDTH]);
    const full = Array.from({ length: MAX_HIDDEN_LAYERS }, () => 2);
    expect(addLayer(full)).toEqual(full);
  });

  it('isUniform tells a uniform network from a mixed one', () => {
    expect(isUniform([4, 4, 4])).toBe(true);
    expect(isUniform([])).toBe(true);
    expect(isUniform([4, 5])).toBe(false);
  });
});

describe('largestFitting', () => {
  it('finds the largest n for which a monotone test holds', () => {
    expect(largestFitting(0, 100, (n) => n <= 37)).toBe(37);
    expect(largestFitting(0, 100, () => true)).toBe(100);
    expect(largestFitting(1, 100, (n) => n <= 1)).toBe(1);
  });
});

describe('parameter budget', () => {
  const wide = withHidden(DEFAULT_CONFIG, [MAX_WIDTH, MAX_WIDTH]);

  it('fitDepth adds as many layers as fit under MAX_PARAMETERS, and no more', () => {
    const fitted = fitDepth(wide, MAX_HIDDEN_LAYERS);
    const depth = fitted.network.hidden.length;
    expect(fitsBudget(fitted)).toBe(true);
    expect(depth).toBeLessThan(MAX_HIDDEN_LAYERS);
    expect(fitsBudget(withHidden(wide, setDepth(wide.network.hidden, depth + 1)))).toBe(false);
  });

  it('fitDepth gives the exact depth when it fits', () => {
    expect(fitDepth(DEFAULT_CONFIG, 20).network.hidden).toHaveLength(20);
    expect(fitDepth(DEFAULT_CONFIG, 3).network.hidden).toEqual([32, 32, 32]);
  });

  it('fitUniformWidth narrows the width until the network fits', () => {
    const deep = withHidden(DEFAULT_CONFIG, setDepth([8], MAX_HIDDEN_LAYERS));
    const fitted = fitUniformWidth(deep, MAX_WIDTH);
    const w = fitted.network.hidden[0] as number;
    expect(isUniform(fitted.network.hidden)).toBe(true);
    expect(fitsBudget(fitted)).toBe(true);
    expect(w).toBeLessThan(MAX_WIDTH);
    expect(fitsBudget(withHidden(deep, setUniformWidth(deep.network.hidden, w + 1)))).toBe(false);
  });

  it('fitLayerWidth changes only the one layer, as wide as fits', () => {
    const fitted = fitLayerWidth(DEFAULT_CONFIG, 2, 64);
    expect(fitted.network.hidden).toEqual([32, 32, 64, 32, 32, 32, 32, 32]);
  });

  it('every fitted edit is left untouched by the store validator', () => {
    fc.assert(
      fc.property(
        widths,
        fc.integer({ min: 0, max: 80 }),
        fc.integer({ min: 0, max: 300 }),
        (hidden, depth, width) => {
          const start = validateConfig(withHidden(DEFAULT_CONFIG, hidden)).config;
          for (const edited of [
            fitDepth(start, depth),
            fitUniformWidth(start, width),
            fitLayerWidth(start, 0, width),
            appendLayer(start),
          ]) {
            expect(validateConfig(edited).repairs).toEqual([]);
          }
        },
      ),
      { numRuns: 60 },
    );
  });

  it('canAddLayer is false at MAX_HIDDEN_LAYERS and when the budget would run out', () => {
    expect(canAddLayer(DEFAULT_CONFIG)).toBe(true);
    const full = withHidden(DEFAULT_CONFIG, setDepth([2], MAX_HIDDEN_LAYERS));
    expect(canAddLayer(full)).toBe(false);
    const nearlyFull = fitDepth(wide, MAX_HIDDEN_LAYERS);
    expect(canAddLayer(nearlyFull)).toBe(false);
    expect(appendLayer(nearlyFull)).toBe(nearlyFull);
  });

  it('appendLayer and dropLayer add and remove one layer', () => {
    expect(appendLayer(DEFAULT_CONFIG).network.hidden).toHaveLength(9);
    expect(dropLayer(DEFAULT_CONFIG, 0).network.hidden).toHaveLength(7);
  });

  it('warns from 80% of MAX_PARAMETERS', () => {
    expect(nearParameterLimit(parameterCount(DEFAULT_CONFIG))).toBe(false);
    expect(nearParameterLimit(0.8 * MAX_PARAMETERS)).toBe(true);
    expect(nearParameterLimit(0.79 * MAX_PARAMETERS)).toBe(false);
  });
});
