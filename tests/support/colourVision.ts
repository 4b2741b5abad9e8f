/**
 * Colour-vision deficiency simulation and colour difference, to check palettes against an
 * independent reference: Machado, Oliveira & Fernandes (2009), "A physiologically-based model
 * for simulation of color vision deficiency", IEEE TVCG 15(6), Table 1 at severity 1.0
 * (dichromacy), applied in linear sRGB; and CIELAB with the CIE76 difference ΔE*ab.
 */
export type Rgb = readonly [number, number, number];

type Matrix = readonly [Rgb, Rgb, Rgb];

export const DICHROMACIES: Record<'protanopia' | 'deuteranopia' | 'tritanopia', Matrix> = {
  protanopia: [
    [0.152286, 1.052583, -0.204868],
    [0.114503, 0.786281, 0.099216],
    [-0.003882, -0.048116, 1.051998],
  ],
  deuteranopia: [
    [0.367322, 0.860646, -0.227968],
    [0.280085, 0.672501, 0.047413],
    [-0.01182, 0.04294, 0.968881],
  ],
  tritanopia: [
    [1.255528, -0.076749, -0.178779],
    [-0.078411, 0.930809, 0.147602],
    [0.004733, 0.691367, 0.3039],
  ],
};

const toLinear = (c: number) => {
  const v = c / 255;
  return v <= 0.04045 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
};
const toGamma = (v: number) => {
  const c = Math.min(1, Math.max(0, v));
  return 255 * (c <= 0.0031308 ? 12.92 * c : 1.055 * c ** (1 / 2.4) - 0.055);
};

/** How `rgb` looks to a dichromat. */
export function simulate(rgb: Rgb, m: Matrix): Rgb {
  const lin = rgb.map(toLinear) as unknown as Rgb;
  const row = (r: Rgb) => r[0] * lin[0] + r[1] * lin[1] + r[2] * lin[2];
  return [toGamma(row(m[0])), toGamma(row(m[1])), toGamma(row(m[2]))];
}

/** sRGB (D65) to CIELAB. */
export function lab(rgb: Rgb): Rgb {
  const [r, g, b] = rgb.map(toLinear) as unknown as Rgb;
  const x = (0.4124 * r + 0.3576 * g + 0.1805 * b) / 0.95047;
  const y = 0.2126 * r + 0.7152 * g + 0.0722 * b;
  const z = (0.0193 * r + 0.1192 * g + 0.9505 * b) / 1.08883;
  const f = (t: number) => (t > 216 / 24389 ? Math.cbrt(t) : ((24389 / 27) * t + 16) / 116);
  return [116 * f(y) - 16, 500 * (f(x) - f(y)), 200 * (f(y) - f(z))];
}

/** CIE76 colour difference. */
export function deltaE(a: Rgb, b: Rgb): number {
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

/** "#0072b2" or "rgb(1, 2, 3)" to [r, g, b]. */
export function parseColour(css: string): Rgb {
  const hex = /^#([0-9a-f]{6})$/i.exec(css);
  if (hex) {
    const n = parseInt(hex[1]!, 16);
    return [(n >> 16) & 255, (n >> 8) & 255, n & 255];
  }
  const rgb = /^rgb\((\d+), (\d+), (\d+)\)$/.exec(css);
  if (!rgb) throw new Error(`not a colour: ${css}`);
  return [Number(rgb[1]), Number(rgb[2]), Number(rgb[3])];
}
