import { memo, useMemo } from 'react';
import type { StepMetrics } from '../../engine/metrics';
import type { RunView } from '../../store/sessionStore';
import { ChartCard } from '../charts/ChartCard';
import { buildSeriesChart, mergeRows, type ChartRow, type OverflowMark } from '../charts/chartData';
import { useTooltipContent } from '../charts/ChartTooltip';
import { useChartViewStore } from '../charts/chartViewStore';
import { logDomain } from '../charts/logScale';
import { StepLogChart } from '../charts/StepLogChart';
import { t } from '../i18n/messages';
import { useRunSeries } from './runLook';
import type { RunSnapshots } from './useRunSnapshots';

export type OverlayMetric = 'globalNorm' | 'loss';

const NO_MARKERS: never[] = [];

function valueOf(metric: OverlayMetric, clipped: boolean, m: StepMetrics): number {
  if (metric === 'loss') return m.loss;
  return clipped ? m.clippedGlobalNorm : m.globalNorm;
}

/** One series per run (keyed by its letter) on one step axis. */
function buildOverlay(
  runs: readonly RunView[],
  snapshots: RunSnapshots,
  metric: OverlayMetric,
  clipped: boolean,
) {
  let rows: ChartRow[] = [];
  const overflow: OverflowMark[] = [];
  for (const run of runs) {
    const steps = snapshots[run.letter]?.steps ?? [];
    const chart = buildSeriesChart(
      steps.map((m) => m.step),
      [{ key: run.letter, values: steps.map((m) => valueOf(metric, clipped, m)) }],
    );
    rows = mergeRows(rows, chart.rows);
    overflow.push(...chart.overflow);
  }
  return { rows, overflow, domain: logDomain(rows.flatMap((r) => Object.values(r.raw))) };
}

/**
 * The runs overlaid: the global gradient norm (after clipping on the clipped view) or the train
 * loss, one line per run in its colour and dash.
 */
export const RunOverlayChart = memo(function RunOverlayChart(props: {
  runs: readonly RunView[];
  snapshots: RunSnapshots;
  metric: OverlayMetric;
}) {
  const { runs, snapshots, metric } = props;
  const clipped = useChartViewStore((s) => s.quantity === 'clippedGradNorm');
  const chart = useMemo(
    () => buildOverlay(runs, snapshots, metric, clipped),
    [runs, snapshots, metric, clipped],
  );
  const { lines, tooltipSeries } = useRunSeries(runs, { connectNulls: true });
  const renderTooltip = useTooltipContent(tooltipSeries);
  const title =
    metric === 'loss'
      ? t('compare.lossTitle')
      : t(clipped ? 'compare.clippedGlobalNormTitle' : 'compare.globalNormTitle');
  return (
    <ChartCard
      testId={metric === 'loss' ? 'compare-loss' : 'compare-global-norm'}
      className={`chart-compare-${metric}`}
      title={title}
      placeholder={chart.rows.length === 0 ? t('chart.noData') : null}
    >
      <StepLogChart
        yTitle={t(metric === 'loss' ? 'chart.axis.loss' : 'chart.axis.globalNorm')}
        rows={chart.rows}
        domain={chart.domain}
        series={lines}
        renderTooltip={renderTooltip}
        markers={NO_MARKERS}
        event={null}
        overflow={chart.overflow}
        markerLabels={false}
      />
    </ChartCard>
  );
});
