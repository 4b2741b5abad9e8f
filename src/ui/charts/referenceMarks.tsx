/**
 * Reference elements shared by the step charts: vertical lines at setting changes and at the
 * first non-finite step, and triangles on the top edge where a value overflowed. Placed directly
 * inside a chart (recharts 3 lets its elements live in nested components).
 */
import { ReferenceDot, ReferenceLine, usePlotArea, type DotProps } from 'recharts';
import type { HistoryMarker } from '../../store/runHistory';
import type { OverflowMark } from './chartData';
import { placeMarkerLabels, type MarkerLine } from './markerLabels';
import { NEUTRAL_LINE_COLOR, NON_FINITE_COLOR } from './palette';

/** Labels longer than this are cut with an ellipsis. */
const MAX_LABEL_CHARS = 28;
const LABEL_STYLE = { fontSize: 10 } as const;
/** Distance of the first label row from the top edge, below the overflow triangles. */
const LABEL_OFFSET_PX = 10;
const LABEL_ROW_PX = 13;

export interface StepEvent {
  step: number;
  label: string;
}

function shorten(text: string): string {
  return text.length > MAX_LABEL_CHARS ? `${text.slice(0, MAX_LABEL_CHARS - 1)}…` : text;
}

interface StepMarkersProps {
  markers: readonly HistoryMarker[];
  event: StepEvent | null;
  xRange: readonly [number, number];
  withLabels: boolean;
}

/**
 * Setting-change markers (grey, dashed) and events (red): the history's 'event' markers and the
 * run's first non-finite step. Labels, when wanted, are laid out by placeMarkerLabels: settings
 * along the top, events along the bottom, where an exploding run leaves room.
 */
export function StepMarkers({ markers, event, xRange, withLabels }: StepMarkersProps) {
  const plotWidth = usePlotArea()?.width ?? 0;
  const lines: MarkerLine[] = markers
    .filter((m) => !(event && m.kind === 'event' && m.step === event.step))
    .map((m) => ({ step: m.step, text: shorten(m.label), red: m.kind === 'event' }));
  if (event) lines.push({ step: event.step, text: shorten(event.label), red: true });
  lines.sort((a, b) => a.step - b.step);
  const placements = placeMarkerLabels(lines, xRange, plotWidth);
  return lines.map((line, i) => {
    const place = placements[i];
    const row = withLabels && plotWidth > 0 ? (place?.row ?? null) : null;
    const color = line.red ? NON_FINITE_COLOR : NEUTRAL_LINE_COLOR;
    const side = place?.side === 'left' ? 'Right' : 'Left';
    return (
      <ReferenceLine
        key={`marker-${i}-${line.step}`}
        x={line.step}
        stroke={color}
        strokeDasharray={line.red ? undefined : '3 3'}
        strokeWidth={line.red ? 1.5 : 1}
        label={
          row === null
            ? undefined
            : {
                value: line.text,
                position: line.red ? `insideBottom${side}` : `insideTop${side}`,
                offset: LABEL_OFFSET_PX,
                dy: (line.red ? -1 : 1) * row * LABEL_ROW_PX,
                fill: color,
                style: LABEL_STYLE,
              }
        }
      />
    );
  });
}

function OverflowTriangle({ cx, cy }: DotProps) {
  if (cx === undefined || cy === undefined) return <g />;
  return (
    <path
      className="chart-overflow-marker"
      d={`M${cx},${cy - 7} L${cx + 5},${cy + 2} L${cx - 5},${cy + 2} Z`}
      fill={NON_FINITE_COLOR}
    />
  );
}

/** A red triangle on the top edge (y = yTop) at each step where some value is NaN or infinite. */
export function overflowMarks(marks: readonly OverflowMark[], yTop: number) {
  return marks.map((m) => (
    <ReferenceDot
      key={`overflow-${m.x}`}
      x={m.x}
      y={yTop}
      r={5}
      shape={OverflowTriangle}
      ifOverflow="visible"
    />
  ));
}
