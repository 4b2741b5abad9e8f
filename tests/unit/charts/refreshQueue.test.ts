import { describe, expect, it } from 'vitest';
import { createRefreshQueue, type RefreshQueue } from '../../../src/ui/charts/refreshQueue';

/** A frame source the test advances by hand. */
function manualFrames() {
  let pending: (() => void)[] = [];
  return {
    requestFrame: (callback: () => void) => void pending.push(callback),
    /** Runs the callbacks requested before this frame; returns how many ran. */
    frame() {
      const now = pending;
      pending = [];
      now.forEach((callback) => callback());
      return now.length;
    },
    get requested() {
      return pending.length;
    },
  };
}

/** Subscribers that log what they are shown and report it drawn at once. */
function subscribeDrawing<T>(queue: RefreshQueue<T>, names: string[], shown: T, log: string[]) {
  return names.map((name) => {
    const show = (value: T) => {
      log.push(`${name}:${String(value)}`);
      queue.drawn(show);
    };
    return queue.subscribe(show, shown);
  });
}

describe('createRefreshQueue', () => {
  it('hands a published value to one subscriber per frame, in subscription order', () => {
    const frames = manualFrames();
    const queue = createRefreshQueue('v0', frames.requestFrame);
    const log: string[] = [];
    subscribeDrawing(queue, ['a', 'b', 'c'], 'v0', log);
    queue.publish('v1');
    expect(log).toEqual([]);
    frames.frame();
    expect(log).toEqual(['a:v1']);
    frames.frame();
    frames.frame();
    expect(log).toEqual(['a:v1', 'b:v1', 'c:v1']);
    expect(frames.requested).toBe(0);
  });

  it('starts the next turn only in the frame after the current subscriber has drawn', () => {
    const frames = manualFrames();
    const queue = createRefreshQueue(0, frames.requestFrame);
    const log: string[] = [];
    const slow = (v: number) => void log.push(`slow:${v}`);
    queue.subscribe(slow, 0);
    subscribeDrawing(queue, ['b'], 0, log);
    queue.publish(1);
    frames.frame();
    expect(frames.requested).toBe(0);
    expect(frames.frame()).toBe(0);
    queue.drawn(slow);
    frames.frame();
    expect(log).toEqual(['slow:1', 'b:1']);
  });

  it('gives a subscriber whose turn comes late the newest value, and keeps its place', () => {
    const frames = manualFrames();
    const queue = createRefreshQueue(0, frames.requestFrame);
    const log: string[] = [];
    subscribeDrawing(queue, ['a', 'b'], 0, log);
    queue.publish(1);
    frames.frame();
    queue.publish(2);
    frames.frame();
    frames.frame();
    // b was already waiting, so it goes before a's second turn, and shows 2, not 1.
    expect(log).toEqual(['a:1', 'b:2', 'a:2']);
  });

  it('requests at most one frame at a time and none when nobody is behind', () => {
    const frames = manualFrames();
    const queue = createRefreshQueue(0, frames.requestFrame);
    queue.publish(1);
    expect(frames.requested).toBe(0);
    queue.subscribe(() => {}, 1);
    expect(frames.requested).toBe(0);
    queue.subscribe(() => {}, 0);
    queue.publish(2);
    queue.publish(3);
    expect(frames.requested).toBe(1);
  });

  it('queues a new subscriber at once when it rendered an older value', () => {
    const frames = manualFrames();
    const queue = createRefreshQueue('old', frames.requestFrame);
    queue.publish('new');
    const log: string[] = [];
    subscribeDrawing(queue, ['a'], 'old', log);
    frames.frame();
    expect(log).toEqual(['a:new']);
  });

  it('forgets an unsubscribed subscriber, and ends its turn if it had one', () => {
    const frames = manualFrames();
    const queue = createRefreshQueue(0, frames.requestFrame);
    const log: string[] = [];
    const stopA = queue.subscribe((v) => void log.push(`a:${v}`), 0);
    const [, stopC] = subscribeDrawing(queue, ['b', 'c'], 0, log);
    queue.publish(1);
    frames.frame();
    stopC!();
    stopA();
    while (frames.frame() > 0);
    expect(log).toEqual(['a:1', 'b:1']);
  });

  it('ends the turn of a subscriber that throws and keeps serving the others', () => {
    const frames = manualFrames();
    const queue = createRefreshQueue(0, frames.requestFrame);
    const log: string[] = [];
    queue.subscribe(() => {
      throw new Error('render failed');
    }, 0);
    subscribeDrawing(queue, ['b'], 0, log);
    queue.publish(1);
    expect(() => frames.frame()).toThrow('render failed');
    frames.frame();
    expect(log).toEqual(['b:1']);
  });
});
