/**
 * Strokes a chart's series on a 2D canvas: the DOM half of SeriesLines.tsx (no React).
 *
 * Why a canvas and not SVG paths: while training, every refresh rebuilt one path string per
 * series (400 points each), and the browser parsed, laid out, painted and rasterised them again.
 * On the 32-layer network that was most of a refresh's cost. A canvas takes the points as
 * numbers and keeps one bitmap.
 */
import { dashPattern, type SeriesGeometry, type SeriesLook } from './seriesGeometry';

/** Radius of a lone point's dot for a line of `strokeWidth`. */
function lonePointRadius(strokeWidth: number): number {
  return Math.max(3, strokeWidth * 2);
}

/** Line width while training runs: thin strokes are the software rasteriser's fast path. */
const DRAFT_LINE_WIDTH_PX = 1;

export interface DrawnSeries {
  look: SeriesLook;
  geometry: SeriesGeometry;
}

export interface PlotRect {
  x: number;
  y: number;
  width: number;
  height: number;
}

/** `color` with a `var(--name)` reference read from `element`'s custom properties. */
export function resolveColor(color: string, element: Element): string {
  const name = /^var\((--[\w-]+)\)$/.exec(color.trim())?.[1];
  if (!name) return color;
  return getComputedStyle(element).getPropertyValue(name).trim() || '#000';
}

/**
 * Draws `series` in order (later ones on top) into `ctx`, whose coordinates are the chart's
 * pixels. Lines are clipped to `plot`; dots are not, so a dot on the edge stays whole (as
 * recharts draws them). `draft` draws every line DRAFT_LINE_WIDTH_PX wide.
 */
export function drawSeries(
  ctx: CanvasRenderingContext2D,
  series: readonly DrawnSeries[],
  plot: PlotRect,
  draft: boolean,
  colorOf: (color: string) => string,
): void {
  for (const { look, geometry } of series) {
    const color = colorOf(look.color);
    ctx.globalAlpha = look.opacity ?? 1;
    if (geometry.runs.length > 0) {
      ctx.save();
      ctx.beginPath();
      ctx.rect(plot.x, plot.y, plot.width, plot.height);
      ctx.clip();
      ctx.strokeStyle = color;
      ctx.lineWidth = draft ? DRAFT_LINE_WIDTH_PX : look.strokeWidth;
      ctx.lineJoin = 'round';
      ctx.setLineDash(dashPattern(look.strokeDasharray));
      ctx.beginPath();
      for (const run of geometry.runs) {
        ctx.moveTo(run[0] as number, run[1] as number);
        for (let i = 2; i < run.length; i += 2) ctx.lineTo(run[i] as number, run[i + 1] as number);
      }
      ctx.stroke();
      ctx.restore();
    }
    for (const [cx, cy, row] of geometry.dots) {
      fillDot(ctx, cx, cy, look.dotRadius ?? 0, colorOf(look.dotColors?.[row] ?? look.color));
    }
    for (const [cx, cy] of geometry.lonePoints) {
      fillDot(ctx, cx, cy, lonePointRadius(look.strokeWidth), color);
    }
  }
  ctx.globalAlpha = 1;
}

function fillDot(ctx: CanvasRenderingContext2D, cx: number, cy: number, r: number, fill: string) {
  ctx.beginPath();
  ctx.arc(cx, cy, r, 0, 2 * Math.PI);
  ctx.fillStyle = fill;
  ctx.fill();
}
