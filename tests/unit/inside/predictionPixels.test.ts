import { describe, expect, it } from 'vitest';
import type { Prediction } from '../../../src/engine/prediction';
import {
  CLASS0_RGB,
  CLASS1_RGB,
  cellAt,
  divergingRgb,
  mapPixels,
} from '../../../src/ui/inside/predictionPixels';

const axis = { min: -1, max: 1, count: 2 };

describe('prediction map pixels', () => {
  it('runs from class 0 blue at p = 0 to class 1 orange at p = 1, clamped outside', () => {
    expect(divergingRgb(0)).toEqual(CLASS0_RGB);
    expect(divergingRgb(1)).toEqual(CLASS1_RGB);
    expect(divergingRgb(-3)).toEqual(CLASS0_RGB);
    expect(divergingRgb(7)).toEqual(CLASS1_RGB);
  });

  it('puts the largest y on the top row and paints non-finite outputs red', () => {
    const prediction: Prediction = {
      kind: 'map',
      step: 1,
      task: 'classification',
      x: axis,
      y: axis,
      // Row 0 (y = min): p = 0, NaN; row 1 (y = max): p = 1, Infinity.
      values: [0, NaN, 1, Infinity],
    };
    const px = mapPixels(prediction, [0, 1]);
    const at = (row: number, col: number) =>
      Array.from(px.slice((row * 2 + col) * 4, (row * 2 + col) * 4 + 4));
    // Top-left pixel is y = max, p = 1: orange, washed lighter.
    expect(at(0, 0)[0]).toBeGreaterThan(at(0, 0)[2]!);
    // Bottom-left pixel is y = min, p = 0: blue.
    expect(at(1, 0)[2]).toBeGreaterThan(at(1, 0)[0]!);
    expect(at(0, 1)).toEqual([228, 0, 58, 255]);
    expect(at(1, 1)).toEqual([228, 0, 58, 255]);
  });

  it('finds the cell under a pointer, clamped to the grid', () => {
    expect(cellAt(axis, 0)).toBe(0);
    expect(cellAt(axis, 0.49)).toBe(0);
    expect(cellAt(axis, 0.5)).toBe(1);
    expect(cellAt(axis, 1)).toBe(1);
  });
});
