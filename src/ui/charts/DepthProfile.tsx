import { memo, useCallback, useMemo } from 'react';
import { ReferenceLine } from 'recharts';
import type { ExperimentConfig } from '../../config/schema';
import type { LayerInfo } from '../../engine/network';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import { useLayerXAxisProps, useLogYAxisProps } from './axes';
import { ChartCard } from './ChartCard';
import { layerKey, type ChartRow, type OverflowMark } from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { useChartViewStore, type ChartQuantity } from './chartViewStore';
import { layerName } from './format';
import {
  useHistorySnapshot,
  useLayerLook,
  useShownLayers,
  useStableList,
  type HistorySnapshot,
} from './hooks';
import { LayerLegend, type LegendExtra } from './LayerLegend';
import { focusedLayer, useLayerFocus } from './layerFocusStore';
import { LiveLineChart } from './LiveLineChart';
import { isNonFinite, logDomain, toLogSafe } from './logScale';
import { NEUTRAL_LINE_COLOR, NON_FINITE_COLOR } from './palette';
import { OverflowMarks } from './referenceMarks';
import type { SeriesLook } from './SeriesLines';
import { ShownStepAside } from './ShownStepAside';
import { predictSignalNorms } from './theory';

const MEASURED = 'measured';
const THEORY = 'theory';

type TheoryStatus = 'shown' | 'approximate' | 'onlySignal' | 'none';

/** The step the profile shows: the pinned one (`at=` in the link) once it has run, else the latest. */
function shownStep(history: HistorySnapshot, atStep: number | null) {
  const pinned = atStep === null ? undefined : history.steps.find((m) => m.step >= atStep);
  return pinned ?? history.steps[history.steps.length - 1];
}

function buildProfile(
  history: HistorySnapshot,
  quantity: ChartQuantity,
  atStep: number | null,
  layers: readonly LayerInfo[],
  config: ExperimentConfig,
) {
  const latest = shownStep(history, atStep);
  const values = latest ? latest[quantity] : [];
  // The theory predicts the signal's ratio per layer, anchored at the output's measured signal.
  const prediction =
    latest && quantity === 'signalNorm' && layers.length === values.length
      ? predictSignalNorms(
          layers,
          config.init,
          config.network,
          latest.signalNorm[values.length - 1] ?? NaN,
        )
      : null;
  const rows: ChartRow[] = values.map((v, i) => {
    const row: ChartRow = { x: i + 1, y: { [MEASURED]: toLogSafe(v) }, raw: { [MEASURED]: v } };
    const p = prediction?.norms[i];
    if (p !== undefined) {
      row.y[THEORY] = toLogSafe(p);
      row.raw[THEORY] = p;
    }
    return row;
  });
  const overflow: OverflowMark[] = rows
    .filter((r) => isNonFinite(r.raw[MEASURED] as number))
    .map((r) => ({ x: r.x, keys: [MEASURED] }));
  const status: TheoryStatus =
    quantity !== 'signalNorm'
      ? 'onlySignal'
      : !prediction
        ? 'none'
        : prediction.approximate
          ? 'approximate'
          : 'shown';
  return {
    rows,
    overflow,
    status,
    step: latest?.step ?? null,
    // Over every step of the history, not just the latest: the profile then rises and sinks in
    // a steady frame, and the axis (whose every change redraws the chart) changes only when the
    // run reaches new extremes, not whenever the latest values cross a power of ten.
    domain: logDomain(history.steps.flatMap((m) => m[quantity]).concat(prediction?.norms ?? [])),
  };
}

/**
 * Norm by layer at the latest step, or at the step the link pins (`at=`), x = layer index, input first, with the signal-propagation
 * prediction at initialization drawn dashed over it when the signal view is chosen.
 */
export const DepthProfile = memo(function DepthProfile() {
  const history = useHistorySnapshot();
  const quantity = useChartViewStore((s) => s.quantity);
  const atStep = useChartViewStore((s) => s.atStep);
  const layers = useShownLayers();
  const config = useShownConfig();
  const profile = useMemo(
    () => buildProfile(history, quantity, atStep, layers, config),
    [history, quantity, atStep, layers, config],
  );
  const layerCount = profile.rows.length;
  const { names, colors } = useLayerLook(layerCount);
  const theoryShown = profile.status === 'shown' || profile.status === 'approximate';
  const theoryLabel = t(profile.status === 'approximate' ? 'chart.theoryApprox' : 'chart.theory');

  const tooltipSeries = useMemo<TooltipSeries[]>(
    () => [
      { key: MEASURED, label: t('chart.measured'), color: 'var(--text)' },
      { key: THEORY, label: theoryLabel, color: NEUTRAL_LINE_COLOR },
    ],
    [theoryLabel],
  );
  const heading = useCallback(
    (row: ChartRow) => t('chart.tooltipLayer', { index: row.x, name: layerName(names, row.x - 1) }),
    [names],
  );
  const renderTooltip = useTooltipContent(tooltipSeries, heading);
  const series = useMemo<SeriesLook[]>(() => {
    const list: SeriesLook[] = [
      { key: MEASURED, color: 'var(--text)', strokeWidth: 1.5, dotRadius: 3, dotColors: colors },
    ];
    if (theoryShown)
      list.push({
        key: THEORY,
        color: NEUTRAL_LINE_COLOR,
        strokeWidth: 1.5,
        strokeDasharray: '5 4',
      });
    return list;
  }, [colors, theoryShown]);

  const extras: LegendExtra[] = [
    { key: MEASURED, label: t('chart.measured'), color: 'var(--text)', kind: 'line' },
  ];
  if (theoryShown)
    extras.push({ key: THEORY, label: theoryLabel, color: NEUTRAL_LINE_COLOR, kind: 'dashed' });
  if (profile.overflow.length > 0)
    extras.push({
      key: 'overflow',
      label: t('chart.overflowNote'),
      color: NON_FINITE_COLOR,
      kind: 'overflow',
    });
  const note =
    profile.status === 'onlySignal'
      ? t('chart.theoryOnlySignal')
      : profile.status === 'none'
        ? t('chart.theoryNone')
        : null;
  const xAxis = useLayerXAxisProps(layerCount);
  const yAxis = useLogYAxisProps(profile.domain);
  const axisTitles = useMemo(
    () => ({
      x: t('chart.axis.layer'),
      y: t('chart.axis.log', { what: t(`chart.axis.quantity.${quantity}`) }),
    }),
    [quantity],
  );
  const yTop = profile.domain[1];
  const overflow = useStableList(profile.overflow, (a, b) => a.x === b.x);
  // The layer singled out on the other charts (layerFocusStore.ts), marked by a vertical line.
  const focus = useLayerFocus();
  const keys = useMemo(() => names.map((_, i) => layerKey(i)), [names]);
  const focusedIndex = keys.indexOf(focusedLayer(focus, keys) ?? '');
  // x is the layer's 1-based index.
  const focusedX = focusedIndex < 0 ? null : focusedIndex + 1;
  const overlay = useMemo(
    () => (
      <>
        {focusedX === null ? null : (
          <ReferenceLine x={focusedX} stroke="var(--text)" strokeWidth={1} strokeDasharray="2 2" />
        )}
        <OverflowMarks marks={overflow} yTop={yTop} />
      </>
    ),
    [overflow, yTop, focusedX],
  );
  return (
    <ChartCard
      testId="depth-profile"
      className="chart-depth"
      title={t('chart.depthTitle')}
      aside={<ShownStepAside step={profile.step} pinned={atStep !== null} />}
      layerValues={
        profile.step === null
          ? null
          : {
              step: profile.step,
              quantity: t(`chart.axis.quantity.${quantity}`),
              names,
              values: profile.rows.map((r) => r.raw[MEASURED] as number),
            }
      }
      placeholder={layerCount === 0 ? t('chart.noData') : null}
      footer={
        <>
          <LayerLegend names={[]} colors={[]} extras={extras} />
          {note && layerCount > 0 ? <p className="chart-note">{note}</p> : null}
        </>
      }
    >
      <LiveLineChart
        rows={profile.rows}
        xAxis={xAxis}
        yAxis={yAxis}
        series={series}
        renderTooltip={renderTooltip}
        overlay={overlay}
        axisTitles={axisTitles}
      />
    </ChartCard>
  );
});
