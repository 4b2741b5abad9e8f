import { create } from 'zustand';
import type { StepMetrics } from '../engine/metrics';
import { RunHistory, type HistoryMarker, type TestLossPoint } from './runHistory';

/** Charts redraw at most this often, however fast training runs. */
export const CHART_REFRESH_MS = 250;

/** The single run history of the page. Mutated by the training loop only. */
export const runHistory = new RunHistory();

/** A copy of the run history as it was when published: what every chart draws. */
export interface HistorySnapshot {
  version: number;
  steps: readonly StepMetrics[];
  testLosses: readonly TestLossPoint[];
  markers: readonly HistoryMarker[];
}

interface PublishedHistoryState {
  /** Replaced (throttled) when the charts should redraw. runHistory is mutated in place, hence
   * one copy per publication, shared by all charts. */
  snapshot: HistorySnapshot;
}

function takeSnapshot(): HistorySnapshot {
  return {
    version: runHistory.version,
    steps: runHistory.steps.slice(),
    testLosses: runHistory.testLosses.slice(),
    markers: runHistory.markers.slice(),
  };
}

export const usePublishedHistory = create<PublishedHistoryState>(() => ({
  snapshot: takeSnapshot(),
}));

let scheduled: ReturnType<typeof setTimeout> | null = null;
let lastPublished = 0;

/** Tells the charts the history changed, at most once per CHART_REFRESH_MS. */
export function publishHistory(immediate = false): void {
  const now = performance.now();
  const publish = () => {
    scheduled = null;
    lastPublished = performance.now();
    usePublishedHistory.setState({ snapshot: takeSnapshot() });
  };
  if (immediate || now - lastPublished >= CHART_REFRESH_MS) {
    if (scheduled) clearTimeout(scheduled);
    publish();
  } else if (!scheduled) {
    scheduled = setTimeout(publish, CHART_REFRESH_MS - (now - lastPublished));
  }
}
