/**
 * The seed bands' state: every run on screen measured with N seeds at step 1, as the cells
 * arrive, and where the measuring stands. Written by the seed-band actions (store/seedBands.ts)
 * only; read-only to the page.
 */
import { create } from 'zustand';
import type { ExperimentConfig } from '../config/schema';
import type { CellProfile } from '../config/sweepCell';
import type { RunLetter } from '../session/sessionTypes';
import type { SweepStatus } from './sweepStore';

/** One run of the experiment with its seeds. */
export interface SeedBandRun {
  letter: RunLetter;
  /** The run's config at its own seed (the band's first seed). */
  config: ExperimentConfig;
  seeds: number[];
  /** Seed order; null until measured. */
  cells: (CellProfile | null)[];
}

export interface SeedBandResult {
  /** Names the runs, the seed count and the backend: equal keys measure equal numbers. */
  key: string;
  count: number;
  runs: SeedBandRun[];
  /** Seeds measured so far, over all runs. */
  done: number;
  total: number;
  backend: string;
  elapsedMs: number;
}

export interface SeedBandState {
  status: SweepStatus;
  result: SeedBandResult | null;
  error: string | null;
}

export const useSeedBandStore = create<SeedBandState>(() => ({
  status: 'idle',
  result: null,
  error: null,
}));
