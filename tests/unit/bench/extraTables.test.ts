import { format, resolveConfig } from 'prettier';
import { describe, expect, it } from 'vitest';
import {
  LIMIT_FRAME_P95_MS,
  limitSettingTable,
  scalingTables,
} from '../../../scripts/bench/extraTables.mjs';

const LIMIT = {
  network: 'net L',
  rows: {
    auto: {
      backend: 'wasm',
      stepsPerSec: 0.075,
      steps: 3,
      windowMs: 40_000,
      p50: 16.7,
      p95: 16.8,
      maxMs: 833,
    },
    webgl: {
      backend: 'webgl',
      stepsPerSec: 0.02,
      steps: 1,
      windowMs: 40_000,
      p50: 16.7,
      p95: 61,
      maxMs: 900,
    },
    cpu: { note: 'opened with backend=cpu, the page started wasm' },
  },
};

const SCALING = {
  depths: [2, 8],
  widths: [16, 256],
  widthForDepth: 32,
  depthForWidth: 8,
  batch: 64,
  rows: [
    {
      backend: 'wasm',
      axis: 'depth',
      depth: 2,
      width: 32,
      bareStepsPerSec: 2000,
      engineStepsPerSec: 1500,
    },
    {
      backend: 'wasm',
      axis: 'depth',
      depth: 8,
      width: 32,
      bareStepsPerSec: 441.2,
      engineStepsPerSec: 400,
    },
    {
      backend: 'wasm',
      axis: 'width',
      depth: 8,
      width: 16,
      bareStepsPerSec: 600,
      engineStepsPerSec: 510,
    },
    {
      backend: 'wasm',
      axis: 'width',
      depth: 8,
      width: 256,
      bareStepsPerSec: 3.14159,
      engineStepsPerSec: 2.5,
    },
    {
      backend: 'cpu',
      axis: 'depth',
      depth: 2,
      width: 32,
      bareStepsPerSec: 90,
      engineStepsPerSec: 70,
    },
  ],
};

async function prettierClean(markdown: string): Promise<void> {
  const config = (await resolveConfig('README.md')) ?? {};
  expect(await format(markdown, { ...config, parser: 'markdown' })).toBe(markdown);
}

describe('README tables for the limit setting and the scaling figures', () => {
  it('marks each backend met or not met against the 50 ms frame target, and says why one was not measured', async () => {
    const markdown = limitSettingTable(LIMIT)!;
    expect(LIMIT_FRAME_P95_MS).toBe(50);
    const line = (start: string) => markdown.split('\n').find((l) => l.startsWith(`| ${start}`))!;
    expect(line('auto (wasm)')).toMatch(/0\.075 .*16\.8 .*833 .*✓ met/);
    expect(line('webgl')).toMatch(/61\.0 .*✗ not met/);
    expect(line('cpu')).toMatch(/n\/a .*the page started wasm/);
    await prettierClean(`${markdown}\n`);
  });

  it('puts bare / engine steps/s per depth and per width in one row per backend, n/a where not measured', async () => {
    const [intro, depth, width] = scalingTables(SCALING);
    expect(intro).toMatch(/batch 64/);
    expect(depth).toMatch(/\| width 32; bare \/ engine +\| +depth 2 \| +depth 8 \|/);
    expect(depth).toMatch(/\| wasm +\| 2000 \/ 1500 \| 441 \/ 400 \|/);
    expect(depth).toMatch(/\| cpu +\| +90 \/ 70 \| +n\/a \|/);
    expect(width).toMatch(/\| wasm +\| 600 \/ 510 \| 3\.1 \/ 2\.5 \|/);
    await prettierClean(`${[intro, depth, width].join('\n\n')}\n`);
  });

  it('draws nothing when the results hold neither figure', () => {
    expect(limitSettingTable(undefined)).toBeNull();
    expect(scalingTables({})).toEqual([]);
  });
});
