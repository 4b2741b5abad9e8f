import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  EXACT_TAIL_POINTS,
  MAX_POINTS_PER_SERIES,
  argMaxRank,
  bucketStartsByX,
  downsampleColumns,
  magnitudeRank,
} from '../../../src/ui/charts/downsample';

/** Increasing steps with gaps, like a history whose old half has been thinned. */
const xs = (n: number) => Array.from({ length: n }, (_, i) => (i < n / 2 ? 1 + 3 * i : n + i));
const value = fc.oneof(
  { weight: 20, arbitrary: fc.double({ min: 1e-20, max: 1e20, noNaN: true }) },
  { weight: 1, arbitrary: fc.constantFrom(NaN, Infinity, 0) },
);
const table = fc
  .record({
    n: fc.integer({ min: 0, max: 3000 }),
    columns: fc.integer({ min: 1, max: 4 }),
    seed: fc.integer(),
  })
  .chain(({ n, columns }) =>
    fc.record({
      x: fc.constant(xs(n)),
      columns: fc.array(fc.array(value, { minLength: n, maxLength: n }), {
        minLength: columns,
        maxLength: columns,
      }),
    }),
  );

const same = (a: number, b: number) => Object.is(a, b) || a === b;

describe('downsampleColumns', () => {
  it('returns tables that already fit unchanged', () => {
    const x = [1, 2, 3];
    const out = downsampleColumns(x, [[5, NaN, 0]]);
    expect(out).toEqual({ x: [1, 2, 3], columns: [[5, NaN, 0]] });
  });

  it('never exceeds the point budget, whatever the history length', () => {
    fc.assert(
      fc.property(table, fc.integer({ min: 2, max: 500 }), ({ x, columns }, budget) => {
        const out = downsampleColumns(x, columns, budget);
        expect(out.x.length).toBeLessThanOrEqual(budget);
        for (const c of out.columns) expect(c).toHaveLength(out.x.length);
      }),
      { numRuns: 150 },
    );
    const long = xs(100_000);
    expect(downsampleColumns(long, [long]).x.length).toBeLessThanOrEqual(MAX_POINTS_PER_SERIES);
  });

  it('keeps x increasing and keeps the newest EXACT_TAIL_POINTS rows exactly', () => {
    fc.assert(
      fc.property(table, ({ x, columns }) => {
        const out = downsampleColumns(x, columns);
        for (let i = 1; i < out.x.length; i++)
          expect(out.x[i]).toBeGreaterThanOrEqual(out.x[i - 1]!);
        const tail = Math.min(EXACT_TAIL_POINTS, x.length);
        expect(out.x.slice(out.x.length - tail)).toEqual(x.slice(x.length - tail));
        columns.forEach((c, k) =>
          expect(out.columns[k]!.slice(out.x.length - tail)).toEqual(c.slice(c.length - tail)),
        );
      }),
      { numRuns: 150 },
    );
  });

  it("preserves every bucket's largest value (NaN/Infinity first) and smallest value", () => {
    fc.assert(
      fc.property(table, ({ x, columns }) => {
        const out = downsampleColumns(x, columns);
        if (x.length <= MAX_POINTS_PER_SERIES) return;
        const head = x.length - EXACT_TAIL_POINTS;
        const count = Math.floor((MAX_POINTS_PER_SERIES - EXACT_TAIL_POINTS) / 2);
        const starts = bucketStartsByX(x.slice(0, head), count);
        for (let b = 0; b < count; b++) {
          const from = starts[b]!;
          const to = starts[b + 1]!;
          if (to === from) continue;
          // The output rows standing for this bucket lie within its x range.
          const rows = out.x.flatMap((v, i) => (v >= x[from]! && v <= x[to - 1]! ? [i] : []));
          columns.forEach((column, k) => {
            const bucket = column.slice(from, to);
            const kept = rows.map((i) => out.columns[k]![i]!);
            const max = bucket[argMaxRank(bucket, 0, bucket.length)]!;
            const min = bucket.reduce((m, v) => (magnitudeRank(v) < magnitudeRank(m) ? v : m));
            expect(kept.some((v) => same(v, max))).toBe(true);
            expect(kept.some((v) => same(v, min))).toBe(true);
          });
        }
      }),
      { numRuns: 60 },
    );
  });

  it('never drops a NaN or Infinity, however long the history', () => {
    const x = xs(20_000);
    const column = x.map(() => 1);
    column[1234] = NaN;
    column[9876] = Infinity;
    const out = downsampleColumns(x, [column]).columns[0]!;
    expect(out.some(Number.isNaN)).toBe(true);
    expect(out).toContain(Infinity);
  });

  it('keeps a bucket extremes in the order they occurred', () => {
    // 1000 rows, budget 4 with no exact tail: two buckets of 500. Bucket 0 has its max first.
    const x = Array.from({ length: 1000 }, (_, i) => i);
    const column = x.map((i) =>
      i === 10 ? 100 : i === 400 ? 0.01 : i === 600 ? 0.5 : i === 900 ? 7 : 1,
    );
    const out = downsampleColumns(x, [column], 4, 0);
    expect(out.columns[0]).toEqual([100, 0.01, 0.5, 7]);
    expect(out.x).toEqual([0, 499, 500, 999]);
  });
});

describe('bucketStartsByX', () => {
  it('splits by equal widths in x, not by equal row counts', () => {
    // Rows dense at the end: x = 0, 10, 20, ..., 90, then 91..99.
    const x = [
      ...Array.from({ length: 10 }, (_, i) => i * 10),
      ...Array.from({ length: 9 }, (_, i) => 91 + i),
    ];
    expect(bucketStartsByX(x, 2)).toEqual([0, 5, x.length]);
  });

  it('covers every row exactly once', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 500 }),
        fc.integer({ min: 1, max: 100 }),
        (n, count) => {
          const starts = bucketStartsByX(xs(n), count);
          expect(starts).toHaveLength(count + 1);
          expect(starts[0]).toBe(0);
          expect(starts[count]).toBe(n);
          for (let b = 0; b < count; b++) expect(starts[b + 1]).toBeGreaterThanOrEqual(starts[b]!);
        },
      ),
    );
  });
});

describe('magnitudeRank', () => {
  it('ranks NaN and +-Infinity above every finite value and 0 or negatives below', () => {
    expect(magnitudeRank(NaN)).toBe(Infinity);
    expect(magnitudeRank(-Infinity)).toBe(Infinity);
    expect(magnitudeRank(0)).toBe(-Infinity);
    expect(magnitudeRank(-5)).toBe(-Infinity);
    expect(magnitudeRank(3e38)).toBe(3e38);
  });
});
