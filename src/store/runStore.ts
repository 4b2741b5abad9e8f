import { create } from 'zustand';
import type { LayerInfo } from '../engine/network';
import type { NonFiniteEvent } from '../engine/nonFinite';
import type { BackendName } from '../backend/backendNames';

export type RunStatus = 'idle' | 'running' | 'paused' | 'halted' | 'finished';

export interface BackendInfo {
  name: BackendName;
  /** Float bits the backend computes with (WebGL may be limited to 16). */
  floatBits: 16 | 32;
}

/** Steps per second the speed setting allows; null = as fast as the backend goes. */
export const SPEED_STEPS_PER_SECOND = { slow: 5, medium: 30, max: null } as const;
export type Speed = keyof typeof SPEED_STEPS_PER_SECOND;

/** Low-frequency run state for the page; per-step numbers live in the history store. */
export interface RunState {
  status: RunStatus;
  step: number;
  stepsPerSecond: number;
  speed: Speed;
  backend: BackendInfo | null;
  /** A notice about the backend (fallback, 16-bit floats, lost context), or null. */
  backendNotice: string | null;
  layers: LayerInfo[];
  event: NonFiniteEvent | null;
  /** An error that stopped the run, in words for the page. */
  error: string | null;
}

export const useRunStore = create<RunState>(() => ({
  status: 'idle',
  step: 0,
  stepsPerSecond: 0,
  speed: 'max',
  backend: null,
  backendNotice: null,
  layers: [],
  event: null,
  error: null,
}));
