import { useMemo } from 'react';
import type { HistoryMarker } from '../../session/runHistory';
import { useSessionStore } from '../../store/sessionStore';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import { stepAxisEnd, useLogYAxisProps, useStepXAxisProps } from './axes';
import type { ChartRow, OverflowMark } from './chartData';
import type { useTooltipContent } from './ChartTooltip';
import { useStableList } from './hooks';
import type { LegendExtra } from './LayerLegend';
import { LiveLineChart, type AxisTitles } from './LiveLineChart';
import type { LogDomain } from './logScale';
import { NON_FINITE_COLOR } from './palette';
import {
  LabelledHorizontalLine,
  OverflowMarks,
  StepMarkers,
  type StepEvent,
} from './referenceMarks';
import type { SeriesLook } from './SeriesLines';

/** A labelled horizontal line across the chart, e.g. the clip threshold. */
export interface ChartThreshold {
  y: number;
  label: string;
}

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
  threshold?: ChartThreshold | null;
  /** The last step the X axis must reach (compared runs share one axis); default: the rows'. */
  lastStep?: number;
  /** What the Y axis measures ("gradient norm"); the scale and the X axis title are added. */
  yTitle: string;
}

const sameMarker = (a: HistoryMarker, b: HistoryMarker) =>
  a.step === b.step && a.kind === b.kind && a.label === b.label;
const sameOverflowMark = (a: OverflowMark, b: OverflowMark) =>
  a.x === b.x && a.keys.join() === b.keys.join();

/**
 * The line charts' shared frame: steps along X, a log Y axis, the series, the tooltip,
 * setting/event markers and overflow marks. Used by the gradient, loss and weight charts, which
 * differ only in their data, series and threshold.
 *
 * While training runs, the X axis ends ahead of the last step (stepAxisEnd), so that most
 * refreshes only extend the lines: the axes, markers and marks keep their props and recharts
 * does not redraw (see LiveLineChart.tsx).
 */
export function StepLogChart(props: StepLogChartProps) {
  const { rows, domain, event, markerLabels, threshold } = props;
  const live = useSessionStore((s) => s.status === 'running');
  const lastStepOfRun = useShownConfig().training.maxSteps;
  const first = rows[0]?.x ?? 0;
  const last = Math.max(rows[rows.length - 1]?.x ?? first, props.lastStep ?? first);
  const end = stepAxisEnd(first, last, live, lastStepOfRun);
  const xAxis = useStepXAxisProps(first, end);
  const axisTitles = useMemo<AxisTitles>(
    () => ({ x: t('chart.axis.step'), y: t('chart.axis.log', { what: props.yTitle }) }),
    [props.yTitle],
  );
  const yAxis = useLogYAxisProps(domain);
  const yTop = domain[1];
  const markers = useStableList(props.markers, sameMarker);
  const overflow = useStableList(props.overflow, sameOverflowMark);
  const thresholdY = threshold?.y;
  const thresholdLabel = threshold?.label;
  const overlay = useMemo(
    () => (
      <>
        {thresholdY !== undefined && thresholdLabel !== undefined ? (
          <LabelledHorizontalLine y={thresholdY} label={thresholdLabel} />
        ) : null}
        <StepMarkers
          markers={markers}
          event={event}
          xRange={[first, end]}
          withLabels={markerLabels}
        />
        <OverflowMarks marks={overflow} yTop={yTop} />
      </>
    ),
    [thresholdY, thresholdLabel, markers, event, first, end, markerLabels, overflow, yTop],
  );
  return (
    <LiveLineChart
      rows={rows}
      xAxis={xAxis}
      yAxis={yAxis}
      series={props.series}
      renderTooltip={props.renderTooltip}
      overlay={overlay}
      axisTitles={axisTitles}
    />
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
