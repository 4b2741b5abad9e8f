/**
 * The life of a measurement that runs in the background (a SweepRun in the training worker) and
 * whose finished result is kept by key: show the run under way if it is the one asked for, else
 * a cached result at once, else start a new run (cancelling any other), report its progress into
 * a store, cache it when done and report an error as text. The regime map (store/sweeps.ts) and
 * the seed bands (store/seedBands.ts) are two of these; only what they measure differs.
 */
import type { StoreApi, UseBoundStore } from 'zustand';
import type { ExperimentConfig } from '../config/schema';
import type { CellMeasure } from '../config/sweepCell';
import { SweepRun, type MeasureCells } from '../session/sweepRun';
import type { SweepStatus } from './sweepStore';

/** The store a background run writes: its status, its result so far, its error. */
export interface BackgroundRunState<R> {
  status: SweepStatus;
  result: R | null;
  error: string | null;
}

/** A new run: what to measure, and the result to show before and as its cells arrive. */
export interface BackgroundRunPlan<M extends CellMeasure, R> {
  initial: R;
  measure: MeasureCells<M>;
  configs: readonly ExperimentConfig[];
  steps: number;
  /** The result with the cells measured so far (`done` of them) after `elapsedMs`. */
  withProgress: (done: number, cells: readonly (M | null)[], elapsedMs: number) => R;
}

export interface BackgroundRunRequest<M extends CellMeasure, R> {
  /** Equal keys measure equal numbers: a cached result of this key is shown as it is. */
  key: string;
  /** Measure again even when cached or under way. */
  force: boolean;
  /** What is shown of a cached result (the regime map marks the current base on it). */
  fromCache?: (cached: R) => R;
  /** Builds the new run; called only when neither the run under way nor the cache serves. */
  plan: () => BackgroundRunPlan<M, R>;
}

export class CachedBackgroundRun<M extends CellMeasure, R extends { key: string }> {
  /** Insertion order is age: the oldest result leaves first once `maxCached` are kept. */
  private readonly cache = new Map<string, R>();
  private running: SweepRun<M> | null = null;

  constructor(
    private readonly store: UseBoundStore<StoreApi<BackgroundRunState<R>>>,
    private readonly maxCached: number,
  ) {}

  /** Shows the result of `request.key`: under way, cached, or measured anew. */
  show(request: BackgroundRunRequest<M, R>): void {
    const { key, force } = request;
    const state = this.store.getState();
    if (!force && state.result?.key === key && state.status === 'running') return;
    const cached = this.cache.get(key);
    if (!force && cached) {
      this.stopRunning();
      const result = request.fromCache ? request.fromCache(cached) : cached;
      this.store.setState({ status: 'done', result, error: null });
      return;
    }
    this.stopRunning();
    this.start(key, request.plan());
  }

  /** Stops the run under way at the end of its current request; the cells so far stay. */
  cancel(): void {
    if (!this.running) return;
    this.stopRunning();
    this.store.setState({ status: 'cancelled' });
  }

  private stopRunning(): void {
    this.running?.cancel();
    this.running = null;
  }

  private start(key: string, plan: BackgroundRunPlan<M, R>): void {
    const started = performance.now();
    // A superseded run may still report once its request returns: `this.running !== run`
    // drops what it says, so an old run never overwrites the new one's result.
    const run = new SweepRun<M>(plan.measure, plan.configs, plan.steps, (done, cells) => {
      if (this.running !== run) return;
      const result = plan.withProgress(done, cells, performance.now() - started);
      this.store.setState({ result });
    });
    this.running = run;
    this.store.setState({ status: 'running', result: plan.initial, error: null });
    run.run().then(
      (outcome) => {
        if (this.running !== run) return;
        this.running = null;
        const finished = this.store.getState().result;
        if (outcome === 'done' && finished) this.remember(key, finished);
        this.store.setState({ status: outcome });
      },
      (error: unknown) => {
        if (this.running !== run) return;
        this.running = null;
        this.store.setState({
          status: 'error',
          error: error instanceof Error ? error.message : String(error),
        });
      },
    );
  }

  private remember(key: string, result: R): void {
    if (this.cache.size >= this.maxCached)
      this.cache.delete(this.cache.keys().next().value as string);
    this.cache.set(key, result);
  }
}
