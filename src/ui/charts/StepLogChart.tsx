import type { ReactNode } from 'react';
import { CartesianGrid, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import type { HistoryMarker } from '../../store/runHistory';
import { t } from '../i18n/messages';
import { CHART_MARGIN, CHART_STYLE, useLogYAxisProps, useStepXAxisProps } from './axes';
import type { ChartRow, OverflowMark } from './chartData';
import type { useTooltipContent } from './ChartTooltip';
import type { LegendExtra } from './LayerLegend';
import type { LogDomain } from './logScale';
import { NON_FINITE_COLOR } from './palette';
import { OverflowMarks, StepMarkers, type StepEvent } from './referenceMarks';
import { SeriesLines, TooltipRowSource, type SeriesLook } from './SeriesLines';

interface StepLogChartProps {
  rows: readonly ChartRow[];
  domain: LogDomain;
  series: readonly SeriesLook[];
  renderTooltip: ReturnType<typeof useTooltipContent>;
  markers: readonly HistoryMarker[];
  event: StepEvent | null;
  overflow: readonly OverflowMark[];
  /** Whether setting changes and events are labelled (only the main chart has room). */
  markerLabels: boolean;
  /** More recharts elements drawn over the lines, e.g. a threshold. */
  children?: ReactNode;
}

/**
 * The line charts' shared frame: steps along X, a log Y axis, the series as SVG paths, the
 * tooltip, setting/event markers and overflow marks. Used by the gradient, loss and weight
 * charts, which differ only in their data, series and extras.
 */
export function StepLogChart(props: StepLogChartProps) {
  const { rows, domain, markers, event, overflow } = props;
  const first = rows[0]?.x ?? 0;
  const last = rows[rows.length - 1]?.x ?? 1;
  const xAxis = useStepXAxisProps(first, last);
  const yAxis = useLogYAxisProps(domain);
  return (
    <LineChart data={rows as ChartRow[]} margin={CHART_MARGIN} responsive style={CHART_STYLE}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
      <XAxis {...xAxis} />
      <YAxis {...yAxis} />
      <Tooltip content={props.renderTooltip} isAnimationActive={false} includeHidden />
      <TooltipRowSource />
      <SeriesLines rows={rows} series={props.series} />
      {props.children}
      <StepMarkers
        markers={markers}
        event={event}
        xRange={[first, last]}
        withLabels={props.markerLabels}
      />
      <OverflowMarks marks={overflow} yTop={domain[1]} />
    </LineChart>
  );
}

/** The legend entry explaining the red overflow triangles. */
export function overflowLegendExtra(): LegendExtra {
  return {
    key: 'overflow',
    label: t('chart.overflowNote'),
    color: NON_FINITE_COLOR,
    kind: 'overflow',
  };
}
