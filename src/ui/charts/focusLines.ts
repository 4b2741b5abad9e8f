/**
 * How the layer singled out (layerFocusStore.ts) changes a chart's lines. Pure: no React.
 * - Isolated: only that layer's lines are drawn (with the series that are not layers, such as
 *   the global norm or a threshold).
 * - Hovered: its lines are drawn last (on top) and thicker; other layers' lines are dimmed.
 */
import { focusedLayer, type LayerFocus } from './layerFocusStore';
import type { SeriesLook } from './seriesGeometry';

/** Opacity factor of the other layers' lines while one is hovered. */
export const DIMMED_OPACITY = 0.2;
/** Extra stroke width of the hovered layer's lines, in px. */
export const HIGHLIGHT_EXTRA_WIDTH_PX = 1;

export function focusLines(lines: readonly SeriesLook[], focus: LayerFocus): readonly SeriesLook[] {
  const layers = lines.flatMap((l) => (l.layer === undefined ? [] : [l.layer]));
  const key = focusedLayer(focus, layers);
  if (key === null) return lines;
  if (key === focus.isolated) return lines.filter((l) => l.layer === undefined || l.layer === key);
  const others = lines
    .filter((l) => l.layer !== key)
    .map((l) => (l.layer === undefined ? l : { ...l, opacity: (l.opacity ?? 1) * DIMMED_OPACITY }));
  const focused = lines
    .filter((l) => l.layer === key)
    .map((l) => ({ ...l, strokeWidth: l.strokeWidth + HIGHLIGHT_EXTRA_WIDTH_PX }));
  return [...others, ...focused];
}

/**
 * The layer whose line passes nearest the pointer's height `py` (px), among `candidates` (each a
 * layer and its line's height at the pointer's step), or null when none is within `withinPx`.
 */
export function nearestLayer(
  candidates: readonly { layer: string; py: number | undefined }[],
  py: number,
  withinPx: number,
): string | null {
  let best: string | null = null;
  let bestDistance = withinPx;
  for (const c of candidates) {
    if (c.py === undefined || !Number.isFinite(c.py)) continue;
    const distance = Math.abs(c.py - py);
    if (distance <= bestDistance) {
      best = c.layer;
      bestDistance = distance;
    }
  }
  return best;
}
