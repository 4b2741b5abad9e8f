import { useCallback } from 'react';
import type { TooltipContentProps } from 'recharts';
import { t } from '../i18n/messages';
import type { ChartRow } from './chartData';
import { formatMeasured } from './format';

export interface TooltipSeries {
  key: string;
  label: string;
  color: string;
}

/** Above this many series the tooltip lays its entries out in columns. */
const TOOLTIP_COLUMNS_ABOVE = 12;

type Props = Partial<Pick<TooltipContentProps, 'active' | 'payload'>> & {
  series: readonly TooltipSeries[];
  /** Heading of the hovered row; the step by default. */
  heading?: (row: ChartRow) => string;
};

/**
 * Tooltip with the measured value of every series at the hovered row (4 significant digits,
 * NaN and overflow in words), not the log-safe value the line draws.
 */
export function ChartTooltip({ active, payload, series, heading }: Props) {
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const shown = series.filter((s) => s.key in row.raw);
  return (
    <div className="chart-tooltip">
      <div className="chart-tooltip-heading">
        {heading ? heading(row) : t('chart.tooltipStep', { step: row.x })}
      </div>
      <ul
        className={
          shown.length > TOOLTIP_COLUMNS_ABOVE ? 'chart-tooltip-list is-many' : 'chart-tooltip-list'
        }
      >
        {shown.map((s) => (
          <li key={s.key}>
            <span className="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
            <span className="chart-tooltip-name">{s.label}</span>
            <span className="chart-tooltip-value">{formatMeasured(row.raw[s.key] as number)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}

/** A stable recharts Tooltip `content` function showing `series`. */
export function useTooltipContent(
  series: readonly TooltipSeries[],
  heading?: (row: ChartRow) => string,
) {
  return useCallback(
    (p: TooltipContentProps) => (
      <ChartTooltip active={p.active} payload={p.payload} series={series} heading={heading} />
    ),
    [series, heading],
  );
}
