import type { Lesson } from '../../../src/config/lessons';
import { stepsPerRun, type ObservedRun } from '../../../src/config/lessonChecks';
import { encodeConfig, parseHashParams } from '../../../src/config/codec';
import { layerBands, seedConfigs } from '../../../src/config/seedBands';
import { readSeedsKey } from '../../../src/config/seedsKey';
import { measureCells } from '../../../src/engine/sweepCells';
import type { ExperimentConfig } from '../../../src/config/schema';
import { decodeExperimentLink, resolveVariant, type RunLetter } from '../../../src/config/variants';
import { recordRun } from '../../../src/record/recordRun';
import type { RunRecord } from '../../../src/record/runRecord';
import { repairReason } from '../../../src/config/repairReason';

/**
 * Runs a lesson's link headless as the CLI does: the base and each variant its observations
 * talk about, each for as many steps as its checks need.
 */

/** A lesson's link read into its runs' configs; throws if the link needed any repair. */
export function lessonRuns(lesson: Lesson): Map<RunLetter, ExperimentConfig> {
  const { base, variants, repairs } = decodeExperimentLink(lesson.link);
  if (repairs.length > 0) {
    throw new Error(`${lesson.id}: link needs repairs: ${repairs.map(repairReason).join('; ')}`);
  }
  const configs = new Map<RunLetter, ExperimentConfig>([['a', base]]);
  for (const spec of variants) configs.set(spec.letter, resolveVariant(base, spec).config);
  return configs;
}

/** A run record as the checks see it. */
export function observedRun(record: RunRecord): ObservedRun {
  return {
    steps: record.steps,
    haltedAt: record.events[0]?.step ?? null,
    units: record.layers.map((layer) => layer.units),
  };
}

const runs = new Map<string, Promise<RunRecord>>();

/** Runs a config headless on the current backend, once per (config, steps). */
export function runOnce(config: ExperimentConfig, steps: number): Promise<RunRecord> {
  const key = `${encodeConfig(config)}|${steps}`;
  let run = runs.get(key);
  if (!run) {
    run = recordRun(config, { steps });
    runs.set(key, run);
  }
  return run;
}

/** The records of a lesson's runs, each run for the steps its checks need. */
export async function runLesson(lesson: Lesson): Promise<Map<RunLetter, RunRecord>> {
  const configs = lessonRuns(lesson);
  const records = new Map<RunLetter, RunRecord>();
  for (const [letter, steps] of stepsPerRun(lesson.observations)) {
    const config = configs.get(letter);
    if (!config)
      throw new Error(`${lesson.id}: its observations name run ${letter}, not in its link`);
    records.set(letter, await runOnce(config, steps));
  }
  return records;
}

/** The records as the checks see them. */
export function observedRuns(records: Map<RunLetter, RunRecord>): Map<RunLetter, ObservedRun> {
  return new Map([...records].map(([letter, record]) => [letter, observedRun(record)]));
}

/**
 * The runs with the seed bands the lesson's link opens (`seeds=N`), measured headless as the
 * page measures them: every run of the link with N seeds at step 1.
 */
export async function withSeedBands(
  lesson: Lesson,
  runs: Map<RunLetter, ObservedRun>,
): Promise<Map<RunLetter, ObservedRun>> {
  const { seeds } = readSeedsKey(parseHashParams(lesson.link));
  if (seeds === null) return runs;
  const out = new Map(runs);
  for (const [letter, config] of lessonRuns(lesson)) {
    const cells = await measureCells(seedConfigs(config, seeds), 1);
    const seedBands = {
      gradNorm: layerBands(cells.map((c) => c.step1GradNorm)),
      signalNorm: layerBands(cells.map((c) => c.step1SignalNorm)),
    };
    const run = out.get(letter) ?? { steps: [], haltedAt: null, units: [] };
    out.set(letter, { ...run, seedBands });
  }
  return out;
}
