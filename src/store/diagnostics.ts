/**
 * Read-only facts about the running page for the browser tests, the benchmark and curious users
 * in the devtools console: window.__gradscope.
 */
import type { StepMetrics } from '../engine/metrics';
import type { TrainingThread } from './trainerHost';

export interface GradscopeDiagnostics {
  /** The tfjs backend training runs on ('' until started). */
  backend: () => string;
  /** Where training runs. */
  trainingThread: () => TrainingThread | null;
  /** Live tfjs tensors where training runs. */
  numTensors: () => Promise<number>;
  /** Loses the WebGL context (WEBGL_lose_context) to exercise the recovery; false if not WebGL. */
  loseWebglContext: () => Promise<boolean>;
  /** The run's numbers: what the charts draw, as data. */
  history: () => readonly StepMetrics[];
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
