/**
 * The Session owns the runs (the base A and its variants B, C, D) and is the only thing that
 * schedules training. Its actions (play, pause, step, reset, setExperiment, openLesson, setSpeed,
 * setBackend, addVariant, removeVariant, rewind) are what the page and the tests call; what
 * happens is published through an injected SessionSink, and nothing is ever read back from it.
 *
 * All runs train in lockstep on one host (one worker, one backend): every round asks each run
 * that can still train for the same number of steps. A run that halts (a non-finite value)
 * stops alone; the others go on.
 *
 * Every operation on the trainers, and the taking in of every round, is queued in one line, so
 * the chunks asked for always land before a trainer is changed or replaced, and a live setting
 * is marked at the step where it really takes effect.
 */
import type { BackendPreference } from '../config/backends';
import type { BackendChoice } from '../backend/tfBackend';
import type { ExperimentConfig } from '../config/schema';
import type { CellProfile } from '../config/sweepCell';
import { validateConfig } from '../config/validate';
import type { VariantLetter, VariantSpec } from '../config/variants';
import type { ChunkResult } from '../engine/trainer';
import type { HostStarter, TrainerHost } from '../host/hostTypes';
import { resolveRuns } from './experimentRuns';
import { OperationQueue } from './operationQueue';
import { RoundSizer, StepRate } from './pace';
import { Run } from './run';
import { planRunChanges } from './runChanges';
import type { RunHistory } from './runHistory';
import {
  SPEED_STEPS_PER_SECOND,
  type Experiment,
  type RunLetter,
  type SessionSink,
  type SessionStatus,
  type SessionView,
  type Speed,
} from './sessionTypes';

/**
 * A training worker that dies is replaced at most this many times in WORKER_DEATH_WINDOW_MS; past
 * that, something kills every worker (a setting it cannot survive), and training stops with an
 * error instead of restarting forever.
 */
const MAX_WORKER_DEATHS = 3;
const WORKER_DEATH_WINDOW_MS = 60_000;
/** Levelling is retried this often when a Pause drops its chunks too. */
const MAX_LEVELLING_PASSES = 3;
/** Steps per readback while fast-forwarding silently (rewind, rebuilding after context loss). */
const REPLAY_STEPS_PER_CHUNK = 50;
/**
 * Rounds asked of a host that queues chunks (the worker) at full speed: one training and one
 * waiting behind it, so the worker goes from round to round without waiting for the page to
 * take the last one in and ask again. More would only make Pause land later.
 */
const MAX_ROUNDS_IN_FLIGHT = 2;

/** One round: the same number of steps asked of every run that could train. */
interface Round {
  steps: number;
  requestedAt: number;
  chunks: { run: Run; trainer: Run['trainer']; count: number; result: Promise<ChunkResult> }[];
}

export interface SessionOptions {
  sink: SessionSink;
  startHost: HostStarter;
  experiment: Experiment;
  backend: BackendPreference;
}

export class Session {
  private readonly sink: SessionSink;
  private readonly startHost: HostStarter;
  private experiment: Experiment;
  private runs: Run[] = [];
  private host: TrainerHost | null = null;
  private backendName: BackendPreference;
  private backendInfo: BackendChoice['info'] | null = null;
  private speed: Speed = 'max';
  /** Whether the runs measure saturation and histograms (only while a view shows them). */
  private distributions = false;
  private status: SessionStatus = 'idle';
  private readonly queue = new OperationQueue();
  private playing = false;
  /** A restart waiting in line plays again when done (Pause meanwhile clears it). */
  private resumeAfterRestart = false;
  /** Each Play starts a loop with a new token; a loop whose token is old stops. */
  private loopToken = 0;
  private readonly sizer = new RoundSizer();
  private readonly rate = new StepRate();
  private disposed = false;
  /** When training workers died (performance.now()), the latest last. */
  private deaths: number[] = [];

  constructor(options: SessionOptions) {
    this.sink = options.sink;
    this.startHost = options.startHost;
    this.experiment = options.experiment;
    this.backendName = options.backend;
    this.adoptRuns(resolveRuns(this.experiment));
    this.sink.experiment(this.experiment);
    this.publishRuns();
    this.sink.session({ status: 'idle', step: 0, stepsPerSecond: 0, speed: this.speed });
  }

  /** Starts the backend and builds the runs. Anything asked meanwhile waits for it. */
  start(): Promise<void> {
    return this.exclusive(async () => {
      if (!(await this.ensureHost())) return;
      await this.rebuildAll();
    });
  }

  // ---- run control ----

  play(): void {
    if (this.playing || this.disposed) return;
    // Runs still being built can be played: the loop waits for them.
    if (!this.runs.some((r) => r.state === 'training')) return;
    if (!this.host && this.queue.operationsWaiting === 0) {
      // No host and none on its way: the session gave up on training workers that kept dying
      // (onHostDied), or none could start. Play tries a new one, as Reset does, and plays once
      // the runs are rebuilt.
      this.resumeAfterRestart = true;
      void this.reset();
      return;
    }
    this.playing = true;
    // The rate counts from Play, so it includes the wait for the first steps, as a person
    // timing the step counter would.
    this.rate.start(this.step());
    this.setStatus();
    void this.runLoop(++this.loopToken);
  }

  pause(): void {
    // A Pause pressed while a restart waits in line keeps the runs paused after it.
    this.resumeAfterRestart = false;
    if (this.playing) {
      this.host?.dropQueuedChunks();
      // Paused, nothing trains: the rate shown is 0 and the next Play measures afresh.
      this.rate.reset();
      this.sink.session({ stepsPerSecond: 0 });
    }
    this.playing = false;
    this.setStatus();
  }

  toggle(): void {
    if (this.playing) this.pause();
    else this.play();
  }

  /** Trains exactly `steps` steps (every run that can), then pauses. */
  stepBy(steps: number): Promise<void> {
    this.pause();
    return this.exclusive(async () => {
      const count = Math.min(steps, this.stepsLeft());
      if (count <= 0) return;
      const round = this.ask(count);
      if (round) await this.land(round);
    });
  }

  /** Every run afresh from its seed: the same initial weights and batches. */
  reset(): Promise<void> {
    return this.restarting(async () => {
      // After training workers kept dying (onHostDied gave up), Reset tries a new one.
      if (!(await this.ensureHost())) return;
      await this.rebuildAll();
    });
  }

  /**
   * Measure the runs' distributions from the next chunk on, or stop. Costs nothing while off;
   * it changes no number the runs train or measure otherwise.
   */
  setDistributions(on: boolean): void {
    this.distributions = on;
  }

  setSpeed(speed: Speed): void {
    this.speed = speed;
    this.sink.session({ speed });
  }

  /**
   * Rebuilds every run and replays it silently to the step before `letter`'s non-finite event
   * (the first run's that halted, by default), so all runs stand at the same step again.
   */
  rewindToLastFiniteStep(letter?: RunLetter): Promise<void> {
    this.pause();
    return this.exclusive(async () => {
      const halted = this.runs.filter((r) => r.event !== null);
      const run = halted.find((r) => r.letter === letter) ?? halted[0];
      if (!run?.event) return;
      const target = run.event.step - 1;
      for (const each of this.runs) {
        await each.rebuild((c) => this.createTrainer(c), { keepHistory: true });
        await each.replayTo(target, REPLAY_STEPS_PER_CHUNK);
        each.history.truncateAfter(target);
      }
      this.restartRate();
      this.publishAll(true);
    });
  }

  // ---- the experiment ----

  /** The experiment as last set. */
  get current(): Experiment {
    return this.experiment;
  }

  /** Edits the base config; it is validated at once and applied in turn. */
  updateBase(updater: (base: Experiment['base']) => Experiment['base']): Promise<void> {
    return this.setExperiment({ ...this.experiment, base: updater(this.experiment.base) });
  }

  /**
   * Sets the base and its variants. Each run gets its new config live when only live settings
   * changed (marked on its charts), otherwise every run starts again (planRunChanges decides).
   */
  setExperiment(next: Experiment): Promise<void> {
    const validated: Experiment = {
      base: validateConfig(next.base).config,
      variants: next.variants,
    };
    this.experiment = validated;
    this.sink.experiment(validated);
    return this.apply(validated, false);
  }

  /** Loads a lesson's experiment from step 0, even where only live settings differ. */
  openLesson(experiment: Experiment): Promise<void> {
    this.experiment = experiment;
    this.sink.experiment(experiment);
    return this.apply(experiment, true);
  }

  /** Adds (or replaces) a variant: the base with `overrides`. Every run starts again. */
  addVariant(spec: VariantSpec): Promise<void> {
    const variants = this.experiment.variants.filter((v) => v.letter !== spec.letter);
    variants.push(spec);
    variants.sort((a, b) => a.letter.localeCompare(b.letter));
    return this.setExperiment({ ...this.experiment, variants });
  }

  removeVariant(letter: VariantLetter): Promise<void> {
    const variants = this.experiment.variants.filter((v) => v.letter !== letter);
    return this.setExperiment({ ...this.experiment, variants });
  }

  // ---- backend ----

  /** A fresh start from the same seeds on another backend; Play resumes if it was on. */
  setBackend(name: BackendPreference): Promise<void> {
    this.backendName = name;
    return this.restarting(async () => {
      for (const run of this.runs) run.disposeTrainer();
      if (!this.host) {
        if (!(await this.ensureHost())) return;
      } else {
        try {
          this.adoptBackend(await this.host.startBackend(name));
        } catch (error) {
          this.sink.session({ error: messageOf(error) });
          return;
        }
      }
      await this.rebuildAll();
    });
  }

  /**
   * Sweep cells on this session's host, once it has started: each config trains `steps` steps
   * from its own initial weights. The runs are not touched; in the worker the request waits its
   * turn behind the chunk under way (session/sweepRun.ts sends a sweep a few cells at a time).
   */
  async measureCells(configs: ExperimentConfig[], steps: number): Promise<CellProfile[]> {
    await this.queue;
    if (!this.host) throw new Error('the training backend has not started');
    return this.host.measureCells(configs, steps);
  }

  /** Live tfjs tensors where training runs. */
  numTensors(): Promise<number> {
    return this.host?.numTensors() ?? Promise.resolve(0);
  }

  loseWebglContext(): Promise<boolean> {
    return this.host?.loseWebglContext() ?? Promise.resolve(false);
  }

  /** For tests: the training worker stops as a crash would (false if there is none). */
  terminateWorker(): boolean {
    return this.host?.terminateWorker() ?? false;
  }

  /** The histories, for diagnostics and tests (the charts get copies through the sink). */
  history(letter: RunLetter = 'a'): RunHistory | null {
    return this.runs.find((r) => r.letter === letter)?.history ?? null;
  }

  dispose(): void {
    this.pause();
    this.disposed = true;
    void this.queue.enqueue(async () => {
      for (const run of this.runs) run.disposeTrainer();
      this.host?.dispose();
      this.host = null;
    });
  }

  // ---- internals ----

  private apply(experiment: Experiment, forceRestart: boolean): Promise<void> {
    const resolved = resolveRuns(experiment);
    const plan = planRunChanges(
      this.runs.map((r) => ({ letter: r.letter, config: r.config })),
      resolved.map((r) => ({ letter: r.letter, config: r.config })),
    );
    if (forceRestart || plan.kind === 'restart') {
      return this.restarting(async () => {
        this.adoptRuns(resolved);
        if (this.host) await this.rebuildAll();
      });
    }
    if (plan.kind === 'none') {
      this.adoptRuns(resolved);
      this.publishRuns();
      return Promise.resolve();
    }
    return this.exclusive(async () => {
      for (const letter of plan.removed)
        this.runs.find((r) => r.letter === letter)?.disposeTrainer();
      this.runs = this.runs.filter((r) => !plan.removed.includes(r.letter));
      for (const next of resolved) {
        const run = this.runs.find((r) => r.letter === next.letter);
        if (!run) continue;
        run.weights = next.weights;
        run.difference = next.difference;
        if (plan.live.includes(run.letter)) run.applyLive(next.config);
      }
      this.publishAll(true);
    });
  }

  /** Makes the run list match `resolved`: kept runs take new configs, others come and go. */
  private adoptRuns(resolved: ReturnType<typeof resolveRuns>): void {
    const kept: Run[] = [];
    for (const next of resolved) {
      const run = this.runs.find((r) => r.letter === next.letter);
      if (run) {
        run.config = next.config;
        run.weights = next.weights;
        run.difference = next.difference;
        kept.push(run);
      } else {
        kept.push(new Run(next.letter, next.config, next.weights, next.difference));
      }
    }
    for (const run of this.runs) if (!kept.includes(run)) run.disposeTrainer();
    this.runs = kept;
  }

  /**
   * Pauses, runs `operation` in turn, and plays again if it was playing (or another restart
   * queued before it was going to), unless Pause was pressed meanwhile.
   */
  private restarting(operation: () => Promise<void>): Promise<void> {
    const wasPlaying = this.playing || this.resumeAfterRestart;
    this.pause();
    this.resumeAfterRestart = wasPlaying;
    return this.exclusive(async () => {
      await operation();
      if (!this.resumeAfterRestart) return;
      this.resumeAfterRestart = false;
      // Without a host (it could not be started) there is nothing to play on.
      if (this.host) this.play();
    });
  }

  private async ensureHost(): Promise<boolean> {
    if (this.host) return true;
    try {
      const started = await this.startHost(this.backendName);
      this.host = started.host;
      started.host.watchDeath((cause) => this.onHostDied(started.host, cause));
      this.adoptBackend(started.choice);
      this.sink.session({ thread: started.host.thread });
      return true;
    } catch (error) {
      this.sink.session({ error: messageOf(error) });
      return false;
    }
  }

  private adoptBackend(choice: BackendChoice): void {
    this.backendInfo = choice.info;
    this.sink.session({
      backend: choice.info,
      backendNotice: choice.notice,
      backendAuto: choice.auto ?? null,
    });
    this.host?.watchContextLoss(() => this.onContextLost());
  }

  /**
   * The WebGL context was lost: the runs are rebuilt on a restarted backend and fast-forwarded
   * to where they were, keeping the history already drawn. Play resumes if it was on.
   */
  private onContextLost(): void {
    this.sink.session({ backendNotice: 'contextLost' });
    const host = this.host;
    if (!host) return;
    void this.restarting(async () => {
      const steps = new Map(this.runs.map((r) => [r, r.step]));
      for (const run of this.runs) run.trainer = null;
      const choice = await host.restartAfterContextLoss();
      this.adoptBackend({ ...choice, notice: 'contextLost' });
      for (const run of this.runs) {
        await run.rebuild((c) => this.createTrainer(c), { keepHistory: true });
        await run.replayTo(steps.get(run) ?? 0, REPLAY_STEPS_PER_CHUNK);
      }
      this.publishAll(true);
      // Say "rebuilt" only once the runs are back where they were.
      this.sink.session({ backendNotice: 'contextRestored' });
    });
  }

  /**
   * The training worker died, and every trainer and tensor with it. A new one is started on
   * the same backend preference and every run starts again from its seed (the lockstep holds:
   * all at step 0); the experiment, speed and backend choice are the session's and stay as
   * they were. Play resumes if it was on.
   */
  private onHostDied(host: TrainerHost, cause: string): void {
    if (this.host !== host || this.disposed) return;
    this.host = null;
    // Their chunks in flight are taken in as belonging to trainers that are gone.
    for (const run of this.runs) run.trainer = null;
    const now = performance.now();
    this.deaths = [...this.deaths.filter((t) => now - t < WORKER_DEATH_WINDOW_MS), now];
    if (this.deaths.length > MAX_WORKER_DEATHS) {
      this.pause();
      this.sink.session({ error: cause, backendNotice: null });
      this.publishAll(true);
      return;
    }
    this.sink.session({ backendNotice: 'workerRestarting' });
    void this.restarting(async () => {
      host.dispose();
      if (!(await this.ensureHost())) return;
      await this.rebuildAll();
      this.sink.session({ backendNotice: 'workerRestarted' });
    });
  }

  private createTrainer(config: Experiment['base']) {
    if (!this.host) throw new Error('the training backend is not running');
    return this.host.createTrainer(config);
  }

  private async rebuildAll(): Promise<void> {
    for (const run of this.runs) await run.rebuild((c) => this.createTrainer(c));
    this.restartRate();
    this.sink.session({ error: null });
    this.publishAll(true);
  }

  private async runLoop(token: number): Promise<void> {
    const landings: Promise<void>[] = [];
    while (this.playing && token === this.loopToken) {
      if (!this.host || this.queue.operationsWaiting > 0) {
        if (this.queue.operationsWaiting === 0) {
          // No host and no operation bringing one: nothing can train. Waiting on an empty line
          // would resolve at once, and this loop would spin on the page's thread for ever.
          this.playing = false;
          this.setStatus();
          return;
        }
        // A queued operation (or the first trainers being built) goes first.
        await this.queue.enqueue(async () => undefined);
        continue;
      }
      const limit = SPEED_STEPS_PER_SECOND[this.speed];
      const depth = this.host.queuesChunks && limit === null ? MAX_ROUNDS_IN_FLIGHT : 1;
      const steps = Math.min(limit === null ? this.sizer.stepsPerRound : 1, this.stepsLeft());
      if (landings.length < depth && steps > 0) {
        const round = this.ask(steps);
        if (round) {
          landings.push(this.queue.enqueue(() => this.land(round)));
          continue;
        }
      }
      if (landings.length === 0) {
        // Nothing left to train: every run halted or reached its max steps.
        this.playing = false;
        this.setStatus();
        return;
      }
      const started = performance.now();
      await landings.shift();
      const minRoundMs = limit === null ? 0 : 1000 / limit;
      const elapsed = performance.now() - started;
      // Yield to rendering and input between rounds, and honour the speed setting.
      await new Promise((resolve) => setTimeout(resolve, Math.max(0, minRoundMs - elapsed)));
    }
  }

  /** The most steps a round can still ask: the largest any trainable run has left. */
  private stepsLeft(): number {
    let most = 0;
    for (const run of this.runs) if (run.canTrain()) most = Math.max(most, run.remainingSteps());
    return most;
  }

  /** Asks every run that can train for up to `steps` steps; null if none can. */
  private ask(steps: number): Round | null {
    const chunks = this.runs
      .filter((run) => run.canTrain())
      .map((run) => {
        const count = Math.min(steps, run.remainingSteps());
        return {
          run,
          trainer: run.trainer,
          count,
          result: run.ask(count, this.distributions),
        };
      });
    if (chunks.length === 0) return null;
    return { steps, requestedAt: performance.now(), chunks };
  }

  private async land(round: Round): Promise<void> {
    let { changed, halted } = await this.takeIn(round);
    // The speed setting caps the round at one step; only full speed sizes rounds.
    if (changed && SPEED_STEPS_PER_SECOND[this.speed] === null)
      this.sizer.landed(
        round.steps,
        round.requestedAt,
        this.backendInfo?.name === 'webgl',
        round.chunks.length,
      );
    if (!this.runs.some((r) => r.stepsInFlight > 0)) {
      const levelled = await this.level();
      changed ||= levelled.changed;
      halted ||= levelled.halted;
    }
    if (changed) this.publishAll(halted);
    else this.setStatus();
  }

  /** Takes in every run's chunk of a round together, so no one sees the runs out of step. */
  private async takeIn(round: Round): Promise<{ changed: boolean; halted: boolean }> {
    const settled = await Promise.allSettled(round.chunks.map((chunk) => chunk.result));
    let changed = false;
    let halted = false;
    round.chunks.forEach((chunk, i) => {
      chunk.run.stepsInFlight -= chunk.count;
      const outcome = settled[i]!;
      // A run removed or rebuilt meanwhile (or its worker died): this chunk, and its failure,
      // belong to what it was before.
      if (!this.runs.includes(chunk.run) || chunk.run.trainer !== chunk.trainer) return;
      if (outcome.status === 'rejected') {
        this.playing = false;
        this.sink.session({ error: messageOf(outcome.reason) });
        return;
      }
      if (chunk.run.land(outcome.value)) {
        changed = true;
        if (outcome.value.event) halted = true;
      }
    });
    return { changed, halted };
  }

  /**
   * Brings runs that fell behind level with the others. Pause (or an operation) drops the chunks
   * still waiting in the worker's queue, and that can cut a round in two: A's chunk was under way
   * and trained, B's waited and was dropped. Called when no chunk is in flight.
   */
  private async level(): Promise<{ changed: boolean; halted: boolean }> {
    let changed = false;
    let halted = false;
    for (let pass = 0; pass < MAX_LEVELLING_PASSES; pass++) {
      const target = this.step();
      const behind = this.runs.filter((r) => r.canTrain() && r.step < target);
      if (behind.length === 0) break;
      const chunks = behind.map((run) => {
        const count = Math.min(target - run.step, run.remainingSteps());
        return { run, trainer: run.trainer, count, result: run.ask(count) };
      });
      const taken = await this.takeIn({ steps: 0, requestedAt: performance.now(), chunks });
      changed ||= taken.changed;
      halted ||= taken.halted;
    }
    return { changed, halted };
  }

  /** Starts measuring the rate afresh: from now while playing (a restart's wait counts). */
  private restartRate(): void {
    if (this.playing) this.rate.start(this.step());
    else this.rate.reset();
  }

  /** The lockstep step: the furthest any run has trained. */
  private step(): number {
    return this.runs.reduce((most, run) => Math.max(most, run.step), 0);
  }

  private publishAll(immediate: boolean): void {
    const step = this.step();
    this.sink.histories(new Map(this.runs.map((r) => [r.letter, r.history])), immediate);
    this.publishRuns();
    // 0 while paused: nothing trains.
    const rate = this.playing ? this.rate.measure(step) : 0;
    const patch: Partial<SessionView> = { step, stepsPerSecond: rate };
    if (step === 0) patch.stepsPerSecond = 0;
    this.sink.session(patch);
    this.setStatus();
  }

  private publishRuns(): void {
    this.sink.runs(this.runs.map((r) => r.view()));
  }

  /** Derives the session's status from the runs and Play, and publishes it when it changed. */
  private setStatus(): void {
    let status: SessionStatus;
    const anyTrainable = this.runs.some((r) => r.state === 'training');
    if (this.runs.length > 0 && this.runs.every((r) => r.state === 'halted')) status = 'halted';
    else if (this.runs.length > 0 && !anyTrainable) status = 'finished';
    else if (this.playing) status = 'running';
    else status = this.step() === 0 ? 'idle' : 'paused';
    if (status === 'finished' || status === 'halted') this.playing = false;
    if (status !== this.status) {
      this.status = status;
      this.sink.session({ status });
    }
  }

  /**
   * Queues an operation on the trainers; the loop asks for no more rounds until it is done. A
   * round waiting behind the one under way is dropped, so the operation (e.g. a live setting)
   * takes effect after that one round.
   */
  private exclusive(operation: () => Promise<void>): Promise<void> {
    if (this.runs.some((r) => r.stepsInFlight > 0)) this.host?.dropQueuedChunks();
    return this.queue.operation(async () => {
      const host = this.host;
      try {
        await operation();
      } catch (error) {
        // The page calls actions without awaiting them: a failure is shown, never thrown. One
        // that came from a worker that died meanwhile is already being repaired (onHostDied).
        // With no host at all, the failure to start it was shown already.
        if (this.host !== host || this.host === null) return;
        this.playing = false;
        this.sink.session({ error: messageOf(error) });
        this.setStatus();
      }
    });
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
