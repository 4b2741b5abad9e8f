/**
 * What the session needs of the place where training runs (a Web Worker, or the page's main
 * thread): a tfjs backend, trainers on it, and the queueing of chunks. Types only, so the
 * session and both hosts can import it without a cycle.
 */
import type { BackendChoice } from '../backend/tfBackend';
import type { BackendPreference } from '../config/backends';
import type { ExperimentConfig } from '../config/schema';
import type { CellProfile } from '../config/sweepCell';
import type { RunTrainer } from '../engine/trainer';

export type TrainingThread = 'worker' | 'main';

/** Trainers and the chunk queue behind them: all the training loop asks of a host. */
export interface TrainerSource {
  createTrainer(config: ExperimentConfig): Promise<RunTrainer>;
  /**
   * True when train() may be called again (on any of this host's trainers) before the last call
   * settled: the calls then run one after another, in call order (the worker queues them). A
   * trainer on the page's thread cannot: two of its chunks at once would interleave their steps.
   */
  readonly queuesChunks: boolean;
  /**
   * With queuesChunks: chunks asked for that have not started yet come back with no steps, so
   * Pause stops training at the end of the chunk under way.
   */
  dropQueuedChunks(): void;
}

export interface TrainerHost extends TrainerSource {
  readonly thread: TrainingThread;
  startBackend(preferred: BackendPreference): Promise<BackendChoice>;
  /** Calls `onLost` (once) when the WebGL context behind the backend is lost. */
  watchContextLoss(onLost: () => void): void;
  /**
   * Calls `onDied` (once) when the place training runs has died (the worker crashed on an
   * uncaught error or was terminated): every trainer and tensor on it is gone and the host is
   * unusable. The main thread never reports this.
   */
  watchDeath(onDied: (cause: string) => void): void;
  /** Drops a lost WebGL backend and starts afresh (WebGL again, or the CPU). */
  restartAfterContextLoss(): Promise<BackendChoice>;
  /** Trains each config `steps` steps from its own initial weights and sums it up. */
  measureCells(configs: ExperimentConfig[], steps: number): Promise<CellProfile[]>;
  numTensors(): Promise<number>;
  /** For tests: lose the WebGL context as a driver reset would. */
  loseWebglContext(): Promise<boolean>;
  /** For tests: stop the training worker as a crash would; false when training is not in one. */
  terminateWorker(): boolean;
  dispose(): void;
}

export interface StartedHost {
  host: TrainerHost;
  choice: BackendChoice;
}

/** Starts a host on the preferred backend (startTrainerHost.ts on the page). */
export type HostStarter = (preferred: BackendPreference) => Promise<StartedHost>;
