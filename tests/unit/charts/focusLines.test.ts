import { describe, expect, it } from 'vitest';
import { DIMMED_OPACITY, focusLines, nearestLayer } from '../../../src/ui/charts/focusLines';
import type { SeriesLook } from '../../../src/ui/charts/seriesGeometry';

const lines: SeriesLook[] = [
  { key: 'l0', layer: 'l0', color: 'a', strokeWidth: 1.5 },
  { key: 'l1', layer: 'l1', color: 'b', strokeWidth: 1.5 },
  { key: 'global', color: 'k', strokeWidth: 1.5 },
];

describe('the layer singled out', () => {
  it('with nothing singled out, the lines stay as they are', () => {
    expect(focusLines(lines, { hovered: null, isolated: null })).toBe(lines);
    expect(focusLines(lines, { hovered: 'l9', isolated: 'l9' })).toBe(lines);
  });

  it('isolated: only that layer is drawn, with the series that are not layers', () => {
    const shown = focusLines(lines, { hovered: 'l1', isolated: 'l0' });
    expect(shown.map((l) => l.key)).toEqual(['l0', 'global']);
  });

  it('hovered: drawn last and thicker, other layers dimmed, other series untouched', () => {
    const shown = focusLines(lines, { hovered: 'l0', isolated: null });
    expect(shown.map((l) => l.key)).toEqual(['l1', 'global', 'l0']);
    expect(shown.map((l) => l.opacity ?? 1)).toEqual([DIMMED_OPACITY, 1, 1]);
    expect(shown[2]!.strokeWidth).toBeGreaterThan(1.5);
  });

  it('points at the nearest line within reach, else at none', () => {
    const at = [
      { layer: 'l0', py: 100 },
      { layer: 'l1', py: 120 },
      { layer: 'l2', py: undefined },
    ];
    expect(nearestLayer(at, 113, 10)).toBe('l1');
    expect(nearestLayer(at, 104, 10)).toBe('l0');
    expect(nearestLayer(at, 140, 10)).toBeNull();
  });
});
