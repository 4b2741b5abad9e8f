import { describe, expect, it } from 'vitest';
import { layerColors, NON_FINITE_COLOR } from '../../../src/ui/charts/palette';
import { runLook } from '../../../src/ui/compare/runLook';
import { logSlopeColor, LOG_SLOPE_COLOR_LIMIT } from '../../../src/ui/sweep/regimeColor';
import {
  deltaE,
  DICHROMACIES,
  lab,
  parseColour,
  simulate,
  type Rgb,
} from '../../support/colourVision';

/**
 * Colours told apart at a glance: CIE76 ΔE*ab above 10 (2.3 is a just-noticeable difference;
 * 2–10 is seen on a close look, above 10 at a glance). Measured: the closest pairs are runs C/D
 * with deuteranopia (17.9) and A/C with tritanopia (17.0), overflow red against a layer colour
 * with deuteranopia (19.1).
 */
const DISTINCT_DELTA_E = 10;

const visions = [['normal vision', null] as const, ...Object.entries(DICHROMACIES)];
const seen = (rgb: Rgb, m: (typeof visions)[number][1]) => (m ? simulate(rgb, m) : rgb);

/** Okabe & Ito's (2008) colour-universal blue, vermillion, bluish green and reddish purple. */
const OKABE_ITO = ['#0072b2', '#d55e00', '#009e73', '#cc79a7'];

describe('palettes stay readable with colour-vision deficiencies', () => {
  it.each(visions)('runs A–D are told apart with %s', (_name, m) => {
    const colours = (['a', 'b', 'c', 'd'] as const).map((l) => parseColour(runLook(l).color));
    expect(
      colours.map((c) => `#${c.map((v) => v.toString(16).padStart(2, '0')).join('')}`),
    ).toEqual(OKABE_ITO);
    for (let i = 0; i < 4; i++)
      for (let j = i + 1; j < 4; j++)
        expect(deltaE(seen(colours[i]!, m), seen(colours[j]!, m))).toBeGreaterThan(
          DISTINCT_DELTA_E,
        );
  });

  it.each(visions)(
    'the regime map tells vanishing from exploding with %s, and both from stable',
    (_name, m) => {
      const [vanishing, stable, exploding] = [-1, 0, 1].map((s) =>
        seen(parseColour(logSlopeColor(s * LOG_SLOPE_COLOR_LIMIT)), m),
      ) as [Rgb, Rgb, Rgb];
      expect(deltaE(vanishing, exploding)).toBeGreaterThan(DISTINCT_DELTA_E);
      expect(deltaE(vanishing, stable)).toBeGreaterThan(DISTINCT_DELTA_E);
      expect(deltaE(exploding, stable)).toBeGreaterThan(DISTINCT_DELTA_E);
    },
  );

  it('the regime map is readable in greyscale: lightness rises from each end to stable', () => {
    const lightness = (s: number) => lab(parseColour(logSlopeColor(s * LOG_SLOPE_COLOR_LIMIT)))[0];
    const slopes = [-1, -0.75, -0.5, -0.25, 0];
    for (let i = 1; i < slopes.length; i++) {
      expect(lightness(slopes[i]!)).toBeGreaterThan(lightness(slopes[i - 1]!));
      expect(lightness(-slopes[i]!)).toBeGreaterThan(lightness(-slopes[i - 1]!));
    }
  });

  it('layer colours order by lightness from input (dark) to output (light), as in greyscale', () => {
    const lightness = layerColors(12).map((c) => lab(parseColour(c))[0]);
    for (let i = 1; i < lightness.length; i++)
      expect(lightness[i]).toBeGreaterThan(lightness[i - 1]! + 2);
  });

  it.each(visions)('the overflow colour stands apart from every layer colour with %s', (_n, m) => {
    const overflow = seen(parseColour(NON_FINITE_COLOR), m);
    for (const c of layerColors(12))
      expect(deltaE(overflow, seen(parseColour(c), m))).toBeGreaterThan(DISTINCT_DELTA_E);
  });
});
