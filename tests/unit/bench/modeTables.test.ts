import { describe, expect, it } from 'vitest';
import {
  DEEP_FRAME_P95_MS,
  MODE_TENSOR_STEPS,
  deepFramesTable,
  deepFramesTarget,
  modeTensorsTable,
  modeTensorsTarget,
} from '../../../scripts/bench/modeTables.mjs';
import { modeFlat } from '../../../scripts/bench/modeTensors.mjs';

/** A mode's counts: `counts` read along the way, every 2,500 steps. */
function counted(counts: number[], before = 0, after = before) {
  return {
    beforeTrainers: before,
    afterDispose: after,
    steps: MODE_TENSOR_STEPS,
    runs: 1,
    readings: counts.map((count, i) => ({ step: (i + 1) * 2500, count })),
  };
}

function modes(overrides: Record<string, object> = {}) {
  const base = {
    compare: { label: 'four runs', ...counted([88, 88, 88, 88]), flat: true },
    recurrent: { label: 'an RNN', ...counted([40, 40, 40, 40]), flat: true },
    sweep: { label: 'a map', ...counted([0, 0, 0, 0]), runs: 128, flat: true },
  };
  return { backend: 'wasm', modes: { ...base, ...overrides } };
}

describe('modeFlat', () => {
  it('is true only when every reading is equal and nothing is left after dispose', () => {
    expect(modeFlat(counted([22, 22, 22]))).toBe(true);
    expect(modeFlat(counted([22, 22, 23]))).toBe(false);
    expect(modeFlat(counted([22, 22, 22], 0, 1))).toBe(false);
    // One reading says nothing about growth.
    expect(modeFlat(counted([22]))).toBe(false);
  });
});

describe('mode tensors in the README', () => {
  it('lists each mode with its readings and marks the target met when all are flat', () => {
    const results = modes();
    const md = modeTensorsTable(results)!;
    expect(md).toContain('| compare');
    expect(md).toContain('0 before; 88 → 88 → 88 → 88; 0 after dispose');
    expect(md).toContain('10,000 (128 cells)');
    expect(modeTensorsTarget(results).ok).toBe(true);
  });

  it('is not met when one mode grows, and n/a when a mode trained fewer steps', () => {
    const grew = modes({
      recurrent: { label: 'an RNN', ...counted([40, 41, 42, 43]), flat: false },
    });
    expect(modeTensorsTarget(grew).ok).toBe(false);
    expect(modeTensorsTarget(grew).measured).toContain('recurrent NOT flat');
    const short = modes({
      sweep: { label: 'a map', ...counted([0, 0]), steps: MODE_TENSOR_STEPS - 1, flat: true },
    });
    expect(modeTensorsTarget(short).ok).toBe(null);
    expect(modeTensorsTarget(undefined).ok).toBe(null);
    expect(modeTensorsTable(undefined)).toBe(null);
  });
});

describe('deep-network frames in the README', () => {
  const deep = (p95s: Record<string, number>) => ({
    network: 'net D',
    rows: Object.fromEntries(
      Object.entries(p95s).map(([b, p95]) => [b, { stepsPerSec: 9, p50: 16.7, p95, p99: 30 }]),
    ),
  });

  it('meets the target at exactly the limit and misses it just past it, naming the worst', () => {
    expect(deepFramesTarget(deep({ webgl: DEEP_FRAME_P95_MS, cpu: 16.8 })).ok).toBe(true);
    const missed = deepFramesTarget(deep({ webgl: 16.8, cpu: DEEP_FRAME_P95_MS + 0.5 }));
    expect(missed.ok).toBe(false);
    expect(missed.measured).toMatch(/highest 21 ms \(cpu\); 1 of 2 backends/);
  });

  it('draws a row per backend, a note where the page did not start that backend', () => {
    const md = deepFramesTable({
      network: 'net D',
      rows: { ...deep({ webgl: 25 }).rows, wasm: { note: 'the page started cpu' } },
    })!;
    expect(md).toContain('net D');
    expect(md).toMatch(/\| webgl +\| +9\.0 \| +16\.7 \| +25\.0 \| +30\.0 \| ✗ not met/);
    expect(md).toContain('the page started cpu');
    expect(deepFramesTable({ ...deep({ cpu: 17 }), date: '2031-02-03T04:05:06.000Z' })).toContain(
      '(measured 2031-02-03 04:05 UTC)',
    );
    expect(deepFramesTarget({ rows: { wasm: { note: 'x' } } }).ok).toBe(null);
  });
});
