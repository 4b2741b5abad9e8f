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
 * X axis over steps (row field `x`) spanning exactly the rows' first to last step, with `ticks`.
 * The span comes from the data ('dataMin'/'dataMax' is exact for a number axis with explicit
 * ticks), so the props stay the same while training extends it.
 */
export function stepXAxisProps(ticks: readonly number[]) {
  return {
    type: 'number' as const,
    dataKey: 'x',
    domain: ['dataMin', 'dataMax'],
    // Counts the data of hidden lines too (TooltipRowSource is the only line of some charts).
    includeHidden: true,
    ticks,
    allowDecimals: false,
    tick: AXIS_TICK_STYLE,
    height: 20,
  };
}

/** stepXAxisProps with round ticks over [first, last]; one object per set of ticks. */
export function useStepXAxisProps(first: number, last: number) {
  const ticksKey = stepTicks(first, last).join(' ');
  return useMemo(() => stepXAxisProps(ticksKey.split(' ').map(Number)), [ticksKey]);
}
