/**
 * Where the page trains: a Web Worker when the browser can run WebGL there (OffscreenCanvas),
 * otherwise the main thread, yielding between steps. Both give the training loop the same
 * RunTrainer and the session the same backend operations. The main-thread host is loaded only
 * when needed, so with a worker the page's own bundle carries no tfjs.
 */
import type { BackendChoice, BackendName } from '../backend/tfBackend';
import type { ExperimentConfig } from '../config/schema';
import type { RunTrainer } from '../engine/trainer';

export type TrainingThread = 'worker' | 'main';

export interface TrainerHost {
  readonly thread: TrainingThread;
  startBackend(preferred: BackendName): Promise<BackendChoice>;
  createTrainer(config: ExperimentConfig): Promise<RunTrainer>;
  /** Calls `onLost` (once) when the WebGL context behind the backend is lost. */
  watchContextLoss(onLost: () => void): void;
  /** Drops a lost WebGL backend and starts afresh (WebGL again, or the CPU). */
  restartAfterContextLoss(): Promise<BackendChoice>;
  numTensors(): Promise<number>;
  /** For tests: lose the WebGL context as a driver reset would. */
  loseWebglContext(): Promise<boolean>;
  dispose(): void;
}

/** Whether this browser can train with WebGL inside a worker. */
export function canTrainInWorker(): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
}

export interface StartedHost {
  host: TrainerHost;
  choice: BackendChoice;
}

/**
 * Starts the preferred backend in a worker, or on the main thread when a worker cannot be used
 * or cannot give the preferred backend while the main thread can.
 */
export async function startTrainerHost(preferred: BackendName): Promise<StartedHost> {
  if (canTrainInWorker()) {
    const { createWorkerHost } = await import('../worker/workerHost');
    const host = createWorkerHost();
    try {
      const choice = await host.startBackend(preferred);
      if (choice.info.name === preferred) return { host, choice };
      const main = await startMainThreadHost(preferred);
      if (main.choice.info.name === preferred) {
        host.dispose();
        return main;
      }
      main.host.dispose();
      return { host, choice };
    } catch {
      host.dispose();
    }
  }
  return startMainThreadHost(preferred);
}

async function startMainThreadHost(preferred: BackendName): Promise<StartedHost> {
  const { createMainThreadHost } = await import('./mainThreadHost');
  const host = createMainThreadHost();
  return { host, choice: await host.startBackend(preferred) };
}
