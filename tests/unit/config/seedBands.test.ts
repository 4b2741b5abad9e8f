import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/config/codec';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import {
  bandSeeds,
  haninBeta,
  layerBands,
  logSpread,
  quantile,
  seedConfigs,
} from '../../../src/config/seedBands';
import { readSeedsKey, seedsHashSuffix } from '../../../src/config/seedsKey';
import { parseHashParams } from '../../../src/config/codec';
import { DEFAULT_VIEW, readViewFromHash, viewToHashSuffix } from '../../../src/store/viewStore';
import { repairReason } from '../../../src/config/repairReason';

const read = (hash: string) => readSeedsKey(parseHashParams(hash));

describe('seed-band arithmetic', () => {
  // Expected values by hand from numpy.quantile's default (linear): position q (n - 1).
  it('quantiles interpolate linearly between order statistics, as numpy.quantile does', () => {
    const values = [4, 1, 3, 2];
    expect(quantile(values, 0.5)).toBeCloseTo(2.5, 12); // between 2 and 3
    expect(quantile(values, 0.1)).toBeCloseTo(1.3, 12); // 0.3 of the way from 1 to 2
    expect(quantile(values, 0.9)).toBeCloseTo(3.7, 12);
    expect(quantile([5, 1, 9], 0.5)).toBe(5);
    expect(quantile([7], 0.9)).toBe(7);
    // NaN (a seed whose number is undefined) is left out; Infinity sorts last.
    expect(quantile([NaN, 1, 3], 0.5)).toBe(2);
    expect(quantile([1, Infinity, Infinity], 0.9)).toBe(Infinity);
    expect(quantile([NaN], 0.5)).toBeNaN();
  });

  it('layer bands take each layer across the seeds', () => {
    const bands = layerBands([
      [1, 10],
      [3, 30],
      [2, 20],
    ]);
    expect(bands.map((b) => b.median)).toEqual([2, 20]);
    expect(bands[0]!.low).toBeCloseTo(1.2, 12);
    expect(bands[1]!.high).toBeCloseTo(28, 12);
  });

  it('beta is the sum of 1/width over hidden layers; logSpread the sample sd of ln', () => {
    expect(haninBeta([8, 8, 8, 8])).toBe(0.5);
    expect(haninBeta([64, 32])).toBeCloseTo(3 / 64, 15);
    // ln e = 1, ln e^3 = 3: mean 2, sample variance ((1)^2 + (1)^2) / 1 = 2.
    expect(logSpread([Math.E, Math.E ** 3])).toBeCloseTo(Math.SQRT2, 12);
    expect(logSpread([1, 0, NaN])).toBeNaN();
  });

  it("the seeds are the setup's own, then the next ones, wrapping past the largest to 0", () => {
    expect(bandSeeds(1, 4)).toEqual([1, 2, 3, 4]);
    expect(bandSeeds(2 ** 31 - 2, 3)).toEqual([2 ** 31 - 2, 2 ** 31 - 1, 0]);
    const configs = seedConfigs(DEFAULT_CONFIG, 3);
    expect(configs.map((c) => c.init.seed)).toEqual([1, 2, 3]);
    // Only the init seed changes: the data (its own seed) and everything else stay.
    for (const c of configs) expect({ ...c, init: DEFAULT_CONFIG.init }).toEqual(DEFAULT_CONFIG);
  });
});

describe('the seeds link key', () => {
  it('reads a whole number from 2 to 64; absent is the view closed', () => {
    expect(read('#act=relu')).toEqual({ seeds: null, repairs: [] });
    expect(read('#seeds=8')).toEqual({ seeds: 8, repairs: [] });
    expect(read('#seeds=64').seeds).toBe(64);
    expect(read('#seeds=2').seeds).toBe(2);
  });

  it("repairs what it cannot use with a notice, by the links' one clamping rule", () => {
    const cases: [string, number][] = [
      ['#seeds=1', 2],
      ['#seeds=-5', 2],
      ['#seeds=1e999', 64],
      ['#seeds=1000', 64],
      ['#seeds=4.6', 5],
      ['#seeds=banana', 8],
      ['#seeds=%3Cscript%3E', 8],
      ['#seeds=', 8],
    ];
    for (const [hash, seeds] of cases) {
      const result = read(hash);
      expect(result.seeds, hash).toBe(seeds);
      expect(result.repairs.length, hash).toBeGreaterThan(0);
      expect(
        result.repairs.every((r) => r.path === 'seeds'),
        hash,
      ).toBe(true);
    }
    // Hostile text is quoted back shortened and escaped.
    const [repair] = read('#seeds=' + encodeURIComponent('<img src=x>' + 'y'.repeat(100))).repairs;
    expect(repairReason(repair!)).toMatch(/^"<img src=x>y+…" is not a number/);
  });

  it('round-trips in the view suffix, is not an experiment setting, and yields to the regime map', () => {
    const view = { ...DEFAULT_VIEW, seeds: 16 };
    const suffix = viewToHashSuffix(view);
    expect(suffix).toBe('&seeds=16');
    expect(seedsHashSuffix(null)).toBe('');
    expect(readViewFromHash(`#act=relu${suffix}`)).toEqual({ view, repairs: [] });
    expect(decodeConfig(`#act=relu${suffix}`).repairs).toEqual([]);
    const both = readViewFromHash('#seeds=8&sweep=gain');
    expect(both.view.seeds).toBeNull();
    expect(both.view.sweep).not.toBeNull();
    expect(both.repairs.map((r) => r.path)).toEqual(['seeds']);
  });
});
