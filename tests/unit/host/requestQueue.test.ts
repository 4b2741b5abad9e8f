import { describe, expect, it } from 'vitest';
import { RequestQueue } from '../../../src/host/requestQueue';

/** A task that records when it starts and finishes, and finishes only when released. */
function heldTask(log: string[], name: string) {
  let release: () => void = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  const task = async () => {
    log.push(`${name} start`);
    await released;
    log.push(`${name} end`);
    return name;
  };
  return { task, release };
}

describe('RequestQueue', () => {
  it('runs requests one at a time in the order they came, even when one awaits', async () => {
    const queue = new RequestQueue();
    const log: string[] = [];
    const a = heldTask(log, 'a');
    const b = heldTask(log, 'b');
    const first = queue.run(a.task);
    const second = queue.run(b.task);
    await Promise.resolve();
    b.release();
    await new Promise((r) => setTimeout(r, 10));
    expect(log).toEqual(['a start']);
    a.release();
    expect(await Promise.all([first, second])).toEqual(['a', 'b']);
    expect(log).toEqual(['a start', 'a end', 'b start', 'b end']);
  });

  it('goes on after a request fails', async () => {
    const queue = new RequestQueue();
    const failed = queue.run(() => Promise.reject(new Error('no')));
    const next = queue.run(() => 'next');
    await expect(failed).rejects.toThrow('no');
    expect(await next).toBe('next');
  });

  it('drops droppable requests that were waiting, never the one under way or later ones', async () => {
    const queue = new RequestQueue();
    const log: string[] = [];
    const running = heldTask(log, 'running');
    const results = [
      queue.run(running.task, () => 'dropped'),
      queue.run(
        () => 'waiting',
        () => 'dropped',
      ),
      queue.run(() => 'not droppable'),
    ];
    await Promise.resolve();
    queue.dropWaiting();
    results.push(
      queue.run(
        () => 'asked after',
        () => 'dropped',
      ),
    );
    running.release();
    expect(await Promise.all(results)).toEqual([
      'running',
      'dropped',
      'not droppable',
      'asked after',
    ]);
  });
});
