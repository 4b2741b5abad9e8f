import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, CLI } from '../../support/cliBuild';
import { parseRunRecordJson } from '../../../src/record/runRecord';
import type { SeedBandRecord } from '../../../src/record/seedBandRecord';

function simulate(args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const LINK = '#v=1&layers=8x6&act=relu&init=heNormal&bias=0&batch=8&seed=5';
const SEEDS = 8;

beforeAll(buildCliOnce, 120_000);

/** Step 1 of a plain run of `link`: the independent reference for one seed's row. */
function stepOne(link: string) {
  const r = simulate(['--link', link, '--steps', '1']);
  expect(r.code, r.stderr).toBe(0);
  return parseRunRecordJson(r.stdout).steps[0]!;
}

describe('simulate --seeds', () => {
  it('CSV: one row per seed and layer, each equal to a plain run at that seed, then median, p10 and p90 rows', () => {
    const r = simulate(['--link', LINK, '--seeds', String(SEEDS), '--format', 'csv']);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header).toBe('run,seed,layer,gradNorm,signalNorm');
    const layers = 7; // six hidden and the output
    expect(rows.length).toBe((SEEDS + 3) * layers);
    const cells = rows.map((line) => line.split(','));
    // Seeds 5..12: the link's own seed first.
    const seeds = [...new Set(cells.map((c) => c[1]))];
    expect(seeds).toEqual(['5', '6', '7', '8', '9', '10', '11', '12', 'median', 'p10', 'p90']);
    for (const seed of [5, 12]) {
      const step = stepOne(LINK.replace('seed=5', `seed=${seed}`));
      const mine = cells.filter((c) => c[1] === String(seed));
      expect(mine.map((c) => c[2])).toEqual(
        [...Array(6)].map((_, i) => `hidden${i + 1}`).concat('output'),
      );
      expect(mine.map((c) => Number(c[3]))).toEqual(step.gradNorm);
      expect(mine.map((c) => Number(c[4]))).toEqual(step.signalNorm);
    }
    // The statistics, recomputed from the seeds' rows: 8 values sorted, the median halfway
    // between the 4th and 5th; p10 at position 0.7 (0.1 x 7), p90 at 6.3 (numpy's linear).
    for (let l = 0; l < layers; l++) {
      const values = cells
        .filter((c) => /^\d+$/.test(c[1]!))
        .filter((_, i) => i % layers === l)
        .map((c) => Number(c[4]))
        .sort((a, b) => a - b);
      const at = (stat: string) => Number(cells.filter((c) => c[1] === stat)[l]![4]);
      expect(at('median')).toBeCloseTo((values[3]! + values[4]!) / 2, 12);
      expect(at('p10')).toBeCloseTo(values[0]! + 0.7 * (values[1]! - values[0]!), 12);
      expect(at('p90')).toBeCloseTo(values[6]! + 0.3 * (values[7]! - values[6]!), 12);
    }
  });

  it('JSON gives the link with seeds, the band, beta and per run the seeds and statistics; --variant all adds each run', () => {
    const r = simulate(['--link', `${LINK}&b.layers=64x6`, '--seeds', '4', '--variant', 'all']);
    expect(r.code, r.stderr).toBe(0);
    const json = JSON.parse(r.stdout) as SeedBandRecord;
    expect(json.link).toMatch(/&seeds=4$/);
    expect(json.band).toEqual({ low: 0.1, high: 0.9, interpolation: 'linear' });
    expect(json.runs.map((run) => run.run)).toEqual(['a', 'b']);
    expect(json.runs[0]!.beta).toBe(6 / 8);
    expect(json.runs[1]!.beta).toBeCloseTo(6 / 64, 15);
    expect(json.runs[1]!.seeds.map((s) => s.seed)).toEqual([5, 6, 7, 8]);
    expect(json.runs[0]!.median.signalNorm).toHaveLength(7);
  });

  it('refuses a count outside 2..64, other step counts and recurrent links with a usage error', () => {
    for (const args of [
      ['--seeds', '1'],
      ['--seeds', '65'],
      ['--seeds', 'x'],
      ['--seeds', '8', '--steps', '5'],
      ['--seeds', '8', '--sweep', 'gain'],
      ['--link', '#model=rnn', '--seeds', '8'],
    ]) {
      const r = simulate(args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/--seeds/);
    }
  });
});
