/**
 * Colours for the charts. Layers are coloured by depth with viridis (van der Walt & Smith, the
 * matplotlib default): sequential, perceptually uniform and readable with any colour-vision
 * deficiency and in greyscale. Input layer dark purple, output layer light green.
 */

type Rgb = readonly [number, number, number];

/** Viridis sampled at 0, 0.1, ..., 1 (matplotlib's _viridis_data). */
const VIRIDIS_STOPS: readonly Rgb[] = [
  [68, 1, 84],
  [72, 36, 117],
  [65, 68, 135],
  [53, 95, 141],
  [42, 120, 142],
  [33, 145, 140],
  [34, 168, 132],
  [68, 191, 112],
  [122, 209, 81],
  [189, 223, 38],
  [253, 231, 37],
];

/** Lines stop short of viridis' last yellow, which is too light to read on a white panel. */
export const LAYER_PALETTE_END = 0.85;

/** Overflow (NaN / Infinity): a saturated red that is not part of viridis. */
export const NON_FINITE_COLOR = '#e4003a';
/** Heatmap cells with no drawable value (0 or no data). */
export const EMPTY_CELL_COLOR = '#d8dee6';
/** Lines that are not a layer (thresholds, theory, markers). */
export const NEUTRAL_LINE_COLOR = '#6b7280';
/** The global gradient norm: near-black and thicker, the envelope above every layer's line. */
export const GLOBAL_NORM_COLOR = '#000000';

/** Viridis at t in [0, 1] as an [r, g, b] triple (linear interpolation between stops). */
export function viridisRgb(t: number): Rgb {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const pos = clamped * (VIRIDIS_STOPS.length - 1);
  const i = Math.min(VIRIDIS_STOPS.length - 2, Math.floor(pos));
  const f = pos - i;
  const a = VIRIDIS_STOPS[i] as Rgb;
  const b = VIRIDIS_STOPS[i + 1] as Rgb;
  const lerp = (k: 0 | 1 | 2) => Math.round(a[k] + f * (b[k] - a[k]));
  return [lerp(0), lerp(1), lerp(2)];
}

export function rgbCss([r, g, b]: Rgb): string {
  return `rgb(${r}, ${g}, ${b})`;
}

/** One colour per layer, input (index 0) darkest, output lightest. */
export function layerColors(count: number): string[] {
  return Array.from({ length: count }, (_, i) =>
    rgbCss(viridisRgb(count <= 1 ? 0 : (i / (count - 1)) * LAYER_PALETTE_END)),
  );
}

/** CSS linear-gradient of the full viridis ramp, for colour legends. */
export function viridisGradientCss(direction = 'to right'): string {
  const stops = VIRIDIS_STOPS.map(
    (c, i) => `${rgbCss(c)} ${(i * 100) / (VIRIDIS_STOPS.length - 1)}%`,
  );
  return `linear-gradient(${direction}, ${stops.join(', ')})`;
}
