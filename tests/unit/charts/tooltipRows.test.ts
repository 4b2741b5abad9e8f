import { describe, expect, it } from 'vitest';
import { tooltipRows, type TooltipSeries } from '../../../src/ui/charts/tooltipRows';

const series = (n: number): TooltipSeries[] =>
  Array.from({ length: n }, (_, i) => ({ key: `l${i}`, label: `layer${i + 1}`, color: '#000' }));

describe('tooltip rows', () => {
  it('lists every series in depth order when they fit, the focused layer first', () => {
    const values = { l0: 1, l1: 2, l2: 3 };
    expect(tooltipRows(series(3), values, null).rows.map((r) => r.key)).toEqual(['l0', 'l1', 'l2']);
    const focused = tooltipRows(series(3), values, 'l2');
    expect(focused.rows.map((r) => r.key)).toEqual(['l2', 'l0', 'l1']);
    expect(focused.rows.map((r) => r.focused)).toEqual([true, false, false]);
    expect(focused.more).toBe(0);
  });

  it('with 48 layers lists the focused one, then the largest values in depth order, then "n more"', () => {
    // Layer i's value is i + 1, so the largest are the last ones; layer 40 overflowed.
    const values: Record<string, number> = {};
    for (let i = 0; i < 48; i++) values[`l${i}`] = i + 1;
    values.l40 = Infinity;
    const { rows, more } = tooltipRows(series(48), values, 'l3', 5);
    expect(rows.map((r) => r.key)).toEqual(['l3', 'l40', 'l45', 'l46', 'l47']);
    expect(more).toBe(48 - 5);
  });

  it('leaves out series without a value at the row', () => {
    const { rows, more } = tooltipRows(series(3), { l1: 5 }, 'l0');
    expect(rows.map((r) => r.key)).toEqual(['l1']);
    expect(more).toBe(0);
  });
});
