/**
 * The lines of a line chart (one per layer, train and test loss, the depth profile), drawn on a
 * canvas over the plot area of a recharts chart, on its scales; plus a dot per series at the
 * hovered step (SVG, as recharts draws it).
 *
 * Why not recharts' <Line>: on every refresh a Line rebuilds, per point, a point object and a
 * label-list entry, measures its path and re-checks its store selectors; and any SVG path is
 * re-parsed, laid out, painted and rasterised (see seriesCanvas.ts). The drawing matches
 * recharts' Line: straight segments, a gap at every null value, the same hover dots. Tooltips
 * still come from recharts: see TooltipRowSource. The rows come from the LiveLineChart around
 * the lines, not through recharts (see LiveLineChart.tsx).
 *
 * For tests and tools, the canvas lists the keys of the series it drew (`data-drawn`) and how
 * many lone points (`data-lone-points`); `data-draft` is set while training runs.
 */
import { memo, useEffect, useLayoutEffect, useRef, useState } from 'react';
import {
  Line,
  useActiveTooltipLabel,
  useIsTooltipActive,
  usePlotArea,
  useXAxisDomain,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import { useSessionStore } from '../../store/sessionStore';
import { sizeBitmap } from './canvasBitmap';
import { setCanvasRepaint } from './canvasRepaint';
import type { ChartRow } from './chartData';
import { useLiveRows } from './liveRows';
import { nearestLayer } from './focusLines';
import { hoverLayer } from './layerFocusStore';
import { drawSeries, resolveColor, type PlotRect } from './seriesCanvas';
import { seriesGeometry, type Scale, type SeriesLook } from './seriesGeometry';

export type { SeriesLook };

/** Hover dot radius and ring, as recharts draws a Line's active dot. */
const ACTIVE_DOT = { r: 4, stroke: '#fff', strokeWidth: 2 } as const;
/** The canvas reaches this far past the plot area on each side, so edge dots stay whole. */
const DOT_ROOM_PX = 8;
/** A layer's line counts as pointed at within this many px (vertically) of the pointer. */
const HOVER_RADIUS_PX = 10;

interface Props {
  series: readonly SeriesLook[];
}

/** What the lines show: these rows and series on these scales. */
interface Drawn {
  rows: readonly ChartRow[];
  series: readonly SeriesLook[];
  x: Scale;
  y: Scale;
}

export const SeriesLines = memo(function SeriesLines({ series }: Props) {
  const { rows, xDomain: wanted } = useLiveRows();
  const xScale = useXAxisScale() as Scale | undefined;
  const yScale = useYAxisScale() as Scale | undefined;
  const plot = usePlotArea();
  // When the x axis changes, the rows reach this component one render before recharts' scale does
  // (the chart's store takes the new axis in an effect). Drawn on the old scale they would be
  // wrong, and drawing them twice doubles the cost of a refresh; so until the x axis spans the
  // wanted domain, the lines drawn last stay as they are.
  const xDomain = useXAxisDomain();
  const inStep = xDomain?.[0] === wanted[0] && xDomain?.[xDomain.length - 1] === wanted[1];
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  // While training runs the lines are drawn thin (see DRAFT_LINE_WIDTH_PX); paused, halted or
  // finished, at their own width.
  const draft = useSessionStore((s) => s.status === 'running');
  const canvasRef = useRef<HTMLCanvasElement>(null);
  if (
    inStep &&
    xScale &&
    yScale &&
    (drawn?.rows !== rows || drawn.series !== series || drawn.x !== xScale || drawn.y !== yScale)
  ) {
    // Derived state, set while rendering: React renders again at once with it.
    setDrawn({ rows, series, x: xScale, y: yScale });
  }
  /** What the canvas shows, for the pointer handler. */
  const shown = useRef<{ drawn: Drawn; plot: PlotRect } | null>(null);
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    shown.current = drawn && plot ? { drawn, plot } : null;
    // recharts' plot area is a memoized selection: a new object only when the chart's size or
    // axes change.
    if (!canvas || !drawn || !plot) return;
    paint(canvas, drawn, plot, draft);
    // For a picture of the chart: the same lines at its own resolution, at their full width.
    setCanvasRepaint(canvas, (pixelRatio) => {
      const copy = document.createElement('canvas');
      paint(copy, drawn, plot, false, pixelRatio);
      return copy;
    });
  }, [drawn, plot, draft]);
  const mounted = drawn !== null && plot !== undefined;
  // Pointing at a layer's line singles it out on every chart. The canvas takes no pointer events
  // (recharts' tooltip needs them), so the chart around it is watched.
  useEffect(() => {
    const canvas = canvasRef.current;
    const host = canvas?.closest('.chart-live');
    if (!canvas || !host) return;
    const move = (event: Event) => {
      const at = shown.current;
      if (at) hoverLayer(layerAtPointer(at.drawn, at.plot, canvas, event as PointerEvent));
    };
    const leave = () => hoverLayer(null);
    host.addEventListener('pointermove', move);
    host.addEventListener('pointerleave', leave);
    return () => {
      host.removeEventListener('pointermove', move);
      host.removeEventListener('pointerleave', leave);
    };
  }, [mounted]);
  if (!drawn || !plot) return null;
  return (
    <g className="chart-series-lines">
      <foreignObject
        x={plot.x - DOT_ROOM_PX}
        y={plot.y - DOT_ROOM_PX}
        width={plot.width + 2 * DOT_ROOM_PX}
        height={plot.height + 2 * DOT_ROOM_PX}
        pointerEvents="none"
      >
        <canvas ref={canvasRef} className="chart-series-canvas" />
      </foreignObject>
      <ActiveDots rows={drawn.rows} series={drawn.series} x={drawn.x} y={drawn.y} />
    </g>
  );
});

/** Sizes `canvas` to the plot area (plus room for dots) at the screen's pixel ratio and draws. */
function paint(
  canvas: HTMLCanvasElement,
  drawn: Drawn,
  plot: PlotRect,
  draft: boolean,
  dpr = window.devicePixelRatio || 1,
) {
  const cssWidth = plot.width + 2 * DOT_ROOM_PX;
  const cssHeight = plot.height + 2 * DOT_ROOM_PX;
  const width = Math.max(1, Math.round(cssWidth * dpr));
  const height = Math.max(1, Math.round(cssHeight * dpr));
  if (sizeBitmap(canvas, width, height)) {
    canvas.style.width = `${cssWidth}px`;
    canvas.style.height = `${cssHeight}px`;
  }
  const ctx = canvas.getContext('2d');
  if (!ctx) return;
  ctx.setTransform(1, 0, 0, 1, 0, 0);
  ctx.clearRect(0, 0, width, height);
  // Chart pixels to canvas pixels: the canvas starts DOT_ROOM_PX up and left of the plot.
  ctx.setTransform(dpr, 0, 0, dpr, (DOT_ROOM_PX - plot.x) * dpr, (DOT_ROOM_PX - plot.y) * dpr);
  const series = drawn.series.map((look) => ({
    look,
    geometry: seriesGeometry(drawn.rows, look, drawn.x, drawn.y),
  }));
  const colors = new Map<string, string>();
  const colorOf = (color: string) => {
    let resolved = colors.get(color);
    if (resolved === undefined) colors.set(color, (resolved = resolveColor(color, canvas)));
    return resolved;
  };
  drawSeries(ctx, series, plot, draft, colorOf);
  canvas.dataset.drawn = series
    .filter((s) => s.geometry.runs.length > 0 || s.geometry.lonePoints.length > 0)
    .map((s) => s.look.key)
    .join(' ');
  canvas.dataset.lonePoints = String(series.reduce((n, s) => n + s.geometry.lonePoints.length, 0));
  if (draft) canvas.dataset.draft = '';
  else delete canvas.dataset.draft;
}

/** The layer whose line is nearest the pointer at the nearest drawn step, if within reach. */
function layerAtPointer(
  drawn: Drawn,
  plot: PlotRect,
  canvas: HTMLCanvasElement,
  event: PointerEvent,
): string | null {
  const layers = drawn.series.filter((s) => s.layer !== undefined);
  if (layers.length === 0 || drawn.rows.length === 0) return null;
  // Chart pixels: the canvas starts DOT_ROOM_PX up and left of the plot area.
  const rect = canvas.getBoundingClientRect();
  const px = event.clientX - rect.left + plot.x - DOT_ROOM_PX;
  const py = event.clientY - rect.top + plot.y - DOT_ROOM_PX;
  let row: ChartRow | undefined;
  let rowDistance = Infinity;
  for (const r of drawn.rows) {
    const rx = drawn.x(r.x);
    if (rx === undefined) continue;
    const distance = Math.abs(rx - px);
    if (distance < rowDistance) [row, rowDistance] = [r, distance];
  }
  if (!row) return null;
  const at = row;
  return nearestLayer(
    layers.map((s) => {
      const value = at.y[s.key];
      return {
        layer: s.layer as string,
        py: value === null || value === undefined ? undefined : drawn.y(value),
      };
    }),
    py,
    HOVER_RADIUS_PX,
  );
}

/** A dot on every series at the step the tooltip shows. */
function ActiveDots(props: {
  rows: readonly ChartRow[];
  series: readonly SeriesLook[];
  x: Scale;
  y: Scale;
}) {
  const active = useIsTooltipActive();
  const label = useActiveTooltipLabel();
  if (!active || label === undefined) return null;
  const row = props.rows.find((r) => r.x === Number(label));
  const cx = row ? props.x(row.x) : undefined;
  if (!row || cx === undefined) return null;
  return props.series.map((s) => {
    const value = row.y[s.key];
    const cy = value === null || value === undefined ? undefined : props.y(value);
    if (cy === undefined || !Number.isFinite(cy)) return null;
    return (
      <circle
        key={s.key}
        className="recharts-active-dot"
        cx={cx}
        cy={cy}
        fill={s.color}
        {...ACTIVE_DOT}
      />
    );
  });
}

/** The row's step: the hidden tooltip line's value (any finite value would do). */
const rowStep = (row: ChartRow) => row.x;

/**
 * A hidden recharts Line that draws nothing but gives the chart's Tooltip its payload (recharts
 * fills a tooltip only from graphical items): the hovered row, which ChartTooltip reads. Needs
 * `includeHidden` on the Tooltip, and on the X axis when its domain comes from the data.
 */
export function TooltipRowSource() {
  return <Line dataKey={rowStep} hide isAnimationActive={false} activeDot={false} />;
}
