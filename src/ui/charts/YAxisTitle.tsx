/**
 * A line chart's y-axis title, upright along the axis, on two lines when one would not fit.
 *
 * Why: recharts draws the rotated title on one line centred on the plot, and on the short cards
 * of a 1366x768 window (the depth profile, the loss) "gradient norm (log)" is longer than the
 * whole chart is tall, so both ends were cut off by the chart's edges.
 */
import { splitTitle } from './axisTitleLines';

/** What recharts hands a Label's `content`: the axis box and the title's anchor point. */
interface TitleProps {
  x?: number | string;
  y?: number | string;
  viewBox?: unknown;
  value?: unknown;
}

/** The plot's top and height from a cartesian Label's viewBox. */
function plotBox(viewBox: unknown): { y?: number; height?: number } {
  return typeof viewBox === 'object' && viewBox !== null ? viewBox : {};
}

/** Line height of a wrapped title, in em. */
const LINE_EM = 1.1;
/** Shift of the first line centring its glyphs on the anchor (recharts' verticalAnchor middle). */
const FIRST_LINE_DY_EM = 0.355;

let measure: CanvasRenderingContext2D | null | undefined;

/** Width of `text` in px at `fontPx`, in the page's font (an estimate where canvas is missing). */
function textWidth(text: string, fontPx: number): number {
  if (measure === undefined) measure = document.createElement('canvas').getContext('2d');
  if (!measure) return text.length * fontPx;
  measure.font = `${fontPx}px ${getComputedStyle(document.body).fontFamily}`;
  return measure.measureText(text).width;
}

/**
 * recharts Label content: the title centred on the plot's height where it fits, else moved as
 * little as keeps it inside the chart (`above` and `below` the plot, in px), and on two lines
 * when one line is longer than the whole chart is tall.
 */
export function yAxisTitle(fontPx: number, above: number, below: number, style: object) {
  return function YAxisTitle(props: TitleProps) {
    const x = Number(props.x ?? 0);
    const y = Number(props.y ?? 0);
    const text = String(props.value ?? '');
    const plot = plotBox(props.viewBox);
    const top = (plot.y ?? y) - above;
    const bottom = (plot.y ?? y) + (plot.height ?? 0) + below;
    const lines = textWidth(text, fontPx) > bottom - top ? splitTitle(text) : [text];
    const half = Math.max(...lines.map((line) => textWidth(line, fontPx))) / 2;
    const centre = Math.min(Math.max(y, top + half), bottom - half);
    // The first line stands where a one-line title would; a second one is nearer the ticks.
    return (
      <text
        className="recharts-label"
        x={x}
        y={centre}
        transform={`rotate(-90, ${x}, ${centre})`}
        textAnchor="middle"
        style={style}
      >
        {lines.map((line, i) => (
          <tspan key={i} x={x} dy={`${i === 0 ? FIRST_LINE_DY_EM : LINE_EM}em`}>
            {line}
          </tspan>
        ))}
      </text>
    );
  };
}
