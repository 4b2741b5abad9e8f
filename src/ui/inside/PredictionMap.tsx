import { memo, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import { generateDataset, type Dataset } from '../../data/datasets';
import type { Prediction } from '../../engine/prediction';
import { sizeBitmap } from '../charts/canvasBitmap';
import { ChartCard } from '../charts/ChartCard';
import { formatMeasured } from '../charts/format';
import { useHistorySnapshot } from '../charts/hooks';
import { useElementSize } from '../charts/useElementSize';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import {
  CLASS0_RGB,
  CLASS1_RGB,
  cellAt,
  divergingRgb,
  mapPixels,
  rgbText,
  scaleOf,
  valueAt,
} from './predictionPixels';

/** Radius of a training point, CSS px. */
const POINT_RADIUS_PX = 2.5;
/** At most this many training points are drawn (the rest add nothing to the picture). */
const MAX_POINTS_DRAWN = 1000;
/** The curve's y range extends the data's by this share on both sides. */
const CURVE_Y_MARGIN = 0.25;

interface Extent {
  x: [number, number];
  y: [number, number];
}

/** The plot's input extent: the map's grid, or for a curve its x axis and the data's y range. */
function extentOf(prediction: Prediction, targets: [number, number]): Extent {
  if (prediction.kind === 'map') {
    return {
      x: [prediction.x.min, prediction.x.max],
      y: [prediction.y.min, prediction.y.max],
    };
  }
  const pad = (targets[1] - targets[0] || 1) * CURVE_Y_MARGIN;
  return { x: [prediction.x.min, prediction.x.max], y: [targets[0] - pad, targets[1] + pad] };
}

function targetRange(dataset: Dataset): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const v of dataset.trainY) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  return lo <= hi ? [lo, hi] : [0, 1];
}

function draw(
  canvas: HTMLCanvasElement,
  cells: HTMLCanvasElement,
  prediction: Prediction,
  dataset: Dataset,
  size: number,
) {
  const dpr = window.devicePixelRatio || 1;
  const px = Math.max(1, Math.round(size * dpr));
  sizeBitmap(canvas, px, px);
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, px, px);
  const targets = targetRange(dataset);
  const extent = extentOf(prediction, targets);
  const toX = (v: number) => ((v - extent.x[0]) / (extent.x[1] - extent.x[0])) * px;
  const toY = (v: number) => px - ((v - extent.y[0]) / (extent.y[1] - extent.y[0])) * px;

  if (prediction.kind === 'map') {
    sizeBitmap(cells, prediction.x.count, prediction.y.count);
    cells
      .getContext('2d')
      ?.putImageData(
        new ImageData(mapPixels(prediction, targets), prediction.x.count, prediction.y.count),
        0,
        0,
      );
    ctx.imageSmoothingEnabled = true;
    ctx.drawImage(cells, 0, 0, px, px);
  } else {
    ctx.fillStyle = '#ffffff';
    ctx.fillRect(0, 0, px, px);
  }

  // Training points: coloured by class (or by target on the plane), dark-edged.
  const scale = scaleOf(prediction, targets);
  const count = Math.min(dataset.trainCount, MAX_POINTS_DRAWN);
  const dim = dataset.inputDim;
  ctx.lineWidth = dpr;
  for (let i = 0; i < count; i++) {
    const target = dataset.trainY[i] as number;
    const px0 = dataset.trainX[i * dim] as number;
    const py0 = dim === 2 ? (dataset.trainX[i * dim + 1] as number) : target;
    ctx.beginPath();
    ctx.arc(toX(px0), toY(py0), POINT_RADIUS_PX * dpr, 0, 2 * Math.PI);
    ctx.fillStyle = prediction.kind === 'curve' ? '#9aa5b1' : rgbText(divergingRgb(scale(target)));
    ctx.strokeStyle = prediction.kind === 'curve' ? '#9aa5b1' : 'rgba(0, 0, 0, 0.55)';
    ctx.fill();
    ctx.stroke();
  }

  if (prediction.kind === 'curve') {
    // The fitted curve; non-finite outputs break it, values off the plot are clamped to its edge.
    ctx.strokeStyle = '#111827';
    ctx.lineWidth = 2 * dpr;
    ctx.beginPath();
    let drawing = false;
    prediction.values.forEach((value, i) => {
      if (!Number.isFinite(value)) {
        drawing = false;
        return;
      }
      const x = toX(
        prediction.x.min + ((i + 0.5) / prediction.x.count) * (prediction.x.max - prediction.x.min),
      );
      const y = Math.min(px, Math.max(0, toY(value)));
      if (drawing) ctx.lineTo(x, y);
      else ctx.moveTo(x, y);
      drawing = true;
    });
    ctx.stroke();
  }
}

/** The exact output under the pointer, in words. */
function readout(prediction: Prediction, shareX: number, shareY: number): string {
  const col = cellAt(prediction.x, shareX);
  const x = formatMeasured(valueAt(prediction.x, shareX));
  if (prediction.kind === 'curve') {
    return t('inside.predictReadout.curve', { x, value: formatMeasured(prediction.values[col]!) });
  }
  const row = cellAt(prediction.y, shareY);
  const value = formatMeasured(prediction.values[row * prediction.x.count + col]!);
  const y = formatMeasured(valueAt(prediction.y, shareY));
  return t(`inside.predictReadout.${prediction.task}`, { x, y, value });
}

/**
 * What the network predicts, over the training points: for 2-D inputs a map of its output
 * over the input plane (the decision map, for classification), for 1-D inputs the curve it
 * fits. Evaluated by the engine up to a few times per second (engine/prediction.ts), within
 * its share of the training time (host/predictionBudget.ts).
 */
export const PredictionMap = memo(function PredictionMap(props: { run?: { name: string } }) {
  const { run } = props;
  const history = useHistorySnapshot();
  const config = useShownConfig();
  const dataConfig = config.data;
  const dataset = useMemo(() => generateDataset(dataConfig), [dataConfig]);
  const prediction = history.prediction;
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const [cells] = useState(() => document.createElement('canvas'));
  const [hover, setHover] = useState<{ x: number; y: number } | null>(null);

  const plot = useElementSize(plotRef);
  // A square map: the largest that fits the plot area.
  const size = Math.max(0, Math.min(plot.width, plot.height));

  useLayoutEffect(() => {
    if (canvasRef.current && prediction && size > 0) {
      draw(canvasRef.current, cells, prediction, dataset, size);
    }
  }, [cells, prediction, dataset, size]);

  const onPointer = (event: PointerEvent<HTMLCanvasElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    if (box.width === 0 || box.height === 0) return;
    setHover({
      x: Math.min(1, Math.max(0, (event.clientX - box.left) / box.width)),
      y: Math.min(1, Math.max(0, 1 - (event.clientY - box.top) / box.height)),
    });
  };

  const isClassMap = prediction?.kind === 'map' && prediction.task === 'classification';
  const swatch = (color: string) => (
    <span className="chart-swatch" style={{ background: color }} aria-hidden="true" />
  );
  const footer = (
    <div className="prediction-legend">
      {prediction?.kind === 'curve' ? (
        <>
          {swatch('#9aa5b1')}
          <span>{t('inside.predictLegend.data')}</span>
          {swatch('#111827')}
          <span>{t('inside.predictLegend.fit')}</span>
        </>
      ) : (
        <>
          {swatch(rgbText(CLASS0_RGB))}
          <span>{t(isClassMap ? 'inside.predictLegend.class0' : 'inside.predictLegend.low')}</span>
          {swatch(rgbText(CLASS1_RGB))}
          <span>{t(isClassMap ? 'inside.predictLegend.class1' : 'inside.predictLegend.high')}</span>
        </>
      )}
      <span className="prediction-axes">
        {t(`inside.predictAxes.${prediction?.kind ?? 'map'}`)}
      </span>
      <span className="prediction-readout" data-testid="prediction-readout" aria-live="polite">
        {prediction && hover ? readout(prediction, hover.x, hover.y) : t('inside.predictHint')}
      </span>
    </div>
  );
  const step = prediction?.step ?? 0;
  return (
    <ChartCard
      testId={run ? `prediction-${run.name.toLowerCase()}` : 'prediction'}
      className="chart-prediction"
      title={
        run
          ? t('compare.runTitle', { run: run.name, title: t('inside.predictTitle') })
          : t('inside.predictTitle')
      }
      aside={
        prediction ? (
          <span className="chart-title-aside">{t('inside.predictStep', { step })}</span>
        ) : null
      }
      placeholder={prediction ? null : t('inside.predictNone')}
      footer={footer}
    >
      <div className="prediction-plot" ref={plotRef}>
        <canvas
          ref={canvasRef}
          role="img"
          aria-label={t(`inside.predictAria.${prediction?.kind ?? 'map'}`, { step })}
          style={{ width: size, height: size }}
          onPointerMove={onPointer}
          onPointerLeave={() => setHover(null)}
        />
      </div>
    </ChartCard>
  );
});
