import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildCliOnce, CLI } from '../../support/cliBuild';
import { decodeConfig, encodeConfig } from '../../../src/config/codec';
import {
  decodeExperimentLink,
  encodeExperimentLink,
  resolveVariant,
} from '../../../src/config/variants';
import {
  parseRunRecordJson,
  parseRunRecordSetJson,
  type FeedForwardInitial,
  type RecurrentInitial,
  type RunRecord,
} from '../../../src/record/runRecord';
import { makeRefLayer, referenceBackprop } from '../../support/referenceNetwork';
import { refLoss, refTimeSignalsByDifferences, refWeights } from '../../support/referenceRecurrent';

/** Runs the bundled CLI (built once in beforeAll, as `npm run simulate` does). */
function simulate(args: string[]) {
  const result = spawnSync('node', [CLI, ...args], { encoding: 'utf8' });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

function record(args: string[]): RunRecord {
  const r = simulate(args);
  expect(r.code, r.stderr).toBe(0);
  return parseRunRecordJson(r.stdout);
}

const LINK = '#v=1&layers=16x4&act=tanh&batch=8&clip=globalNorm:0.5';

beforeAll(buildCliOnce, 120_000);

describe('simulate CLI', () => {
  it('runs AutoClip (clip=auto:p) and gives each step the threshold it used', () => {
    const r = record([
      '--link',
      '#v=1&layers=16x4&act=tanh&batch=8&lr=0.5&clip=auto:20',
      '--steps',
      '40',
    ]);
    expect(r.clip).toEqual({ mode: 'auto', threshold: null, percentile: 20 });
    r.steps.forEach((s, k) => {
      // numpy.percentile(norms of steps 1..k, 20), linear interpolation, computed here directly
      const sorted = r.steps
        .slice(0, k + 1)
        .map((m) => m.globalNorm)
        .sort((a, b) => a - b);
      const rank = 0.2 * k;
      const lo = sorted[Math.floor(rank)]!;
      const hi = sorted[Math.ceil(rank)]!;
      const expected = lo + (rank - Math.floor(rank)) * (hi - lo);
      expect(Math.abs(s.clipThreshold! - expected)).toBeLessThanOrEqual(2e-6 * expected);
      expect(s.clipCosine).toBeCloseTo(1, 5);
    });
    const csv = simulate([
      '--link',
      '#v=1&layers=16x4&clip=auto:20',
      '--steps',
      '3',
      '--format',
      'csv',
    ]);
    const [header, first] = csv.stdout.split('\n').filter((l) => !l.startsWith('#'));
    const columns = header!.split(',');
    expect(columns.slice(-2)).toEqual(['clipThreshold', 'clipCosine']);
    expect(Number(first!.split(',').at(-2))).toBeGreaterThan(0);
  });

  it('runs a link end to end and writes a self-describing JSON record', () => {
    const r = record(['--link', `http://127.0.0.1/app/${LINK}`, '--steps', '12']);
    expect(r.version).toBe(1);
    expect(r.backend).toBe('cpu');
    expect(r.link).toBe(encodeConfig(decodeConfig(LINK).config));
    expect(r.loss).toBe('sigmoidCrossEntropy');
    expect(r.clip).toEqual({ mode: 'globalNorm', threshold: 0.5 });
    expect(r.layers.map((l) => l.name)).toEqual([
      'hidden1',
      'hidden2',
      'hidden3',
      'hidden4',
      'output',
    ]);
    expect(r.layers.at(-1)!.activation).toBe('linear');
    expect(r.steps.map((s) => s.step)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    for (const s of r.steps) {
      expect(s.gradNorm).toHaveLength(5);
      expect(s.clippedGlobalNorm).toBeLessThanOrEqual(0.5 * (1 + 1e-5));
    }
    expect(r.events).toEqual([]);
    expect(r.initial).toBeUndefined();
  });

  it('reproduces a run record exactly from its own link', () => {
    const first = simulate(['--link', LINK, '--steps', '15']);
    const again = simulate(['--link', parseRunRecordJson(first.stdout).link, '--steps', '15']);
    expect(again.stdout).toBe(first.stdout);
  });

  it('with --dump, step 1 can be recomputed independently from the record alone', () => {
    const r = record(['--link', LINK, '--steps', '1', '--dump']);
    const { weights, batch } = r.initial as FeedForwardInitial;
    const layers = weights.map((w) =>
      makeRefLayer(w.kernel.flat(), w.bias, w.kernel.length, w.kernel[0]!.length),
    );
    const ref = referenceBackprop(layers, batch.x, batch.y, batch.x.length, {
      activation: r.config.network.activation,
      residual: r.config.network.residual,
      normalization: r.config.network.normalization,
      loss: r.loss,
      l1: r.l1,
      l2: r.l2,
    });
    const step = r.steps[0]!;
    expect(batch.x).toHaveLength(8);
    expect(step.loss).toBeCloseTo(ref.dataLoss, 5);
    ref.layerGradNorm.forEach((n, l) => expect(step.gradNorm[l]! / n).toBeCloseTo(1, 4));
  });

  it('with --distributions, every step gains saturation and histograms per layer, and the record says how to read them', () => {
    const rec = record(['--link', LINK, '--steps', '3', '--distributions']);
    expect(rec.distributions?.quantities).toEqual([
      'preActivation',
      'activation',
      'signal',
      'parameterGradient',
    ]);
    const bins = rec.distributions!.bins;
    const layers = rec.layers.length;
    for (const step of rec.steps) {
      expect(step.saturation).toHaveLength(layers);
      // tanh hidden layers have a share in [0, 1]; the linear output layer has none.
      for (const share of step.saturation!.slice(0, -1)) expect(share).toBeGreaterThanOrEqual(0);
      expect(step.saturation!.at(-1)).toBeNull();
      for (const q of rec.distributions!.quantities) {
        const histograms = step.histograms![q];
        expect(histograms).toHaveLength(layers);
        // Every (example, unit) pair of the batch of 8 is counted once; of the parameter
        // gradients, every kernel and bias entry (2-D inputs, biases on).
        histograms.forEach((counts, l) => {
          const units = rec.layers[l]!.units;
          const fanIn = l === 0 ? 2 : rec.layers[l - 1]!.units;
          expect(counts).toHaveLength(bins);
          expect(counts.reduce((a, b) => a + b, 0)).toBe(
            q === 'parameterGradient' ? (fanIn + 1) * units : 8 * units,
          );
        });
      }
    }
    // Without the flag the record has none of it, and the same numbers.
    const plain = record(['--link', LINK, '--steps', '3']);
    expect(plain.distributions).toBeUndefined();
    expect(plain.steps[0]).not.toHaveProperty('histograms');
    expect(rec.steps.map(({ saturation: _s, histograms: _h, ...rest }) => rest)).toEqual(
      plain.steps,
    );
    expect(simulate(['--distributions', '--format', 'csv']).code).toBe(2);
  });

  it('writes CSV with one row per step and a column per layer quantity', () => {
    const out = simulate(['--link', LINK, '--steps', '5', '--format', 'csv']);
    expect(out.code).toBe(0);
    const lines = out.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^# gradscope run record v1 .*link=#v=1&/);
    const header = lines[1]!.split(',');
    expect(header.slice(0, 5)).toEqual([
      'step',
      'loss',
      'globalNorm',
      'clippedGlobalNorm',
      'clipped',
    ]);
    expect(header).toContain('signalNorm_hidden3');
    expect(lines.slice(2)).toHaveLength(5);
    expect(lines.slice(2).every((l) => l.split(',').length === header.length)).toBe(true);
  });

  it('writes to --out and records an explosion with non-finite numbers as strings', () => {
    const dir = mkdtempSync(join(tmpdir(), 'gradscope-'));
    const file = join(dir, 'run.json');
    const out = simulate(['--link', '#act=relu&gain=4&lr=1', '--steps', '50', '--out', file]);
    expect(out.code).toBe(0);
    expect(out.stdout).toBe('');
    expect(out.stderr).toMatch(/non-finite .* at step \d+; stopped/);
    const text = readFileSync(file, 'utf8');
    expect(text).toMatch(/"(NaN|Infinity)"/);
    const r = parseRunRecordJson(text);
    expect(r.events).toHaveLength(1);
    expect(r.steps.at(-1)!.step).toBe(r.events[0]!.step);
  });

  it('prints repairs to stderr, and --strict turns any repair into exit code 2', () => {
    const lenient = simulate(['--link', '#lr=banana&bogus=1', '--steps', '1']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toMatch(/repaired/);
    const strict = simulate(['--link', '#lr=banana', '--steps', '1', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
  });

  it.each([
    [['--bogus']],
    [['--steps', 'abc']],
    [['--steps', '0']],
    [['--format', 'xml']],
    [['--link']],
    [['--dump', '--format', 'csv']],
    [['--variant', 'e']],
    [['--variant']],
    [['--link', LINK, '--variant', 'b']],
  ])('rejects bad arguments %j with a one-line error and exit code 2', (args) => {
    const r = simulate(args);
    expect(r.code).toBe(2);
    expect(r.stderr.trim().split('\n')).toHaveLength(1);
    expect(r.stdout).toBe('');
  });
});

/** The base with two variants: B without clipping, C shallower with a larger step. */
const VARIANTS_LINK = `${LINK}&c.layers=16x2&c.lr=0.1&b.clip=none`;

describe('simulate CLI --variant', () => {
  const experiment = decodeExperimentLink(VARIANTS_LINK);
  const fullLink = encodeExperimentLink(experiment.base, experiment.variants);

  it("writes variant b's run: its config, the full experiment link and variant 'b'", () => {
    const r = record(['--link', VARIANTS_LINK, '--variant', 'b', '--steps', '4']);
    expect(r.variant).toBe('b');
    expect(r.link).toBe(fullLink);
    expect(r.link).toContain('&b.clip=none&c.layers=16x2&c.lr=0.1');
    expect(r.config).toEqual(resolveVariant(experiment.base, experiment.variants[0]!).config);
    expect(r.clip).toEqual({ mode: 'none', threshold: null });
    expect(r.steps).toHaveLength(4);
  });

  it("writes the base as run 'a' by default, with the same experiment link", () => {
    const r = record(['--link', VARIANTS_LINK, '--steps', '2']);
    expect(r.variant).toBe('a');
    expect(r.link).toBe(fullLink);
    expect(r.config).toEqual(experiment.base);
  });

  it("reproduces a variant's record exactly from its own link and letter", () => {
    const first = simulate(['--link', VARIANTS_LINK, '--variant', 'c', '--steps', '6']);
    const link = parseRunRecordJson(first.stdout).link;
    const again = simulate(['--link', link, '--variant', 'c', '--steps', '6']);
    expect(again.stdout).toBe(first.stdout);
  });

  it('with --dump, includes the initial weights of the variant run', () => {
    const r = record(['--link', VARIANTS_LINK, '--variant', 'c', '--steps', '1', '--dump']);
    const { weights } = r.initial as FeedForwardInitial;
    expect(weights.map((w) => w.kernel[0]!.length)).toEqual([16, 16, 1]);
  });

  it('writes every run into one JSON file, A first, each as its single run would be', () => {
    const all = simulate(['--link', VARIANTS_LINK, '--variant', 'all', '--steps', '3']);
    expect(all.code, all.stderr).toBe(0);
    const { runs } = parseRunRecordSetJson(all.stdout);
    expect(runs.map((r) => r.variant)).toEqual(['a', 'b', 'c']);
    for (const run of runs) {
      const single = record(['--link', VARIANTS_LINK, '--variant', run.variant, '--steps', '3']);
      expect(run).toEqual(single);
    }
  });

  it('writes every run into one CSV with a leading run column, blank for layers a run lacks', () => {
    const out = simulate(['--link', VARIANTS_LINK, '--variant', 'all', '--steps', '2']);
    const csv = simulate([
      '--link',
      VARIANTS_LINK,
      '--variant',
      'all',
      '--steps',
      '2',
      '--format',
      'csv',
    ]);
    expect(csv.code, csv.stderr).toBe(0);
    const lines = csv.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^# gradscope run records v1 backend=cpu runs=a,b,c link=#v=1&/);
    const header = lines[1]!.split(',');
    const single = simulate(['--link', VARIANTS_LINK, '--steps', '2', '--format', 'csv']);
    expect(header).toEqual(['run', ...single.stdout.split('\n')[1]!.split(',')]);
    const rows = lines.slice(2).map((line) => line.split(','));
    expect(rows.map((row) => `${row[0]}${row[1]}`)).toEqual(['a1', 'a2', 'b1', 'b2', 'c1', 'c2']);
    expect(rows.every((row) => row.length === header.length)).toBe(true);
    // C has two hidden layers: its hidden3 and hidden4 cells are blank, its output cell is not.
    const column = (name: string) => header.indexOf(name);
    const c1 = rows[4]!;
    expect(c1[column('gradNorm_hidden3')]).toBe('');
    expect(c1[column('gradNorm_output')]).not.toBe('');
    const { runs } = parseRunRecordSetJson(out.stdout);
    expect(Number(c1[column('loss')])).toBe(runs[2]!.steps[0]!.loss);
  });

  it('refuses a variant the link does not define, in one line with exit code 2', () => {
    const r = simulate(['--link', VARIANTS_LINK, '--variant', 'd', '--steps', '1']);
    expect(r.code).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr.trim().split('\n')).toEqual([
      'simulate: --variant d: the link defines no variant d (its variants: b, c)',
    ]);
  });

  it("reports a variant's repairs like the base's, and --strict counts them", () => {
    const link = `${LINK}&b.lr=banana&e.lr=1`;
    const lenient = simulate(['--link', link, '--steps', '1']);
    expect(lenient.code).toBe(0);
    expect(lenient.stderr).toContain('repaired b.lr: "banana" is not a number');
    expect(lenient.stderr).toContain('repaired e.lr: there is no variant "e"');
    const strict = simulate(['--link', link, '--steps', '1', '--strict']);
    expect(strict.code).toBe(2);
    expect(strict.stdout).toBe('');
    expect(strict.stderr).toContain('needed 2 repair(s)');
  });

  it('--sweep writes one CSV row per cell: the swept values, then logSlope, globalNorm, loss, haltedStep', () => {
    const link = '#layers=8x6&act=linear&bias=0&init=orthogonal:1';
    const r = simulate([
      '--link',
      link,
      '--sweep',
      'gain:0.5..2:3,depth:3..4:2',
      '--format',
      'csv',
    ]);
    expect(r.code, r.stderr).toBe(0);
    const [header, ...rows] = r.stdout.trim().split('\n');
    expect(header!.split(',').slice(0, 6)).toEqual([
      'gain',
      'depth',
      'logSlope',
      'globalNorm',
      'loss',
      'haltedStep',
    ]);
    expect(rows).toHaveLength(6);
    // Linear, orthogonal, square: the signal changes by exactly the gain per layer.
    for (const row of rows) {
      const [gain, , slope, , , halted] = row.split(',');
      expect(Number(slope)).toBeCloseTo(Math.log(Number(gain)), 5);
      expect(halted).toBe('');
    }
    expect(r.stderr).toContain('6 cells, 1 steps each on cpu');
  });

  it('--sweep in JSON gives the axes and the cells, and repairs the sweep like a link', () => {
    const r = simulate(['--sweep', 'gain:2..0.5:3', '--steps', '2']);
    expect(r.code, r.stderr).toBe(0);
    expect(r.stderr).toContain('swapped');
    const json = JSON.parse(r.stdout) as {
      axes: { key: string }[];
      cells: { gain: number; loss: number; stepsSurvived: number }[];
      link: string;
    };
    expect(json.axes.map((a) => a.key)).toEqual(['gain']);
    expect(json.cells.map((c) => c.gain)).toEqual([0.5, 1, 2]);
    expect(json.cells.every((c) => c.stepsSurvived === 2)).toBe(true);
    expect(json.link).toContain('&sweep=gain:0.5..2:3&sweepsteps=2');
    expect(simulate(['--sweep', 'bogus']).code).toBe(2);
  });
});

describe('simulate CLI, recurrent links', () => {
  const RNN_LINK = '#model=rnn&cell=lstm&T=12&units=6&batch=8&n=60&clip=globalNorm:1&b.cell=gru';

  it('records per-tensor gradient norms by name and ||dL/dh_t|| for t = 1..T', () => {
    const r = record(['--link', RNN_LINK, '--steps', '4']);
    expect(r.config.model).toMatchObject({ kind: 'rnn', cell: 'lstm', timeSteps: 12, units: 6 });
    expect(r.loss).toBe('mse');
    const names = r.layers.map((l) => l.name);
    expect(names).toEqual([
      'W_xi',
      'W_xf',
      'W_xg',
      'W_xo',
      'W_hi',
      'W_hf',
      'W_hg',
      'W_ho',
      'b_i',
      'b_f',
      'b_g',
      'b_o',
      'W_y',
      'b_y',
    ]);
    for (const s of r.steps) {
      expect(s.gradNorm).toHaveLength(names.length);
      expect(s.weightNorm).toHaveLength(names.length);
      expect(s.timeSignalNorm).toHaveLength(12);
      expect(s.signalNorm).toEqual([]);
      expect(s.clippedGlobalNorm).toBeLessThanOrEqual(1 + 1e-5);
    }
  });

  it('with --dump, step 1 of an LSTM is recomputed from the record alone by finite differences', () => {
    const r = record(['--link', RNN_LINK, '--steps', '1', '--dump']);
    const { weights, batch } = r.initial as RecurrentInitial;
    expect(weights.map((w) => w.name)).toEqual(r.layers.map((l) => l.name));
    expect(weights.find((w) => w.name === 'W_hf')!.shape).toEqual([6, 6]);
    expect(batch.x).toHaveLength(8);
    expect(batch.x[0]).toHaveLength(12);
    expect(batch.x[0]![0]).toHaveLength(2);
    const spec = { cell: 'lstm' as const, act: 'tanh' as const, units: 6 };
    const w = refWeights(weights);
    const step = r.steps[0]!;
    const loss = refLoss(spec, w, batch.x, batch.y);
    expect(Math.abs(step.loss - loss)).toBeLessThan(2e-4 * loss + 1e-6);
    refTimeSignalsByDifferences(spec, w, batch.x, batch.y).forEach((n, t) =>
      expect(Math.abs(step.timeSignalNorm![t]! - n), `t=${t + 1}`).toBeLessThan(2e-4 * n + 1e-6),
    );
  });

  it('runs a recurrent variant on the same initial weights where its cell allows', () => {
    const all = simulate(['--link', RNN_LINK, '--variant', 'all', '--steps', '1', '--dump']);
    expect(all.code, all.stderr).toBe(0);
    const [a, b] = parseRunRecordSetJson(all.stdout).runs;
    expect(b!.config.model).toMatchObject({ kind: 'rnn', cell: 'gru' });
    // Same seed: the same batch of sequences, and the same readout weights.
    expect((b!.initial as RecurrentInitial).batch).toEqual((a!.initial as RecurrentInitial).batch);
    const readout = (r: RunRecord) =>
      (r.initial as RecurrentInitial).weights.find((x) => x.name === 'W_y');
    expect(readout(b!)).toEqual(readout(a!));
  });

  it('writes one CSV column per time step', () => {
    const csv = simulate(['--link', RNN_LINK, '--steps', '2', '--format', 'csv']);
    expect(csv.code, csv.stderr).toBe(0);
    const header = csv.stdout.split('\n')[1]!.split(',');
    expect(header).toContain('gradNorm_W_hf');
    expect(header.filter((h) => h.startsWith('timeSignalNorm_t'))).toHaveLength(12);
    expect(csv.stdout.split('\n')[2]!.split(',')).toHaveLength(header.length);
  });

  it('refuses --sweep and --distributions on a recurrent link with a usage error', () => {
    for (const flag of [['--sweep', 'gain:0.5..2:3'], ['--distributions']]) {
      const r = simulate(['--link', RNN_LINK, '--steps', '1', ...flag]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('feed-forward links only');
    }
  });
});
