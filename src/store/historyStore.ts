import { create } from 'zustand';
import type { StepMetrics } from '../engine/metrics';
import type { Prediction } from '../engine/prediction';
import type {
  HistogramsAtStep,
  HistoryMarker,
  RunHistory,
  TestLossPoint,
} from '../session/runHistory';
import type { RunLetter } from '../session/sessionTypes';

/** Charts redraw at most this often, however fast training runs. */
export const CHART_REFRESH_MS = 250;

/** A copy of a run's history as it was when published: what its charts draw. */
export interface HistorySnapshot {
  version: number;
  steps: readonly StepMetrics[];
  testLosses: readonly TestLossPoint[];
  markers: readonly HistoryMarker[];
  /** The network's output over its input space, as last evaluated. */
  prediction: Prediction | null;
  /** The newest step's histograms, while the distributions are measured. */
  histograms: HistogramsAtStep | null;
  /** Steps trained, and of those the steps clipping changed (counted over every step). */
  trainedSteps: number;
  clippedSteps: number;
}

export const EMPTY_SNAPSHOT: HistorySnapshot = {
  version: -1,
  steps: [],
  testLosses: [],
  markers: [],
  prediction: null,
  histograms: null,
  trainedSteps: 0,
  clippedSteps: 0,
};

interface PublishedHistoryState {
  /**
   * One snapshot per run, replaced (throttled) when the charts should redraw. The session
   * mutates its histories in place, hence one copy per publication, shared by all charts.
   */
  snapshots: Partial<Record<RunLetter, HistorySnapshot>>;
}

export const usePublishedHistory = create<PublishedHistoryState>(() => ({ snapshots: {} }));

function takeSnapshot(history: RunHistory): HistorySnapshot {
  return {
    version: history.version,
    steps: history.steps.slice(),
    testLosses: history.testLosses.slice(),
    markers: history.markers.slice(),
    prediction: history.prediction,
    histograms: history.histograms,
    trainedSteps: history.trainedSteps,
    clippedSteps: history.clippedSteps,
  };
}

/**
 * Publishes histories to the charts at most once per CHART_REFRESH_MS (the high-frequency
 * channel, kept out of React's way until the charts redraw). A history whose version has not
 * changed keeps its snapshot, so its charts do not redraw.
 */
export class HistoryPublisher {
  private scheduled: ReturnType<typeof setTimeout> | null = null;
  private lastPublished = -Infinity;
  private latest: ReadonlyMap<RunLetter, RunHistory> = new Map();

  publish(histories: ReadonlyMap<RunLetter, RunHistory>, immediate = false): void {
    this.latest = histories;
    const now = performance.now();
    if (immediate || now - this.lastPublished >= CHART_REFRESH_MS) {
      if (this.scheduled) clearTimeout(this.scheduled);
      this.flush();
    } else if (!this.scheduled) {
      this.scheduled = setTimeout(
        () => this.flush(),
        CHART_REFRESH_MS - (now - this.lastPublished),
      );
    }
  }

  private flush(): void {
    this.scheduled = null;
    this.lastPublished = performance.now();
    const before = usePublishedHistory.getState().snapshots;
    const snapshots: Partial<Record<RunLetter, HistorySnapshot>> = {};
    for (const [letter, history] of this.latest) {
      const kept = before[letter];
      snapshots[letter] = kept && kept.version === history.version ? kept : takeSnapshot(history);
    }
    usePublishedHistory.setState({ snapshots });
  }
}
