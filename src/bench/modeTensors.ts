/**
 * Live tensors over a long stretch of training in each mode the page offers besides a single
 * run: they must stay flat however many steps are trained.
 * - compare: every run of a link with variants (A first) trains in lockstep chunks, as the
 *   session drives a compare page's runs in its worker;
 * - recurrent: a model=rnn link's RecurrentTrainer, driven in chunks as the page drives it;
 * - sweep: a sweep link's cells, measured request by request as the page's regime map asks its
 *   worker (engine/sweepCells.ts), until the cells together have trained the steps asked for.
 * Each reading is taken between chunks (or requests), when no step is under way.
 */
import { decodeSweep } from '../config/sweepSpec';
import { sweepGrid } from '../config/sweepGrid';
import { decodeExperimentLink, resolveVariant } from '../config/variants';
import type { NormMode } from '../engine/norms';
import { SweepCache, measureCells } from '../engine/sweepCells';
import * as tf from '../engine/tf';
import { ChunkedTrainer } from './engineLoop';

export type TensorMode = 'compare' | 'recurrent' | 'sweep';

/** Cells per sweep request, the most the page's sweep sends its worker at once. */
const SWEEP_CELLS_PER_REQUEST = 32;
/** Readings kept along the way (the first and last always). */
const READINGS = 5;

export interface ModeTensorCounts {
  mode: TensorMode;
  /** Runs trained side by side (compare), 1 (recurrent), or cells measured (sweep). */
  runs: number;
  /** Steps trained: per run in lockstep (compare), by the run, or by all cells together. */
  steps: number;
  beforeTrainers: number;
  /** Live tensors after the first chunk (request), then along the way; the last after `steps`. */
  readings: { step: number; count: number }[];
  afterDispose: number;
}

const live = () => tf.memory().numTensors;

/** Keeps about READINGS readings: the first, the last and evenly spaced ones between. */
function thin<T>(all: T[]): T[] {
  if (all.length <= READINGS) return all;
  const stride = (all.length - 1) / (READINGS - 1);
  return Array.from({ length: READINGS }, (_, i) => all[Math.round(i * stride)] as T);
}

/** The link's runs (A, then each variant) trained in lockstep, `steps` each. */
async function compareTensors(
  hash: string,
  steps: number,
  stepsPerReadback: number,
  normMode: NormMode,
): Promise<Omit<ModeTensorCounts, 'beforeTrainers' | 'afterDispose'>> {
  const { base, variants } = decodeExperimentLink(hash);
  const configs = [base, ...variants.map((spec) => resolveVariant(base, spec).config)];
  const runs = configs.map((config) => new ChunkedTrainer(config, normMode));
  const readings: { step: number; count: number }[] = [];
  try {
    for (let done = 0; done < steps; done += stepsPerReadback) {
      const chunk = Math.min(stepsPerReadback, steps - done);
      for (const run of runs) await run.train(chunk, chunk);
      readings.push({ step: done + chunk, count: live() });
    }
  } finally {
    for (const run of runs) run.dispose();
  }
  return { mode: 'compare', runs: configs.length, steps, readings: thin(readings) };
}

async function recurrentTensors(
  hash: string,
  steps: number,
  stepsPerReadback: number,
  normMode: NormMode,
): Promise<Omit<ModeTensorCounts, 'beforeTrainers' | 'afterDispose'>> {
  const { base } = decodeExperimentLink(hash);
  if (base.model.kind !== 'rnn') throw new Error(`recurrent tensors: ${hash} is not model=rnn`);
  const run = new ChunkedTrainer(base, normMode);
  const readings: { step: number; count: number }[] = [];
  try {
    for (let done = 0; done < steps; done += stepsPerReadback) {
      const chunk = Math.min(stepsPerReadback, steps - done);
      await run.train(chunk, chunk);
      readings.push({ step: done + chunk, count: live() });
    }
  } finally {
    run.dispose();
  }
  return { mode: 'recurrent', runs: 1, steps, readings: thin(readings) };
}

/** The sweep's cells, request by request (wrapping round the grid), until `steps` are trained. */
async function sweepTensors(
  hash: string,
  steps: number,
  normMode: NormMode,
): Promise<Omit<ModeTensorCounts, 'beforeTrainers' | 'afterDispose'>> {
  const { base } = decodeExperimentLink(hash);
  const { sweep } = decodeSweep(hash);
  if (!sweep) throw new Error(`sweep tensors: ${hash} has no sweep`);
  const { configs } = sweepGrid(base, sweep);
  const cache = new SweepCache();
  const readings: { step: number; count: number }[] = [];
  let trained = 0;
  let cells = 0;
  // Two requests at least: a single reading could not show growth.
  while (trained < steps || readings.length < 2) {
    const request = Array.from(
      { length: SWEEP_CELLS_PER_REQUEST },
      (_, i) => configs[(cells + i) % configs.length]!,
    );
    await measureCells(request, sweep.steps, { normMode, cache });
    cells += request.length;
    trained += request.length * sweep.steps;
    readings.push({ step: trained, count: live() });
  }
  return { mode: 'sweep', runs: cells, steps: trained, readings: thin(readings) };
}

/** Live tensors before, along and after `steps` steps of `mode` on the link `hash`. */
export async function countModeTensors(
  mode: TensorMode,
  hash: string,
  steps: number,
  stepsPerReadback: number,
  normMode: NormMode,
): Promise<ModeTensorCounts> {
  const beforeTrainers = live();
  const counted =
    mode === 'compare'
      ? await compareTensors(hash, steps, stepsPerReadback, normMode)
      : mode === 'recurrent'
        ? await recurrentTensors(hash, steps, stepsPerReadback, normMode)
        : await sweepTensors(hash, steps, normMode);
  return { ...counted, beforeTrainers, afterDispose: live() };
}
