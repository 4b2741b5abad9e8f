import { useCallback } from 'react';
import type { TooltipContentProps } from 'recharts';
import { t } from '../i18n/messages';
import type { ChartRow } from './chartData';
import { formatMeasured } from './format';
import { focusedLayer, useLayerFocus } from './layerFocusStore';
import { tooltipRows, type TooltipSeries } from './tooltipRows';

export type { TooltipSeries };

/** Above this many rows the tooltip lays its entries out in two columns. */
const TOOLTIP_COLUMNS_ABOVE = 6;

type Props = Partial<Pick<TooltipContentProps, 'active' | 'payload'>> & {
  series: readonly TooltipSeries[];
  /** Heading of the hovered row; the step by default. */
  heading?: (row: ChartRow) => string;
  /** Names the singled-out series in full (e.g. "hidden5 · layer 5 of 9"). */
  focusName?: (key: string) => string;
};

/**
 * Tooltip with the measured value of the series at the hovered row (formatMeasured: one number
 * format, NaN and overflow in words), not the log-safe value the line draws. The layer under the
 * pointer (or isolated) comes first and is named in full; many layers are listed compactly
 * (tooltipRows.ts).
 */
export function ChartTooltip({ active, payload, series, heading, focusName }: Props) {
  const focus = useLayerFocus();
  const row = payload?.[0]?.payload as ChartRow | undefined;
  if (!active || !row) return null;
  const focusedKey = focusedLayer(
    focus,
    series.map((s) => s.key),
  );
  const { rows, more } = tooltipRows(series, row.raw, focusedKey);
  const many = rows.length > TOOLTIP_COLUMNS_ABOVE;
  return (
    <div className="chart-tooltip" data-testid="chart-tooltip">
      <div className="chart-tooltip-heading">
        {heading ? heading(row) : t('chart.tooltipStep', { step: row.x })}
      </div>
      <ul className={many ? 'chart-tooltip-list is-many' : 'chart-tooltip-list'}>
        {rows.map((s) => (
          <li key={s.key} className={s.focused ? 'is-focused' : undefined}>
            <span className="chart-swatch" style={{ background: s.color }} aria-hidden="true" />
            <span className="chart-tooltip-name">
              {s.focused && focusName ? focusName(s.key) : s.label}
            </span>
            <span className="chart-tooltip-value">{formatMeasured(s.value)}</span>
          </li>
        ))}
      </ul>
      {more > 0 ? (
        <div className="chart-tooltip-more">{t('chart.tooltipMore', { count: more })}</div>
      ) : null}
    </div>
  );
}

/** A stable recharts Tooltip `content` function showing `series`. */
export function useTooltipContent(
  series: readonly TooltipSeries[],
  heading?: (row: ChartRow) => string,
  focusName?: (key: string) => string,
) {
  return useCallback(
    (p: TooltipContentProps) => (
      <ChartTooltip
        active={p.active}
        payload={p.payload}
        series={series}
        heading={heading}
        focusName={focusName}
      />
    ),
    [series, heading, focusName],
  );
}
