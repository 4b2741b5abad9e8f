/**
 * Reference elements shared by the step charts: vertical lines at setting changes and at the
 * first non-finite step, triangles on the top edge where a value overflowed, and a labelled
 * horizontal line (the clip threshold). Placed directly inside a chart (recharts 3 lets its
 * elements live in nested components).
 *
 * Each element is a memo component with primitive props. recharts' ReferenceLine and
 * ReferenceDot remove and re-add themselves in its store after every render, and each of those
 * dispatches makes the whole chart re-check its selectors; memoized, they render only when they
 * change, not on every chart refresh.
 */
import { memo } from 'react';
import { ReferenceDot, ReferenceLine, usePlotArea, type DotProps } from 'recharts';
import type { HistoryMarker } from '../../session/runHistory';
import { t } from '../i18n/messages';
import type { OverflowMark } from './chartData';
import { mergeMarkers, placeMarkerLabels, type MarkerLine } from './markerLabels';
import { NEUTRAL_LINE_COLOR, NON_FINITE_COLOR } from './palette';

/**
 * Labels are drawn whole, never cut (placeMarkerLabels leaves out one that has no room; its
 * line stays), over a halo in the panel's colour so they read clearly where they cross a line.
 */
const LABEL_STYLE = {
  fontSize: 10,
  stroke: 'var(--panel, #fff)',
  strokeWidth: 3,
  strokeLinejoin: 'round',
  paintOrder: 'stroke',
} as const;
/** Distance of the first label row from the top edge, below the overflow triangles. */
const LABEL_OFFSET_PX = 10;
const LABEL_ROW_PX = 13;

export interface StepEvent {
  step: number;
  label: string;
}

const mergedMarkerText = (count: number, last: string) => t('chart.markerMerged', { count, last });

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
  const lines: MarkerLine[] = mergeMarkers(markers, mergedMarkerText)
    .filter((m) => !(event && m.kind === 'event' && m.step === event.step))
    .map((m) => ({ step: m.step, text: m.label, red: m.kind === 'event' }));
  if (event) lines.push({ step: event.step, text: event.label, red: true });
  lines.sort((a, b) => a.step - b.step);
  const placements = placeMarkerLabels(lines, xRange, plotWidth);
  return lines.map((line, i) => {
    const place = placements[i];
    const row = withLabels && plotWidth > 0 ? (place?.row ?? null) : null;
    return (
      <StepMarkerLine
        key={`marker-${i}-${line.step}`}
        step={line.step}
        red={line.red}
        text={row === null ? null : line.text}
        row={row ?? 0}
        side={place?.side === 'left' ? 'Right' : 'Left'}
      />
    );
  });
}

interface StepMarkerLineProps {
  step: number;
  red: boolean;
  /** Label text, or null for a line without a label. */
  text: string | null;
  /** Label row (0 = nearest the edge). */
  row: number;
  /** Which side of the plot's inside edge the label is anchored to. */
  side: 'Left' | 'Right';
}

const StepMarkerLine = memo(function StepMarkerLine(props: StepMarkerLineProps) {
  const { step, red, text, row, side } = props;
  const color = red ? NON_FINITE_COLOR : NEUTRAL_LINE_COLOR;
  return (
    <ReferenceLine
      x={step}
      stroke={color}
      strokeDasharray={red ? undefined : '3 3'}
      strokeWidth={red ? 1.5 : 1}
      label={
        text === null
          ? undefined
          : {
              value: text,
              position: red ? `insideBottom${side}` : `insideTop${side}`,
              offset: LABEL_OFFSET_PX,
              dy: (red ? -1 : 1) * row * LABEL_ROW_PX,
              fill: color,
              style: LABEL_STYLE,
            }
      }
    />
  );
});

/** A dashed horizontal line at `y` with a label just above it, at its left end. */
export const LabelledHorizontalLine = memo(function LabelledHorizontalLine(props: {
  y: number;
  label: string;
}) {
  return (
    <ReferenceLine
      y={props.y}
      stroke={NEUTRAL_LINE_COLOR}
      strokeDasharray="6 4"
      label={{
        value: props.label,
        // Above the line, so the dashes never run through the text.
        position: 'insideBottomLeft',
        offset: 4,
        fill: NEUTRAL_LINE_COLOR,
        style: LABEL_STYLE,
      }}
    />
  );
});

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

const OverflowDot = memo(function OverflowDot(props: { x: number; yTop: number }) {
  return (
    <ReferenceDot x={props.x} y={props.yTop} r={5} shape={OverflowTriangle} ifOverflow="visible" />
  );
});

/** A red triangle on the top edge (y = yTop) at each step where some value is NaN or infinite. */
export function OverflowMarks({ marks, yTop }: { marks: readonly OverflowMark[]; yTop: number }) {
  return marks.map((m) => <OverflowDot key={`overflow-${m.x}`} x={m.x} yTop={yTop} />);
}
