import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import { currentValue, sweepGrid } from '../../../src/config/sweepGrid';
import {
  MAX_SWEEP_COUNT,
  SWEEP_KEYS,
  axisValues,
  decodeSweep,
  sweepHashSuffix,
  type SweepSpec,
} from '../../../src/config/sweepSpec';
import { isValidConfig } from '../../../src/config/validate';
import { repairReason } from '../../../src/config/repairReason';

const decode = (text: string) => decodeSweep(`#act=relu&${text}`);

describe('sweep links', () => {
  it('reads the issue example: gain 0.25..4 (13, log) by depth 2..48 (12, whole)', () => {
    const { sweep, repairs } = decode('sweep=gain:0.25..4:13,depth:2..48:12');
    expect(repairs).toEqual([]);
    expect(sweep).toEqual({
      axes: [
        { key: 'gain', from: 0.25, to: 4, count: 13 },
        { key: 'depth', from: 2, to: 48, count: 12 },
      ],
      steps: 1,
    });
    const gains = axisValues(sweep!.axes[0]!);
    expect(gains[0]).toBe(0.25);
    expect(gains[6]).toBeCloseTo(1, 12); // log spacing: the middle of 0.25..4 is 1
    expect(gains[12]).toBe(4);
    const depths = axisValues(sweep!.axes[1]!);
    expect(depths.every(Number.isInteger)).toBe(true);
    expect(new Set(depths).size).toBe(12);
  });

  it('round-trips canonically through the link, steps included', () => {
    const spec: SweepSpec = {
      axes: [
        { key: 'lr', from: 0.001, to: 1, count: 8 },
        { key: 'clip', from: 0.01, to: 100, count: 6 },
      ],
      steps: 50,
    };
    const suffix = sweepHashSuffix(spec);
    expect(suffix).toBe('&sweep=lr:0.001..1:8,clip:0.01..100:6&sweepsteps=50');
    const again = decodeSweep(`#v=1${suffix}`);
    expect(again.repairs).toEqual([]);
    expect(again.sweep).toEqual(spec);
    expect(sweepHashSuffix(null)).toBe('');
  });

  it('a bare key takes its default range and count; no sweep key means no sweep', () => {
    const { sweep, repairs } = decode('sweep=gain,depth');
    expect(repairs).toEqual([]);
    expect(sweep!.axes.map((a) => a.key)).toEqual(['gain', 'depth']);
    expect(decode('lr=0.1').sweep).toBeNull();
  });

  it('repairs what it can and says so', () => {
    const cases: Array<[string, RegExp]> = [
      ['sweep=gain:4..0.25:13', /swapped/],
      ['sweep=gain:0..4:13', /below the minimum/],
      ['sweep=gain:0.25..4:999', /count .* above the maximum/],
      ['sweep=gain:0.25..4:1', /below the minimum 2/],
      ['sweep=depth:2..5:12', /do not fit/],
      ['sweep=bogus:1..2:3', /not a setting a sweep can vary/],
      ['sweep=gain,gain', /given twice/],
      ['sweep=gain,depth,lr', /at most 2 axes/],
      ['sweep=gain:1..1:4', /axis ignored/],
      ['sweep=gain:a..b:3', /not a number/],
      ['sweep=', /no axis/],
      ['sweep=gain&sweepsteps=0', /below the minimum 1/],
      ['sweepsteps=5', /no sweep/],
      ['sweep=<script>:1..2', /not a setting/],
    ];
    for (const [text, reason] of cases) {
      const { repairs } = decode(text);
      expect(repairs.length, text).toBeGreaterThan(0);
      expect(repairs.map(repairReason).join(' | '), text).toMatch(reason);
    }
  });

  it('never throws on hostile text, and what it returns is valid and round-trips', () => {
    const token = fc.oneof(
      fc.constantFrom(...SWEEP_KEYS.map((k) => k.key), 'sweep', 'sweepsteps', '__proto__'),
      fc.constantFrom(':', '..', ',', '=', '&', '-', '1e999', 'NaN', '0', '1', '64', '0.5', '%'),
      fc.string({ maxLength: 4 }),
    );
    const soup = fc.array(token, { maxLength: 30 }).map((parts) => `sweep=${parts.join('')}`);
    fc.assert(
      fc.property(soup, (text) => {
        const { sweep } = decode(text);
        if (sweep === null) return;
        expect(sweep.axes.length).toBeGreaterThan(0);
        expect(sweep.axes.length).toBeLessThanOrEqual(2);
        for (const axis of sweep.axes) {
          expect(axis.from).toBeLessThan(axis.to);
          expect(axis.count).toBeGreaterThanOrEqual(2);
          expect(axis.count).toBeLessThanOrEqual(MAX_SWEEP_COUNT);
        }
        const again = decodeSweep(`#${sweepHashSuffix(sweep)}`);
        expect(again.repairs).toEqual([]);
        expect(again.sweep).toEqual(sweep);
      }),
      { numRuns: 1000 },
    );
  });
});

describe('sweep grid', () => {
  it('cells are the base with the swept settings set, row by row, all valid', () => {
    const spec = decode('sweep=gain:0.5..2:3,depth:2..4:3').sweep!;
    const grid = sweepGrid(DEFAULT_CONFIG, spec);
    expect(grid.configs).toHaveLength(9);
    expect(grid.configs.every(isValidConfig)).toBe(true);
    const cell = grid.configs[1 * 3 + 2]!; // x = gain 2, y = depth 3
    expect(cell.init.gain).toBe(2);
    expect(cell.network.hidden).toEqual([32, 32, 32]);
    expect(cell.init.seed).toBe(DEFAULT_CONFIG.init.seed);
    expect(currentValue(cell, 'depth')).toBe(3);
  });

  it('a clip axis on a setup without clipping sweeps global-norm clipping', () => {
    const grid = sweepGrid(DEFAULT_CONFIG, decode('sweep=clip:0.1..10:3').sweep!);
    expect(grid.configs[2]!.gradient.clip).toEqual({ mode: 'globalNorm', threshold: 10 });
    expect(currentValue(DEFAULT_CONFIG, 'clip')).toBeNull();
  });
});
