import { needsRestart } from '../config/liveSettings';
import type { ExperimentConfig } from '../config/schema';
import type { ChunkResult, RunTrainer } from '../engine/trainer';
import { describeChange } from './describeChange';
import { publishHistory, runHistory } from './historyStore';
import { SPEED_STEPS_PER_SECOND, useRunStore, type RunState } from './runStore';

/**
 * Aim for chunks of about this long between readbacks: the step counter still moves ~10 times a
 * second, and each chunk's fixed costs (a message to the worker and back, a readback, a run-bar
 * update) stay small next to its training. Frames do not wait for a chunk: training runs in a
 * worker, or yields between steps on the main thread. (At 40 ms, wasm chunks were 1-2 steps and
 * the app trained at under half the engine's speed.)
 */
const TARGET_CHUNK_MS = 100;
const MAX_STEPS_PER_CHUNK = 128;
/**
 * On WebGL every readback is a GPU sync (~15-20 ms here), and reading every step halves
 * throughput while reading every ~10 steps recovers it (../shared/machine.md).
 */
const MIN_WEBGL_STEPS_PER_CHUNK = 10;
/** The test loss is evaluated (inside a chunk's readback) at most this often. */
export const TEST_LOSS_EVERY_STEPS = 25;
/** Steps per readback while fast-forwarding silently (rewind, rebuilding after context loss). */
const REPLAY_STEPS_PER_CHUNK = 50;
/**
 * Chunks asked of a trainer that queues them (the worker) at full speed: one training and one
 * waiting behind it, so the worker goes from chunk to chunk without waiting for the page to
 * take the last one in and ask again. More would only make Pause land later.
 */
const MAX_CHUNKS_IN_FLIGHT = 2;

/** Builds a trainer for a config: on the main thread or in the training worker (trainerHost.ts). */
export type TrainerFactory = (config: ExperimentConfig) => Promise<RunTrainer>;

/** A chunk asked of the trainer, to be taken in (landed) in the order it was asked. */
interface ChunkInFlight {
  trainer: RunTrainer;
  steps: number;
  requestedAt: number;
  result: Promise<ChunkResult>;
}

export interface TrainingLoopHooks {
  /** Called before a new trainer is built, e.g. to restart a lost backend. */
  prepareBackend?: () => Promise<void>;
}

/**
 * Owns the trainer and schedules training: play, pause, single steps, reset, rewind, live
 * settings. Every operation on the trainer, and the taking in of every chunk, is queued in one
 * line, so the chunks asked for always land before the trainer is changed or replaced, and a
 * setting change is marked at the step it really takes effect. Per-step numbers go to
 * runHistory; the run store gets only low-frequency state.
 */
export class TrainingLoop {
  private trainer: RunTrainer | null = null;
  private config: ExperimentConfig;
  private readonly createTrainer: TrainerFactory;
  private queue: Promise<unknown> = Promise.resolve();
  /** Operations (not chunk landings) queued and not yet done: the loop asks no more meanwhile. */
  private operationsWaiting = 0;
  private running = false;
  /** Each Play starts a loop with a new token; a loop whose token is old stops. */
  private loopToken = 0;
  /** The first chunk is one step, so the counter moves as soon as possible after Play. */
  private stepsPerChunk = 1;
  /** Steps asked of the trainer that have not landed yet. */
  private stepsInFlight = 0;
  private lastLandedAt = 0;
  private lastTestLossStep = 0;
  private rateWindow: { time: number; step: number }[] = [];

  constructor(config: ExperimentConfig, createTrainer: TrainerFactory) {
    this.config = config;
    this.createTrainer = createTrainer;
  }

  /** Builds the first trainer. */
  start(): Promise<void> {
    return this.exclusive(() => this.rebuild());
  }

  play(): void {
    const status = useRunStore.getState().status;
    if (this.running || status === 'halted') return;
    if (status === 'finished') return;
    this.running = true;
    this.setRun({ status: 'running' });
    void this.runLoop(++this.loopToken);
  }

  pause(): void {
    if (this.running) this.trainer?.dropQueuedChunks?.();
    this.running = false;
    if (useRunStore.getState().status === 'running') this.setRun({ status: 'paused' });
  }

  toggle(): void {
    if (this.running) this.pause();
    else this.play();
  }

  /** Trains exactly `steps` steps, then pauses. */
  stepBy(steps: number): Promise<void> {
    this.pause();
    return this.exclusive(async () => {
      const trainer = this.trainer;
      const count = Math.min(steps, this.remainingSteps());
      if (!trainer || trainer.halted || count <= 0) return;
      await this.land(this.ask(trainer, count));
      if (useRunStore.getState().status === 'idle') this.setRun({ status: 'paused' });
    });
  }

  /** A fresh run from the same seed: the same initial weights and batches. */
  reset(): Promise<void> {
    const wasRunning = this.running;
    this.pause();
    return this.exclusive(async () => {
      await this.rebuild();
      if (wasRunning) this.play();
    });
  }

  /** Rebuilds the run and replays it silently to the step before the non-finite event. */
  rewindToLastFiniteStep(): Promise<void> {
    this.pause();
    return this.exclusive(async () => {
      const event = useRunStore.getState().event;
      if (!event) return;
      const target = event.step - 1;
      await this.rebuild({ keepHistory: true });
      await this.replayTo(target);
      runHistory.truncateAfter(target);
      publishHistory(true);
      this.setRun({ status: 'paused', step: target });
    });
  }

  /** Applies a new config: live when possible (marking the chart), otherwise a restart. */
  setConfig(next: ExperimentConfig): Promise<void> {
    const prev = this.config;
    if (JSON.stringify(prev) === JSON.stringify(next)) return Promise.resolve();
    this.config = next;
    if (needsRestart(prev, next)) return this.reset();
    return this.exclusive(async () => {
      if (!this.trainer) return;
      this.trainer.applyLiveSettings(next);
      const step = this.trainer.step;
      runHistory.mark({ step, label: describeChange(prev, next), kind: 'setting' });
      publishHistory(true);
      const status = useRunStore.getState().status;
      // More max steps can resume a finished run.
      if (status === 'finished' && step < next.training.maxSteps) this.setRun({ status: 'paused' });
    });
  }

  /**
   * Rebuilds the trainer after the backend was lost and fast-forwards to where the run was,
   * keeping the history already drawn.
   */
  recover(hooks: TrainingLoopHooks): Promise<void> {
    const wasRunning = this.running;
    this.pause();
    return this.exclusive(async () => {
      const step = this.trainer?.step ?? 0;
      this.trainer = null;
      await hooks.prepareBackend?.();
      await this.rebuild({ keepHistory: true });
      await this.replayTo(step);
      this.setRun({ step });
      if (wasRunning) this.play();
    });
  }

  /**
   * A fresh run from the same seed on another backend: the trainer (and its tensors) is freed
   * before `prepareBackend` switches, then the run is rebuilt there. Play resumes if it was on.
   */
  switchBackend(prepareBackend: () => Promise<void>): Promise<void> {
    const wasRunning = this.running;
    this.pause();
    return this.exclusive(async () => {
      this.trainer?.dispose();
      this.trainer = null;
      try {
        await prepareBackend();
      } catch (error) {
        this.setRun({ error: error instanceof Error ? error.message : String(error) });
        return;
      }
      await this.rebuild();
      if (wasRunning) this.play();
    });
  }

  dispose(): void {
    this.pause();
    void this.exclusive(async () => {
      this.trainer?.dispose();
      this.trainer = null;
    });
  }

  private async runLoop(token: number): Promise<void> {
    const landings: Promise<void>[] = [];
    while (this.running && token === this.loopToken) {
      const trainer = this.trainer;
      if (!trainer || this.operationsWaiting > 0) {
        // A queued operation (or the first trainer being built) goes first.
        await this.enqueue(async () => undefined);
        continue;
      }
      const limit = SPEED_STEPS_PER_SECOND[useRunStore.getState().speed];
      const depth = trainer.queuesChunks && limit === null ? MAX_CHUNKS_IN_FLIGHT : 1;
      const steps = Math.min(this.chunkSize(), this.remainingSteps());
      if (landings.length < depth && steps > 0) {
        const chunk = this.ask(trainer, steps);
        landings.push(this.enqueue(() => this.land(chunk)));
        continue;
      }
      if (landings.length === 0) {
        // Nothing left to train: max steps was lowered to or below the current step.
        this.running = false;
        this.setRun({ status: 'finished' });
        return;
      }
      const started = performance.now();
      await landings.shift();
      const minChunkMs = limit === null ? 0 : 1000 / limit;
      const elapsed = performance.now() - started;
      // Yield to rendering and input between chunks, and honour the speed setting.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, minChunkMs - elapsed)));
    }
  }

  private chunkSize(): number {
    return SPEED_STEPS_PER_SECOND[useRunStore.getState().speed] === null ? this.stepsPerChunk : 1;
  }

  private tuneChunkSize(steps: number, elapsedMs: number): void {
    if (SPEED_STEPS_PER_SECOND[useRunStore.getState().speed] !== null || elapsedMs <= 0) return;
    const perStep = elapsedMs / steps;
    const ideal = Math.round(TARGET_CHUNK_MS / perStep);
    const floor = useRunStore.getState().backend?.name === 'webgl' ? MIN_WEBGL_STEPS_PER_CHUNK : 1;
    this.stepsPerChunk = Math.max(floor, Math.min(MAX_STEPS_PER_CHUNK, ideal));
  }

  /** Steps still to train up to max steps, beyond those already asked for. */
  private remainingSteps(): number {
    return this.config.training.maxSteps - (this.trainer?.step ?? 0) - this.stepsInFlight;
  }

  /** Asks the trainer for a chunk now; land() takes it in. */
  private ask(trainer: RunTrainer, steps: number): ChunkInFlight {
    const lastStep = trainer.step + this.stepsInFlight + steps;
    const testLoss = lastStep - this.lastTestLossStep >= TEST_LOSS_EVERY_STEPS;
    if (testLoss) this.lastTestLossStep = lastStep;
    this.stepsInFlight += steps;
    const result = trainer.train(steps, { testLoss });
    // land() handles a failure; until it runs, the rejection is not unhandled.
    result.catch(() => undefined);
    return { trainer, steps, requestedAt: performance.now(), result };
  }

  private async land(chunk: ChunkInFlight): Promise<void> {
    let result;
    try {
      result = await chunk.result;
    } catch (error) {
      this.running = false;
      this.setRun({
        status: 'paused',
        error: error instanceof Error ? error.message : String(error),
      });
      return;
    } finally {
      this.stepsInFlight -= chunk.steps;
    }
    // Nothing new: the chunk was dropped (Pause), the trainer halted in the chunk before (that
    // was recorded then), or the trainer was replaced.
    if (result.steps.length === 0 || chunk.trainer !== this.trainer) return;
    const now = performance.now();
    // A chunk asked ahead started when the one before it landed, not when it was asked.
    this.tuneChunkSize(chunk.steps, now - Math.max(chunk.requestedAt, this.lastLandedAt));
    this.lastLandedAt = now;
    const trainer = chunk.trainer;
    const last = result.steps.at(-1);
    const testLoss =
      result.testLoss !== null && last ? { step: last.step, loss: result.testLoss } : undefined;
    runHistory.append(result.steps, testLoss);
    const step = last?.step ?? trainer.step;
    const patch: Partial<RunState> = { step, stepsPerSecond: this.measureRate(step) };
    if (result.event) {
      this.running = false;
      runHistory.mark({ step: result.event.step, label: result.event.what, kind: 'event' });
      Object.assign(patch, { status: 'halted', event: result.event });
      publishHistory(true);
    } else {
      publishHistory();
      if (trainer.step >= this.config.training.maxSteps) {
        this.running = false;
        patch.status = 'finished';
      }
    }
    this.setRun(patch);
  }

  /** Steps per second over the last two seconds of training. */
  private measureRate(step: number): number {
    const now = performance.now();
    this.rateWindow.push({ time: now, step });
    while (this.rateWindow.length > 2 && now - this.rateWindow[0]!.time > 2000)
      this.rateWindow.shift();
    const first = this.rateWindow[0]!;
    const seconds = (now - first.time) / 1000;
    return seconds > 0 ? (step - first.step) / seconds : 0;
  }

  private async rebuild(options: { keepHistory?: boolean } = {}): Promise<void> {
    this.trainer?.dispose();
    this.trainer = null;
    this.trainer = await this.createTrainer(this.config);
    this.lastTestLossStep = 0;
    this.rateWindow = [];
    if (!options.keepHistory) {
      runHistory.clear();
      publishHistory(true);
    }
    this.setRun({
      // Play may have been pressed while the first trainer was still being built.
      status: this.running ? 'running' : 'idle',
      step: 0,
      stepsPerSecond: 0,
      event: null,
      error: null,
      layers: this.trainer.layers,
    });
  }

  private async replayTo(step: number): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    while (trainer.step < step && !trainer.halted) {
      await trainer.train(Math.min(REPLAY_STEPS_PER_CHUNK, step - trainer.step));
    }
  }

  /**
   * Queues an operation on the trainer; the loop asks for no more chunks until it is done. A
   * chunk waiting behind the one under way is dropped, so the operation (e.g. a live setting)
   * takes effect after that one chunk, as without the chunk asked ahead.
   */
  private exclusive<T>(operation: () => Promise<T>): Promise<T> {
    if (this.stepsInFlight > 0) this.trainer?.dropQueuedChunks?.();
    this.operationsWaiting++;
    return this.enqueue(async () => {
      try {
        return await operation();
      } finally {
        this.operationsWaiting--;
      }
    });
  }

  private enqueue<T>(operation: () => Promise<T>): Promise<T> {
    const next = this.queue.then(operation, operation);
    this.queue = next.catch(() => undefined);
    return next;
  }

  private setRun(patch: Partial<RunState>): void {
    useRunStore.setState(patch);
  }
}
