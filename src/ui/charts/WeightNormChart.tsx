import { memo, useMemo } from 'react';
import { CartesianGrid, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../i18n/messages';
import { CHART_MARGIN, CHART_STYLE, useLogYAxisProps, useStepXAxisProps } from './axes';
import { ChartCard } from './ChartCard';
import { buildSeriesChart, layerCountOf, layerKey, layerSeries } from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { useHistorySnapshot, useLayerLook, useOverflowEvent, type HistorySnapshot } from './hooks';
import { LayerLegend, type LegendExtra } from './LayerLegend';
import { NON_FINITE_COLOR } from './palette';
import { OverflowMarks, StepMarkers } from './referenceMarks';
import { SeriesLines, TooltipRowSource, type SeriesLook } from './SeriesLines';

function buildWeights(history: HistorySnapshot) {
  const layerCount = layerCountOf(history.steps);
  return {
    ...buildSeriesChart(
      history.steps.map((m) => m.step),
      layerSeries(history.steps, 'weightNorm', layerCount),
    ),
    layerCount,
  };
}

/** L2 norm of each layer's parameters over steps, log Y, in the same depth colours. */
export const WeightNormChart = memo(function WeightNormChart() {
  const history = useHistorySnapshot();
  const event = useOverflowEvent();
  const chart = useMemo(() => buildWeights(history), [history]);
  const { names, colors } = useLayerLook(chart.layerCount);
  const keys = useMemo(() => names.map((_, i) => layerKey(i)), [names]);
  const tooltipSeries = useMemo<TooltipSeries[]>(
    () => keys.map((key, i) => ({ key, label: names[i] ?? key, color: colors[i] ?? '' })),
    [keys, names, colors],
  );
  const renderTooltip = useTooltipContent(tooltipSeries);
  const lines = useMemo<SeriesLook[]>(
    () => keys.map((key, i) => ({ key, color: colors[i] ?? '', strokeWidth: 1.25 })),
    [keys, colors],
  );
  const extras: LegendExtra[] =
    chart.overflow.length > 0
      ? [
          {
            key: 'overflow',
            label: t('chart.overflowNote'),
            color: NON_FINITE_COLOR,
            kind: 'overflow',
          },
        ]
      : [];
  const first = chart.rows[0]?.x ?? 0;
  const last = chart.rows[chart.rows.length - 1]?.x ?? 1;
  const xAxis = useStepXAxisProps(first, last);
  const yAxis = useLogYAxisProps(chart.domain);
  return (
    <ChartCard
      testId="weight-norm-chart"
      className="chart-weights"
      title={t('chart.weightTitle')}
      placeholder={chart.rows.length === 0 ? t('chart.noData') : null}
      footer={
        <div className="chart-footer-row">
          <span className="chart-note">{t('chart.legendSameColours')}</span>
          <LayerLegend names={[]} colors={[]} extras={extras} />
        </div>
      }
    >
      <LineChart data={chart.rows} margin={CHART_MARGIN} responsive style={CHART_STYLE}>
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
        <XAxis {...xAxis} />
        <YAxis {...yAxis} />
        <Tooltip content={renderTooltip} isAnimationActive={false} includeHidden />
        <TooltipRowSource />
        <SeriesLines rows={chart.rows} series={lines} />
        <StepMarkers
          markers={history.markers}
          event={event}
          xRange={[first, last]}
          withLabels={false}
        />
        <OverflowMarks marks={chart.overflow} yTop={chart.domain[1]} />
      </LineChart>
    </ChartCard>
  );
});
