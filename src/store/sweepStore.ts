/**
 * The regime map's state: the sweep last asked for, its cells as they arrive, and where it
 * stands. Written by the sweep actions (store/sweeps.ts) only; read-only to the page.
 */
import { create } from 'zustand';
import type { ExperimentConfig } from '../config/schema';
import type { CellMeasure } from '../config/sweepCell';
import type { SweepSpec } from '../config/sweepSpec';

export type SweepStatus = 'idle' | 'running' | 'done' | 'cancelled' | 'error';

/** A sweep's grid and the cells measured so far. */
export interface SweepResult {
  /** Names the cells' setups, steps and backend: equal keys measure equal numbers. */
  key: string;
  spec: SweepSpec;
  xs: number[];
  ys: number[];
  /** The base the cells were made from (the map marks where it sits). */
  base: ExperimentConfig;
  /** Grid order: cell (i, j) at j * xs.length + i; null until measured. */
  cells: (CellMeasure | null)[];
  done: number;
  /** The backend the cells were measured on. */
  backend: string;
  /** Wall-clock time of the sweep so far. */
  elapsedMs: number;
}

export interface SweepState {
  status: SweepStatus;
  result: SweepResult | null;
  error: string | null;
}

export const useSweepStore = create<SweepState>(() => ({
  status: 'idle',
  result: null,
  error: null,
}));
