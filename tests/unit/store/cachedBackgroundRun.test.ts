import { describe, expect, it } from 'vitest';
import { create } from 'zustand';
import { DEFAULT_CONFIG, type ExperimentConfig } from '../../../src/config/schema';
import type { CellMeasure } from '../../../src/config/sweepCell';
import {
  CachedBackgroundRun,
  type BackgroundRunRequest,
  type BackgroundRunState,
} from '../../../src/store/cachedBackgroundRun';

interface Result {
  key: string;
  done: number;
  cells: (CellMeasure | null)[];
}

const cell = (globalNorm: number): CellMeasure => ({
  logSlope: 0,
  globalNorm,
  loss: 1,
  stepsSurvived: 1,
  haltedStep: null,
  clippedShare: 0,
  meanClipFactor: 1,
});

/** A worker whose every request waits until the test answers it (or fails it). */
function gatedWorker() {
  const pending: Array<{
    batch: ExperimentConfig[];
    answer: (norm: number) => void;
    fail: (message: string) => void;
  }> = [];
  const measure = (batch: ExperimentConfig[]) =>
    new Promise<CellMeasure[]>((resolve, reject) => {
      pending.push({
        batch,
        answer: (norm) => resolve(batch.map(() => cell(norm))),
        fail: (message) => reject(new Error(message)),
      });
    });
  return { pending, measure };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

function setup(maxCached = 8) {
  const store = create<BackgroundRunState<Result>>(() => ({
    status: 'idle',
    result: null,
    error: null,
  }));
  const runs = new CachedBackgroundRun<CellMeasure, Result>(store, maxCached);
  const worker = gatedWorker();
  let plans = 0;
  /** A request of `key` over one config: a single request measures it. */
  const request = (key: string, force = false): BackgroundRunRequest<CellMeasure, Result> => ({
    key,
    force,
    plan: () => {
      plans += 1;
      return {
        initial: { key, done: 0, cells: [null] },
        measure: worker.measure,
        configs: [DEFAULT_CONFIG],
        steps: 1,
        withProgress: (done, cells) => ({ key, done, cells: [...cells] }),
      };
    },
  });
  return { store, runs, worker, request, plans: () => plans };
}

describe('CachedBackgroundRun', () => {
  it('reports the initial result, then the measured cells, then done', async () => {
    const { store, runs, worker, request } = setup();
    runs.show(request('a'));
    expect(store.getState()).toMatchObject({ status: 'running', result: { key: 'a', done: 0 } });
    worker.pending[0]?.answer(3);
    await settle();
    expect(store.getState().status).toBe('done');
    expect(store.getState().result?.done).toBe(1);
    expect(store.getState().result?.cells[0]?.globalNorm).toBe(3);
  });

  it('asking again for the run under way starts nothing new', () => {
    const { runs, worker, request, plans } = setup();
    runs.show(request('a'));
    runs.show(request('a'));
    expect(plans()).toBe(1);
    expect(worker.pending).toHaveLength(1);
  });

  it('a finished key is shown from the cache without measuring; force measures again', async () => {
    const { store, runs, worker, request, plans } = setup();
    runs.show(request('a'));
    worker.pending[0]?.answer(3);
    await settle();
    runs.show(request('b'));
    worker.pending[1]?.answer(5);
    await settle();
    runs.show(request('a'));
    expect(plans()).toBe(2);
    expect(store.getState().status).toBe('done');
    expect(store.getState().result?.cells[0]?.globalNorm).toBe(3);
    runs.show(request('a', true));
    expect(plans()).toBe(3);
    expect(store.getState().status).toBe('running');
  });

  it('a new key cancels the run under way, whose late answer never reaches the store', async () => {
    const { store, runs, worker, request } = setup();
    runs.show(request('a'));
    runs.show(request('b'));
    worker.pending[1]?.answer(5);
    await settle();
    worker.pending[0]?.answer(3);
    await settle();
    expect(store.getState().status).toBe('done');
    expect(store.getState().result).toMatchObject({ key: 'b', done: 1 });
    expect(store.getState().result?.cells[0]?.globalNorm).toBe(5);
  });

  it('cancel marks the run cancelled and keeps its result so far out of the cache', async () => {
    const { store, runs, worker, request, plans } = setup();
    runs.show(request('a'));
    runs.cancel();
    expect(store.getState().status).toBe('cancelled');
    worker.pending[0]?.answer(3);
    await settle();
    expect(store.getState().status).toBe('cancelled');
    runs.show(request('a'));
    expect(plans()).toBe(2);
  });

  it("a worker's error is shown as its message", async () => {
    const { store, runs, worker, request } = setup();
    runs.show(request('a'));
    worker.pending[0]?.fail('context lost');
    await settle();
    expect(store.getState()).toMatchObject({ status: 'error', error: 'context lost' });
  });

  it('keeps at most maxCached results, dropping the oldest first', async () => {
    const { runs, worker, request, plans } = setup(2);
    for (const [i, key] of ['a', 'b', 'c'].entries()) {
      runs.show(request(key));
      worker.pending[i]?.answer(i);
      await settle();
    }
    runs.show(request('c'));
    runs.show(request('b'));
    expect(plans()).toBe(3); // b and c still cached
    runs.show(request('a'));
    expect(plans()).toBe(4); // a was dropped
  });
});
