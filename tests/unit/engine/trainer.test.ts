import * as tf from '../../../src/engine/tf';
import { describe, expect, it } from 'vitest';
import { Trainer } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const SMALL = configWith({ network: { hidden: [8, 8, 8] }, training: { batchSize: 16 } });

/** A config that overflows within a few steps: huge init gain, ReLU, a large learning rate. */
const EXPLODING = configWith({
  network: { hidden: [32, 32, 32, 32, 32, 32], activation: 'relu' },
  init: { gain: 30 },
  optimizer: { kind: 'sgd', learningRate: 1 },
});

describe('Trainer', () => {
  it('keeps tf.memory().numTensors flat over 1,000 steps and frees everything on dispose', async () => {
    const before = tf.memory().numTensors;
    const trainer = new Trainer(
      configWith({
        gradient: { clip: { mode: 'globalNorm', threshold: 1 }, maxNorm: 3, pruneBelow: 1e-4 },
        regularization: { l1: 1e-4, l2: 1e-4 },
        network: { hidden: [8, 8] },
        training: { batchSize: 16 },
      }),
    );
    await trainer.train(10, { testLoss: true });
    const afterWarmup = tf.memory().numTensors;
    for (let i = 0; i < 99; i++) await trainer.train(10, { testLoss: i % 10 === 0 });
    expect(trainer.step).toBe(1000);
    expect(tf.memory().numTensors).toBe(afterWarmup);
    trainer.dispose();
    expect(tf.memory().numTensors).toBe(before);
  });

  it('gives identical measurements for the same config, whatever the readback chunking', async () => {
    const run = async (chunk: number) => {
      const trainer = new Trainer(SMALL);
      const steps = [];
      while (trainer.step < 30)
        steps.push(...(await trainer.train(Math.min(chunk, 30 - trainer.step))).steps);
      trainer.dispose();
      return steps;
    };
    expect(await run(1)).toEqual(await run(7));
  });

  it('numbers steps from 1 and measures the loss on the batch before the update', async () => {
    const trainer = new Trainer(SMALL);
    const first = await trainer.train(3);
    const second = await trainer.train(2);
    expect(first.steps.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(second.steps.map((s) => s.step)).toEqual([4, 5]);
    trainer.dispose();
  });

  it('two trainers can exist at once and do not share variables', async () => {
    const a = new Trainer(SMALL);
    const b = new Trainer(SMALL);
    const ra = await a.train(5);
    const rb = await b.train(5);
    expect(ra.steps).toEqual(rb.steps);
    a.dispose();
    expect((await b.train(1)).steps).toHaveLength(1);
    b.dispose();
  });

  it('reports the first non-finite step as an event and refuses further updates', async () => {
    const trainer = new Trainer(EXPLODING);
    let event = null;
    let lastSteps: number[] = [];
    for (let i = 0; i < 50 && !event; i++) {
      const r = await trainer.train(4);
      event = r.event;
      lastSteps = r.steps.map((s) => s.step);
    }
    expect(event).not.toBeNull();
    expect(event!.kind).toBe('nonfinite');
    // The chunk ends at the event step: later steps ran on broken weights and are dropped.
    expect(lastSteps.at(-1)).toBe(event!.step);
    const after = await trainer.train(5);
    expect(after.steps).toHaveLength(0);
    expect(after.event).toEqual(event);
    trainer.dispose();
  });

  it('global-norm clipping keeps every post-clip global norm at or below the threshold', async () => {
    const threshold = 0.5;
    const trainer = new Trainer({
      ...EXPLODING,
      gradient: { ...EXPLODING.gradient, clip: { mode: 'globalNorm', threshold } },
      optimizer: { kind: 'sgd', learningRate: 0.01 },
    });
    const { steps, event } = await trainer.train(40);
    expect(event).toBeNull();
    expect(steps.some((s) => s.clipped)).toBe(true);
    for (const s of steps) {
      expect(s.clippedGlobalNorm).toBeLessThanOrEqual(threshold * (1 + 1e-5));
      if (s.clipped) expect(s.globalNorm).toBeGreaterThan(threshold * (1 - 1e-5));
      else expect(s.clippedGradNorm).toEqual(s.gradNorm);
    }
    trainer.dispose();
  });

  it('scales gradients by the gradient scale factor before measuring them', async () => {
    const base = new Trainer(SMALL);
    const scaled = new Trainer({ ...SMALL, gradient: { ...SMALL.gradient, scale: 0.25 } });
    const a = (await base.train(1)).steps[0]!;
    const b = (await scaled.train(1)).steps[0]!;
    a.gradNorm.forEach((n, l) => expect(b.gradNorm[l]! / n).toBeCloseTo(0.25, 5));
    base.dispose();
    scaled.dispose();
  });

  it('applies live settings to the run in progress, from the next step on', async () => {
    const trainer = new Trainer(SMALL);
    await trainer.train(5);
    trainer.applyLiveSettings({
      ...SMALL,
      gradient: { ...SMALL.gradient, clip: { mode: 'value', threshold: 1e-3 } },
    });
    const r = await trainer.train(1);
    expect(r.steps[0]!.step).toBe(6);
    expect(r.steps[0]!.clipped).toBe(true);
    trainer.dispose();
  });

  it("max-norm keeps every unit's incoming weight norm at or below c after an update", async () => {
    const c = 0.5;
    const trainer = new Trainer({ ...SMALL, gradient: { ...SMALL.gradient, maxNorm: c } });
    await trainer.train(3);
    for (const { kernel } of await trainer.readWeights()) {
      for (let unit = 0; unit < kernel[0]!.length; unit++) {
        expect(Math.hypot(...kernel.map((row) => row[unit]!))).toBeLessThanOrEqual(c * (1 + 1e-5));
      }
    }
    trainer.dispose();
  });

  it('pruning sets every kernel weight below the threshold to exactly 0', async () => {
    const threshold = 0.2;
    const trainer = new Trainer({
      ...SMALL,
      gradient: { ...SMALL.gradient, pruneBelow: threshold },
    });
    await trainer.train(2);
    const kernels = (await trainer.readWeights()).flatMap((w) => w.kernel.flat());
    expect(kernels.some((w) => w === 0)).toBe(true);
    expect(kernels.every((w) => w === 0 || Math.abs(w) >= threshold)).toBe(true);
    trainer.dispose();
  });

  it('returns a test loss after the chunk when asked', async () => {
    const trainer = new Trainer(SMALL);
    const r = await trainer.train(2, { testLoss: true });
    expect(r.testLoss).toBeGreaterThan(0);
    expect((await trainer.train(2)).testLoss).toBeNull();
    trainer.dispose();
  });
});
