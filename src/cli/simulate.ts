/**
 * Headless Gradscope: runs any share link in Node on the tfjs cpu backend and writes its run
 * record (JSON or CSV); with --variant, a variant of the link or all its runs. Progress and
 * repairs go to stderr; usage errors exit with code 2.
 */
import { writeFileSync } from 'node:fs';
import { encodeConfig } from '../config/codec';
import { repairReason, repairText } from '../config/repairReason';
import type { Repair } from '../config/repairs';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../config/schema';
import { seedConfigs } from '../config/seedBands';
import { seedsHashSuffix } from '../config/seedsKey';
import { sweepGrid } from '../config/sweepGrid';
import { formatSweep, parseSweepAxes, sweepHashSuffix } from '../config/sweepSpec';
import { SweepCache, measureCells } from '../engine/sweepCells';
import {
  seedBandRecordHeader,
  seedBandRecordToCsv,
  seedBandRecordToJson,
  seedBandRunRecord,
  type SeedBandRecord,
  type SeedBandRunRecord,
} from '../record/seedBandRecord';
import { sweepRecordToCsv, sweepRecordToJson, type SweepRecord } from '../record/sweepRecord';
import { decodeExperimentLink, encodeExperimentLink } from '../config/variants';
import { recordRun } from '../record/recordRun';
import { runRecordToJson, runRecordsToJson, type RunRecord } from '../record/runRecord';
import { runRecordToCsv, runRecordsToCsv } from '../record/runRecordCsv';
import { USAGE, UsageError, parseSimulateArgs, type SimulateArgs } from './args';
import { startNodeCpuBackend } from './nodeBackend';
import { planRuns, type PlannedRun } from './planRuns';

/** Trains the runs one after another, reporting progress and non-finite stops on stderr. */
async function recordRuns(
  runs: readonly PlannedRun[],
  link: string,
  args: SimulateArgs,
  backend: string,
): Promise<RunRecord[]> {
  const records: RunRecord[] = [];
  for (const run of runs) {
    // Plain messages for a plain run of the base; named by run otherwise.
    const label = runs.length === 1 && run.letter === 'a' ? '' : `run ${run.letter}: `;
    const steps = args.steps ?? run.config.training.maxSteps;
    process.stderr.write(
      `simulate: ${label}${encodeConfig(run.config)}\n` +
        `simulate: ${label}${steps} steps on ${backend}\n`,
    );
    let lastReport = 0;
    const record = await recordRun(run.config, {
      steps,
      dump: args.dump,
      distributions: args.distributions,
      link,
      variant: run.letter,
      onProgress: (done, total) => {
        const now = Date.now();
        if (now - lastReport > 1000 || done === total) {
          lastReport = now;
          process.stderr.write(`simulate: ${label}step ${done}/${total}\n`);
        }
      },
    });
    for (const event of record.events) {
      const where =
        event.layer === null
          ? ''
          : event.what === 'timeSignalNorm'
            ? ` at time step ${event.layer + 1}`
            : ` in ${record.layers[event.layer]?.name}`;
      process.stderr.write(
        `simulate: ${label}non-finite ${event.what}${where} at step ${event.step}; stopped\n`,
      );
    }
    records.push(record);
  }
  return records;
}

function formatRecords(records: readonly RunRecord[], args: SimulateArgs): string {
  if (args.variant === 'all') {
    return args.format === 'csv' ? runRecordsToCsv(records) : runRecordsToJson(records);
  }
  const record = records[0] as RunRecord;
  return args.format === 'csv' ? runRecordToCsv(record) : runRecordToJson(record);
}

/** The link read into its base and variants; the defaults without a link. */
function readLink(link: string | null): ReturnType<typeof decodeExperimentLink> {
  return link === null
    ? { base: DEFAULT_CONFIG, variants: [], repairs: [] }
    : decodeExperimentLink(link);
}

/** Measures a sweep of the base, cell by cell, with progress on stderr. */
async function recordSweep(
  base: ExperimentConfig,
  link: string,
  sweepText: string,
  args: SimulateArgs,
  backend: string,
): Promise<SweepRecord | number> {
  const repairs: Repair[] = [];
  const axes = parseSweepAxes(sweepText, repairs);
  for (const repair of repairs)
    process.stderr.write(`repaired ${repair.path}: ${repairReason(repair)}\n`);
  if (axes.length === 0) throw new UsageError(`--sweep has no usable axis: "${sweepText}"`);
  if (args.strict && repairs.length > 0) return 2;
  const spec = { axes, steps: args.steps ?? 1 };
  const grid = sweepGrid(base, spec);
  process.stderr.write(
    `simulate: sweep ${formatSweep(spec)}: ${grid.configs.length} cells, ${spec.steps} steps each on ${backend}\n`,
  );
  const cache = new SweepCache();
  const cells: SweepRecord['cells'] = [];
  let lastReport = 0;
  for (const [index, config] of grid.configs.entries()) {
    const [measure] = await measureCells([config], spec.steps, { cache });
    const values: SweepRecord['cells'][number]['values'] = {};
    const [xAxis, yAxis] = axes;
    values[xAxis!.key] = grid.xs[index % grid.xs.length];
    if (yAxis) values[yAxis.key] = grid.ys[Math.floor(index / grid.xs.length)];
    cells.push({ values, measure: measure! });
    const now = Date.now();
    if (now - lastReport > 1000 || index === grid.configs.length - 1) {
      lastReport = now;
      process.stderr.write(`simulate: cell ${index + 1}/${grid.configs.length}\n`);
    }
  }
  return { link: link + sweepHashSuffix(spec), backend, steps: spec.steps, axes, cells };
}

/** Measures the seed bands of the planned runs, seed by seed, with progress on stderr. */
async function recordSeedBands(
  runs: readonly PlannedRun[],
  link: string,
  count: number,
  backend: string,
): Promise<SeedBandRecord> {
  const cache = new SweepCache();
  const records: SeedBandRunRecord[] = [];
  for (const run of runs) {
    const configs = seedConfigs(run.config, count);
    const seeds = configs.map((c) => c.init.seed);
    process.stderr.write(
      `simulate: seed bands of run ${run.letter}: seeds ${seeds[0]}..${seeds[seeds.length - 1]}, step 1 on ${backend}\n`,
    );
    const cells = [];
    for (const [i, config] of configs.entries()) {
      const [cell] = await measureCells([config], 1, { cache });
      cells.push(cell!);
      process.stderr.write(`simulate: run ${run.letter}: seed ${i + 1}/${count}\n`);
    }
    records.push(seedBandRunRecord(run.letter, run.config, seeds, cells));
  }
  return seedBandRecordHeader(link + seedsHashSuffix(count), backend, count, records);
}

/** What recurrent runs do not measure yet: sweeps, seed bands and distributions are feed-forward only. */
function refuseRecurrentOnly(base: ExperimentConfig, args: SimulateArgs): void {
  if (base.model.kind !== 'rnn') return;
  if (args.sweep !== null) throw new UsageError('--sweep runs feed-forward links only (model=mlp)');
  if (args.seeds !== null) throw new UsageError('--seeds runs feed-forward links only (model=mlp)');
  if (args.distributions) {
    throw new UsageError('--distributions runs feed-forward links only (model=mlp)');
  }
}

/** The whole command; throws a UsageError for bad arguments. Returns the exit code. */
async function simulate(argv: readonly string[]): Promise<number> {
  const args = parseSimulateArgs(argv);
  if (args.help) {
    process.stdout.write(USAGE + '\n');
    return 0;
  }
  const experiment = readLink(args.link);
  const runs = planRuns(experiment, args.variant);

  const { repairs } = experiment;
  for (const repair of repairs) process.stderr.write(`repaired ${repairText(repair)}\n`);
  if (args.strict && repairs.length > 0) {
    process.stderr.write(
      `simulate: the link needed ${repairs.length} repair(s) and --strict is set\n`,
    );
    return 2;
  }

  refuseRecurrentOnly(experiment.base, args);
  const backend = await startNodeCpuBackend();
  const link = encodeExperimentLink(experiment.base, experiment.variants);
  if (args.sweep !== null) {
    const sweep = await recordSweep(experiment.base, link, args.sweep, args, backend);
    if (typeof sweep === 'number') {
      process.stderr.write('simulate: the sweep needed repairs and --strict is set\n');
      return sweep;
    }
    const text = args.format === 'csv' ? sweepRecordToCsv(sweep) : sweepRecordToJson(sweep);
    if (args.out) writeFileSync(args.out, text);
    else process.stdout.write(text);
    return 0;
  }
  if (args.seeds !== null) {
    const bands = await recordSeedBands(runs, link, args.seeds, backend);
    const text = args.format === 'csv' ? seedBandRecordToCsv(bands) : seedBandRecordToJson(bands);
    if (args.out) writeFileSync(args.out, text);
    else process.stdout.write(text);
    return 0;
  }
  const text = formatRecords(await recordRuns(runs, link, args, backend), args);
  if (args.out) writeFileSync(args.out, text);
  else process.stdout.write(text);
  return 0;
}

async function main(argv: readonly string[]): Promise<number> {
  try {
    return await simulate(argv);
  } catch (error) {
    if (error instanceof UsageError) {
      process.stderr.write(`simulate: ${error.message}\n`);
      return 2;
    }
    throw error;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`simulate: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
