import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/session/session';
import { configWith } from '../../support/configs';
import { localHost, QueuedHost, RecordingSink } from '../../support/testHosts';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const SMALL = configWith({
  network: { hidden: [8, 8, 8] },
  training: { batchSize: 16, maxSteps: 100_000 },
});
const EXPERIMENT = {
  base: SMALL,
  variants: [{ letter: 'b' as const, overrides: { clip: 'globalNorm:0.5' } }],
};

async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function playing(host: QueuedHost) {
  const sink = new RecordingSink();
  const session = new Session({
    sink,
    startHost: host.starter,
    experiment: EXPERIMENT,
    backend: 'cpu',
  });
  await session.start();
  session.setSpeed('medium');
  session.play();
  await until(() => sink.step >= 10);
  return { session, sink };
}

describe('Session whose training worker dies', () => {
  it('starts a new worker and every run again from its seed, in lockstep, and says so', async () => {
    const host = new QueuedHost();
    const { session, sink } = await playing(host);
    host.kill();
    expect(sink.view.backendNotice).toBe('workerRestarting');
    await until(() => sink.view.backendNotice === 'workerRestarted');
    expect(host.hostsStarted).toBe(3);
    // Play goes on after the restart, from step 0.
    await until(() => sink.step >= 3);
    session.pause();
    await session.stepBy(0);
    expect(sink.view.error ?? null).toBeNull();
    expect(sink.view.speed).toBe('medium');
    expect(sink.experimentSet).toEqual(EXPERIMENT);
    const [a, b] = [sink.run('a'), sink.run('b')];
    expect(a.step).toBe(b.step);
    expect(sink.history('a').steps[0]!.step).toBe(1);

    // The same numbers as a fresh session of the same experiment.
    const fresh = new RecordingSink();
    const reference = new Session({
      sink: fresh,
      startHost: localHost(),
      experiment: EXPERIMENT,
      backend: 'cpu',
    });
    await reference.start();
    await reference.stepBy(2);
    for (const letter of ['a', 'b'] as const)
      expect(sink.history(letter).steps.slice(0, 2)).toEqual(fresh.history(letter).steps);
    reference.dispose();
    session.dispose();
  });

  it('stops with an error instead of restarting forever when every new worker dies too', async () => {
    const host = new QueuedHost();
    const { session, sink } = await playing(host);
    for (let death = 1; death <= 3; death++) {
      host.kill();
      await until(() => sink.view.backendNotice === 'workerRestarted');
      sink.session({ backendNotice: null });
    }
    host.kill();
    await until(() => sink.status === 'paused' || sink.status === 'idle');
    expect(sink.view.error).toMatch(/killed by the test/);
    // Reset tries a new worker, and trains on it.
    await session.reset();
    expect(sink.view.error).toBeNull();
    await session.stepBy(3);
    expect(sink.step).toBe(3);
    session.dispose();
  });
});
