import type { ClipConfig } from '../config/schema';
import type { BatchSampler } from '../data/batchSampler';
import { AUTO_CLIP_MAX_PENDING_STEPS, AutoClipHistory } from './autoClip';
import type { StepMetrics } from './metrics';
import { findNonFinite, type NonFiniteEvent } from './nonFinite';
import * as tf from './tf';

/** What a chunk's read-back values decode to, before the halting rule is applied. */
export interface FinishedChunk {
  /** One entry per step trained, up to and including a step with a non-finite value. */
  steps: StepMetrics[];
  /** The first non-finite value of this chunk (training is then halted), or null. */
  event: NonFiniteEvent | null;
}

/**
 * The bookkeeping of training in chunks that the feed-forward and the recurrent trainer share:
 * the batch order, the step count, issuing a chunk's steps with their packed metrics on the
 * device, halting at the first non-finite value once they are read back, and the AutoClip
 * history of pre-clip global norms (kept in every clip mode, so that switching to AutoClip
 * mid-run uses steps 1..k as well). What one step computes stays with each trainer.
 */
export class StepChunks {
  private readonly pendingBatches: Int32Array[] = [];
  private readonly autoClip = new AutoClipHistory();
  private stepsDone = 0;
  private haltedBy: NonFiniteEvent | null = null;

  /**
   * `betweenSteps` is awaited between the steps of a chunk (a yield to the event loop on the
   * page's main thread; see TrainerOptions).
   */
  constructor(
    private readonly sampler: BatchSampler,
    private readonly betweenSteps: (() => Promise<void>) | null,
  ) {}

  /** Steps trained so far (read back). */
  get step(): number {
    return this.stepsDone;
  }

  /** The non-finite event that stopped training, or null while training can go on. */
  get halted(): NonFiniteEvent | null {
    return this.haltedBy;
  }

  /** The batch the next step trains on; `consume` takes it off the queue. */
  nextBatchIndices(consume: boolean): Int32Array {
    if (this.pendingBatches.length === 0) this.pendingBatches.push(this.sampler.next());
    const head = this.pendingBatches[0] as Int32Array;
    if (consume) this.pendingBatches.shift();
    return head;
  }

  /** The device-side AutoClip threshold for measureAndClip under `clip`, null in other modes. */
  autoThreshold(clip: ClipConfig): ((globalNorm: tf.Scalar) => tf.Scalar) | null {
    return clip.mode === 'auto'
      ? (globalNorm) => this.autoClip.threshold(globalNorm, clip.percentile)
      : null;
  }

  /**
   * Issues `steps` steps (`stepAt(i)` trains step i of the chunk and returns its packed metrics
   * vector) and then the `extras` vectors; returns all of them concatenated, still on the device.
   * The caller disposes the result.
   */
  async issue(
    steps: number,
    stepAt: (i: number) => tf.Tensor,
    extras: () => tf.Tensor[],
  ): Promise<tf.Tensor> {
    const vectors: tf.Tensor[] = [];
    for (let i = 0; i < steps; i++) {
      if (i > 0 && this.betweenSteps) await this.betweenSteps();
      if (this.autoClip.pendingCount >= AUTO_CLIP_MAX_PENDING_STEPS) {
        await this.autoClip.flushPending();
      }
      vectors.push(stepAt(i));
    }
    vectors.push(...extras());
    const packed = tf.concat(vectors);
    for (const v of vectors) v.dispose();
    return packed;
  }

  /**
   * Counts an issued chunk of `steps` steps as trained, decodes its metrics (`decode` gets the
   * chunk's first step number), and halts at the first non-finite value: steps after it in the
   * same chunk ran on broken weights and are dropped. AutoClip records the kept steps' norms.
   */
  finish(steps: number, decode: (firstStep: number) => StepMetrics[]): FinishedChunk {
    const firstStep = this.stepsDone + 1;
    this.stepsDone += steps;
    const metrics = decode(firstStep);
    const event = findNonFinite(metrics);
    const kept = event ? metrics.filter((m) => m.step <= event.step) : metrics;
    this.autoClip.commit(
      firstStep,
      kept.map((m) => m.globalNorm),
    );
    if (event) this.haltedBy = event;
    return { steps: kept, event };
  }

  dispose(): void {
    this.autoClip.dispose();
  }
}
