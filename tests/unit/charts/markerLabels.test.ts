import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  LABEL_CHAR_PX,
  LABEL_GAP_PX,
  LABEL_ROWS,
  mergeMarkers,
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

describe('mergeMarkers', () => {
  const merged = (count: number, last: string) => `${count} changes, last: ${last}`;

  it('drops setting changes made before any training (step 0): nothing to set them apart from', () => {
    const markers = [
      { step: 0, label: 'lr 0.05 → 0.1', kind: 'setting' as const },
      { step: 0, label: 'lr 0.1 → 0.2', kind: 'setting' as const },
      { step: 0, label: 'clip none → globalNorm 1', kind: 'setting' as const },
    ];
    expect(mergeMarkers(markers, merged)).toEqual([]);
  });

  it('makes several changes at one step one marker that counts them and names the last', () => {
    const markers = [
      { step: 40, label: 'lr 0.05 → 0.1', kind: 'setting' as const },
      { step: 40, label: 'lr 0.1 → 0.2', kind: 'setting' as const },
      { step: 40, label: 'overflow', kind: 'event' as const },
      { step: 90, label: 'clip none → globalNorm 1', kind: 'setting' as const },
      { step: 40, label: 'overflow again', kind: 'event' as const },
    ];
    expect(mergeMarkers(markers, merged)).toEqual([
      { step: 40, label: '2 changes, last: lr 0.1 → 0.2', kind: 'setting' },
      { step: 40, label: 'overflow', kind: 'event' },
      { step: 90, label: 'clip none → globalNorm 1', kind: 'setting' },
    ]);
  });

  it('leaves at most one marker per step and kind, whatever the input', () => {
    const marker = fc.record({
      step: fc.integer({ min: 0, max: 20 }),
      label: fc.string({ maxLength: 8 }),
      kind: fc.constantFrom('setting' as const, 'event' as const),
    });
    fc.assert(
      fc.property(fc.array(marker, { maxLength: 40 }), (markers) => {
        const out = mergeMarkers(markers, merged);
        const ids = out.map((m) => `${m.kind}@${m.step}`);
        expect(new Set(ids).size).toBe(ids.length);
        expect(out.some((m) => m.kind === 'setting' && m.step === 0)).toBe(false);
        const wanted = new Set(
          markers.filter((m) => m.kind === 'event' || m.step > 0).map((m) => `${m.kind}@${m.step}`),
        );
        expect(new Set(ids)).toEqual(wanted);
      }),
    );
  });
});
