import { memo, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { t } from '../i18n/messages';
import { sizeBitmap } from './canvasBitmap';
import { ChartCard } from './ChartCard';
import { layerCountOf } from './chartData';
import { useChartViewStore } from './chartViewStore';
import { buildHeatmapGrid, heatmapPixels, type HeatmapGrid } from './heatmapData';
import { useHistorySnapshot } from './hooks';
import { formatPow10, type LogDomain } from './logScale';
import { EMPTY_CELL_COLOR, NON_FINITE_COLOR, viridisGradientCss } from './palette';
import { useElementSize } from './useElementSize';

/** Layers at least this many CSS px tall get a thin separator line. */
const ROW_SEPARATOR_MIN_PX = 8;

/**
 * Paints one pixel per cell on `cells`, then scales that to the canvas with no smoothing (crisp
 * cells). Both keep their bitmaps while their sizes hold.
 */
function paint(
  canvas: HTMLCanvasElement,
  cells: HTMLCanvasElement,
  grid: HeatmapGrid,
  width: number,
  height: number,
) {
  const dpr = window.devicePixelRatio || 1;
  sizeBitmap(canvas, Math.max(1, Math.round(width * dpr)), Math.max(1, Math.round(height * dpr)));
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (grid.columns === 0 || grid.layers === 0) return;
  sizeBitmap(cells, grid.columns, grid.layers);
  cells
    .getContext('2d')
    ?.putImageData(new ImageData(heatmapPixels(grid), grid.columns, grid.layers), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, 0, 0, canvas.width, canvas.height);
  const rowPx = canvas.height / grid.layers;
  if (rowPx >= ROW_SEPARATOR_MIN_PX * dpr) {
    ctx.fillStyle = 'rgba(255, 255, 255, 0.6)';
    for (let r = 1; r < grid.layers; r++) ctx.fillRect(0, Math.round(r * rowPx), canvas.width, dpr);
  }
}

/**
 * Layer x step heatmap of the chosen quantity on a log colour scale: output layer on the top
 * row, input layer on the bottom, so "explodes toward the input" reads as the bottom rows
 * turning yellow. NaN/Infinity cells are red, 0 grey.
 */
export const GradHeatmap = memo(function GradHeatmap(props: {
  /** When runs are compared: the run's name for the title, and the colour domain all share. */
  run?: { name: string; domain: LogDomain };
}) {
  const { run } = props;
  const sharedDomain = run?.domain;
  const history = useHistorySnapshot();
  const quantity = useChartViewStore((s) => s.quantity);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(plotRef);
  const layerCount = layerCountOf(history.steps);
  const grid = useMemo(() => {
    const built = buildHeatmapGrid(history.steps, quantity, layerCount, width);
    return sharedDomain ? { ...built, domain: sharedDomain } : built;
  }, [history, quantity, layerCount, width, sharedDomain]);
  // One pixel per cell, kept between paints.
  const [cells] = useState(() => document.createElement('canvas'));
  // Painted before the frame is drawn, with the charts that refreshed in the same commit.
  useLayoutEffect(() => {
    if (canvasRef.current) paint(canvasRef.current, cells, grid, width, height);
  }, [cells, grid, width, height]);

  const min = formatPow10(grid.domain[0]);
  const max = formatPow10(grid.domain[1]);
  const label = t('chart.heatmapAria', {
    quantity: t(`chart.quantity.${quantity}`),
    first: grid.firstStep,
    last: grid.lastStep,
    min,
    max,
  });
  const footer = (
    <div className="heatmap-legend">
      <span className="heatmap-legend-title">
        {t('chart.axis.colour', { what: t(`chart.axis.quantity.${quantity}`) })}
      </span>
      <span>{min}</span>
      <span
        className="heatmap-ramp"
        style={{ background: viridisGradientCss() }}
        aria-hidden="true"
      />
      <span>{max}</span>
      <span className="chart-swatch" style={{ background: NON_FINITE_COLOR }} aria-hidden="true" />
      <span>{t('chart.heatmapNonFinite')}</span>
      <span className="chart-swatch" style={{ background: EMPTY_CELL_COLOR }} aria-hidden="true" />
      <span>{t('chart.heatmapEmpty')}</span>
      <span className="heatmap-steps">
        {t('chart.heatmapSteps', { first: grid.firstStep, last: grid.lastStep })}
      </span>
    </div>
  );
  return (
    <ChartCard
      testId={run ? `grad-heatmap-${run.name.toLowerCase()}` : 'grad-heatmap'}
      className="chart-heatmap"
      title={
        run
          ? t('compare.runTitle', { run: run.name, title: t('chart.heatmapTitle') })
          : `${t('chart.heatmapTitle')} · ${t(`chart.quantity.${quantity}`)}`
      }
      placeholder={grid.columns === 0 ? t('chart.noData') : null}
      footer={footer}
    >
      <div className="heatmap-frame">
        <div className="heatmap-rows" aria-hidden="true">
          <span>{t('chart.heatmapOutput')}</span>
          <span className="heatmap-rows-axis">{t('chart.axisLayer')}</span>
          <span>{t('chart.heatmapInput')}</span>
        </div>
        <div className="heatmap-plot" ref={plotRef}>
          <canvas ref={canvasRef} role="img" aria-label={label} />
        </div>
      </div>
    </ChartCard>
  );
});
