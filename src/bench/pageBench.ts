/**
 * The in-page half of `npm run bench`; scripts/bench.mjs drives it through Playwright. Loaded on
 * demand through window.__gradscope.loadBench (src/main.tsx), so it is its own chunk and never
 * part of the page's first load. Every function takes a share link's hash for the network and
 * returns plain numbers.
 *
 * Timings use performance.now() around work that ends in a readback, so queued GPU work is
 * inside the timed span. Each measurement builds its network afresh (same seed, same
 * trajectory) and warms up first, so shader compilation is not timed.
 */
import { PAGE_BACKENDS, startBackend, type BackendName } from '../backend/tfBackend';
import type { StepMetrics } from '../engine/metrics';
import type { NormMode } from '../engine/norms';
import * as tf from '../engine/tf';
import { BareLoop } from './bareLoop';
import { configOf } from './benchConfig';
import { ChunkedTrainer, warmUpSteps, type DistributionsLoad } from './engineLoop';
import { measureHistoryHeap, type HistoryHeapResult, type RecordedRun } from './historyHeap';
import { countModeTensors, type ModeTensorCounts, type TensorMode } from './modeTensors';
import { profileSteps, type StepProfile } from './stepProfile';

export {
  observeFrames,
  observeRun,
  type FrameObservation,
  type RunObservation,
} from './observeRun';
export {
  checkDistributionsOnWebgl,
  checkSumsOfSquares,
  engineOnCpuAndWebgl,
} from './backendChecks';

/**
 * Warm-up before timing. 'full' trains enough to compile every shader the timed loop uses
 * (20 bare steps; for the engine, chunks with and without the test loss). 'short' only
 * starts the loop (a few steps in one chunk), for repetitions whose shaders are compiled.
 */
export type WarmUp = 'full' | 'short';
const BARE_WARM_UP_STEPS = 20;
const SHORT_WARM_UP_STEPS = 5;
/** Steps per readback when recording metrics for the heap measurement. */
const RECORD_STEPS_PER_READBACK = 50;

export interface BackendDescription {
  name: BackendName;
  floatBits: 16 | 32;
  /** The GPU (or SwiftShader) behind WebGL; null on other backends. */
  renderer: string | null;
}

export interface LoopTiming {
  steps: number;
  ms: number;
  stepsPerSec: number;
  /** Loss of the last step, as a check that the loop trained something finite. */
  finalLoss: number;
  /** Tensors left behind after the loop was disposed (should be 0). */
  tensorsLeaked: number;
}

export interface TensorCounts {
  steps: number;
  beforeTrainer: number;
  afterFirstChunk: number;
  afterSteps: number;
  afterDispose: number;
}

/** Norms as the page computes them on this device (see engine/norms.ts). */
let normMode: NormMode = 'plain';

/** Backends the page offers. */
export function pageBackends(): BackendName[] {
  return [...PAGE_BACKENDS];
}

/** Switches tfjs to `name` (as the page starts it) or throws if it cannot start. */
export async function setBackend(name: BackendName): Promise<BackendDescription> {
  const { info } = await startBackend(name);
  if (info.name !== name) throw new Error(`backend ${name} did not start (got ${info.name})`);
  normMode = info.floatBits === 16 ? 'scaled' : 'plain';
  return { ...info, renderer: rendererOf(name) };
}

export function numTensors(): number {
  return tf.memory().numTensors;
}

/** The minimal loop: same maths, no metrics, one readback at the end. */
export async function runBare(
  hash: string,
  steps: number,
  warmUp: WarmUp = 'full',
): Promise<LoopTiming> {
  const before = numTensors();
  const loop = new BareLoop(configOf(hash));
  let timed: { ms: number; finalLoss: number };
  try {
    await loop.run(warmUp === 'full' ? BARE_WARM_UP_STEPS : SHORT_WARM_UP_STEPS);
    const started = performance.now();
    const finalLoss = await loop.run(steps);
    timed = { ms: performance.now() - started, finalLoss };
  } finally {
    loop.dispose();
  }
  return timing(steps, timed, numTensors() - before);
}

/**
 * The engine with full per-layer metrics, read back every `stepsPerReadback` steps; with
 * `distributions`, also measuring what the open distributions panel asks for (or, with
 * 'everyStep', histograms on every step as well).
 */
export async function runEngine(
  hash: string,
  steps: number,
  stepsPerReadback: number,
  warmUp: WarmUp = 'full',
  distributions: DistributionsLoad = false,
): Promise<LoopTiming> {
  const before = numTensors();
  const run = new ChunkedTrainer(configOf(hash), normMode, distributions);
  let timed: { ms: number; finalLoss: number };
  try {
    if (warmUp === 'full') await run.train(warmUpSteps(stepsPerReadback), stepsPerReadback);
    else await run.train(SHORT_WARM_UP_STEPS, SHORT_WARM_UP_STEPS);
    let last: StepMetrics | undefined;
    const started = performance.now();
    await run.train(steps, stepsPerReadback, (chunk) => (last = chunk.at(-1) ?? last));
    timed = { ms: performance.now() - started, finalLoss: last?.loss ?? NaN };
  } finally {
    run.dispose();
  }
  return timing(steps, timed, numTensors() - before);
}

/**
 * The engine with and without the distributions, interleaved chunk by chunk (each chunk of
 * `stepsPerReadback` ends in its readback and is timed on its own), so that a machine whose
 * load drifts slows both alike: their ratio is what the distributions cost.
 */
export async function runEngineInterleaved(
  hash: string,
  steps: number,
  stepsPerReadback: number,
): Promise<{ engine: LoopTiming; distributions: LoopTiming }> {
  const before = numTensors();
  const config = configOf(hash);
  const runs = [new ChunkedTrainer(config, normMode), new ChunkedTrainer(config, normMode, true)];
  const ms = [0, 0];
  const last: (StepMetrics | undefined)[] = [undefined, undefined];
  try {
    for (const run of runs) await run.train(warmUpSteps(stepsPerReadback), stepsPerReadback);
    for (let done = 0; done < steps; done += stepsPerReadback) {
      for (const [i, run] of runs.entries()) {
        const started = performance.now();
        await run.train(stepsPerReadback, stepsPerReadback, (chunk) => (last[i] = chunk.at(-1)));
        ms[i]! += performance.now() - started;
      }
    }
  } finally {
    for (const run of runs) run.dispose();
  }
  const leaked = numTensors() - before;
  const timed = (i: number) =>
    timing(steps, { ms: ms[i]!, finalLoss: last[i]?.loss ?? NaN }, leaked);
  return { engine: timed(0), distributions: timed(1) };
}

/**
 * Kernels and WebGL programs per step of the bare loop and of the engine (chunks of
 * `stepsPerReadback`), after a full warm-up so that nothing is compiled while profiled; with
 * `distributions`, also of the engine measuring them.
 */
export async function profileStep(
  hash: string,
  stepsPerReadback: number,
  distributions = false,
): Promise<{ bare: StepProfile; engine: StepProfile; distributions?: StepProfile }> {
  const config = configOf(hash);
  const loop = new BareLoop(config);
  const runs = [new ChunkedTrainer(config, normMode)];
  if (distributions) runs.push(new ChunkedTrainer(config, normMode, true));
  try {
    await loop.run(BARE_WARM_UP_STEPS);
    for (const run of runs) await run.train(warmUpSteps(stepsPerReadback), stepsPerReadback);
    const [engine, measuring] = runs.map(
      (run) => (steps: number) => run.train(steps, stepsPerReadback),
    );
    return {
      bare: await profileSteps(stepsPerReadback, (steps) => loop.run(steps)),
      engine: await profileSteps(stepsPerReadback, engine!),
      ...(measuring ? { distributions: await profileSteps(stepsPerReadback, measuring) } : {}),
    };
  } finally {
    loop.dispose();
    for (const run of runs) run.dispose();
  }
}

/** Live tensors around a long engine run: they must not grow with the steps trained. */
export async function countTensors(
  hash: string,
  steps: number,
  stepsPerReadback: number,
): Promise<TensorCounts> {
  const beforeTrainer = numTensors();
  const run = new ChunkedTrainer(configOf(hash), normMode);
  let during: { afterFirstChunk: number; afterSteps: number };
  try {
    await run.train(stepsPerReadback, stepsPerReadback);
    const afterFirstChunk = numTensors();
    await run.train(steps - stepsPerReadback, stepsPerReadback);
    during = { afterFirstChunk, afterSteps: numTensors() };
  } finally {
    run.dispose();
  }
  return { steps, beforeTrainer, ...during, afterDispose: numTensors() };
}

/** Live tensors over `steps` steps of compare, recurrent or sweep mode (see modeTensors.ts). */
export function countTensorsInMode(
  mode: TensorMode,
  hash: string,
  steps: number,
  stepsPerReadback: number,
): Promise<ModeTensorCounts> {
  return countModeTensors(mode, hash, steps, stepsPerReadback, normMode);
}

/**
 * Records `recordSteps` real steps of the engine, then fills the page's chart history with
 * them up to each checkpoint and reads the heap (see historyHeap.ts).
 */
export async function historyHeap(
  hash: string,
  recordSteps: number,
  checkpoints: number[],
): Promise<HistoryHeapResult> {
  const recorded: RecordedRun = { steps: [], testLosses: [] };
  const run = new ChunkedTrainer(configOf(hash), normMode);
  try {
    await run.train(recordSteps, RECORD_STEPS_PER_READBACK, (steps, testLoss) => {
      recorded.steps.push(...steps);
      const last = steps.at(-1);
      if (testLoss !== null && last) recorded.testLosses.push({ step: last.step, loss: testLoss });
    });
  } finally {
    run.dispose();
  }
  return measureHistoryHeap(recorded, checkpoints);
}

function timing(
  steps: number,
  timed: { ms: number; finalLoss: number },
  tensorsLeaked: number,
): LoopTiming {
  return { steps, ...timed, stepsPerSec: (steps * 1000) / timed.ms, tensorsLeaked };
}

function rendererOf(name: BackendName): string | null {
  if (name !== 'webgl') return null;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  const gl = backend.gpgpu?.gl;
  if (!gl) return null;
  const info = gl.getExtension('WEBGL_debug_renderer_info');
  return String(gl.getParameter(info ? info.UNMASKED_RENDERER_WEBGL : gl.RENDERER));
}
