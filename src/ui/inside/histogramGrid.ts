/**
 * Pure helpers of the distributions panel: the colour of each (layer, bin) cell, the words for
 * a bin, and the saturation series. No DOM, no React.
 */
import {
  HISTOGRAM_BINS,
  NON_FINITE_BIN,
  ZERO_BIN,
  histogramBinRange,
} from '../../config/distributionBins';
import { EMPTY_CELL_COLOR, NON_FINITE_COLOR, viridisRgb } from '../charts/palette';

type Rgb = [number, number, number];
const hexRgb = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;

/**
 * RGBA pixels, one per (layer, bin), the output layer on the top row. A cell's colour is the
 * layer's share of values in that bin on viridis, square-root scaled so a few percent still
 * shows; empty cells grey, non-finite counts red.
 */
export function histogramPixels(
  counts: readonly (readonly number[])[],
): Uint8ClampedArray<ArrayBuffer> {
  const layers = counts.length;
  const pixels = new Uint8ClampedArray(layers * HISTOGRAM_BINS * 4);
  const empty = hexRgb(EMPTY_CELL_COLOR);
  const nonFinite = hexRgb(NON_FINITE_COLOR);
  counts.forEach((row, l) => {
    const total = row.reduce((a, b) => a + b, 0);
    const y = layers - 1 - l;
    row.forEach((count, bin) => {
      const rgb =
        count === 0 || total === 0
          ? empty
          : bin === NON_FINITE_BIN
            ? nonFinite
            : viridisRgb(Math.sqrt(count / total));
      const at = (y * HISTOGRAM_BINS + bin) * 4;
      pixels.set([...rgb, 255], at);
    });
  });
  return pixels;
}

/** Short exponent text: 10^-3.5 as "1e-3.5". */
function pow10Text(exponent: number): string {
  return `1e${Number.isInteger(exponent) ? exponent : exponent.toFixed(1)}`;
}

/** A bin in words: "0", "NaN / ±∞", or the magnitude range "[1e-2, 1e-1.5)". */
export function binLabel(bin: number): string {
  if (bin === ZERO_BIN) return '0';
  if (bin === NON_FINITE_BIN) return 'NaN / ±∞';
  const [lo, hi] = histogramBinRange(bin);
  return `[${pow10Text(Math.log10(lo))}, ${pow10Text(Math.log10(hi))})`;
}

/** One series per layer that has a saturation share: [step, share] points, over steps. */
export function saturationSeries(
  steps: readonly { step: number; saturation?: (number | null)[] }[],
): { layer: number; points: [number, number][] }[] {
  const byLayer = new Map<number, [number, number][]>();
  for (const s of steps) {
    s.saturation?.forEach((share, layer) => {
      if (share === null || share === undefined) return;
      let points = byLayer.get(layer);
      if (!points) byLayer.set(layer, (points = []));
      points.push([s.step, share]);
    });
  }
  return [...byLayer.entries()]
    .sort(([a], [b]) => a - b)
    .map(([layer, points]) => ({ layer, points }));
}
