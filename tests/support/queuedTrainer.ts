import type { ExperimentConfig } from '../../src/config/schema';
import type { LayerInfo } from '../../src/engine/network';
import type { NonFiniteEvent } from '../../src/engine/nonFinite';
import {
  Trainer,
  type ChunkResult,
  type RunTrainer,
  type TrainOptions,
} from '../../src/engine/trainer';
import { RequestQueue } from '../../src/worker/requestQueue';

/**
 * A real Trainer behind the worker's request queue, as the page's RemoteTrainer sees the one in
 * the training worker: chunks run one after another in the order asked, `step` and `halted` move
 * when a chunk's result is handed back, and dropQueuedChunks() drops the chunks still waiting.
 * (The worker itself needs a browser; the browser tests drive it.)
 *
 * `hold()` makes every chunk wait before it trains until `release()`, so a test can act while a
 * chunk is under way and another waits behind it.
 */
export class QueuedTrainer implements RunTrainer {
  readonly queuesChunks = true;
  readonly trainer: Trainer;
  /** Chunks asked for and not yet handed back, and the most there ever were at once. */
  inFlight = 0;
  maxInFlight = 0;
  dropped = 0;
  private readonly queue = new RequestQueue();
  private stepsDone = 0;
  private haltedBy: NonFiniteEvent | null = null;
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => {};

  constructor(config: ExperimentConfig) {
    this.trainer = new Trainer(config);
  }

  get layers(): LayerInfo[] {
    return this.trainer.layers;
  }

  get step(): number {
    return this.stepsDone;
  }

  get halted(): NonFiniteEvent | null {
    return this.haltedBy;
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
    this.gate = Promise.resolve();
  }

  async train(steps: number, options?: TrainOptions): Promise<ChunkResult> {
    this.inFlight++;
    this.maxInFlight = Math.max(this.maxInFlight, this.inFlight);
    const trained = async () => {
      await this.gate;
      return this.trainer.train(steps, options);
    };
    const dropped = (): ChunkResult => {
      this.dropped++;
      return { steps: [], event: this.trainer.halted, testLoss: null };
    };
    try {
      const result = await this.queue.run(trained, dropped);
      this.stepsDone = this.trainer.step;
      this.haltedBy = result.event;
      return result;
    } finally {
      this.inFlight--;
    }
  }

  dropQueuedChunks(): void {
    this.queue.dropWaiting();
  }

  applyLiveSettings(next: ExperimentConfig): void {
    // In order after the chunks already asked for, as the worker applies it.
    void this.queue.run(() => this.trainer.applyLiveSettings(next));
  }

  dispose(): void {
    void this.queue.run(() => this.trainer.dispose());
  }
}
