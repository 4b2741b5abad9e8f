/** Store selections the charts share. Each returns a stable value between store changes. */
import { startTransition, useCallback, useEffect, useMemo, useState } from 'react';
import {
  EMPTY_SNAPSHOT,
  usePublishedHistory,
  type HistorySnapshot,
} from '../../store/historyStore';
import type { LayerInfo } from '../../engine/network';
import { useShownLetter, useShownRun } from '../shownRun';
import { eventLabel, layerName, layerPlaceName } from './format';
import { layerColors } from './palette';
import type { StepEvent } from './referenceMarks';

export type { HistorySnapshot };

/**
 * The run history as last published (throttled to CHART_REFRESH_MS), so charts derive their data
 * with useMemo keyed on it and never re-render per training step.
 *
 * A new snapshot reaches every chart as one transition: React renders them in slices between
 * frames and input, then commits them together, so the page changes once per refresh. (The
 * charts used to take turns, one per frame, when a chart's refresh cost 13+ ms in recharts. Now
 * that the lines bypass recharts (LiveLineChart.tsx), five frames that each change a little cost
 * the page more than one that changes it all: each changed frame is painted, committed and
 * composited whole. Main thread busy in 5 s traces while training, two pairs of builds:
 * 1,307 and 1,441 ms taking turns, 764 and 1,026 ms together; frame p95 17 ms in both.)
 */
export function useHistorySnapshot(): HistorySnapshot {
  const letter = useShownLetter();
  const [snapshot, setSnapshot] = useState(
    () => usePublishedHistory.getState().snapshots[letter] ?? EMPTY_SNAPSHOT,
  );
  useEffect(() => {
    const show = (next: HistorySnapshot) => startTransition(() => setSnapshot(next));
    // One published since the first render is shown at once.
    show(usePublishedHistory.getState().snapshots[letter] ?? EMPTY_SNAPSHOT);
    return usePublishedHistory.subscribe((state, prev) => {
      const next = state.snapshots[letter] ?? EMPTY_SNAPSHOT;
      if (next !== (prev.snapshots[letter] ?? EMPTY_SNAPSHOT)) show(next);
    });
  }, [letter]);
  return snapshot;
}

const NO_LAYERS: LayerInfo[] = [];

/** The shown run's layers (empty until its trainer is built). */
export function useShownLayers(): LayerInfo[] {
  return useShownRun()?.layers ?? NO_LAYERS;
}

export interface LayerLook {
  names: string[];
  colors: string[];
}

/** Names (of the shown run's layers, "layer N" until known) and depth colours of `count` layers. */
export function useLayerLook(count: number): LayerLook {
  const layers = useShownLayers();
  return useMemo(() => {
    const known = layers.map((l) => l.name);
    return {
      names: Array.from({ length: count }, (_, i) => layerName(known, i)),
      colors: layerColors(count),
    };
  }, [layers, count]);
}

/** A stable function naming a layer by series key with its place ("hidden5 · layer 5 of 9"). */
export function useLayerPlaceName(names: readonly string[]): (key: string) => string {
  return useCallback(
    (key: string) => {
      const index = Number(/^l(\d+)$/.exec(key)?.[1] ?? NaN);
      return Number.isInteger(index) ? layerPlaceName(names, index) : key;
    },
    [names],
  );
}

/** The shown run's first non-finite step as a labelled event, or null. */
export function useOverflowEvent(): StepEvent | null {
  const event = useShownRun()?.event ?? null;
  const layers = useShownLayers();
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
