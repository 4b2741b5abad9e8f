import { memo, useCallback, useMemo } from 'react';
import type { RecurrentModel } from '../../config/modelSchema';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import { useLayerXAxisProps, useLogYAxisProps } from './axes';
import { ChartCard } from './ChartCard';
import type { ChartRow } from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { useChartViewStore } from './chartViewStore';
import { formatMeasured } from './format';
import { useHistorySnapshot, useStableList } from './hooks';
import { LayerLegend, type LegendExtra } from './LayerLegend';
import { LiveLineChart } from './LiveLineChart';
import { NEUTRAL_LINE_COLOR, NON_FINITE_COLOR } from './palette';
import { OverflowMarks } from './referenceMarks';
import type { SeriesLook } from './SeriesLines';
import { ShownStepAside } from './ShownStepAside';
import { buildTimeProfile, MEASURED_KEY, THEORY_KEY } from './timeProfileData';
import { pascanuApplies, spectralRadiusAt } from './timeTheory';

/**
 * The depth profile across time of a recurrent run: ||dL/dh_t|| against t = 1..T at the latest
 * step (or the one the link pins), log Y, with the g^(T-t) line of a linear orthogonal RNN, the
 * spectral radius of W_h the engine measured, and Pascanu's condition where it applies.
 */
export const TimeProfile = memo(function TimeProfile({ model }: { model: RecurrentModel }) {
  const history = useHistorySnapshot();
  const atStep = useChartViewStore((s) => s.atStep);
  const activation = useShownConfig().network.activation;
  const profile = useMemo(
    () => buildTimeProfile(history.steps, atStep, model, activation),
    [history, atStep, model, activation],
  );
  const T = model.timeSteps;
  const theoryShown = profile.rows.some((r) => r.raw[THEORY_KEY] !== undefined);
  const tooltipSeries = useMemo<TooltipSeries[]>(
    () => [
      { key: MEASURED_KEY, label: t('chart.measured'), color: 'var(--text)' },
      { key: THEORY_KEY, label: t('recurrent.theory'), color: NEUTRAL_LINE_COLOR },
    ],
    [],
  );
  const heading = useCallback((row: ChartRow) => t('recurrent.tooltipTime', { t: row.x, T }), [T]);
  const renderTooltip = useTooltipContent(tooltipSeries, heading);
  const series = useMemo<SeriesLook[]>(() => {
    const list: SeriesLook[] = [
      { key: MEASURED_KEY, color: 'var(--text)', strokeWidth: 1.5, dotRadius: T <= 60 ? 2 : 0 },
    ];
    if (theoryShown)
      list.push({
        key: THEORY_KEY,
        color: NEUTRAL_LINE_COLOR,
        strokeWidth: 1.5,
        strokeDasharray: '5 4',
      });
    return list;
  }, [theoryShown, T]);
  const extras: LegendExtra[] = [
    { key: MEASURED_KEY, label: t('chart.measured'), color: 'var(--text)', kind: 'line' },
  ];
  if (theoryShown)
    extras.push({
      key: THEORY_KEY,
      label: t('recurrent.theory'),
      color: NEUTRAL_LINE_COLOR,
      kind: 'dashed',
    });
  if (profile.overflow.length > 0)
    extras.push({
      key: 'overflow',
      label: t('chart.overflowNote'),
      color: NON_FINITE_COLOR,
      kind: 'overflow',
    });
  const xAxis = useLayerXAxisProps(T);
  const yAxis = useLogYAxisProps(profile.domain);
  const axisTitles = useMemo(
    () => ({
      x: t('recurrent.axis.time'),
      y: t('chart.axis.log', { what: t('recurrent.axis.signal') }),
    }),
    [],
  );
  const overflow = useStableList(profile.overflow, (a, b) => a.x === b.x);
  const yTop = profile.domain[1];
  const overlay = useMemo(() => <OverflowMarks marks={overflow} yTop={yTop} />, [overflow, yTop]);
  const radius =
    model.cell === 'rnn' && profile.step !== null
      ? spectralRadiusAt(history.steps, profile.step)
      : null;
  const names = useMemo(
    () =>
      Array.from({ length: profile.rows.length }, (_, i) => t('recurrent.timeName', { t: i + 1 })),
    [profile.rows.length],
  );
  const gain = model.recurrentInit.kind === 'normal' ? null : model.recurrentInit.gain;
  return (
    <ChartCard
      testId="time-profile"
      className="chart-depth"
      title={t('recurrent.timeTitle')}
      aside={<ShownStepAside step={profile.step} pinned={atStep !== null} />}
      layerValues={
        profile.step === null
          ? null
          : {
              step: profile.step,
              quantity: t('recurrent.axis.signal'),
              names,
              values: profile.rows.map((r) => r.raw[MEASURED_KEY] as number),
              timeSteps: true,
            }
      }
      placeholder={profile.rows.length === 0 ? t('chart.noData') : null}
      footer={
        <>
          <LayerLegend names={[]} colors={[]} extras={extras} />
          {model.cell === 'rnn' ? (
            <p className="chart-note" data-testid="spectral-radius">
              {radius
                ? t('recurrent.radius', { value: formatMeasured(radius.value), step: radius.step })
                : t('recurrent.radiusNone')}
            </p>
          ) : null}
          <p className="chart-note">
            {profile.theoryApplies && gain !== null
              ? t('recurrent.theoryNote', { g: gain })
              : t('recurrent.theoryNone')}
          </p>
          {pascanuApplies(model, activation) ? (
            <p className="chart-note">{t('recurrent.pascanu')}</p>
          ) : null}
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
