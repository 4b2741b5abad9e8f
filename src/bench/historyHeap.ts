/**
 * JS heap held by the page's chart history on long runs. Real per-step metrics (recorded from
 * the engine) are appended, renumbered, into a run history in page-sized chunks, published as the page's run A, as
 * the training loop appends them, and the charts are told to redraw; the heap is read after a
 * full garbage collection at each checkpoint. RunHistory is bounded, so the heap after 100,000
 * steps should stay close to the heap after 1,000.
 */
import type { StepMetrics } from '../engine/metrics';
import { RunHistory, type TestLossPoint } from '../session/runHistory';
import { HistoryPublisher } from '../store/historyStore';
import { PAGE_TEST_LOSS_EVERY_STEPS } from './engineLoop';

/** Steps per append: a typical page chunk on a fast backend. */
const APPEND_CHUNK_STEPS = 10;
/** Yield to timers and rendering this often, so throttled chart redraws happen along the way. */
const YIELD_EVERY_STEPS = 1000;
/** Time given to the charts to redraw before the heap is read. */
const CHART_SETTLE_MS = 1000;
const GC_ROUNDS = 3;

export interface RecordedRun {
  steps: StepMetrics[];
  testLosses: TestLossPoint[];
}

export interface HeapPoint {
  /** Steps appended to the history so far. */
  steps: number;
  /** Points the bounded history keeps. */
  historyPoints: number;
  usedHeapBytes: number;
}

export interface HistoryHeapResult {
  /** False when the page was not started with --js-flags=--expose-gc (readings are noisier). */
  gcForced: boolean;
  /** Heap with an empty history. */
  emptyHeapBytes: number;
  points: HeapPoint[];
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Fresh arrays per step, as the engine decodes every chunk into new objects. */
function renumbered(source: StepMetrics, step: number): StepMetrics {
  return {
    ...source,
    step,
    gradNorm: source.gradNorm.slice(),
    clippedGradNorm: source.clippedGradNorm.slice(),
    signalNorm: source.signalNorm.slice(),
    weightNorm: source.weightNorm.slice(),
  };
}

async function settledHeapBytes(): Promise<{ bytes: number; gcForced: boolean }> {
  await sleep(CHART_SETTLE_MS);
  // Both are Chromium extensions: window.gc with --js-flags=--expose-gc, performance.memory
  // (exact with --enable-precise-memory-info).
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < GC_ROUNDS && gc; i++) {
    gc();
    await sleep(50);
  }
  const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
  if (!memory) throw new Error('performance.memory is not available (Chromium only)');
  return { bytes: memory.usedJSHeapSize, gcForced: gc !== undefined };
}

/** Appends `run`'s steps cyclically until each checkpoint (ascending step counts) is reached. */
export async function measureHistoryHeap(
  run: RecordedRun,
  checkpoints: readonly number[],
): Promise<HistoryHeapResult> {
  if (run.steps.length === 0) throw new Error('no recorded steps');
  // A history of its own, published as run A's, as the session publishes its runs.
  const runHistory = new RunHistory();
  const publisher = new HistoryPublisher();
  const histories = new Map([['a' as const, runHistory]]);
  const publishHistory = (immediate = false) => publisher.publish(histories, immediate);
  publishHistory(true);
  const empty = await settledHeapBytes();
  const points: HeapPoint[] = [];
  let appended = 0;
  let testLossesAppended = 0;
  for (const target of checkpoints) {
    while (appended < target) {
      const count = Math.min(APPEND_CHUNK_STEPS, target - appended);
      const chunk: StepMetrics[] = [];
      for (let i = 0; i < count; i++) {
        const source = run.steps[appended % run.steps.length] as StepMetrics;
        appended += 1;
        chunk.push(renumbered(source, appended));
      }
      const crossed =
        Math.floor(appended / PAGE_TEST_LOSS_EVERY_STEPS) >
        Math.floor((appended - count) / PAGE_TEST_LOSS_EVERY_STEPS);
      const recorded = run.testLosses[testLossesAppended % Math.max(1, run.testLosses.length)];
      const testLoss = crossed && recorded ? { step: appended, loss: recorded.loss } : undefined;
      if (testLoss) testLossesAppended += 1;
      runHistory.append(chunk, testLoss);
      publishHistory();
      if (appended % YIELD_EVERY_STEPS === 0) await sleep(0);
    }
    publishHistory(true);
    const { bytes } = await settledHeapBytes();
    points.push({ steps: appended, historyPoints: runHistory.steps.length, usedHeapBytes: bytes });
  }
  return { gcForced: empty.gcForced, emptyHeapBytes: empty.bytes, points };
}
