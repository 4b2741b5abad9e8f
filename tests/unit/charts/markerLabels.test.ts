import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LABEL_CHAR_PX,
  LABEL_GAP_PX,
  LABEL_ROWS,
  placeMarkerLabels,
  type MarkerLine,
} from '../../../src/ui/charts/markerLabels';

const PLOT_PX = 600;

function extent(line: MarkerLine, side: 'left' | 'right'): [number, number] {
  const at = ((line.step - 1) / 2999) * PLOT_PX;
  const width = line.text.length * LABEL_CHAR_PX;
  const start = side === 'right' ? at + LABEL_GAP_PX : at - LABEL_GAP_PX - width;
  return [start, start + width];
}

describe('placeMarkerLabels', () => {
  it('stacks close setting labels on the next row instead of overlapping them', () => {
    const lines: MarkerLine[] = [
      { step: 1000, text: 'learning rate 0.05 → 0.2', red: false },
      { step: 1100, text: 'batch size 64 → 1', red: false },
    ];
    expect(placeMarkerLabels(lines, [1, 3000], PLOT_PX).map((p) => p.row)).toEqual([0, 1]);
  });

  it('puts a label left of its line near the right edge', () => {
    const [p] = placeMarkerLabels(
      [{ step: 2990, text: 'overflow', red: true }],
      [1, 3000],
      PLOT_PX,
    );
    expect(p).toEqual({ row: 0, side: 'left' });
  });

  it('never lets two labels on one row overlap, and keeps them inside the plot', () => {
    const line = fc.record({
      step: fc.integer({ min: 1, max: 3000 }),
      text: fc.string({ minLength: 1, maxLength: 28 }),
      red: fc.boolean(),
    });
    fc.assert(
      fc.property(fc.array(line, { maxLength: 30 }), (raw) => {
        const lines = [...raw].sort((a, b) => a.step - b.step);
        const placed = placeMarkerLabels(lines, [1, 3000], PLOT_PX);
        const byRow = new Map<string, [number, number][]>();
        placed.forEach((p, i) => {
          if (p.row === null) return;
          expect(p.row).toBeLessThan(LABEL_ROWS);
          const [a, b] = extent(lines[i]!, p.side);
          expect(a).toBeGreaterThanOrEqual(0);
          const key = `${lines[i]!.red}-${p.row}`;
          for (const [c, d] of byRow.get(key) ?? []) expect(a >= d || b <= c).toBe(true);
          byRow.set(key, [...(byRow.get(key) ?? []), [a, b]]);
        });
      }),
    );
  });
});
