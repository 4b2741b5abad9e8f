/**
 * Messages between the page and the training worker (trainingWorker.ts). Every request carries
 * an id and gets exactly one reply with that id; the worker also sends unrequested events.
 * Everything here is structured-cloneable: configs, numbers, plain metric objects.
 */
import type { BackendChoice } from '../backend/tfBackend';
import type { BackendPreference } from '../config/backends';
import type { ExperimentConfig } from '../config/schema';
import type { CellProfile } from '../config/sweepCell';
import type { LayerInfo } from '../engine/network';
import type { ChunkResult } from '../engine/trainer';

export interface WorkerRequests {
  startBackend: { args: { preferred: BackendPreference }; result: BackendChoice };
  restartAfterContextLoss: { args: Record<string, never>; result: BackendChoice };
  createTrainer: {
    args: { config: ExperimentConfig };
    result: { trainerId: number; layers: LayerInfo[] };
  };
  train: {
    args: {
      trainerId: number;
      steps: number;
      testLoss: boolean;
      prediction: boolean;
      distributions: boolean;
    };
    result: ChunkResult & { step: number };
  };
  /**
   * Train requests sent before this one and not yet started are answered at once with no steps
   * (Pause). Handled as it arrives, not in turn.
   */
  dropQueuedTrains: { args: Record<string, never>; result: null };
  applyLiveSettings: { args: { trainerId: number; config: ExperimentConfig }; result: null };
  disposeTrainer: { args: { trainerId: number }; result: null };
  /**
   * Sweep cells: each config trains `steps` steps from its own initial weights, then is freed.
   * The page sends a sweep a few cells at a time, so a sweep waits its turn like a chunk and
   * stopping it between requests is cancelling it.
   */
  measureCells: { args: { configs: ExperimentConfig[]; steps: number }; result: CellProfile[] };
  numTensors: { args: Record<string, never>; result: number };
  /** For tests: lose the WebGL context as a driver reset would. False when not on WebGL. */
  loseWebglContext: { args: Record<string, never>; result: boolean };
}

export type RequestKind = keyof WorkerRequests;

export interface RequestMessage<K extends RequestKind = RequestKind> {
  id: number;
  kind: K;
  args: WorkerRequests[K]['args'];
}

export type ReplyMessage =
  { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** Sent by the worker on its own. */
export type WorkerEvent = { event: 'contextLost' };

export type WorkerMessage = ReplyMessage | WorkerEvent;
