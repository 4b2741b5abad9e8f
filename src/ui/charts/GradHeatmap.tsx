import { memo, useLayoutEffect, useMemo, useRef, useState, type PointerEvent } from 'react';
import type { StepMetrics } from '../../engine/metrics';
import { t } from '../i18n/messages';
import { sizeBitmap } from './canvasBitmap';
import { ChartCard } from './ChartCard';
import { layerCountOf, layerKey } from './chartData';
import { useChartViewStore } from './chartViewStore';
import { formatMeasured, layerPlaceName } from './format';
import { buildHeatmapGrid, heatmapCellAt, heatmapPixels, type HeatmapGrid } from './heatmapData';
import { useHistorySnapshot, useLayerLook } from './hooks';
import { focusedLayer, hoverLayer, useLayerFocus } from './layerFocusStore';
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
  focused: number | null,
) {
  const dpr = window.devicePixelRatio || 1;
  sizeBitmap(canvas, Math.max(1, Math.round(width * dpr)), Math.max(1, Math.round(height * dpr)));
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.clearRect(0, 0, canvas.width, canvas.height);
  if (grid.columns === 0 || grid.layers === 0) return;
  // The cells' bitmap is as wide as the most columns the plot takes (one per CSS pixel), and
  // the grid is drawn from its left part: while the history fills the plot the grid gains
  // columns on every refresh, and reallocating the bitmap each time was the page's largest
  // single item in a main-thread profile of early training (79 ms in 6 s, WebGL 8 x 32).
  sizeBitmap(cells, Math.max(grid.columns, Math.ceil(width)), grid.layers);
  cells
    .getContext('2d')
    ?.putImageData(new ImageData(heatmapPixels(grid), grid.columns, grid.layers), 0, 0);
  ctx.imageSmoothingEnabled = false;
  ctx.drawImage(cells, 0, 0, grid.columns, grid.layers, 0, 0, canvas.width, canvas.height);
  const rowPx = canvas.height / grid.layers;
  if (rowPx >= ROW_SEPARATOR_MIN_PX * dpr) {
    ctx.fillStyle = 'rgba(255, 255, 255, 0.6)';
    for (let r = 1; r < grid.layers; r++) ctx.fillRect(0, Math.round(r * rowPx), canvas.width, dpr);
  }
  // The layer singled out on every chart (layerFocusStore.ts): outlined, output on the top row.
  if (focused !== null && focused < grid.layers) {
    const top = Math.round((grid.layers - 1 - focused) * rowPx);
    const line = 2 * dpr;
    ctx.strokeStyle = '#000';
    ctx.lineWidth = line;
    ctx.strokeRect(line / 2, top + line / 2, canvas.width - line, Math.max(line, rowPx - line));
  }
}

/** A recurrent step's ||dL/dh_t|| per time step (empty for a feed-forward step). */
const timeSignalOf = (m: StepMetrics) => m.timeSignalNorm;

/** What the pointer is over: the cell and where the readout goes (px in the plot). */
interface HoveredCell {
  text: string;
  x: number;
  y: number;
}

/**
 * Layer x step heatmap of the chosen quantity on a log colour scale: output layer on the top
 * row, input layer on the bottom, so "explodes toward the input" reads as the bottom rows
 * turning yellow. NaN/Infinity cells are red, 0 grey.
 */
export const GradHeatmap = memo(function GradHeatmap(props: {
  /** When runs are compared: the run's name for the title, and the colour domain all share. */
  run?: { name: string; domain: LogDomain };
  /**
   * A recurrent run's time steps instead of layers: one row per t = 1..timeSteps of
   * ||dL/dh_t|| (timeSignalNorm), t = 1 at the bottom, the last step (where the loss is) on top.
   */
  timeSteps?: number;
}) {
  const { run, timeSteps } = props;
  const sharedDomain = run?.domain;
  const history = useHistorySnapshot();
  const layerQuantity = useChartViewStore((s) => s.quantity);
  const plotRef = useRef<HTMLDivElement>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const { width, height } = useElementSize(plotRef);
  const rowCount = timeSteps ?? layerCountOf(history.steps);
  const rowsOf = timeSteps === undefined ? layerQuantity : timeSignalOf;
  const grid = useMemo(() => {
    const built = buildHeatmapGrid(history.steps, rowsOf, rowCount, width);
    return sharedDomain ? { ...built, domain: sharedDomain } : built;
  }, [history, rowsOf, rowCount, width, sharedDomain]);
  const layerLook = useLayerLook(timeSteps === undefined ? rowCount : 0);
  const names = useMemo(
    () =>
      timeSteps === undefined
        ? layerLook.names
        : Array.from({ length: timeSteps }, (_, i) => t('recurrent.timeName', { t: i + 1 })),
    [layerLook.names, timeSteps],
  );
  const focus = useLayerFocus();
  const keys = useMemo(() => names.map((_, i) => layerKey(i)), [names]);
  // Layers are singled out on every chart; time steps are not layers.
  const focusedKey = timeSteps === undefined ? focusedLayer(focus, keys) : null;
  const focused = focusedKey === null ? null : keys.indexOf(focusedKey);
  // One pixel per cell, kept between paints.
  const [cells] = useState(() => document.createElement('canvas'));
  // Painted before the frame is drawn, with the charts that refreshed in the same commit.
  useLayoutEffect(() => {
    if (canvasRef.current) paint(canvasRef.current, cells, grid, width, height, focused);
  }, [cells, grid, width, height, focused]);
  // Exact value on hover: layer, step (or the steps a column covers) and value.
  const [hovered, setHovered] = useState<HoveredCell | null>(null);
  const onPointerMove = (event: PointerEvent<HTMLDivElement>) => {
    const rect = event.currentTarget.getBoundingClientRect();
    const x = event.clientX - rect.left;
    const y = event.clientY - rect.top;
    const cell = heatmapCellAt(grid, x / rect.width, y / rect.height);
    if (!cell) {
      setHovered(null);
      hoverLayer(null);
      return;
    }
    const [first, last] = cell.steps;
    const value = formatMeasured(cell.value);
    setHovered({
      text: t(first === last ? 'chart.heatmapCell' : 'chart.heatmapCellSteps', {
        layer:
          timeSteps === undefined ? layerPlaceName(names, cell.layer) : (names[cell.layer] ?? ''),
        step: first,
        first,
        last,
        value,
      }),
      x,
      y,
    });
    if (timeSteps === undefined) hoverLayer(layerKey(cell.layer));
  };
  const onPointerLeave = () => {
    setHovered(null);
    hoverLayer(null);
  };

  const min = formatPow10(grid.domain[0]);
  const max = formatPow10(grid.domain[1]);
  const range = { first: grid.firstStep, last: grid.lastStep, min, max };
  const label =
    timeSteps === undefined
      ? t('chart.heatmapAria', { quantity: t(`chart.quantity.${layerQuantity}`), ...range })
      : t('recurrent.heatmapAria', range);
  const what =
    timeSteps === undefined
      ? t(`chart.axis.quantity.${layerQuantity}`)
      : t('recurrent.axis.signal');
  const title =
    timeSteps === undefined
      ? `${t('chart.heatmapTitle')} · ${t(`chart.quantity.${layerQuantity}`)}`
      : t('recurrent.timeHeatmapTitle');
  const footer = (
    <div className="heatmap-legend">
      <span className="heatmap-legend-title">{t('chart.axis.colour', { what })}</span>
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
      testId={
        run
          ? `grad-heatmap-${run.name.toLowerCase()}`
          : timeSteps === undefined
            ? 'grad-heatmap'
            : 'time-heatmap'
      }
      className="chart-heatmap"
      title={run ? t('compare.runTitle', { run: run.name, title }) : title}
      placeholder={grid.columns === 0 ? t('chart.noData') : null}
      footer={footer}
    >
      <div className="heatmap-frame">
        <div className="heatmap-rows" aria-hidden="true">
          {timeSteps === undefined ? (
            <>
              <span>{t('chart.heatmapOutput')}</span>
              <span className="heatmap-rows-axis">{t('chart.axisLayer')}</span>
              <span>{t('chart.heatmapInput')}</span>
            </>
          ) : (
            <>
              <span>{t('recurrent.rowLast', { T: timeSteps })}</span>
              <span className="heatmap-rows-axis">{t('recurrent.axisTime')}</span>
              <span>{t('recurrent.rowFirst')}</span>
            </>
          )}
        </div>
        <div
          className="heatmap-plot"
          ref={plotRef}
          onPointerMove={onPointerMove}
          onPointerLeave={onPointerLeave}
        >
          <canvas ref={canvasRef} role="img" aria-label={label} />
          {hovered ? (
            <div
              className={
                hovered.x > width / 2
                  ? 'chart-tooltip heatmap-readout is-left'
                  : 'chart-tooltip heatmap-readout'
              }
              data-testid="heatmap-readout"
              style={{ left: hovered.x, top: hovered.y }}
            >
              {hovered.text}
            </div>
          ) : null}
        </div>
      </div>
    </ChartCard>
  );
});
