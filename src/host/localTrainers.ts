/**
 * Trainers on the tfjs backend of this thread: the one place that starts or restarts the
 * backend, picks norms to suit its floats, warms its shaders up and watches its WebGL context.
 * The training worker uses it, and so does the page's main thread where there is no worker.
 */
import type { ExperimentConfig } from '../config/schema';
import type { CellProfile } from '../config/sweepCell';
import { SweepCache, measureCells } from '../engine/sweepCells';
import { createTrainer } from '../engine/createTrainer';
import type { RunTrainer, TrainerOptions } from '../engine/trainer';
import { WarmUpCache } from '../engine/warmUp';
import { BudgetedPredictionTrainer, HostTrainingTime } from './predictionBudget';
import type { BackendPreference } from '../config/backends';
import {
  restartAfterContextLoss,
  startBackend,
  watchWebglContext,
  type BackendChoice,
} from '../backend/tfBackend';

export class LocalTrainers {
  private floatBits: 16 | 32 = 32;
  private readonly warmUps = new WarmUpCache();
  private stopWatching: () => void = () => {};
  private readonly sweepCache = new SweepCache();
  /** Shared by the trainers' prediction budgets. */
  private readonly trainingTime = new HostTrainingTime();

  constructor(private readonly trainerOptions: Pick<TrainerOptions, 'betweenSteps'> = {}) {}

  async startBackend(preferred: BackendPreference): Promise<BackendChoice> {
    return this.adopt(await startBackend(preferred));
  }

  async restartAfterContextLoss(): Promise<BackendChoice> {
    return this.adopt(await restartAfterContextLoss());
  }

  /**
   * The feed-forward Trainer or, for model=rnn, the RecurrentTrainer (engine/createTrainer.ts),
   * its prediction maps held to their share of the time (predictionBudget.ts).
   */
  async createTrainer(config: ExperimentConfig): Promise<RunTrainer> {
    // Devices whose WebGL floats are 16-bit need overflow-safe norms (see engine/norms.ts).
    const normMode = this.floatBits === 16 ? 'scaled' : 'plain';
    // Compile the shaders now, while the page is still starting, not after Play.
    await this.warmUps.ensure(config, { normMode });
    const trainer = createTrainer(config, { normMode, ...this.trainerOptions });
    return new BudgetedPredictionTrainer(trainer, config, this.trainingTime);
  }

  /**
   * Sweep cells, each from its own initial weights (engine/sweepCells.ts), yielding between
   * steps as the trainers do.
   */
  measureCells(configs: readonly ExperimentConfig[], steps: number): Promise<CellProfile[]> {
    const normMode = this.floatBits === 16 ? 'scaled' : 'plain';
    return measureCells(configs, steps, {
      normMode,
      cache: this.sweepCache,
      betweenSteps: this.trainerOptions.betweenSteps,
    });
  }

  /** Calls `onLost` (once) when the WebGL context of the current backend is lost. */
  watchContextLoss(onLost: () => void): void {
    this.stopWatching();
    this.stopWatching = watchWebglContext(() => {
      this.stopWatching();
      onLost();
    });
  }

  dispose(): void {
    this.stopWatching();
  }

  private adopt(choice: BackendChoice): BackendChoice {
    this.floatBits = choice.info.floatBits;
    // A new backend compiles its shaders anew.
    this.warmUps.clear();
    return choice;
  }
}
