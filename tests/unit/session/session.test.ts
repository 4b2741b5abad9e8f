import { describe, expect, it } from 'vitest';
import type { ExperimentConfig } from '../../../src/config/schema';
import * as tf from '../../../src/engine/tf';
import type { HostStarter } from '../../../src/host/hostTypes';
import { Session } from '../../../src/session/session';
import { configWith } from '../../support/configs';
import { localHost, QueuedHost, RecordingSink } from '../../support/testHosts';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

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

/** A started session on `config` (no variants), with the sink it publishes to. */
async function started(config: ExperimentConfig, startHost: HostStarter = localHost()) {
  const sink = new RecordingSink();
  const session = new Session({
    sink,
    startHost,
    experiment: { base: config, variants: [] },
    backend: 'cpu',
  });
  await session.start();
  return { session, sink };
}

describe('Session with one run', () => {
  it('Play pressed while the trainers are still being built trains once they are', async () => {
    const sink = new RecordingSink();
    const session = new Session({
      sink,
      startHost: localHost(),
      experiment: { base: SMALL, variants: [] },
      backend: 'cpu',
    });
    const starting = session.start();
    session.play();
    await starting;
    await until(() => sink.step >= 20);
    session.pause();
    await session.stepBy(0);
    expect(sink.history().steps[0]!.step).toBe(1);
    session.dispose();
  });

  it('plays until paused, recording every step in order', async () => {
    const { session: loop, sink } = await started(SMALL);
    loop.play();
    await until(() => sink.step >= 50);
    loop.pause();
    await loop.stepBy(1);
    const steps = sink.history().steps.map((s) => s.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(sink.status).toBe('paused');
    loop.dispose();
  });

  it('measures distributions only while asked, keeping histograms for the newest step only', async () => {
    const { session: loop, sink } = await started(SMALL);
    await loop.stepBy(3);
    loop.setDistributions(true);
    await loop.stepBy(4);
    loop.setDistributions(false);
    await loop.stepBy(2);
    const steps = sink.history().steps;
    expect(steps.map((s) => s.saturation !== undefined)).toEqual([
      ...[false, false, false],
      ...[true, true, true, true],
      ...[false, false],
    ]);
    // Per-step histograms are not kept in the history: only the newest measured step's.
    expect(steps.some((s) => s.histograms !== undefined)).toBe(false);
    expect(sink.history().histograms?.step).toBe(7);
    expect(sink.history().prediction?.step).toBeGreaterThan(0);
    loop.dispose();
  });

  it('applies a live clip change without restarting and marks the step', async () => {
    const { session: loop, sink } = await started(SMALL);
    await loop.stepBy(10);
    await loop.updateBase(() => ({
      ...SMALL,
      gradient: { ...SMALL.gradient, clip: { mode: 'globalNorm', threshold: 1e-4 } },
    }));
    await loop.stepBy(5);
    expect(sink.history().steps.map((s) => s.step)).toEqual(
      Array.from({ length: 15 }, (_, i) => i + 1),
    );
    expect(sink.history().markers).toEqual([
      { step: 10, label: 'clip none → globalNorm:0.0001', kind: 'setting' },
    ]);
    expect(
      sink
        .history()
        .steps.slice(10)
        .every((s) => s.clipped),
    ).toBe(true);
    loop.dispose();
  });

  it('restarts from the same seed when the network changes, reproducing the same numbers', async () => {
    const { session: loop, sink } = await started(SMALL);
    await loop.stepBy(5);
    const first = sink.history().steps.map((s) => s.loss);
    await loop.updateBase(() => ({ ...SMALL, network: { ...SMALL.network, hidden: [8, 8] } }));
    expect(sink.history().steps).toHaveLength(0);
    await loop.updateBase(() => SMALL);
    await loop.stepBy(5);
    expect(sink.history().steps.map((s) => s.loss)).toEqual(first);
    loop.dispose();
  });

  it('halts on an explosion and rewinds to the last finite step', async () => {
    const { session: loop, sink } = await started(EXPLODING);
    loop.play();
    await until(() => sink.status === 'halted');
    const event = sink.run().event!;
    expect(event.kind).toBe('nonfinite');
    await loop.rewindToLastFiniteStep();
    expect(sink.run().event).toBeNull();
    expect(sink.step).toBe(event.step - 1);
    expect(sink.history().steps.at(-1)?.step ?? 0).toBe(event.step - 1);
    loop.dispose();
  });

  it('leaves no tensors behind after many chunks and dispose', async () => {
    const before = tf.memory().numTensors;
    const { session: loop } = await started(SMALL);
    await loop.stepBy(20);
    const during = tf.memory().numTensors;
    await loop.stepBy(300);
    expect(tf.memory().numTensors).toBe(during);
    loop.dispose();
    await loop.stepBy(0);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('Session on a host that queues chunks (the worker)', () => {
  it('asks for the next chunk before the last one is back, and records every step once, in order', async () => {
    const host = new QueuedHost();
    const { session: loop, sink } = await started(SMALL, host.starter);
    loop.play();
    await until(() => sink.step >= 200);
    loop.pause();
    await loop.stepBy(0);
    const steps = sink.history().steps.map((s) => s.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(host.maxInFlight).toBe(2);
    expect(host.latest.step).toBe(steps.length);
    expect(host.latest.trainer.step).toBe(steps.length);
    loop.dispose();
  });

  it('Pause drops the chunk waiting behind the one under way', async () => {
    const host = new QueuedHost();
    const { session: loop, sink } = await started(SMALL, host.starter);
    host.hold();
    loop.play();
    await until(() => host.inFlight === 2);
    loop.pause();
    host.release();
    await loop.stepBy(0);
    expect(host.dropped).toBe(1);
    // The first chunk after Play is one step.
    expect(host.latest.trainer.step).toBe(1);
    expect(sink.history().steps.map((s) => s.step)).toEqual([1]);
    expect(sink.view).toMatchObject({ status: 'paused', step: 1 });
    loop.dispose();
  });

  it('marks a live change at the step where it took effect, after the chunks already asked for', async () => {
    const host = new QueuedHost();
    const { session: loop, sink } = await started(SMALL, host.starter);
    loop.play();
    await until(() => sink.step >= 30);
    // The change comes while one chunk is under way and another waits behind it.
    host.hold();
    await until(() => host.inFlight === 2);
    const clipped = { ...SMALL.gradient, clip: { mode: 'globalNorm' as const, threshold: 1e-4 } };
    const changed = loop.updateBase(() => ({ ...SMALL, gradient: clipped }));
    host.release();
    await changed;
    // It took effect after the chunk under way: the one waiting behind it was dropped.
    expect(host.dropped).toBe(1);
    await until(() => sink.history().steps.length >= sink.history().markers[0]!.step + 30);
    loop.pause();
    await loop.stepBy(0);
    const marker = sink.history().markers[0]!;
    const before = sink.history().steps.filter((s) => s.step <= marker.step);
    const after = sink.history().steps.filter((s) => s.step > marker.step);
    expect(before.length).toBeGreaterThanOrEqual(30);
    expect(before.some((s) => s.clipped)).toBe(false);
    expect(after.length).toBeGreaterThanOrEqual(30);
    expect(after.every((s) => s.clipped)).toBe(true);
    loop.dispose();
  });

  it('records an explosion once, though a chunk was already asked for behind it', async () => {
    const host = new QueuedHost();
    const { session: loop, sink } = await started(EXPLODING, host.starter);
    loop.play();
    await until(() => sink.status === 'halted');
    await loop.stepBy(0);
    const event = sink.run().event!;
    expect(sink.history().markers.filter((m) => m.kind === 'event')).toHaveLength(1);
    expect(sink.history().steps.at(-1)!.step).toBe(event.step);
    expect(host.latest.halted).toEqual(event);
    loop.dispose();
  });

  it('a reset while playing keeps the old run out of the new one', async () => {
    const host = new QueuedHost();
    const { session: loop, sink } = await started(SMALL, host.starter);
    loop.play();
    await until(() => sink.step >= 50);
    await loop.reset();
    await until(() => sink.step >= 20);
    loop.pause();
    await loop.stepBy(0);
    const steps = sink.history().steps.map((s) => s.step);
    expect(steps).toEqual(Array.from({ length: steps.length }, (_, i) => i + 1));
    expect(sink.step).toBe(steps.length);
    loop.dispose();
  });

  it('finishes exactly at max steps', async () => {
    const host = new QueuedHost();
    const config = configWith({ ...SMALL, training: { batchSize: 16, maxSteps: 137 } });
    const { session: loop, sink } = await started(config, host.starter);
    loop.play();
    await until(() => sink.status === 'finished');
    await loop.stepBy(0);
    expect(host.latest.trainer.step).toBe(137);
    expect(sink.history().steps.at(-1)!.step).toBe(137);
    loop.dispose();
  });
});

describe('Session with variants', () => {
  async function compared(base: ExperimentConfig, variants: Record<string, string>[]) {
    const sink = new RecordingSink();
    const letters = ['b', 'c', 'd'] as const;
    const session = new Session({
      sink,
      startHost: localHost(),
      experiment: {
        base,
        variants: variants.map((overrides, i) => ({ letter: letters[i]!, overrides })),
      },
      backend: 'cpu',
    });
    await session.start();
    return { session, sink };
  }

  it('trains every run in lockstep, and a variant without overrides repeats A bit for bit', async () => {
    const { session, sink } = await compared(SMALL, [{}, { lr: '0.5' }]);
    await session.stepBy(30);
    expect(sink.runViews.map((r) => [r.letter, r.step])).toEqual([
      ['a', 30],
      ['b', 30],
      ['c', 30],
    ]);
    expect(sink.history('b').steps).toEqual(sink.history('a').steps);
    expect(sink.history('c').steps[0]!.loss).toBe(sink.history('a').steps[0]!.loss);
    expect(sink.history('c').steps.at(-1)!.loss).not.toBe(sink.history('a').steps.at(-1)!.loss);
    session.dispose();
  });

  it('a Pause that cuts a round in two (A trained its chunk, B was dropped) levels the runs again', async () => {
    const host = new QueuedHost();
    const sink = new RecordingSink();
    const session = new Session({
      sink,
      startHost: host.starter,
      experiment: { base: SMALL, variants: [{ letter: 'b', overrides: { clip: 'value:0.01' } }] },
      backend: 'cpu',
    });
    await session.start();
    host.hold();
    session.play();
    // Round 1 (A's chunk under way, B's waiting) and round 2 asked for.
    await until(() => host.inFlight === 4);
    session.pause();
    host.release();
    await session.stepBy(0);
    expect(host.dropped).toBe(3);
    expect(sink.run('a').step).toBe(1);
    expect(sink.run('b').step).toBe(1);
    expect(sink.history('b').steps.map((s) => s.step)).toEqual([1]);
    session.dispose();
  });

  it('a halted run stops alone and is marked; the others go on', async () => {
    const { session, sink } = await compared(EXPLODING, [{ clip: 'globalNorm:1', lr: '0.01' }]);
    session.play();
    await until(() => sink.run('a').state === 'halted');
    const event = sink.run('a').event!;
    await until(() => sink.step >= event.step + 40);
    session.pause();
    await session.stepBy(0);
    expect(sink.run('b').state).toBe('training');
    expect(sink.run('b').step).toBeGreaterThan(event.step + 39);
    expect(sink.history('a').steps.at(-1)!.step).toBe(event.step);
    expect(sink.status).toBe('paused');
    session.dispose();
  });

  it('a base change that a variant does not override reaches the variant too', async () => {
    const { session, sink } = await compared(SMALL, [{ clip: 'globalNorm:1' }]);
    await session.stepBy(3);
    await session.updateBase((c) => ({
      ...c,
      optimizer: { ...c.optimizer, learningRate: 0.2 },
    }));
    expect(sink.run('b').config.optimizer.learningRate).toBe(0.2);
    expect(sink.run('b').config.gradient.clip).toEqual({ mode: 'globalNorm', threshold: 1 });
    // Live for both: marked, not restarted.
    expect(sink.history('b').markers.map((m) => m.step)).toEqual([3]);
    expect(sink.history('a').markers.map((m) => m.step)).toEqual([3]);
    session.dispose();
  });

  it('adding a variant starts every run again at step 0; removing one frees its tensors', async () => {
    const { session, sink } = await compared(SMALL, []);
    await session.stepBy(10);
    const alone = tf.memory().numTensors;
    await session.addVariant({ letter: 'b', overrides: { clip: 'value:0.01' } });
    expect(sink.runViews.map((r) => [r.letter, r.step])).toEqual([
      ['a', 0],
      ['b', 0],
    ]);
    await session.stepBy(10);
    expect(tf.memory().numTensors).toBeGreaterThan(alone);
    await session.removeVariant('b');
    expect(sink.runViews.map((r) => r.letter)).toEqual(['a']);
    // A's optimizer state is back to where it was after 10 steps (same shape, same slots).
    expect(tf.memory().numTensors).toBe(alone);
    session.dispose();
  });

  it("says how each run's initial weights relate to A's", async () => {
    const { session, sink } = await compared(SMALL, [
      { clip: 'globalNorm:1' },
      { gain: '2' },
      { layers: '16x3' },
    ]);
    expect(sink.runViews.map((r) => r.weights.kind)).toEqual([
      'identical',
      'identical',
      'scaled',
      'different',
    ]);
    session.dispose();
  });
});
