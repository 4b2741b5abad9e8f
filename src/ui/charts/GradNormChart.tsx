import { memo, useMemo } from 'react';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import { ChartCard } from './ChartCard';
import { buildSeriesChart, extremes, layerCountOf, layerKey, layerSeries } from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { useChartViewStore, type ChartQuantity } from './chartViewStore';
import { formatMeasured } from './format';
import { useHistorySnapshot, useLayerLook, useOverflowEvent, type HistorySnapshot } from './hooks';
import { LayerLegend, type LegendExtra } from './LayerLegend';
import type { LogDomain } from './logScale';
import { GLOBAL_NORM_COLOR, NEUTRAL_LINE_COLOR } from './palette';
import type { SeriesLook } from './SeriesLines';
import { overflowLegendExtra, StepLogChart } from './StepLogChart';

/** Series key of the global gradient norm, drawn in clip modes 'globalNorm' and 'auto'. */
const GLOBAL_KEY = 'global';
/** Series key of AutoClip's threshold, which moves step by step. */
const THRESHOLD_KEY = 'threshold';

function buildGradChart(
  history: HistorySnapshot,
  quantity: ChartQuantity,
  withGlobal: boolean,
  threshold: number | null,
  thresholdPerStep: boolean,
) {
  const steps = history.steps;
  const layerCount = layerCountOf(steps);
  const series = layerSeries(steps, quantity, layerCount);
  if (withGlobal) {
    const clipped = quantity === 'clippedGradNorm';
    series.push({
      key: GLOBAL_KEY,
      values: steps.map((m) => (clipped ? m.clippedGlobalNorm : m.globalNorm)),
    });
  }
  // Steps without a threshold (clipping switched on later) become 0: a gap, not an overflow.
  if (thresholdPerStep)
    series.push({ key: THRESHOLD_KEY, values: steps.map((m) => m.clipThreshold ?? 0) });
  const chart = buildSeriesChart(
    steps.map((m) => m.step),
    series,
    threshold === null ? [] : [threshold],
  );
  const latest = steps[steps.length - 1];
  return {
    ...chart,
    layerCount,
    latest: latest ? { step: latest.step, values: latest[quantity] } : null,
  };
}

/**
 * The main chart: one line per layer of the chosen quantity over steps, log Y, coloured by
 * depth. Shows the clip threshold (and, for global-norm clipping, the global norm it bounds),
 * setting changes, the first non-finite step, and red triangles where values overflowed.
 */
export const GradNormChart = memo(function GradNormChart(props: {
  /**
   * When runs are compared: the run's name for the title, and the Y domain and last step all
   * runs share, so the small multiples read on one scale.
   */
  run?: { name: string; domain: LogDomain; lastStep: number };
}) {
  const { run } = props;
  const quantity = useChartViewStore((s) => s.quantity);
  const clip = useShownConfig().gradient.clip;
  const event = useOverflowEvent();
  // The threshold bounds parameter gradients, so it has no place on the signal view.
  const clipLine =
    quantity !== 'signalNorm' && (clip.mode === 'tensorNorm' || clip.mode === 'globalNorm')
      ? clip
      : null;
  const threshold = clipLine ? clipLine.threshold : null;
  // AutoClip's threshold follows the run: a line through each step's threshold.
  const autoLine = quantity !== 'signalNorm' && clip.mode === 'auto';
  const withGlobal = clipLine?.mode === 'globalNorm' || autoLine;

  const history = useHistorySnapshot();
  const built = useMemo(
    () => buildGradChart(history, quantity, withGlobal, threshold, autoLine),
    [history, quantity, withGlobal, threshold, autoLine],
  );
  const sharedDomain = run?.domain;
  const chart = useMemo(
    () => (sharedDomain ? { ...built, domain: sharedDomain } : built),
    [built, sharedDomain],
  );
  const { names, colors } = useLayerLook(chart.layerCount);
  const keys = useMemo(() => names.map((_, i) => layerKey(i)), [names]);

  const autoLabel =
    clip.mode === 'auto' ? t('chart.autoClipThreshold', { p: clip.percentile }) : '';
  const globalLabel = t(
    quantity === 'clippedGradNorm' ? 'chart.clippedGlobalNorm' : 'chart.globalNorm',
  );
  const tooltipSeries = useMemo<TooltipSeries[]>(() => {
    const list = keys.map((key, i) => ({ key, label: names[i] ?? key, color: colors[i] ?? '' }));
    if (withGlobal) list.push({ key: GLOBAL_KEY, label: globalLabel, color: GLOBAL_NORM_COLOR });
    if (autoLine) list.push({ key: THRESHOLD_KEY, label: autoLabel, color: NEUTRAL_LINE_COLOR });
    return list;
  }, [keys, names, colors, withGlobal, globalLabel, autoLine, autoLabel]);
  const renderTooltip = useTooltipContent(tooltipSeries);
  const lines = useMemo<SeriesLook[]>(() => {
    const list: SeriesLook[] = keys.map((key, i) => ({
      key,
      color: colors[i] ?? '',
      strokeWidth: 1.5,
    }));
    if (withGlobal)
      list.push({
        key: GLOBAL_KEY,
        color: GLOBAL_NORM_COLOR,
        strokeWidth: 1.5,
        strokeDasharray: '4 2',
      });
    if (autoLine)
      list.push({
        key: THRESHOLD_KEY,
        color: NEUTRAL_LINE_COLOR,
        strokeWidth: 1.5,
        strokeDasharray: '2 3',
      });
    return list;
  }, [keys, colors, withGlobal, autoLine]);

  const thresholdLabel = autoLine
    ? autoLabel
    : threshold === null
      ? null
      : t(withGlobal ? 'chart.globalClipThreshold' : 'chart.clipThreshold', { value: threshold });
  const extras: LegendExtra[] = [];
  if (withGlobal)
    extras.push({ key: 'global', label: globalLabel, color: GLOBAL_NORM_COLOR, kind: 'dashed' });
  if (thresholdLabel)
    extras.push({
      key: 'threshold',
      label: thresholdLabel,
      color: NEUTRAL_LINE_COLOR,
      kind: 'dashed',
    });
  if (chart.overflow.length > 0 || event) extras.push(overflowLegendExtra());

  const ext = chart.latest ? extremes(chart.latest.values) : null;
  const summary =
    chart.latest && ext
      ? t('chart.summaryLatest', {
          step: chart.latest.step,
          max: formatMeasured(chart.latest.values[ext.max] as number),
          maxLayer: names[ext.max] ?? '',
          min: formatMeasured(chart.latest.values[ext.min] as number),
          minLayer: names[ext.min] ?? '',
        })
      : undefined;

  return (
    <ChartCard
      testId={run ? `grad-norm-chart-${run.name.toLowerCase()}` : 'grad-norm-chart'}
      className="chart-grad"
      title={
        run
          ? t('compare.runTitle', { run: run.name, title: t(`chart.gradTitle.${quantity}`) })
          : t(`chart.gradTitle.${quantity}`)
      }
      summary={summary}
      placeholder={chart.rows.length === 0 ? t('chart.noData') : null}
      footer={<LayerLegend names={names} colors={colors} extras={extras} />}
    >
      <StepLogChart
        yTitle={t(`chart.axis.quantity.${quantity}`)}
        rows={chart.rows}
        domain={chart.domain}
        series={lines}
        renderTooltip={renderTooltip}
        markers={history.markers}
        event={event}
        overflow={chart.overflow}
        markerLabels
        lastStep={run?.lastStep}
        threshold={
          threshold !== null && thresholdLabel ? { y: threshold, label: thresholdLabel } : null
        }
      />
    </ChartCard>
  );
});
