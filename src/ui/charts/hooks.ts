/** Store selections the charts share. Each returns a stable value between store changes. */
import { startTransition, useEffect, useMemo, useState } from 'react';
import { usePublishedHistory, type HistorySnapshot } from '../../store/historyStore';
import { useRunStore } from '../../store/runStore';
import { eventLabel, layerName } from './format';
import { layerColors } from './palette';
import { createRefreshQueue } from './refreshQueue';
import type { StepEvent } from './referenceMarks';

export type { HistorySnapshot };

/** The page's charts take turns on every published snapshot. */
const snapshotQueue = createRefreshQueue(usePublishedHistory.getState().snapshot, (callback) =>
  requestAnimationFrame(callback),
);
usePublishedHistory.subscribe((state) => snapshotQueue.publish(state.snapshot));

/**
 * The run history as last published (throttled to CHART_REFRESH_MS), so charts derive their data
 * with useMemo keyed on it and never re-render per training step.
 *
 * A new snapshot reaches the charts one chart at a time (see refreshQueue.ts), as a transition:
 * React renders the chart in slices between frames and input, then commits it, and recharts
 * redraws from its own store in the effects after. The chart's turn ends when its effects have
 * run; the next chart starts in the following frame.
 */
export function useHistorySnapshot(): HistorySnapshot {
  const [snapshot, setSnapshot] = useState(snapshotQueue.latest);
  const [show] = useState(
    () => (next: HistorySnapshot) => startTransition(() => setSnapshot(next)),
  );
  useEffect(
    // Subscribed once per chart with the snapshot it first rendered: a newer one published
    // since is queued at once; later ones arrive through the queue.
    () => snapshotQueue.subscribe(show, snapshot),
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [show],
  );
  useEffect(() => snapshotQueue.drawn(show), [show, snapshot]);
  return snapshot;
}

export interface LayerLook {
  names: string[];
  colors: string[];
}

/** Names (from the run store, "layer N" until it knows) and depth colours of `count` layers. */
export function useLayerLook(count: number): LayerLook {
  const layers = useRunStore((s) => s.layers);
  return useMemo(() => {
    const known = layers.map((l) => l.name);
    return {
      names: Array.from({ length: count }, (_, i) => layerName(known, i)),
      colors: layerColors(count),
    };
  }, [layers, count]);
}

/** The run's first non-finite step as a labelled event, or null. */
export function useOverflowEvent(): StepEvent | null {
  const event = useRunStore((s) => s.event);
  const layers = useRunStore((s) => s.layers);
  return useMemo(
    () =>
      event
        ? {
            step: event.step,
            label: eventLabel(
              event,
              layers.map((l) => l.name),
            ),
          }
        : null,
    [event, layers],
  );
}

/**
 * `list`, or the list returned before if it holds the same items (by `same`). Keeps a chart's
 * props equal across refreshes that rebuilt a list without changing it, so memoized parts of
 * the chart do not redraw.
 */
export function useStableList<T>(list: readonly T[], same: (a: T, b: T) => boolean): readonly T[] {
  const [kept, setKept] = useState(list);
  if (kept === list) return kept;
  if (kept.length === list.length && kept.every((item, i) => same(item, list[i] as T))) return kept;
  // Derived state, set while rendering: React renders again at once with it.
  setKept(list);
  return list;
}
