import { create } from 'zustand';
import type { RunLetter, RunView as SessionRunView, SessionView } from '../session/sessionTypes';

export type { BackendInfo, RunLetter, SessionStatus, Speed } from '../session/sessionTypes';

/**
 * A run as the page shows it. Its step is kept apart (runSteps): a run's entry, and every
 * component that reads it, changes only when something shown of it does, not on every chunk
 * (shownRuns.ts).
 */
export type RunView = Omit<SessionRunView, 'step'>;

/**
 * The session's low-frequency state and its runs, as last published (storeSink.ts). Read-only
 * to the page: the page changes things through the session's actions (pageSession.ts).
 */
export interface SessionState extends SessionView {
  /** A first, then the variants in letter order. */
  runs: RunView[];
  /** Each run's step as last published, for whoever reads it when needed (the export). */
  runSteps: Partial<Record<RunLetter, number>>;
}

export const useSessionStore = create<SessionState>(() => ({
  status: 'idle',
  step: 0,
  stepsPerSecond: 0,
  speed: 'max',
  backend: null,
  backendNotice: null,
  backendAuto: null,
  error: null,
  thread: null,
  runs: [],
  runSteps: {},
}));
