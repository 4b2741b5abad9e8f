import { create } from 'zustand';
import { RunHistory } from './runHistory';

/** Charts redraw at most this often, however fast training runs. */
export const CHART_REFRESH_MS = 250;

/** The single run history of the page. Mutated by the training loop only. */
export const runHistory = new RunHistory();

interface HistoryVersionState {
  /** Changes when the charts should redraw from runHistory (throttled). */
  version: number;
}

export const useHistoryVersion = create<HistoryVersionState>(() => ({ version: 0 }));

let scheduled: ReturnType<typeof setTimeout> | null = null;
let lastPublished = 0;

/** Tells the charts the history changed, at most once per CHART_REFRESH_MS. */
export function publishHistory(immediate = false): void {
  const now = performance.now();
  const publish = () => {
    scheduled = null;
    lastPublished = performance.now();
    useHistoryVersion.setState({ version: runHistory.version });
  };
  if (immediate || now - lastPublished >= CHART_REFRESH_MS) {
    if (scheduled) clearTimeout(scheduled);
    publish();
  } else if (!scheduled) {
    scheduled = setTimeout(publish, CHART_REFRESH_MS - (now - lastPublished));
  }
}
