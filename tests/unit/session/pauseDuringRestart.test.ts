import { describe, expect, it } from 'vitest';
import { Session } from '../../../src/session/session';
import { configWith } from '../../support/configs';
import { QueuedHost, RecordingSink } from '../../support/testHosts';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const SMALL = configWith({
  network: { hidden: [8, 8] },
  training: { batchSize: 16, maxSteps: 100_000 },
});

async function until(predicate: () => boolean, timeoutMs = 20_000): Promise<void> {
  const start = Date.now();
  while (!predicate()) {
    if (Date.now() - start > timeoutMs) throw new Error('timed out');
    await new Promise((r) => setTimeout(r, 5));
  }
}

async function playingBehindHeldChunks() {
  const host = new QueuedHost();
  const sink = new RecordingSink();
  const session = new Session({
    sink,
    startHost: host.starter,
    experiment: { base: SMALL, variants: [] },
    backend: 'cpu',
  });
  await session.start();
  session.play();
  await until(() => sink.step >= 5);
  // The next restart waits in line behind chunks that cannot finish yet.
  host.hold();
  await until(() => host.inFlight > 0);
  return { host, sink, session };
}

describe('Pause pressed while a restart waits in line', () => {
  it('keeps the runs paused once the restart is done, though they were playing before it', async () => {
    const { host, sink, session } = await playingBehindHeldChunks();
    const reset = session.reset();
    session.pause();
    host.release();
    await reset;
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.status).toBe('idle');
    expect(sink.step).toBe(0);
    session.dispose();
  });

  it('still stays paused when a second restart was queued behind the first', async () => {
    const { host, sink, session } = await playingBehindHeldChunks();
    const first = session.reset();
    session.pause();
    const second = session.reset();
    host.release();
    await Promise.all([first, second]);
    await new Promise((r) => setTimeout(r, 200));
    expect(sink.status).toBe('idle');
    expect(sink.step).toBe(0);
    session.dispose();
  });

  it('plays again after two restarts queued while playing, with no Pause between', async () => {
    const { host, sink, session } = await playingBehindHeldChunks();
    const first = session.reset();
    const second = session.reset();
    host.release();
    await Promise.all([first, second]);
    await until(() => sink.step >= 5);
    expect(sink.status).toBe('running');
    session.dispose();
  });
});
