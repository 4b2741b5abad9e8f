import type { StepMetrics } from '../engine/metrics';
import type { Prediction } from '../engine/prediction';
import type { DistributionQuantity } from '../config/distributionBins';

/** One step's per-layer histograms (engine/distributions.ts). */
export interface HistogramsAtStep {
  step: number;
  histograms: Record<DistributionQuantity, number[][]>;
}

/** Steps kept before the oldest half is thinned; bounds memory on runs of any length. */
export const HISTORY_CAPACITY_STEPS = 2000;
/** The newest steps are always kept exactly, whatever the run's length. */
export const HISTORY_RECENT_EXACT_STEPS = 500;

export interface HistoryMarker {
  step: number;
  /** What happened, e.g. "clip threshold 1 -> 0.5" or "non-finite gradNorm". */
  label: string;
  kind: 'setting' | 'event';
}

export interface TestLossPoint {
  step: number;
  loss: number;
}

/**
 * The run's measurements as the charts need them, bounded in size. When it holds more than
 * HISTORY_CAPACITY_STEPS steps, the older steps (all but the most recent
 * HISTORY_RECENT_EXACT_STEPS) are kept one per bucket of `stride` consecutive steps, the stride
 * doubling as the run grows, so old history stays evenly resolved. Each bucket keeps its step
 * with the largest global gradient norm, so spikes and explosions survive. Plain TS: no React.
 */
export class RunHistory {
  private points: StepMetrics[] = [];
  private testLoss: TestLossPoint[] = [];
  private markerList: HistoryMarker[] = [];
  private latestPrediction: Prediction | null = null;
  private latestHistograms: HistogramsAtStep | null = null;
  /** Steps per kept point in the older part of the history. */
  private stride = 1;
  /**
   * Whether clipping acted, one byte per step trained (index step - 1), so the share of clipped
   * steps counts every step even after the points above are thinned.
   */
  private clippedFlags = new Uint8Array(1024);
  private trained = 0;
  private clippedCount = 0;
  /** Increases on every change, so views can tell cheaply whether to redraw. */
  version = 0;

  get steps(): readonly StepMetrics[] {
    return this.points;
  }
  get testLosses(): readonly TestLossPoint[] {
    return this.testLoss;
  }
  get markers(): readonly HistoryMarker[] {
    return this.markerList;
  }
  /** The network's output over its input space, as last evaluated (not kept over steps). */
  get prediction(): Prediction | null {
    return this.latestPrediction;
  }
  /** The newest step's histograms, when the distributions are measured (not kept over steps). */
  get histograms(): HistogramsAtStep | null {
    return this.latestHistograms;
  }
  /** Steps trained (the newest step's number, when steps are appended in order). */
  get trainedSteps(): number {
    return this.trained;
  }
  /** Of those, the steps in which clipping changed a gradient. */
  get clippedSteps(): number {
    return this.clippedCount;
  }
  get latest(): StepMetrics | null {
    return this.points[this.points.length - 1] ?? null;
  }

  append(steps: readonly StepMetrics[], testLoss?: TestLossPoint): void {
    if (steps.length === 0 && !testLoss) return;
    this.points.push(...steps);
    for (const s of steps) this.tallyClipped(s);
    if (testLoss) this.testLoss.push(testLoss);
    if (this.points.length > HISTORY_CAPACITY_STEPS) this.thin();
    if (this.testLoss.length > HISTORY_CAPACITY_STEPS)
      this.testLoss = thinEveryOther(this.testLoss);
    this.version++;
  }

  setHistograms(histograms: HistogramsAtStep): void {
    this.latestHistograms = histograms;
    this.version++;
  }

  setPrediction(prediction: Prediction): void {
    this.latestPrediction = prediction;
    this.version++;
  }

  mark(marker: HistoryMarker): void {
    this.markerList.push(marker);
    if (this.markerList.length > HISTORY_CAPACITY_STEPS) this.markerList.shift();
    this.version++;
  }

  /** Drops everything after `step` (used when rewinding to the last finite step). */
  truncateAfter(step: number): void {
    this.points = this.points.filter((p) => p.step <= step);
    this.trained = Math.min(this.trained, step);
    this.clippedCount = 0;
    for (let i = 0; i < this.trained; i++) this.clippedCount += this.clippedFlags[i] as number;
    this.testLoss = this.testLoss.filter((p) => p.step <= step);
    this.markerList = this.markerList.filter((m) => m.step <= step);
    if (this.latestPrediction && this.latestPrediction.step > step) this.latestPrediction = null;
    if (this.latestHistograms && this.latestHistograms.step > step) this.latestHistograms = null;
    this.version++;
  }

  clear(): void {
    this.stride = 1;
    this.points = [];
    this.trained = 0;
    this.clippedCount = 0;
    this.testLoss = [];
    this.markerList = [];
    this.latestPrediction = null;
    this.latestHistograms = null;
    this.version++;
  }

  private tallyClipped(s: StepMetrics): void {
    if (s.step > this.clippedFlags.length) {
      const grown = new Uint8Array(Math.max(s.step, 2 * this.clippedFlags.length));
      grown.set(this.clippedFlags);
      this.clippedFlags = grown;
    }
    const i = s.step - 1;
    // A step counted again (it should not be) replaces its earlier flag.
    if (i < this.trained) this.clippedCount -= this.clippedFlags[i] as number;
    this.clippedFlags[i] = s.clipped ? 1 : 0;
    this.clippedCount += this.clippedFlags[i] as number;
    this.trained = Math.max(this.trained, s.step);
  }

  /** Buckets the older steps, doubling the stride until the history fits in 3/4 of capacity. */
  private thin(): void {
    const exactFrom = this.points.length - HISTORY_RECENT_EXACT_STEPS;
    const recent = this.points.slice(exactFrom);
    let old = bucketMax(this.points.slice(0, exactFrom), this.stride);
    while (old.length + recent.length > (HISTORY_CAPACITY_STEPS * 3) / 4) {
      this.stride *= 2;
      old = bucketMax(old, this.stride);
    }
    this.points = old.concat(recent);
  }
}

/** One point per bucket of `stride` steps (by step number): the one with the largest norm. */
function bucketMax(points: readonly StepMetrics[], stride: number): StepMetrics[] {
  const kept: StepMetrics[] = [];
  let bucket = -1;
  for (const p of points) {
    const b = Math.floor((p.step - 1) / stride);
    if (b !== bucket) {
      kept.push(p);
      bucket = b;
    } else if (magnitude(p) > magnitude(kept[kept.length - 1] as StepMetrics)) {
      kept[kept.length - 1] = p;
    }
  }
  return kept;
}

/** NaN and Infinity rank above every finite norm, so non-finite steps are never dropped. */
function magnitude(p: StepMetrics): number {
  return Number.isFinite(p.globalNorm) ? p.globalNorm : Infinity;
}

function thinEveryOther<T>(items: T[]): T[] {
  return items.filter((_, i) => i % 2 === 1 || i === items.length - 1);
}
