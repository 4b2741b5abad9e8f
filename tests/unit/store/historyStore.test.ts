import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { StepMetrics } from '../../../src/engine/metrics';
import { RunHistory } from '../../../src/session/runHistory';
import {
  CHART_REFRESH_MS,
  HistoryPublisher,
  usePublishedHistory,
} from '../../../src/store/historyStore';

function step(n: number): StepMetrics {
  return {
    step: n,
    loss: 1,
    gradNorm: [1],
    clippedGradNorm: [1],
    globalNorm: 1,
    clippedGlobalNorm: 1,
    signalNorm: [1],
    weightNorm: [1],
    clipped: false,
    clipThreshold: null,
    clipCosine: 1,
  };
}

const published = (letter: 'a' | 'b' = 'a') => usePublishedHistory.getState().snapshots[letter]!;

let runHistory: RunHistory;
let publisher: HistoryPublisher;
const publishHistory = (immediate = false) =>
  publisher.publish(new Map([['a', runHistory]]), immediate);

describe('HistoryPublisher', () => {
  beforeEach(() => {
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'performance'] });
    runHistory = new RunHistory();
    publisher = new HistoryPublisher();
    publishHistory(true);
  });
  afterEach(() => vi.useRealTimers());

  it('publishes a copy that later appends to the history do not change', () => {
    runHistory.append([step(1), step(2)]);
    publishHistory(true);
    const snapshot = published();
    runHistory.append([step(3)]);
    expect(snapshot.steps.map((s) => s.step)).toEqual([1, 2]);
    expect(snapshot.version).toBe(runHistory.version - 1);
  });

  it('publishes at most once per CHART_REFRESH_MS, and the last change is never lost', () => {
    vi.advanceTimersByTime(CHART_REFRESH_MS);
    runHistory.append([step(1)]);
    publishHistory();
    const first = published();
    expect(first.steps).toHaveLength(1);
    runHistory.append([step(2)]);
    publishHistory();
    runHistory.append([step(3)]);
    publishHistory();
    expect(published()).toBe(first);
    vi.advanceTimersByTime(CHART_REFRESH_MS);
    expect(published().steps.map((s) => s.step)).toEqual([1, 2, 3]);
  });

  it('publishes at once when asked to, cancelling a pending publication', () => {
    runHistory.append([step(1)]);
    publishHistory();
    runHistory.append([step(2)]);
    publishHistory(true);
    const now = published();
    expect(now.steps).toHaveLength(2);
    vi.advanceTimersByTime(CHART_REFRESH_MS);
    expect(published()).toBe(now);
  });

  it('keeps the snapshot of a run whose history did not change, so its charts do not redraw', () => {
    const other = new RunHistory();
    other.append([step(1)]);
    const both = new Map([
      ['a' as const, runHistory],
      ['b' as const, other],
    ]);
    publisher.publish(both, true);
    const b = published('b');
    runHistory.append([step(1)]);
    publisher.publish(both, true);
    expect(published('b')).toBe(b);
    expect(published('a').steps).toHaveLength(1);
  });
});
