/**
 * What a Session publishes, as plain data: the experiment being edited, the session's
 * low-frequency state, one view per run, and (on a separate, high-frequency channel) the runs'
 * histories. The page's stores receive them through a SessionSink; the session never reads them
 * back.
 */
import type { AutoBackendReason, BackendInfo } from '../config/backends';
import type { ExperimentConfig } from '../config/schema';
import type { VariantLetter, VariantSpec } from '../config/variants';
import type { LayerInfo } from '../engine/network';
import type { NonFiniteEvent } from '../engine/nonFinite';
import type { TrainingThread } from '../host/hostTypes';
import type { WeightsSharing } from './experimentRuns';
import type { RunHistory } from './runHistory';

/** The base run is A; variants are B, C, D (link keys `b.`, `c.`, `d.`). */
export type RunLetter = 'a' | VariantLetter;

/** The base experiment and its variants: what the link holds and the controls edit. */
export interface Experiment {
  base: ExperimentConfig;
  variants: readonly VariantSpec[];
}

export type SessionStatus = 'idle' | 'running' | 'paused' | 'halted' | 'finished';

export type { BackendInfo };

/** Steps per second the speed setting allows; null = as fast as the backend goes. */
export const SPEED_STEPS_PER_SECOND = { slow: 5, medium: 30, max: null } as const;
export type Speed = keyof typeof SPEED_STEPS_PER_SECOND;

/** Low-frequency state of the whole session (all runs train in lockstep). */
export interface SessionView {
  status: SessionStatus;
  /** Steps trained by the runs still training (they share one step counter). */
  step: number;
  /** Lockstep steps per second: every run trains this many. */
  stepsPerSecond: number;
  speed: Speed;
  backend: BackendInfo | null;
  /** A notice about the backend (fallback, 16-bit floats, lost context), or null. */
  backendNotice: string | null;
  /** Why the automatic choice picked the backend; null when the backend was chosen. */
  backendAuto: AutoBackendReason | null;
  /** An error that stopped training, in words for the page. */
  error: string | null;
  thread: TrainingThread | null;
}

/** Where a run stands: training (or able to), halted by a non-finite value, or at max steps. */
export type RunState = 'training' | 'halted' | 'finished';

/** One run as the page shows it: the config it really trains (what its charts draw). */
export interface RunView {
  letter: RunLetter;
  config: ExperimentConfig;
  layers: LayerInfo[];
  step: number;
  state: RunState;
  event: NonFiniteEvent | null;
  /** How this run's initial weights and batches relate to A's (always 'identical' for A). */
  weights: WeightsSharing;
  /** Its difference from A in words, e.g. "clip globalNorm:1" ('' for A). */
  difference: string;
}

/** Where a session publishes; the page's implementation writes zustand stores. */
export interface SessionSink {
  /** The experiment as last set (validated), at once on every edit. */
  experiment(experiment: Experiment): void;
  session(patch: Partial<SessionView>): void;
  runs(runs: readonly RunView[]): void;
  /**
   * The runs' histories changed. They are mutated in place by the session: a sink copies what
   * it keeps. `immediate` asks to show it now rather than at the next throttled refresh.
   */
  histories(histories: ReadonlyMap<RunLetter, RunHistory>, immediate: boolean): void;
}
