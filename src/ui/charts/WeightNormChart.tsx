import { memo, useMemo } from 'react';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import { ChartCard } from './ChartCard';
import { buildSeriesChart, layerCountOf, layerKey, layerSeries } from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { focusLines } from './focusLines';
import {
  useHistorySnapshot,
  useLayerLook,
  useLayerPlaceName,
  useOverflowEvent,
  type HistorySnapshot,
} from './hooks';
import { useLayerFocus } from './layerFocusStore';
import { LayerLegend, type LegendExtra } from './LayerLegend';
import type { SeriesLook } from './SeriesLines';
import { overflowLegendExtra, StepLogChart } from './StepLogChart';

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

/**
 * L2 norm of each layer's parameters over steps, log Y, in the same depth colours; for a
 * recurrent run, of each named weight tensor (W_x, W_h, ..., W_y).
 */
export const WeightNormChart = memo(function WeightNormChart() {
  const recurrent = useShownConfig().model.kind === 'rnn';
  const history = useHistorySnapshot();
  const event = useOverflowEvent();
  const chart = useMemo(() => buildWeights(history), [history]);
  const { names, colors } = useLayerLook(chart.layerCount);
  const keys = useMemo(() => names.map((_, i) => layerKey(i)), [names]);
  const tooltipSeries = useMemo<TooltipSeries[]>(
    () => keys.map((key, i) => ({ key, label: names[i] ?? key, color: colors[i] ?? '' })),
    [keys, names, colors],
  );
  const focusName = useLayerPlaceName(names);
  const renderTooltip = useTooltipContent(tooltipSeries, undefined, focusName);
  const focus = useLayerFocus();
  const allLines = useMemo<SeriesLook[]>(
    () => keys.map((key, i) => ({ key, layer: key, color: colors[i] ?? '', strokeWidth: 1.25 })),
    [keys, colors],
  );
  const lines = useMemo(() => focusLines(allLines, focus), [allLines, focus]);
  const extras: LegendExtra[] = chart.overflow.length > 0 ? [overflowLegendExtra()] : [];
  const latest = history.steps.at(-1);
  return (
    <ChartCard
      testId="weight-norm-chart"
      className="chart-weights"
      title={t(recurrent ? 'recurrent.weightTitle' : 'chart.weightTitle')}
      layerValues={
        latest && {
          step: latest.step,
          quantity: t('chart.axis.weightNorm'),
          names,
          values: latest.weightNorm,
        }
      }
      placeholder={chart.rows.length === 0 ? t('chart.noData') : null}
      footer={<LayerLegend names={names} colors={colors} extras={extras} compact />}
    >
      <StepLogChart
        yTitle={t('chart.axis.weightNorm')}
        rows={chart.rows}
        domain={chart.domain}
        series={lines}
        renderTooltip={renderTooltip}
        markers={history.markers}
        event={event}
        overflow={chart.overflow}
        markerLabels={false}
      />
    </ChartCard>
  );
});
