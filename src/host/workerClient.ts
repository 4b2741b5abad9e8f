/**
 * The page's side of the training worker: typed request/reply over postMessage, and a trainer
 * that lives in the worker (RemoteTrainer) behind the same RunTrainer interface the training
 * session uses on the main thread.
 */
import type { ExperimentConfig } from '../config/schema';
import type { LayerInfo } from '../engine/network';
import type { NonFiniteEvent } from '../engine/nonFinite';
import type { ChunkResult, RunTrainer, TrainOptions } from '../engine/trainer';
import type { RequestKind, RequestMessage, WorkerMessage, WorkerRequests } from './protocol';

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

export class TrainingWorkerClient {
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  private failure: Error | null = null;
  /** Called when the worker reports that its WebGL context was lost. */
  onContextLost: () => void = () => {};
  /** Called once when the worker dies (see die()). */
  onDeath: (cause: string) => void = () => {};

  constructor() {
    this.worker = new Worker(new URL('./trainingWorker.ts', import.meta.url), {
      type: 'module',
      name: 'gradscope-training',
    });
    this.worker.onmessage = (message: MessageEvent<WorkerMessage>) => this.receive(message.data);
    // An uncaught error leaves the worker's trainers in an unknown state: the worker is done
    // for. A worker that fails to load fails every request, so the page can fall back.
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.die(event.message || 'could not load');
    };
  }

  request<K extends RequestKind>(
    kind: K,
    args: WorkerRequests[K]['args'],
  ): Promise<WorkerRequests[K]['result']> {
    if (this.failure) return Promise.reject(this.failure);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.worker.postMessage({ id, kind, args } satisfies RequestMessage<K>);
    });
  }

  /** Stops the worker for good (the page is done with it); no death is reported. */
  terminate(): void {
    this.fail(new Error('training worker stopped'));
    this.worker.terminate();
  }

  /**
   * The worker died (an uncaught error in it, or terminated from outside as a crash would):
   * it is stopped, every request waiting fails, and onDeath hears of it once. False when it
   * was already gone.
   */
  die(cause: string): boolean {
    if (this.failure) return false;
    this.fail(new Error(`training worker failed: ${cause}`));
    this.worker.terminate();
    const onDeath = this.onDeath;
    this.onDeath = () => {};
    onDeath(cause);
    return true;
  }

  private receive(message: WorkerMessage): void {
    if ('event' in message) {
      if (message.event === 'contextLost') this.onContextLost();
      return;
    }
    const pending = this.pending.get(message.id);
    if (!pending) return;
    this.pending.delete(message.id);
    if (message.ok) pending.resolve(message.result);
    else pending.reject(new Error(message.error));
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const pending of this.pending.values()) pending.reject(error);
    this.pending.clear();
  }
}

/** A Trainer in the worker. step and halted mirror the worker's after every chunk. */
export class RemoteTrainer implements RunTrainer {
  private stepsDone = 0;
  private haltedBy: NonFiniteEvent | null = null;
  private disposed = false;

  private constructor(
    private readonly client: TrainingWorkerClient,
    private readonly trainerId: number,
    readonly layers: LayerInfo[],
  ) {}

  static async create(
    client: TrainingWorkerClient,
    config: ExperimentConfig,
  ): Promise<RemoteTrainer> {
    const { trainerId, layers } = await client.request('createTrainer', { config });
    return new RemoteTrainer(client, trainerId, layers);
  }

  get step(): number {
    return this.stepsDone;
  }

  get halted(): NonFiniteEvent | null {
    return this.haltedBy;
  }

  async train(steps: number, options: TrainOptions = {}): Promise<ChunkResult> {
    if (this.disposed) throw new Error('trainer was disposed');
    const { step, ...result } = await this.client.request('train', {
      trainerId: this.trainerId,
      steps,
      testLoss: options.testLoss === true,
      prediction: options.prediction === true,
      distributions: options.distributions === true,
    });
    this.stepsDone = step;
    this.haltedBy = result.event;
    return result;
  }

  /** The worker handles messages in order, so the next chunk trains with these settings. */
  applyLiveSettings(next: ExperimentConfig): void {
    // It fails only when the worker is gone, and then the next train() reports that.
    this.client
      .request('applyLiveSettings', { trainerId: this.trainerId, config: next })
      .catch(() => undefined);
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    // A stopped worker has nothing left to free.
    this.client.request('disposeTrainer', { trainerId: this.trainerId }).catch(() => undefined);
  }
}
