/** Store selections the charts share. Each returns a stable value between store changes. */
import { useMemo } from 'react';
import type { StepMetrics } from '../../engine/metrics';
import { runHistory, useHistoryVersion } from '../../store/historyStore';
import type { HistoryMarker, TestLossPoint } from '../../store/runHistory';
import { useRunStore } from '../../store/runStore';
import { eventLabel, layerName } from './format';
import { layerColors } from './palette';
import type { StepEvent } from './referenceMarks';

/** A copy of the run history as it was at one published version. */
export interface HistorySnapshot {
  version: number;
  steps: readonly StepMetrics[];
  testLosses: readonly TestLossPoint[];
  markers: readonly HistoryMarker[];
}

/**
 * The page's run history, as a new snapshot object only when the history store publishes a new
 * version (throttled to CHART_REFRESH_MS): charts derive their data with useMemo keyed on it, so
 * they never re-render per training step. runHistory is mutated in place, hence the copies.
 */
export function useHistorySnapshot(): HistorySnapshot {
  const version = useHistoryVersion((s) => s.version);
  return useMemo(
    () => ({
      version,
      steps: runHistory.steps.slice(),
      testLosses: runHistory.testLosses.slice(),
      markers: runHistory.markers.slice(),
    }),
    [version],
  );
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
