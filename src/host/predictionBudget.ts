/**
 * The prediction map's share of the time training takes. The session asks for a map a few times
 * a second (session/run.ts); each is a forward pass over the whole grid (32 x 32 = 1,024 inputs,
 * engine/prediction.ts), worth 0.6-4 training steps of a 64-sample batch depending on the backend
 * (measured in CPU time: wasm 8 x 32 0.6 steps, cpu 32 x 16 3.1). Four maps a second then cost
 * up to a quarter of a slow backend's training, and with N compared runs N times that. So the
 * trainers where training runs evaluate an asked-for map only when the maps so far have used at
 * most PREDICTION_TIME_SHARE of the training time since the last one (with N runs, 1/N of it
 * each); the map then updates less often on a slow backend (about every 1.5 s on cpu 32 x 16),
 * and its title names the step it shows.
 *
 * The cost of a map is not timed alone (it shares the chunk's one readback), so it is estimated
 * from the chunks: a chunk without a map gives the time per step, a chunk with one its excess
 * over that. Medians of the last few, so one slow chunk (a shader compiled, the machine busy)
 * moves neither figure much.
 */
import type { ExperimentConfig } from '../config/schema';
import type { ChunkResult, RunTrainer, TrainOptions } from '../engine/trainer';

/** The share of wall time the maps may take while training runs at full speed. */
export const PREDICTION_TIME_SHARE = 0.02;
/** Chunks remembered for each estimate. */
const SAMPLES_KEPT = 7;

function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

/** Keeps the last SAMPLES_KEPT values. */
function remember(list: number[], value: number): void {
  list.push(value);
  if (list.length > SAMPLES_KEPT) list.shift();
}

/**
 * The time training takes on one host, all its trainers together (they take turns: the worker
 * runs one chunk at a time), and how many trainers share it. Compared runs train in lockstep,
 * so with N of them each run's maps get 1/N of the share, and together they keep to it.
 */
export class HostTrainingTime {
  /** Sum of every chunk's wall time, ms. */
  busyMs = 0;
  /** Trainers alive on the host. */
  trainers = 0;
}

/**
 * Decides whether an asked-for map is evaluated, from the chunks' wall times (ms, any clock).
 * Time no trainer on the host trains counts in full (the maps cost training nothing then):
 * stepping by hand, every map asked for is evaluated.
 */
export class PredictionBudget {
  private readonly msPerStep: number[] = [];
  private readonly predictionMs: number[] = [];
  private lastPredictionAt = -Infinity;
  private busyAtLastPrediction = 0;

  constructor(private readonly host: HostTrainingTime) {}

  /** Estimated ms of one map; null until a chunk with one followed a chunk without. */
  get estimatedPredictionMs(): number | null {
    return this.predictionMs.length > 0 ? median(this.predictionMs) : null;
  }

  /** Whether a map may be evaluated in a chunk starting at `now`. */
  allows(now: number): boolean {
    const cost = this.estimatedPredictionMs;
    if (cost === null) return true;
    const busy = this.host.busyMs - this.busyAtLastPrediction;
    const idle = Math.max(0, now - this.lastPredictionAt - busy);
    const share = PREDICTION_TIME_SHARE / Math.max(1, this.host.trainers);
    return idle + busy * share >= cost;
  }

  /** Takes in a chunk of `steps` steps that ran from `startedAt` to `endedAt`. */
  took(steps: number, startedAt: number, endedAt: number, withPrediction: boolean): void {
    const ms = endedAt - startedAt;
    if (!(ms >= 0)) return;
    if (withPrediction) {
      this.lastPredictionAt = startedAt;
      this.busyAtLastPrediction = this.host.busyMs;
    }
    this.host.busyMs += ms;
    if (steps <= 0) return;
    if (!withPrediction) {
      remember(this.msPerStep, ms / steps);
      return;
    }
    if (this.msPerStep.length === 0) return;
    remember(this.predictionMs, Math.max(0, ms - steps * median(this.msPerStep)));
  }
}

/**
 * A trainer whose maps keep to a PredictionBudget. The map after the run's last step is always
 * evaluated (the run ends on it); everything else passes through unchanged.
 */
export class BudgetedPredictionTrainer implements RunTrainer {
  private readonly budget: PredictionBudget;
  private disposed = false;

  constructor(
    private readonly inner: RunTrainer,
    private config: ExperimentConfig,
    private readonly host: HostTrainingTime,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.budget = new PredictionBudget(host);
    host.trainers++;
  }

  get layers() {
    return this.inner.layers;
  }

  get step(): number {
    return this.inner.step;
  }

  get halted() {
    return this.inner.halted;
  }

  async train(steps: number, options: TrainOptions = {}): Promise<ChunkResult> {
    const startedAt = this.now();
    const lastChunk = this.inner.step + steps >= this.config.training.maxSteps;
    const prediction = options.prediction === true && (lastChunk || this.budget.allows(startedAt));
    const result = await this.inner.train(steps, { ...options, prediction });
    this.budget.took(result.steps.length, startedAt, this.now(), prediction);
    return result;
  }

  applyLiveSettings(next: ExperimentConfig): void {
    this.config = next;
    this.inner.applyLiveSettings(next);
  }

  dispose(): void {
    if (!this.disposed) this.host.trainers--;
    this.disposed = true;
    this.inner.dispose();
  }
}
