import { startTransition, useEffect, useState } from 'react';
import { usePublishedHistory, type HistorySnapshot } from '../../store/historyStore';
import type { RunLetter } from '../../store/sessionStore';

export type RunSnapshots = Partial<Record<RunLetter, HistorySnapshot>>;

/**
 * Every run's history as last published, taken in as one transition like useHistorySnapshot,
 * for the charts that overlay the runs.
 */
export function useRunSnapshots(): RunSnapshots {
  const [snapshots, setSnapshots] = useState(() => usePublishedHistory.getState().snapshots);
  useEffect(() => {
    const show = (next: RunSnapshots) => startTransition(() => setSnapshots(next));
    show(usePublishedHistory.getState().snapshots);
    return usePublishedHistory.subscribe((state) => show(state.snapshots));
  }, []);
  return snapshots;
}
