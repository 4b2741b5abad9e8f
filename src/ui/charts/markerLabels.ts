/**
 * Where the labels of vertical step markers go, so they never overlap: each label runs right of
 * its line, or left of it when it would leave the plot, on the first of LABEL_ROWS rows along
 * the top where it does not touch the previous label; with no free row it is left out (the line
 * stays). Event labels (red) have their own row along the bottom. Pure: no DOM.
 */

export const LABEL_ROWS = 3;
/** Estimated width of one character of the 10 px label font, in px. */
export const LABEL_CHAR_PX = 5.2;
/** Gap between a label and its line, and between neighbouring labels, in px. */
export const LABEL_GAP_PX = 6;

export interface MarkerLine {
  step: number;
  text: string;
  red: boolean;
}

export interface LabelPlacement {
  /** Row from the top (settings) or the bottom (events); null = no label. */
  row: number | null;
  side: 'right' | 'left';
}

export interface StepMarker {
  step: number;
  label: string;
  kind: 'setting' | 'event';
}

/**
 * The markers a chart draws, one per step and kind, so labels never pile up on one line:
 * - setting changes at step 0 are dropped: made before any training, they hold from the first
 *   measured step on, so there is no "before" on the chart to set them apart from;
 * - several setting changes at one step (a slider dragged while paused) become one marker
 *   worded by `merged` from their count and the last change;
 * - events at one step are one marker (the first one's label).
 * Order is kept (by first occurrence).
 */
export function mergeMarkers(
  markers: readonly StepMarker[],
  merged: (count: number, last: string) => string,
): StepMarker[] {
  const groups = new Map<string, StepMarker[]>();
  for (const m of markers) {
    if (m.kind === 'setting' && m.step < 1) continue;
    const id = `${m.kind}@${m.step}`;
    const group = groups.get(id);
    if (group) group.push(m);
    else groups.set(id, [m]);
  }
  return [...groups.values()].map((group) => {
    const first = group[0] as StepMarker;
    const last = group[group.length - 1] as StepMarker;
    if (group.length === 1 || first.kind === 'event') return first;
    return { ...first, label: merged(group.length, last.label) };
  });
}

export function placeMarkerLabels(
  lines: readonly MarkerLine[],
  xRange: readonly [number, number],
  plotWidthPx: number,
): LabelPlacement[] {
  const span = Math.max(1, xRange[1] - xRange[0]);
  // Right edge (px) of the last label on each row; separate rows for settings and events.
  const top = Array<number>(LABEL_ROWS).fill(-Infinity);
  const bottom = Array<number>(LABEL_ROWS).fill(-Infinity);
  return lines.map((line) => {
    const at = ((line.step - xRange[0]) / span) * plotWidthPx;
    const width = line.text.length * LABEL_CHAR_PX;
    const side = at + LABEL_GAP_PX + width <= plotWidthPx ? 'right' : 'left';
    const start = side === 'right' ? at + LABEL_GAP_PX : at - LABEL_GAP_PX - width;
    const rows = line.red ? bottom : top;
    const row = rows.findIndex((end) => start >= end + LABEL_GAP_PX);
    if (row < 0 || start < 0) return { row: null, side };
    rows[row] = start + width;
    return { row, side };
  });
}
