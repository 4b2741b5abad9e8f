import { describe, expect, it } from 'vitest';
import type { StepMetrics } from '../../../src/engine/metrics';
import {
  HISTORY_CAPACITY_STEPS,
  HISTORY_RECENT_EXACT_STEPS,
  RunHistory,
} from '../../../src/session/runHistory';

function stepAt(step: number, globalNorm = 1): StepMetrics {
  return {
    step,
    loss: 1,
    gradNorm: [globalNorm],
    clippedGradNorm: [globalNorm],
    globalNorm,
    clippedGlobalNorm: globalNorm,
    signalNorm: [1],
    weightNorm: [1],
    clipped: false,
    clipThreshold: null,
    clipCosine: 1,
  };
}

describe('RunHistory', () => {
  it('stays bounded over 100,000 steps while keeping the recent steps exact', () => {
    const history = new RunHistory();
    for (let s = 1; s <= 100_000; s += 10) {
      history.append(
        Array.from({ length: 10 }, (_, i) => stepAt(s + i)),
        { step: s + 9, loss: 1 },
      );
    }
    expect(history.steps.length).toBeLessThanOrEqual(HISTORY_CAPACITY_STEPS);
    expect(history.testLosses.length).toBeLessThanOrEqual(HISTORY_CAPACITY_STEPS);
    const recent = history.steps.slice(-HISTORY_RECENT_EXACT_STEPS).map((p) => p.step);
    expect(recent).toEqual(
      Array.from(
        { length: HISTORY_RECENT_EXACT_STEPS },
        (_, i) => 100_000 - HISTORY_RECENT_EXACT_STEPS + 1 + i,
      ),
    );
    const steps = history.steps.map((p) => p.step);
    expect(steps).toEqual([...steps].sort((a, b) => a - b));
    expect(steps[0]).toBeLessThan(100);
  });

  it('keeps spikes and non-finite steps when thinning old history', () => {
    // Each kept old step stands for a bucket of ~16 steps here; the spikes are buckets apart.
    const history = new RunHistory();
    const spikes = new Map([
      [1001, 1e9],
      [8003, NaN],
    ]);
    for (let s = 1; s <= 20_000; s++) history.append([stepAt(s, spikes.get(s) ?? 1)]);
    const kept = history.steps.map((p) => p.step);
    expect(kept.length).toBeLessThanOrEqual(HISTORY_CAPACITY_STEPS);
    expect(kept).toContain(1001);
    expect(kept).toContain(8003);
  });

  it('truncates after a step for rewinds and counts versions on every change', () => {
    const history = new RunHistory();
    const v0 = history.version;
    history.append([stepAt(1), stepAt(2), stepAt(3)]);
    history.mark({ step: 3, label: 'x', kind: 'setting' });
    history.truncateAfter(2);
    expect(history.steps.map((p) => p.step)).toEqual([1, 2]);
    expect(history.markers).toEqual([]);
    expect(history.version).toBeGreaterThan(v0 + 2);
  });
});

describe('RunHistory clipped-step count', () => {
  const clippedEvery3rd = (step: number): StepMetrics => ({
    ...stepAt(step),
    clipped: step % 3 === 0,
  });

  it('counts every clipped step, also after the history is thinned, and recounts on rewind', () => {
    const history = new RunHistory();
    for (let s = 1; s <= 9000; s += 100) {
      history.append(Array.from({ length: 100 }, (_, i) => clippedEvery3rd(s + i)));
    }
    expect(history.steps.length).toBeLessThan(9000); // thinned
    expect(history.trainedSteps).toBe(9000);
    expect(history.clippedSteps).toBe(3000); // steps 3, 6, ..., 9000
    history.truncateAfter(100);
    expect(history.trainedSteps).toBe(100);
    expect(history.clippedSteps).toBe(33);
    history.append([clippedEvery3rd(101), clippedEvery3rd(102)]);
    expect(history.clippedSteps).toBe(34);
    history.clear();
    expect([history.trainedSteps, history.clippedSteps]).toEqual([0, 0]);
  });
});
