import { memo, useMemo } from 'react';
import { CartesianGrid, Line, LineChart, Tooltip, XAxis, YAxis } from 'recharts';
import { t } from '../i18n/messages';
import { CHART_MARGIN, stepXAxisProps, logYAxisProps } from './axes';
import { ChartCard } from './ChartCard';
import { buildSeriesChart, layerCountOf, layerKey, layerSeries, seriesAccessor } from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { useHistorySnapshot, useLayerLook, useOverflowEvent, type HistorySnapshot } from './hooks';
import { LayerLegend, type LegendExtra } from './LayerLegend';
import { NON_FINITE_COLOR } from './palette';
import { StepMarkers, overflowMarks } from './referenceMarks';

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
      <LineChart
        data={chart.rows}
        margin={CHART_MARGIN}
        responsive
        style={{ width: '100%', height: '100%' }}
      >
        <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
        <XAxis {...stepXAxisProps(first, last)} />
        <YAxis {...logYAxisProps(chart.domain)} />
        <Tooltip content={renderTooltip} isAnimationActive={false} />
        {keys.map((key, i) => (
          <Line
            key={key}
            dataKey={seriesAccessor(key)}
            stroke={colors[i]}
            strokeWidth={1.25}
            dot={false}
            isAnimationActive={false}
          />
        ))}
        <StepMarkers
          markers={history.markers}
          event={event}
          xRange={[first, last]}
          withLabels={false}
        />
        {overflowMarks(chart.overflow, chart.domain[1])}
      </LineChart>
    </ChartCard>
  );
});
