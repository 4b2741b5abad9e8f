import { beforeEach, describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../../src/config/schema';
import * as tf from '../../../src/engine/tf';
import { Trainer } from '../../../src/engine/trainer';
import { runHistory } from '../../../src/store/historyStore';
import { useRunStore } from '../../../src/store/runStore';
import { TrainingLoop } from '../../../src/store/trainingLoop';
import { configWith } from '../../support/configs';
import { QueuedTrainer } from '../../support/queuedTrainer';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/** The page's main-thread fallback builds trainers like this (store/mainThreadHost.ts). */
const onThisThread = async (config: ExperimentConfig) => new Trainer(config);

const SMALL = configWith({
  network: { hidden: [8, 8, 8] },
  training: { batchSize: 16, maxSteps: 100_000 },
});
const EXPLODING = configWith({
  network: { hidden: [32, 32, 32, 32, 32, 32], activation: 'relu' },
  init: { gain: 30 },
  optimizer: { kind: 'sgd', learningRate: 1 },
});

async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

beforeEach(() => {
  useRunStore.setState({
    status: 'idle',
    step: 0,
    event: null,
    speed: 'max',
    backend: { name: 'cpu', floatBits: 32 },
  });
});

describe('TrainingLoop', () => {
  it('plays until paused, recording every step in order', async () => {
    const loop = new TrainingLoop(SMALL, onThisThread);
    await loop.start();
    loop.play();
    await until(() => useRunStore.getState().step >= 50);
    loop.pause();
    await loop.stepBy(1);
    const steps = runHistory.steps.map((s) => s.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(useRunStore.getState().status).toBe('paused');
    loop.dispose();
  });

  it('applies a live clip change without restarting and marks the step', async () => {
    const loop = new TrainingLoop(SMALL, onThisThread);
    await loop.start();
    await loop.stepBy(10);
    await loop.setConfig({
      ...SMALL,
      gradient: { ...SMALL.gradient, clip: { mode: 'globalNorm', threshold: 1e-4 } },
    });
    await loop.stepBy(5);
    expect(runHistory.steps.map((s) => s.step)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(runHistory.markers).toEqual([
      { step: 10, label: 'clip none → globalNorm 0.0001', kind: 'setting' },
    ]);
    expect(runHistory.steps.slice(10).every((s) => s.clipped)).toBe(true);
    loop.dispose();
  });

  it('restarts from the same seed when the network changes, reproducing the same numbers', async () => {
    const loop = new TrainingLoop(SMALL, onThisThread);
    await loop.start();
    await loop.stepBy(5);
    const first = runHistory.steps.map((s) => s.loss);
    await loop.setConfig({ ...SMALL, network: { ...SMALL.network, hidden: [8, 8] } });
    expect(runHistory.steps).toHaveLength(0);
    await loop.setConfig(SMALL);
    await loop.stepBy(5);
    expect(runHistory.steps.map((s) => s.loss)).toEqual(first);
    loop.dispose();
  });

  it('halts on an explosion and rewinds to the last finite step', async () => {
    const loop = new TrainingLoop(EXPLODING, onThisThread);
    await loop.start();
    loop.play();
    await until(() => useRunStore.getState().status === 'halted');
    const event = useRunStore.getState().event!;
    expect(event.kind).toBe('nonfinite');
    await loop.rewindToLastFiniteStep();
    expect(useRunStore.getState().event).toBeNull();
    expect(useRunStore.getState().step).toBe(event.step - 1);
    expect(runHistory.steps.at(-1)?.step ?? 0).toBe(event.step - 1);
    loop.dispose();
  });

  it('leaves no tensors behind after many chunks and dispose', async () => {
    const before = tf.memory().numTensors;
    const loop = new TrainingLoop(SMALL, onThisThread);
    await loop.start();
    await loop.stepBy(20);
    const during = tf.memory().numTensors;
    await loop.stepBy(300);
    expect(tf.memory().numTensors).toBe(during);
    loop.dispose();
    await loop.stepBy(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('TrainingLoop with a trainer that queues chunks (the worker)', () => {
  /** Builds QueuedTrainers and keeps the last one, so a test can hold its chunks. */
  function queuedTrainers() {
    const built: QueuedTrainer[] = [];
    const factory = async (config: ExperimentConfig) => {
      const trainer = new QueuedTrainer(config);
      built.push(trainer);
      return trainer;
    };
    return { factory, latest: () => built.at(-1)! };
  }

  it('asks for the next chunk before the last one is back, and records every step once, in order', async () => {
    const { factory, latest } = queuedTrainers();
    const loop = new TrainingLoop(SMALL, factory);
    await loop.start();
    loop.play();
    await until(() => useRunStore.getState().step >= 200);
    loop.pause();
    await loop.stepBy(0);
    const steps = runHistory.steps.map((s) => s.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(latest().maxInFlight).toBe(2);
    expect(latest().step).toBe(steps.length);
    expect(latest().trainer.step).toBe(steps.length);
    loop.dispose();
  });

  it('Pause drops the chunk waiting behind the one under way', async () => {
    const { factory, latest } = queuedTrainers();
    const loop = new TrainingLoop(SMALL, factory);
    await loop.start();
    latest().hold();
    loop.play();
    await until(() => latest().inFlight === 2);
    loop.pause();
    latest().release();
    await loop.stepBy(0);
    expect(latest().dropped).toBe(1);
    // The first chunk after Play is one step.
    expect(latest().trainer.step).toBe(1);
    expect(runHistory.steps.map((s) => s.step)).toEqual([1]);
    expect(useRunStore.getState()).toMatchObject({ status: 'paused', step: 1 });
    loop.dispose();
  });

  it('marks a live change at the step where it took effect, after the chunks already asked for', async () => {
    const { factory, latest } = queuedTrainers();
    const loop = new TrainingLoop(SMALL, factory);
    await loop.start();
    loop.play();
    await until(() => useRunStore.getState().step >= 30);
    // The change comes while one chunk is under way and another waits behind it.
    latest().hold();
    await until(() => latest().inFlight === 2);
    const clipped = { ...SMALL.gradient, clip: { mode: 'globalNorm' as const, threshold: 1e-4 } };
    const changed = loop.setConfig({ ...SMALL, gradient: clipped });
    latest().release();
    await changed;
    // It took effect after the chunk under way: the one waiting behind it was dropped.
    expect(latest().dropped).toBe(1);
    await until(() => runHistory.steps.length >= runHistory.markers[0]!.step + 30);
    loop.pause();
    await loop.stepBy(0);
    const marker = runHistory.markers[0]!;
    const before = runHistory.steps.filter((s) => s.step <= marker.step);
    const after = runHistory.steps.filter((s) => s.step > marker.step);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(before.some((s) => s.clipped)).toBe(false);
    expect(after.length).toBeGreaterThanOrEqual(30);
    expect(after.every((s) => s.clipped)).toBe(true);
    loop.dispose();
  });

  it('records an explosion once, though a chunk was already asked for behind it', async () => {
    const { factory, latest } = queuedTrainers();
    const loop = new TrainingLoop(EXPLODING, factory);
    await loop.start();
    loop.play();
    await until(() => useRunStore.getState().status === 'halted');
    await loop.stepBy(0);
    const event = useRunStore.getState().event!;
    expect(runHistory.markers.filter((m) => m.kind === 'event')).toHaveLength(1);
    expect(runHistory.steps.at(-1)!.step).toBe(event.step);
    expect(latest().halted).toEqual(event);
    loop.dispose();
  });

  it('a reset while playing keeps the old run out of the new one', async () => {
    const { factory } = queuedTrainers();
    const loop = new TrainingLoop(SMALL, factory);
    await loop.start();
    loop.play();
    await until(() => useRunStore.getState().step >= 50);
    await loop.reset();
    await until(() => useRunStore.getState().step >= 20);
    loop.pause();
    await loop.stepBy(0);
    const steps = runHistory.steps.map((s) => s.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(useRunStore.getState().step).toBe(steps.length);
    loop.dispose();
  });

  it('finishes exactly at max steps', async () => {
    const { factory, latest } = queuedTrainers();
    const config = configWith({ ...SMALL, training: { batchSize: 16, maxSteps: 137 } });
    const loop = new TrainingLoop(config, factory);
    await loop.start();
    loop.play();
    await until(() => useRunStore.getState().status === 'finished');
    await loop.stepBy(0);
    expect(latest().trainer.step).toBe(137);
    expect(runHistory.steps.at(-1)!.step).toBe(137);
    loop.dispose();
  });
});
