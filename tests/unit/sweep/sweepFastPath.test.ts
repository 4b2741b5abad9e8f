/**
 * The sweep's fast path (shared dataset and kernel draws, last update skipped) against a direct
 * measurement of each cell: a fresh Trainer with nothing shared, trained K full steps. Every
 * cell number must be identical, not merely close: the map shows the same cells either way.
 */
import { describe, expect, it } from 'vitest';
import { sweepGrid } from '../../../src/config/sweepGrid';
import type { ExperimentConfig } from '../../../src/config/schema';
import { initKernel, KernelDrawCache } from '../../../src/engine/initializers';
import { measureCells, summarizeCell, SweepCache } from '../../../src/engine/sweepCells';
import * as tf from '../../../src/engine/tf';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

async function directCell(config: ExperimentConfig, steps: number) {
  const trainer = new Trainer(config);
  try {
    const result = await trainer.train(steps);
    return summarizeCell(result.steps, result.event?.step ?? null);
  } finally {
    trainer.dispose();
  }
}

const tanhBase = configWith({ network: { hidden: [16, 16, 16], activation: 'tanh' } });

describe('sweep fast path (cpu backend)', () => {
  it('a gain x depth step-1 map gives every cell exactly its direct single-cell measurement', async () => {
    const grid = sweepGrid(tanhBase, {
      axes: [
        { key: 'gain', from: 0.25, to: 4, count: 4 },
        { key: 'depth', from: 2, to: 8, count: 3 },
      ],
      steps: 1,
    });
    // One cache for the whole map, and cells measured in two requests, as the worker does.
    const cache = new SweepCache();
    const fast = [
      ...(await measureCells(grid.configs.slice(0, 5), 1, { cache })),
      ...(await measureCells(grid.configs.slice(5), 1, { cache })),
    ];
    const direct = [];
    for (const config of grid.configs) direct.push(await directCell(config, 1));
    expect(fast).toEqual(direct);
    // The map is not degenerate: the gains give different slopes.
    expect(new Set(fast.map((c) => c.logSlope)).size).toBeGreaterThan(4);
  });

  it('a trained map (K = 4, with clipping) gives the direct loss after K steps, clip share and halt', async () => {
    const base = configWith({
      network: { hidden: [16, 16, 16, 16], activation: 'relu' },
      init: { scheme: { kind: 'heNormal' } },
      optimizer: { kind: 'momentum', learningRate: 0.5, momentum: 0.9, nesterov: false },
      gradient: { clip: { mode: 'globalNorm', threshold: 1 } },
    });
    const grid = sweepGrid(base, { axes: [{ key: 'gain', from: 0.5, to: 8, count: 5 }], steps: 4 });
    const fast = await measureCells(grid.configs, 4);
    const direct = [];
    for (const config of grid.configs) direct.push(await directCell(config, 4));
    expect(fast).toEqual(direct);
    expect(fast.some((c) => c.clippedShare > 0)).toBe(true);
  });

  it('a call mixing a cell that overflows with cells that train gives each its direct numbers', async () => {
    const overflow = configWith({
      network: { hidden: [32, 32, 32, 32, 32, 32], activation: 'relu' },
      init: { scheme: { kind: 'heNormal' }, gain: 30 },
      optimizer: { kind: 'sgd', learningRate: 1 },
    });
    const calm = configWith({ network: { hidden: [8, 8, 8], activation: 'tanh' } });
    const configs = [calm, overflow, calm, overflow];
    const fast = await measureCells(configs, 20);
    const direct = [];
    for (const config of configs) direct.push(await directCell(config, 20));
    expect(fast).toEqual(direct);
    // The overflowing cell halted early: its chunk's later steps are dropped, not its neighbours'.
    expect(fast[1]!.haltedStep).not.toBeNull();
    expect(fast[2]!.stepsSurvived).toBe(20);
  });

  it('shared kernel draws are bit-identical to initKernel at any gain', () => {
    const draws = new KernelDrawCache();
    const scheme = { kind: 'orthogonal', gain: 1.3 } as const;
    for (const gain of [0.25, 1, 3.7]) {
      expect(draws.kernel(scheme, 8, 5, gain, 42)).toEqual(initKernel(scheme, 8, 5, gain, 42));
      expect(draws.kernel({ kind: 'glorotNormal' }, 5, 5, gain, 7)).toEqual(
        initKernel({ kind: 'glorotNormal' }, 5, 5, gain, 7),
      );
    }
  });

  it('a trainer that skipped its last update refuses to train on', async () => {
    const trainer = new Trainer(tanhBase);
    try {
      await trainer.train(1, { skipLastUpdate: true });
      await expect(trainer.train(1)).rejects.toThrow(/skipped an update/);
    } finally {
      trainer.dispose();
    }
  });

  it('keeps no tensor over many fast-path cells: tf.memory().numTensors is flat', async () => {
    const grid = sweepGrid(tanhBase, {
      axes: [
        { key: 'gain', from: 0.5, to: 2, count: 3 },
        { key: 'depth', from: 2, to: 6, count: 3 },
      ],
      steps: 1,
    });
    const cache = new SweepCache();
    await measureCells(grid.configs.slice(0, 1), 1, { cache }); // lazily created tensors
    const before = tf.memory().numTensors;
    for (let round = 0; round < 3; round++) await measureCells(grid.configs, 1, { cache });
    expect(tf.memory().numTensors).toBe(before);
  });
});
