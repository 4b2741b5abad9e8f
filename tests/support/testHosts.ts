/**
 * Hosts for driving a Session in Node on the tfjs cpu backend (tests/support/tfCpu.ts), and a
 * sink that keeps what the session published.
 */
import type { ExperimentConfig } from '../../src/config/schema';
import type { LayerInfo } from '../../src/engine/network';
import type { NonFiniteEvent } from '../../src/engine/nonFinite';
import {
  Trainer,
  type ChunkResult,
  type RunTrainer,
  type TrainOptions,
} from '../../src/engine/trainer';
import type { HostStarter, TrainerHost } from '../../src/host/hostTypes';
import { RequestQueue } from '../../src/host/requestQueue';
import type { RunHistory } from '../../src/session/runHistory';
import type {
  Experiment,
  RunLetter,
  RunView,
  SessionSink,
  SessionView,
} from '../../src/session/sessionTypes';

function hostOn(
  createTrainer: (config: ExperimentConfig) => Promise<RunTrainer>,
  queue: { queuesChunks: boolean; dropQueuedChunks: () => void },
  watchDeath: (onDied: (cause: string) => void) => void = () => {},
): TrainerHost {
  let tensorsCounter: () => Promise<number> = async () => 0;
  void import('../../src/engine/tf').then((tf) => {
    tensorsCounter = async () => tf.memory().numTensors;
  });
  return {
    thread: 'main',
    ...queue,
    createTrainer,
    startBackend: async () => ({ info: { name: 'cpu', floatBits: 32 }, notice: null }),
    restartAfterContextLoss: async () => ({ info: { name: 'cpu', floatBits: 32 }, notice: null }),
    watchContextLoss: () => {},
    watchDeath,
    measureCells: (configs, steps) =>
      import('../../src/engine/sweepCells').then((m) => m.measureCells(configs, steps)),
    numTensors: () => tensorsCounter(),
    loseWebglContext: async () => false,
    terminateWorker: () => false,
    dispose: () => {},
  };
}

/** Trainers on this thread, one chunk at a time, as the page's main-thread fallback has them. */
export function localHost(): HostStarter {
  const host = hostOn(async (config) => new Trainer(config), {
    queuesChunks: false,
    dropQueuedChunks: () => {},
  });
  return async () => ({ host, choice: await host.startBackend('cpu') });
}

/**
 * Real Trainers behind one request queue, as the page sees the trainers in the training worker:
 * chunks of every trainer run one after another in the order asked, `step` and `halted` move
 * when a chunk's result is handed back, and dropQueuedChunks() drops the chunks still waiting.
 * (The worker itself needs a browser; the browser tests drive it.)
 *
 * `hold()` makes every chunk wait before it trains until `release()`, so a test can act while a
 * chunk is under way and another waits behind it.
 */
export class QueuedHost {
  readonly trainers: QueuedTrainer[] = [];
  inFlight = 0;
  maxInFlight = 0;
  dropped = 0;
  readonly queue = new RequestQueue();
  /** Hosts started so far; each kill() ends the latest, as a worker's death does. */
  hostsStarted = 0;
  private gate: Promise<void> = Promise.resolve();
  private open: () => void = () => {};
  private onDied: ((cause: string) => void) | null = null;

  readonly starter: HostStarter = async () => {
    const generation = ++this.hostsStarted;
    const host = hostOn(
      async (config) => {
        if (generation !== this.hostsStarted) throw new Error('training worker failed: dead');
        const trainer = new QueuedTrainer(config, this, generation);
        this.trainers.push(trainer);
        return trainer;
      },
      { queuesChunks: true, dropQueuedChunks: () => this.queue.dropWaiting() },
      (onDied) => (this.onDied = onDied),
    );
    return { host, choice: await host.startBackend('cpu') };
  };

  /**
   * The latest host dies as a crashed worker does: its trainers' chunks, waiting or asked for
   * later, fail, and the session hears of the death once.
   */
  kill(): void {
    const onDied = this.onDied;
    this.onDied = null;
    this.hostsStarted++;
    onDied?.('killed by the test');
  }

  /** Whether a trainer of host `generation` still has a living host. */
  alive(generation: number): boolean {
    return generation === this.hostsStarted;
  }

  get latest(): QueuedTrainer {
    return this.trainers.at(-1)!;
  }

  hold(): void {
    this.gate = new Promise((resolve) => (this.open = resolve));
  }

  release(): void {
    this.open();
    this.gate = Promise.resolve();
  }

  /** Waits for the gate: hold() keeps chunks from starting. */
  passGate(): Promise<void> {
    return this.gate;
  }
}

export class QueuedTrainer implements RunTrainer {
  readonly trainer: Trainer;
  private stepsDone = 0;
  private haltedBy: NonFiniteEvent | null = null;

  constructor(
    config: ExperimentConfig,
    private readonly host: QueuedHost,
    private readonly generation = host.hostsStarted,
  ) {
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

  async train(steps: number, options?: TrainOptions): Promise<ChunkResult> {
    const host = this.host;
    host.inFlight++;
    host.maxInFlight = Math.max(host.maxInFlight, host.inFlight);
    const trained = async () => {
      await host.passGate();
      if (!host.alive(this.generation)) throw new Error('training worker failed: dead');
      return this.trainer.train(steps, options);
    };
    const dropped = (): ChunkResult => {
      host.dropped++;
      return { steps: [], event: this.trainer.halted, testLoss: null };
    };
    try {
      const result = await host.queue.run(trained, dropped);
      this.stepsDone = this.trainer.step;
      this.haltedBy = result.event;
      return result;
    } finally {
      host.inFlight--;
    }
  }

  applyLiveSettings(next: ExperimentConfig): void {
    // In order after the chunks already asked for, as the worker applies it.
    void this.host.queue.run(() => this.trainer.applyLiveSettings(next));
  }

  dispose(): void {
    void this.host.queue.run(() => this.trainer.dispose());
  }
}

/** A SessionSink that keeps the latest of everything published. */
export class RecordingSink implements SessionSink {
  experimentSet: Experiment | null = null;
  view: Partial<SessionView> = {};
  runViews: readonly RunView[] = [];
  private historyMap: ReadonlyMap<RunLetter, RunHistory> = new Map();

  experiment(experiment: Experiment): void {
    this.experimentSet = experiment;
  }
  session(patch: Partial<SessionView>): void {
    this.view = { ...this.view, ...patch };
  }
  runs(runs: readonly RunView[]): void {
    this.runViews = runs;
  }
  histories(histories: ReadonlyMap<RunLetter, RunHistory>): void {
    this.historyMap = histories;
  }

  history(letter: RunLetter = 'a'): RunHistory {
    const found = this.historyMap.get(letter);
    if (!found) throw new Error(`no history published for run ${letter}`);
    return found;
  }

  run(letter: RunLetter = 'a'): RunView {
    const found = this.runViews.find((r) => r.letter === letter);
    if (!found) throw new Error(`no run ${letter} published`);
    return found;
  }

  get status() {
    return this.view.status;
  }
  get step() {
    return this.view.step ?? 0;
  }
}
