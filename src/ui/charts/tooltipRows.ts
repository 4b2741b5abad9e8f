/**
 * Which rows a chart tooltip lists, and in what order, so that a tooltip over a 48-layer network
 * does not cover the chart it explains. Pure: no React.
 *
 * - The layer singled out (under the pointer, or isolated) comes first.
 * - Up to TOOLTIP_MAX_ROWS rows in all. When every series fits, the rest keep their order (depth
 *   order: input first). When not, the rest are the largest values (overflow ranks highest, as in
 *   downsample.ts), since those are where an explosion shows, still in depth order, followed
 *   by "n more".
 */
import { magnitudeRank } from './downsample';

/** At most this many value rows in a tooltip. */
export const TOOLTIP_MAX_ROWS = 12;

export interface TooltipSeries {
  key: string;
  label: string;
  color: string;
}

export interface TooltipRow extends TooltipSeries {
  value: number;
  /** The layer singled out, listed first. */
  focused: boolean;
}

export interface TooltipRows {
  rows: TooltipRow[];
  /** Series with a value that are not listed. */
  more: number;
}

export function tooltipRows(
  series: readonly TooltipSeries[],
  values: Readonly<Record<string, number>>,
  focusedKey: string | null,
  maxRows = TOOLTIP_MAX_ROWS,
): TooltipRows {
  const withValue = series
    .filter((s) => s.key in values)
    .map((s) => ({ ...s, value: values[s.key] as number, focused: s.key === focusedKey }));
  const focused = withValue.filter((r) => r.focused);
  let rest = withValue.filter((r) => !r.focused);
  const room = Math.max(0, maxRows - focused.length);
  if (rest.length > room) {
    rest = rest
      .map((r, order) => ({ r, order }))
      .sort((a, b) => magnitudeRank(b.r.value) - magnitudeRank(a.r.value) || a.order - b.order)
      .slice(0, room)
      .sort((a, b) => a.order - b.order)
      .map(({ r }) => r);
  }
  const rows = [...focused, ...rest];
  return { rows, more: withValue.length - rows.length };
}
