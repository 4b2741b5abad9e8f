/**
 * One run the session owns: its config, its trainer and its bounded history. It takes in the
 * chunks its trainer trains; when and how much to train is the session's business.
 */
import type { ExperimentConfig } from '../config/schema';
import type { WeightsSharing } from './experimentRuns';
import type { NonFiniteEvent } from '../engine/nonFinite';
import type { ChunkResult, RunTrainer } from '../engine/trainer';
import { describeChange } from './describeChange';
import { TEST_LOSS_EVERY_STEPS } from '../record/testLossCadence';
import { RunHistory } from './runHistory';
import type { RunLetter, RunState, RunView } from './sessionTypes';

/**
 * The prediction map is asked for (inside a chunk's readback) at most this often while training;
 * where training runs, a map is evaluated only within its share of the time
 * (host/predictionBudget.ts), so on a slow backend it comes less often.
 */
export const PREDICTION_EVERY_MS = 250;
/** The test loss is evaluated (inside a chunk's readback) at most this often (runRecord.ts). */
export { TEST_LOSS_EVERY_STEPS };

export class Run {
  readonly history = new RunHistory();
  trainer: RunTrainer | null = null;
  /** Steps asked of the trainer that have not landed yet. */
  stepsInFlight = 0;
  private lastTestLossStep = 0;
  private lastPredictionAt = -Infinity;
  private haltedBy: NonFiniteEvent | null = null;

  constructor(
    readonly letter: RunLetter,
    public config: ExperimentConfig,
    /** How its initial weights relate to A's, and its difference from A in words. */
    public weights: WeightsSharing,
    public difference: string,
  ) {}

  get step(): number {
    return this.trainer?.step ?? 0;
  }

  get event(): NonFiniteEvent | null {
    return this.haltedBy;
  }

  /** Steps still to train up to max steps, beyond those already asked for. */
  remainingSteps(): number {
    return this.config.training.maxSteps - this.step - this.stepsInFlight;
  }

  get state(): RunState {
    if (this.haltedBy) return 'halted';
    return this.step >= this.config.training.maxSteps ? 'finished' : 'training';
  }

  /** Whether it can be asked for more steps now. */
  canTrain(): boolean {
    return this.trainer !== null && this.haltedBy === null && this.remainingSteps() > 0;
  }

  /**
   * Asks the trainer for `steps` steps; the result is taken in by land(). With `distributions`
   * every step also measures saturation, and the chunk's last step histograms (only while a
   * view shows them; the view draws the newest step's).
   */
  ask(steps: number, distributions = false): Promise<ChunkResult> {
    const trainer = this.trainer;
    if (!trainer) throw new Error(`run ${this.letter} has no trainer`);
    const lastStep = trainer.step + this.stepsInFlight + steps;
    const testLoss = lastStep - this.lastTestLossStep >= TEST_LOSS_EVERY_STEPS;
    if (testLoss) this.lastTestLossStep = lastStep;
    // A few maps per second while training, and always the one after the run's last step.
    const now = performance.now();
    const finalChunk = lastStep >= this.config.training.maxSteps;
    const prediction = finalChunk || now - this.lastPredictionAt >= PREDICTION_EVERY_MS;
    if (prediction) this.lastPredictionAt = now;
    this.stepsInFlight += steps;
    const result = trainer.train(steps, { testLoss, prediction, distributions });
    // land() handles a failure; until it runs, the rejection is not unhandled.
    result.catch(() => undefined);
    return result;
  }

  /**
   * Takes a chunk's result into the history. Returns false when it brought nothing new: the
   * chunk was dropped (Pause), or the run halted in an earlier chunk.
   */
  land(result: ChunkResult): boolean {
    if (result.steps.length === 0 || this.haltedBy) return false;
    const last = result.steps.at(-1);
    const testLoss =
      result.testLoss !== null && last ? { step: last.step, loss: result.testLoss } : undefined;
    // Histograms are kept for the newest step only; saturation shares stay with every step.
    const histograms = last?.histograms;
    if (last && histograms) this.history.setHistograms({ step: last.step, histograms });
    for (const step of result.steps) delete step.histograms;
    this.history.append(result.steps, testLoss);
    if (result.prediction) this.history.setPrediction(result.prediction);
    if (result.event) {
      this.haltedBy = result.event;
      this.history.mark({ step: result.event.step, label: result.event.what, kind: 'event' });
    }
    return true;
  }

  /** A new trainer from its config (the same seed: the same initial weights and batches). */
  async rebuild(
    createTrainer: (config: ExperimentConfig) => Promise<RunTrainer>,
    options: { keepHistory?: boolean } = {},
  ): Promise<void> {
    this.disposeTrainer();
    this.trainer = await createTrainer(this.config);
    this.lastTestLossStep = 0;
    this.lastPredictionAt = -Infinity;
    this.haltedBy = null;
    if (!options.keepHistory) this.history.clear();
  }

  /** Trains silently (no history) up to `step`, or until it halts. */
  async replayTo(step: number, stepsPerChunk: number): Promise<void> {
    const trainer = this.trainer;
    if (!trainer) return;
    while (trainer.step < step && !trainer.halted) {
      await trainer.train(Math.min(stepsPerChunk, step - trainer.step));
    }
  }

  /** Live settings (the session has decided they are live), marked at the current step. */
  applyLive(next: ExperimentConfig): void {
    const prev = this.config;
    this.config = next;
    if (!this.trainer) return;
    this.trainer.applyLiveSettings(next);
    this.history.mark({
      step: this.trainer.step,
      label: describeChange(prev, next),
      kind: 'setting',
    });
  }

  disposeTrainer(): void {
    this.trainer?.dispose();
    this.trainer = null;
  }

  view(): RunView {
    return {
      letter: this.letter,
      config: this.config,
      layers: this.trainer?.layers ?? [],
      step: this.step,
      state: this.state,
      event: this.haltedBy,
      weights: this.weights,
      difference: this.difference,
    };
  }
}
