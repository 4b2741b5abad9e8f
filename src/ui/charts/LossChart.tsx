import { memo, useMemo } from 'react';
import { t } from '../i18n/messages';
import { ChartCard } from './ChartCard';
import { buildSeriesChart, mergeRows } from './chartData';
import { useTooltipContent, type TooltipSeries } from './ChartTooltip';
import { formatMeasured } from './format';
import { useHistorySnapshot, useOverflowEvent, type HistorySnapshot } from './hooks';
import { LayerLegend, type LegendExtra } from './LayerLegend';
import { logDomain } from './logScale';
import type { SeriesLook } from './SeriesLines';
import { overflowLegendExtra, StepLogChart } from './StepLogChart';

const TRAIN = 'train';
const TEST = 'test';
const TRAIN_COLOR = 'var(--accent)';
const TEST_COLOR = '#c2410c';
/**
 * Train and test rows interleave on one x axis, so each line bridges the other's rows. The test
 * loss is measured now and then: each measurement is a dot.
 */
const LOSS_LINES: SeriesLook[] = [
  { key: TRAIN, color: TRAIN_COLOR, strokeWidth: 1.5, connectNulls: true },
  {
    key: TEST,
    color: TEST_COLOR,
    strokeWidth: 1.5,
    strokeDasharray: '4 3',
    connectNulls: true,
    dotRadius: 2,
  },
];

function buildLoss(history: HistorySnapshot) {
  const train = buildSeriesChart(
    history.steps.map((m) => m.step),
    [{ key: TRAIN, values: history.steps.map((m) => m.loss) }],
  );
  const test = buildSeriesChart(
    history.testLosses.map((p) => p.step),
    [{ key: TEST, values: history.testLosses.map((p) => p.loss) }],
  );
  const latest = history.steps[history.steps.length - 1];
  return {
    rows: mergeRows(train.rows, test.rows),
    overflow: [...train.overflow, ...test.overflow],
    domain: logDomain([...train.rows, ...test.rows].flatMap((r) => Object.values(r.raw))),
    latest: latest ? { step: latest.step, loss: latest.loss } : null,
  };
}

/** Train loss per step (downsampled) and the test loss points, log Y. */
export const LossChart = memo(function LossChart() {
  const history = useHistorySnapshot();
  const event = useOverflowEvent();
  const chart = useMemo(() => buildLoss(history), [history]);
  const tooltipSeries = useMemo<TooltipSeries[]>(
    () => [
      { key: TRAIN, label: t('chart.trainLoss'), color: TRAIN_COLOR },
      { key: TEST, label: t('chart.testLoss'), color: TEST_COLOR },
    ],
    [],
  );
  const renderTooltip = useTooltipContent(tooltipSeries);
  const extras: LegendExtra[] = [
    { key: TRAIN, label: t('chart.trainLoss'), color: TRAIN_COLOR, kind: 'line' },
    { key: TEST, label: t('chart.testLoss'), color: TEST_COLOR, kind: 'dashed' },
  ];
  if (chart.overflow.length > 0) extras.push(overflowLegendExtra());
  return (
    <ChartCard
      testId="loss-chart"
      className="chart-loss"
      title={t('chart.lossTitle')}
      summary={
        chart.latest
          ? t('chart.summaryLoss', {
              step: chart.latest.step,
              loss: formatMeasured(chart.latest.loss),
            })
          : undefined
      }
      placeholder={chart.rows.length === 0 ? t('chart.noData') : null}
      footer={<LayerLegend names={[]} colors={[]} extras={extras} />}
    >
      <StepLogChart
        yTitle={t('chart.axis.loss')}
        rows={chart.rows}
        domain={chart.domain}
        series={LOSS_LINES}
        renderTooltip={renderTooltip}
        markers={history.markers}
        event={event}
        overflow={chart.overflow}
        markerLabels={false}
      />
    </ChartCard>
  );
});
