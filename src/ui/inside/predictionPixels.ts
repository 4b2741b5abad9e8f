/**
 * Pure helpers of the prediction view: the colours of a decision map and where a pointer falls
 * on the grid. No DOM, no React, so they are unit-tested directly.
 */
import type { Prediction, PredictionAxis } from '../../engine/prediction';
import { NON_FINITE_COLOR } from '../charts/palette';

type Rgb = [number, number, number];

/** Class 0 and class 1 (blue and orange: told apart with every common colour deficiency). */
export const CLASS0_RGB: Rgb = [33, 102, 172];
export const CLASS1_RGB: Rgb = [230, 97, 1];
const MID_RGB: Rgb = [247, 247, 247];
/** The map is drawn this much lighter than the points, so the points stand out on it. */
const MAP_WASH = 0.45;

const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const NON_FINITE_RGB = hexRgb(NON_FINITE_COLOR);

export function rgbText([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** Blue at 0 through near-white at 0.5 to orange at 1 (t clamped to [0, 1]). */
export function divergingRgb(t: number): Rgb {
  const u = Math.min(1, Math.max(0, t));
  const [from, to, k] = u < 0.5 ? [CLASS0_RGB, MID_RGB, u * 2] : [MID_RGB, CLASS1_RGB, u * 2 - 1];
  return [0, 1, 2].map((i) => Math.round(from[i]! + (to[i]! - from[i]!) * k)) as Rgb;
}

/** Where a value sits on the colour scale: a probability as is, a regression value by range. */
export function scaleOf(
  prediction: Prediction,
  targetRange: [number, number],
): (value: number) => number {
  if (prediction.kind === 'map' && prediction.task === 'classification') return (v) => v;
  const [lo, hi] = targetRange;
  const span = hi > lo ? hi - lo : 1;
  return (v) => (v - lo) / span;
}

/**
 * RGBA pixels of a map, one per cell, the top row at the largest y (as a plot is read).
 * Non-finite outputs are the overflow red, so an exploded run shows as such.
 */
export function mapPixels(
  prediction: Extract<Prediction, { kind: 'map' }>,
  targetRange: [number, number],
): Uint8ClampedArray<ArrayBuffer> {
  const { x, y, values } = prediction;
  const scale = scaleOf(prediction, targetRange);
  const pixels = new Uint8ClampedArray(x.count * y.count * 4);
  for (let row = 0; row < y.count; row++) {
    for (let col = 0; col < x.count; col++) {
      const value = values[row * x.count + col] as number;
      const rgb = Number.isFinite(value) ? divergingRgb(scale(value)) : NON_FINITE_RGB;
      const at = ((y.count - 1 - row) * x.count + col) * 4;
      for (let i = 0; i < 3; i++) {
        const c = rgb[i] as number;
        pixels[at + i] = Number.isFinite(value) ? c + (255 - c) * MAP_WASH : c;
      }
      pixels[at + 3] = 255;
    }
  }
  return pixels;
}

/** The grid cell under a position given as a share of the axis's span (0 = min, 1 = max). */
export function cellAt(axis: PredictionAxis, share: number): number {
  return Math.min(axis.count - 1, Math.max(0, Math.floor(share * axis.count)));
}

/** The input value at a share of the axis's span. */
export function valueAt(axis: PredictionAxis, share: number): number {
  return axis.min + share * (axis.max - axis.min);
}
