import { create } from 'zustand';
import type { RunView, SessionView } from '../session/sessionTypes';

export type {
  BackendInfo,
  RunLetter,
  RunView,
  SessionStatus,
  Speed,
} from '../session/sessionTypes';

/**
 * The session's low-frequency state and its runs, as last published (storeSink.ts). Read-only
 * to the page: the page changes things through the session's actions (pageSession.ts).
 */
export interface SessionState extends SessionView {
  /** A first, then the variants in letter order. */
  runs: RunView[];
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
}));
