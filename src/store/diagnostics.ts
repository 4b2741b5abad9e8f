/**
 * Read-only facts about the running page for the browser tests, the benchmark and curious users
 * in the devtools console: window.__gradscope.
 */
import type { StepMetrics } from '../engine/metrics';
import type { TrainingThread } from '../host/hostTypes';
import type { RunLetter } from '../session/sessionTypes';

export interface GradscopeDiagnostics {
  /** The tfjs backend training runs on ('' until started). */
  backend: () => string;
  /** Where training runs. */
  trainingThread: () => TrainingThread | null;
  /** Live tfjs tensors where training runs. */
  numTensors: () => Promise<number>;
  /** Loses the WebGL context (WEBGL_lose_context) to exercise the recovery; false if not WebGL. */
  loseWebglContext: () => Promise<boolean>;
  /**
   * Stops the training worker as a crash would, to exercise its replacement (the runs start
   * again from their seeds); false when training is not in a worker.
   */
  terminateTrainingWorker: () => boolean;
  /** A run's numbers (A by default): what its charts draw, as data. */
  history: (letter?: RunLetter) => readonly StepMetrics[];
  /** Loads the benchmark's in-page harness (src/bench/pageBench.ts), a lazy chunk. */
  loadBench: () => Promise<unknown>;
}

declare global {
  interface Window {
    __gradscope?: Partial<GradscopeDiagnostics>;
  }
}

/** Adds to window.__gradscope without dropping what is there. */
export function exposeDiagnostics(diagnostics: Partial<GradscopeDiagnostics>): void {
  window.__gradscope = { ...window.__gradscope, ...diagnostics };
}
