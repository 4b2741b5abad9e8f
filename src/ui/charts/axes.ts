/**
 * Axis settings shared by the line charts. Log axes always get an explicit positive domain with
 * allowDataOverflow (without one recharts draws nothing) and power-of-ten ticks.
 *
 * The hooks return the same props object for as long as the axis looks the same: recharts
 * replaces an axis in its store (and re-renders the whole chart one frame later) whenever an
 * axis prop changes identity, so per-refresh arrays would cost every chart a second redraw.
 */
import { useMemo } from 'react';
import { formatPow10, logTicks, type LogDomain } from './logScale';

export const AXIS_TICK_STYLE = { fontSize: 11 } as const;
/** Chart margins in px: room at the top for the overflow markers and marker labels. */
export const CHART_MARGIN = { top: 14, right: 12, bottom: 0, left: 0 } as const;
/** Every chart fills its card's plot area. */
export const CHART_STYLE = { width: '100%', height: '100%' } as const;

export function logYAxisProps(domain: LogDomain) {
  return {
    type: 'number' as const,
    scale: 'log' as const,
    domain: [domain[0], domain[1]],
    allowDataOverflow: true,
    ticks: logTicks(domain),
    tickFormatter: formatPow10,
    tick: AXIS_TICK_STYLE,
    width: 42,
  };
}

/** logYAxisProps, one object per domain. */
export function useLogYAxisProps(domain: LogDomain) {
  const [lo, hi] = domain;
  return useMemo(() => logYAxisProps([lo, hi]), [lo, hi]);
}

/** Step axes show at most this many ticks. */
export const MAX_STEP_TICKS = 6;

/** Round ticks (multiples of 1, 2 or 5 x 10^k, at least 1) inside [first, last]. */
export function stepTicks(first: number, last: number, maxTicks = MAX_STEP_TICKS): number[] {
  if (!(last > first)) return [first];
  const rough = (last - first) / maxTicks;
  const decade = 10 ** Math.floor(Math.log10(rough));
  const every = Math.max(1, [1, 2, 5, 10].map((m) => m * decade).find((s) => s >= rough) ?? rough);
  const ticks: number[] = [];
  for (let v = Math.ceil(first / every) * every; v <= last; v += every) ticks.push(v);
  return ticks;
}

/**
 * Upper ends a live step axis may take, per decade. Consecutive ends differ by 20-33%, so while
 * training extends the lines they fill at least three quarters of the plot, and the axis (whose
 * every change redraws the whole recharts chart) changes about ten times per decade of steps
 * instead of on every refresh.
 */
const LIVE_AXIS_ENDS_PER_DECADE = [1, 1.25, 1.5, 2, 2.5, 3, 4, 5, 6, 8, 10] as const;
/** A live step axis spans at least this many steps, so the first refreshes do not rescale it. */
export const MIN_LIVE_AXIS_STEPS = 10;

/**
 * Where a step axis ends. At rest it ends at the last step drawn. While training (`live`), it ends
 * ahead of it, at the next of LIVE_AXIS_ENDS_PER_DECADE x 10^k (and at least MIN_LIVE_AXIS_STEPS
 * past `first`), but never past `lastStepOfRun`, where the run will stop by itself.
 */
export function stepAxisEnd(
  first: number,
  last: number,
  live: boolean,
  lastStepOfRun: number,
): number {
  const atRest = Math.max(last, first + 1);
  if (!live) return atRest;
  const wanted = Math.max(last, first + MIN_LIVE_AXIS_STEPS);
  const decade = 10 ** Math.floor(Math.log10(wanted));
  const multiple = LIVE_AXIS_ENDS_PER_DECADE.find((m) => m * decade >= wanted) ?? 10;
  return Math.max(atRest, Math.min(multiple * decade, lastStepOfRun));
}

/**
 * A number X axis over row field `x` spanning exactly `domain`, with `ticks` (recharts picks them
 * when undefined). The domain is explicit rather than taken from the data: a LiveLineChart holds
 * its rows only while the pointer is over it (see LiveLineChart.tsx).
 */
export function numberXAxisProps(domain: [number, number], ticks: number[] | undefined) {
  return {
    type: 'number' as const,
    dataKey: 'x',
    domain,
    allowDataOverflow: true,
    ticks,
    allowDecimals: false,
    tick: AXIS_TICK_STYLE,
    height: 20,
  };
}

/** X axis over steps spanning exactly [first, end], with round ticks. */
export function stepXAxisProps(first: number, end: number) {
  return numberXAxisProps([first, end], stepTicks(first, end));
}

/** stepXAxisProps, one object per span. */
export function useStepXAxisProps(first: number, end: number) {
  return useMemo(() => stepXAxisProps(first, end), [first, end]);
}

/** Up to this many layers, every layer gets a tick on a layer axis. */
const ALL_LAYER_TICKS_UP_TO = 16;

/** X axis over layers 1..layerCount (input first), one tick a layer while they fit. */
export function useLayerXAxisProps(layerCount: number) {
  return useMemo(
    () =>
      numberXAxisProps(
        [1, Math.max(2, layerCount)],
        layerCount <= ALL_LAYER_TICKS_UP_TO
          ? Array.from({ length: layerCount }, (_, i) => i + 1)
          : undefined,
      ),
    [layerCount],
  );
}
