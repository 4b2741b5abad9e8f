import { memo, useMemo } from 'react';
import type { StepMetrics } from '../../engine/metrics';
import type { RunView } from '../../store/sessionStore';
import { ChartCard } from '../charts/ChartCard';
import { buildSeriesChart } from '../charts/chartData';
import { useTooltipContent } from '../charts/ChartTooltip';
import { useChartViewStore } from '../charts/chartViewStore';
import { useLayerXAxisProps, useLogYAxisProps } from '../charts/axes';
import { LiveLineChart } from '../charts/LiveLineChart';
import { ShownStepAside } from '../charts/ShownStepAside';
import { t } from '../i18n/messages';
import { useRunSeries } from './runLook';
import type { RunSnapshots } from './useRunSnapshots';

/**
 * The step every run is shown at: the latest step that the runs still training have all
 * reached (a halted run is shown at its last step, which is earlier).
 */
export function commonStep(runs: readonly RunView[], snapshots: RunSnapshots): number | null {
  const latest = (run: RunView) => snapshots[run.letter]?.steps.at(-1)?.step ?? null;
  const training = runs.filter((r) => r.state !== 'halted');
  const pool = (training.length > 0 ? training : runs).map(latest).filter((s) => s !== null);
  return pool.length > 0 ? Math.min(...pool) : null;
}

/**
 * A run's step to show: the latest at or before `step` whose values are all finite (a halted
 * run is shown at its last finite step, not as overflow).
 */
function metricsAt(
  steps: readonly StepMetrics[],
  step: number,
  valuesOf: ProfileValues,
): StepMetrics | undefined {
  for (let i = steps.length - 1; i >= 0; i--) {
    const m = steps[i]!;
    if (m.step <= step && valuesOf(m).every(Number.isFinite)) return m;
  }
  return undefined;
}

/** The values a profile draws of a step: one per layer, or per time step (recurrent runs). */
type ProfileValues = (m: StepMetrics) => readonly number[];

const timeSignalOf: ProfileValues = (m) => m.timeSignalNorm ?? [];

/**
 * Norm by layer at one step, one line per run: where the runs' depth profiles part. For
 * recurrent runs (variants never change the model kind), ||dL/dh_t|| by time step instead.
 */
export const CompareDepthProfile = memo(function CompareDepthProfile(props: {
  runs: readonly RunView[];
  snapshots: RunSnapshots;
}) {
  const { runs, snapshots } = props;
  const quantity = useChartViewStore((s) => s.quantity);
  const recurrent = runs[0]?.config.model.kind === 'rnn';
  const valuesOf = useMemo<ProfileValues>(
    () => (recurrent ? timeSignalOf : (m) => m[quantity]),
    [recurrent, quantity],
  );
  const atStep = useChartViewStore((s) => s.atStep);
  const latest = commonStep(runs, snapshots);
  // A pinned step (`at=` in the link) is shown once every run has reached it.
  const step = atStep !== null && latest !== null && atStep <= latest ? atStep : latest;
  const chart = useMemo(() => {
    const perRun = runs.map((run) => {
      const shown =
        step === null ? undefined : metricsAt(snapshots[run.letter]?.steps ?? [], step, valuesOf);
      return {
        letter: run.letter,
        step: shown?.step ?? null,
        values: shown ? valuesOf(shown) : [],
      };
    });
    const layerCount = Math.max(0, ...perRun.map((r) => r.values.length));
    const xs = Array.from({ length: layerCount }, (_, i) => i + 1);
    const built = buildSeriesChart(
      xs,
      perRun.map((r) => ({
        key: r.letter,
        values: xs.map((_, i) => r.values[i] ?? Number.NaN),
      })),
    );
    // Runs shown at an earlier step than the others (halted ones), named under the chart.
    const earlier = perRun.filter((r) => r.step !== null && r.step !== step);
    return { ...built, layerCount, earlier };
  }, [runs, snapshots, valuesOf, step]);
  const { lines, tooltipSeries } = useRunSeries(runs, { dotRadius: 2.5 });
  const renderTooltip = useTooltipContent(tooltipSeries);
  const layerCount = chart.layerCount;
  const xAxis = useLayerXAxisProps(layerCount);
  const yAxis = useLogYAxisProps(chart.domain);
  const axisTitles = useMemo(
    () =>
      recurrent
        ? {
            x: t('recurrent.axis.time'),
            y: t('chart.axis.log', { what: t('recurrent.axis.signal') }),
          }
        : {
            x: t('chart.axis.layer'),
            y: t('chart.axis.log', { what: t(`chart.axis.quantity.${quantity}`) }),
          },
    [quantity, recurrent],
  );
  return (
    <ChartCard
      testId="compare-depth-profile"
      className="chart-compare-depth"
      title={
        recurrent
          ? t('recurrent.compareTimeTitle')
          : t('compare.depthTitle', { quantity: t(`chart.quantity.${quantity}`) })
      }
      aside={<ShownStepAside step={step} pinned={atStep !== null} />}
      placeholder={layerCount === 0 ? t('chart.noData') : null}
      footer={
        chart.earlier.length > 0 ? (
          <p className="chart-note">
            {chart.earlier
              .map((r) =>
                t('compare.depthEarlier', { run: r.letter.toUpperCase(), step: r.step ?? 0 }),
              )
              .join(' ')}
          </p>
        ) : null
      }
    >
      <LiveLineChart
        rows={chart.rows}
        xAxis={xAxis}
        yAxis={yAxis}
        series={lines}
        renderTooltip={renderTooltip}
        overlay={null}
        axisTitles={axisTitles}
      />
    </ChartCard>
  );
});
