import { memo, useMemo } from 'react';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import { ChartCard } from './ChartCard';
import { useViewStore } from '../../store/viewStore';
import {
  buildSeriesChart,
  extremes,
  layerCountOf,
  layerKey,
  layerSeries,
  rawKey,
  type SeriesInput,
} from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { useShownQuantity, type ChartQuantity } from './chartViewStore';
import { formatMeasured } from './format';
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
import type { LogDomain } from './logScale';
import { GLOBAL_NORM_COLOR, NEUTRAL_LINE_COLOR } from './palette';
import type { SeriesLook } from './SeriesLines';
import { smoothLogEma } from './smoothing';
import { SmoothingSlider } from './SmoothingSlider';
import { overflowLegendExtra, StepLogChart } from './StepLogChart';

/** Series key of the global gradient norm, drawn in clip modes 'globalNorm' and 'auto'. */
const GLOBAL_KEY = 'global';
/** Series key of AutoClip's threshold, which moves step by step. */
const THRESHOLD_KEY = 'threshold';

/** Opacity of the measured line drawn behind a smoothed one. */
const RAW_LINE_OPACITY = 0.25;

function buildGradChart(
  history: HistorySnapshot,
  quantity: ChartQuantity,
  withGlobal: boolean,
  threshold: number | null,
  smoothing: number,
  thresholdPerStep: boolean,
) {
  const steps = history.steps;
  const layerCount = layerCountOf(steps);
  const series: SeriesInput[] = layerSeries(steps, quantity, layerCount);
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
    smoothing > 0
      ? // The threshold is a setting, not a measurement: it is drawn as it is.
        series.map((s) =>
          s.key === THRESHOLD_KEY ? s : { ...s, drawn: smoothLogEma(s.values, smoothing) },
        )
      : series,
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
  const { quantity, recurrent } = useShownQuantity();
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

  const smoothing = useViewStore((s) => s.smoothing);
  // Embedded, the smoothing is the link's: a slide shows no settings beyond the ones it names.
  const embedded = useViewStore((s) => s.embed !== null);
  const history = useHistorySnapshot();
  const built = useMemo(
    () => buildGradChart(history, quantity, withGlobal, threshold, smoothing, autoLine),
    [history, quantity, withGlobal, threshold, smoothing, autoLine],
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
  const focusName = useLayerPlaceName(names);
  const renderTooltip = useTooltipContent(tooltipSeries, undefined, focusName);
  const focus = useLayerFocus();
  const allLines = useMemo<SeriesLook[]>(() => {
    const list: SeriesLook[] = keys.map((key, i) => ({
      key,
      layer: key,
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
    if (smoothing === 0) return list;
    // The measured lines, faint, behind the smoothed ones.
    const raw = list.map((look) => ({
      ...look,
      key: rawKey(look.key),
      strokeWidth: 1,
      opacity: RAW_LINE_OPACITY,
    }));
    return [...raw, ...list];
  }, [keys, colors, withGlobal, autoLine, smoothing]);
  const lines = useMemo(() => focusLines(allLines, focus), [allLines, focus]);

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

  const title = t(
    recurrent && quantity !== 'signalNorm'
      ? `recurrent.gradTitle.${quantity}`
      : `chart.gradTitle.${quantity}`,
  );
  return (
    <ChartCard
      testId={run ? `grad-norm-chart-${run.name.toLowerCase()}` : 'grad-norm-chart'}
      className="chart-grad"
      title={run ? t('compare.runTitle', { run: run.name, title }) : title}
      aside={run || embedded ? undefined : <SmoothingSlider />}
      summary={summary}
      layerValues={
        chart.latest && {
          step: chart.latest.step,
          quantity: t(`chart.axis.quantity.${quantity}`),
          names,
          values: chart.latest.values,
        }
      }
      live={!run}
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
