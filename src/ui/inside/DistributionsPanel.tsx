import { memo, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import {
  DISTRIBUTION_QUANTITIES,
  HISTOGRAM_BINS,
  HISTOGRAM_MAX_EXPONENT,
  HISTOGRAM_MIN_EXPONENT,
} from '../../config/distributionBins';
import { sizeBitmap } from '../charts/canvasBitmap';
import { ChartCard } from '../charts/ChartCard';
import { layerName } from '../charts/format';
import { SegmentedChoice } from '../charts/SegmentedChoice';
import { useHistorySnapshot, useLayerLook, useShownLayers } from '../charts/hooks';
import { useElementSize } from '../charts/useElementSize';
import { t } from '../i18n/messages';
import { formatFixed } from '../i18n/numberFormat';
import { binLabel, histogramPixels, saturationSeries } from './histogramGrid';
import { useInsideViewStore } from './insideViewStore';

/** Where a pointer is over a canvas, as shares of its width and height from the top left. */
function pointerShare(event: PointerEvent<HTMLCanvasElement>): { x: number; y: number } | null {
  const box = event.currentTarget.getBoundingClientRect();
  if (box.width === 0 || box.height === 0) return null;
  return {
    x: Math.min(0.9999, Math.max(0, (event.clientX - box.left) / box.width)),
    y: Math.min(0.9999, Math.max(0, (event.clientY - box.top) / box.height)),
  };
}

/** In the compare view: the run a panel shows (its name in titles and test ids). */
interface PanelRun {
  name: string;
}

const runTitle = (run: PanelRun | undefined, title: string) =>
  run ? t('compare.runTitle', { run: run.name, title }) : title;
const runTestId = (run: PanelRun | undefined, id: string) =>
  run ? `${id}-${run.name.toLowerCase()}` : id;

/**
 * Layer x bin heatmap of the newest step's histograms of the chosen quantity. Every run's uses
 * the same bins and the same colour scale (a layer's share of its values), so runs compare.
 */
const HistogramHeatmap = memo(function HistogramHeatmap(props: {
  run?: PanelRun;
  /** Whether this card carries the quantity choice (one card of the compare view does). */
  withChoice: boolean;
}) {
  const { run, withChoice } = props;
  const history = useHistorySnapshot();
  const layers = useShownLayers();
  const quantity = useInsideViewStore((s) => s.quantity);
  const setQuantity = useInsideViewStore((s) => s.setQuantity);
  const counts = history.histograms?.histograms[quantity] ?? null;
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [cells] = useState(() => document.createElement('canvas'));
  const { width, height } = useElementSize(plotRef);
  const [hover, setHover] = useState<{ layer: number; bin: number } | null>(null);

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || !counts || counts.length === 0 || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    sizeBitmap(canvas, Math.round(width * dpr), Math.round(height * dpr));
    sizeBitmap(cells, HISTOGRAM_BINS, counts.length);
    cells
      .getContext('2d')
      ?.putImageData(new ImageData(histogramPixels(counts), HISTOGRAM_BINS, counts.length), 0, 0);
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.imageSmoothingEnabled = false;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.drawImage(cells, 0, 0, canvas.width, canvas.height);
    // The zero and non-finite columns are set apart from the magnitude bins.
    ctx.fillStyle = '#ffffff';
    const column = canvas.width / HISTOGRAM_BINS;
    ctx.fillRect(Math.round(column) - dpr, 0, 2 * dpr, canvas.height);
    ctx.fillRect(Math.round(column * (HISTOGRAM_BINS - 1)) - dpr, 0, 2 * dpr, canvas.height);
  }, [cells, counts, width, height]);

  const onPointer = (event: PointerEvent<HTMLCanvasElement>) => {
    const share = pointerShare(event);
    if (!share || !counts) return;
    const layer = counts.length - 1 - Math.floor(share.y * counts.length);
    setHover({ layer, bin: Math.floor(share.x * HISTOGRAM_BINS) });
  };

  const names = layers.map((l) => l.name);
  let readout = t('inside.distHint');
  if (hover && counts?.[hover.layer]) {
    const row = counts[hover.layer]!;
    const total = row.reduce((a, b) => a + b, 0);
    const count = row[hover.bin] ?? 0;
    readout = t('inside.distReadout', {
      layer: layerName(names, hover.layer),
      bin: binLabel(hover.bin),
      count,
      total,
      share: formatFixed(total > 0 ? (100 * count) / total : 0, 1),
    });
  }
  const choice = withChoice ? (
    <SegmentedChoice
      className="dist-quantity"
      options={DISTRIBUTION_QUANTITIES}
      value={quantity}
      onChange={setQuantity}
      legend={t('inside.distQuantityLegend')}
      labelOf={(q) => t(`inside.distQuantity.${q}`)}
    />
  ) : null;
  return (
    <ChartCard
      testId={runTestId(run, 'distributions')}
      className="chart-distributions"
      title={runTitle(run, t('inside.distTitle', { step: history.histograms?.step ?? 0 }))}
      aside={choice}
      summary={t(`inside.distCaption.${quantity}`)}
      placeholder={counts ? null : t('inside.distNone')}
      footer={
        <div className="dist-footer">
          <span className="dist-axis">
            <span>0</span>
            <span>{`1e${HISTOGRAM_MIN_EXPONENT}`}</span>
            <span className="dist-axis-title">{t('inside.distAxis')}</span>
            <span>{`1e${HISTOGRAM_MAX_EXPONENT}`}</span>
            <span>NaN</span>
          </span>
          <span className="prediction-readout" data-testid="distributions-readout">
            {readout}
          </span>
        </div>
      }
    >
      <div className="heatmap-frame">
        <div className="heatmap-rows" aria-hidden="true">
          <span>{t('chart.heatmapOutput')}</span>
          <span className="heatmap-rows-axis">{t('chart.axisLayer')}</span>
          <span>{t('chart.heatmapInput')}</span>
        </div>
        <div className="heatmap-plot" ref={plotRef}>
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={t(`inside.distCaption.${quantity}`)}
            onPointerMove={onPointer}
            onPointerLeave={() => setHover(null)}
          />
        </div>
      </div>
    </ChartCard>
  );
});

/** Saturation share per layer over steps (tanh, sigmoid: saturated; ReLU: dead units). */
const SaturationChart = memo(function SaturationChart({ run }: { run?: PanelRun }) {
  const history = useHistorySnapshot();
  const layers = useShownLayers();
  const look = useLayerLook(layers.length);
  const series = useMemo(() => saturationSeries(history.steps), [history.steps]);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(plotRef);
  const [hoverStep, setHoverStep] = useState<number | null>(null);
  const first = series[0]?.points[0]?.[0] ?? 0;
  const last = series[0]?.points.at(-1)?.[0] ?? 0;

  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    if (!canvas || width === 0) return;
    const dpr = window.devicePixelRatio || 1;
    sizeBitmap(canvas, Math.round(width * dpr), Math.round(height * dpr));
    const ctx = canvas.getContext('2d');
    if (!ctx) return;
    ctx.clearRect(0, 0, canvas.width, canvas.height);
    ctx.strokeStyle = '#e5e7eb';
    ctx.lineWidth = dpr;
    for (const share of [0, 0.5, 1]) {
      const y = Math.round((1 - share) * (canvas.height - dpr)) + 0.5;
      ctx.beginPath();
      ctx.moveTo(0, y);
      ctx.lineTo(canvas.width, y);
      ctx.stroke();
    }
    const span = Math.max(1, last - first);
    ctx.lineWidth = 1.5 * dpr;
    for (const { layer, points } of series) {
      ctx.strokeStyle = look.colors[layer] ?? '#000';
      ctx.beginPath();
      points.forEach(([step, share], i) => {
        const x = ((step - first) / span) * canvas.width;
        const y = (1 - share) * (canvas.height - dpr);
        if (i === 0) ctx.moveTo(x, y);
        else ctx.lineTo(x, y);
      });
      ctx.stroke();
    }
  }, [series, look, width, height, first, last]);

  const onPointer = (event: PointerEvent<HTMLCanvasElement>) => {
    const share = pointerShare(event);
    if (share) setHoverStep(Math.round(first + share.x * (last - first)));
  };

  const names = layers.map((l) => l.name);
  let readout = t('inside.satHint');
  if (hoverStep !== null && series.length > 0) {
    const at = (points: [number, number][]) =>
      points.reduce((best, p) =>
        Math.abs(p[0] - hoverStep) < Math.abs(best[0] - hoverStep) ? p : best,
      );
    const step = at(series[0]!.points)[0];
    readout =
      t('chart.tooltipStep', { step }) +
      ': ' +
      series
        .map(
          ({ layer, points }) =>
            `${layerName(names, layer)} ${formatFixed(100 * at(points)[1], 1)}%`,
        )
        .join(', ');
  }
  const what = layers[0]?.activation === 'relu' ? 'dead' : 'saturated';
  return (
    <ChartCard
      testId={runTestId(run, 'saturation')}
      className="chart-saturation"
      title={runTitle(run, t(`inside.satTitle.${what}`))}
      summary={t(`inside.satCaption.${what}`)}
      placeholder={
        series.length > 0
          ? null
          : history.histograms
            ? t('inside.satUndefined')
            : t('inside.distNone')
      }
      footer={
        <div className="dist-footer">
          <span>{t(`inside.satCaption.${what}`)}</span>
          <span className="prediction-readout" data-testid="saturation-readout">
            {readout}
          </span>
        </div>
      }
    >
      <div className="saturation-frame">
        <div className="saturation-axis" aria-hidden="true">
          <span>100%</span>
          <span>50%</span>
          <span>0%</span>
        </div>
        <div className="heatmap-plot" ref={plotRef}>
          <canvas
            ref={canvasRef}
            role="img"
            aria-label={t(`inside.satTitle.${what}`)}
            onPointerMove={onPointer}
            onPointerLeave={() => setHoverStep(null)}
          />
        </div>
      </div>
    </ChartCard>
  );
});

/**
 * The distributions panel of the shown run (one per run in the compare view). Whether the runs
 * measure distributions is switched by its wrapper, LazyDistributionsPanel, as soon as it opens.
 */
export function DistributionsPanel(props: { run?: PanelRun; withChoice?: boolean }) {
  const { run, withChoice = true } = props;
  return (
    <>
      <HistogramHeatmap run={run} withChoice={withChoice} />
      <SaturationChart run={run} />
    </>
  );
}

export default DistributionsPanel;
