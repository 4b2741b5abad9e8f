import { describe, expect, it } from 'vitest';
import { DEFAULT_CONFIG } from '../../../src/config/schema';
import type { StepMetrics } from '../../../src/engine/metrics';
import { pageRunRecords, stepCoverage, type ShownRunData } from '../../../src/record/pageRecords';
import { parseRunRecordJson, runRecordToJson } from '../../../src/record/runRecord';
import { runRecordToCsv } from '../../../src/record/runRecordCsv';
import { HISTORY_RECENT_EXACT_STEPS, RunHistory } from '../../../src/session/runHistory';
import { exportFileStem } from '../../../src/ui/export/download';

/** A step with one layer, whose norms are recognisable from its number. */
function step(n: number, extra: Partial<StepMetrics> = {}): StepMetrics {
  return {
    step: n,
    loss: 1 / n,
    gradNorm: [n],
    clippedGradNorm: [n],
    globalNorm: n,
    clippedGlobalNorm: n,
    signalNorm: [2 * n],
    weightNorm: [3],
    clipped: false,
    clipThreshold: null,
    clipCosine: 1,
    ...extra,
  };
}

const steps = (numbers: number[]) => numbers.map((n) => step(n));

function shown(over: Partial<ShownRunData>): ShownRunData {
  return {
    letter: 'a',
    config: DEFAULT_CONFIG,
    layers: [{ name: 'output', units: 1, fanIn: 2, activation: 'linear' }],
    step: 0,
    event: null,
    steps: [],
    testLosses: [],
    markers: [],
    ...over,
  };
}

describe('what a page export covers', () => {
  it('says every step when the history holds steps 1 to the last, in order', () => {
    expect(stepCoverage(4, steps([1, 2, 3, 4]), [])).toMatchObject({
      trained: 4,
      included: 4,
      everyStep: true,
      everyStepFrom: 1,
      note: 'every step from 1 to 4',
    });
  });

  it('names the first step from which every step is kept when older ones were thinned', () => {
    const c = stepCoverage(9, steps([2, 4, 6, 7, 8, 9]), []);
    expect(c).toMatchObject({ included: 6, everyStep: false, everyStepFrom: 6 });
    expect(c.note).toMatch(/^6 of 9 steps: every step from 6 to 9/);
  });

  it("covers a long run's bounded history: its newest steps exactly, as RunHistory keeps them", () => {
    const history = new RunHistory();
    const trained = 20_000;
    for (let s = 1; s <= trained; s += 100)
      history.append(steps(Array.from({ length: 100 }, (_, i) => s + i)));
    const c = stepCoverage(trained, history.steps, []);
    expect(c.everyStep).toBe(false);
    expect(c.included).toBe(history.steps.length);
    expect(c.included).toBeLessThan(trained);
    // At least the newest HISTORY_RECENT_EXACT_STEPS are exact, and the claim holds: every step
    // from everyStepFrom to the last is there, and the one before it is not.
    expect(c.everyStepFrom).not.toBeNull();
    expect(c.everyStepFrom!).toBeLessThanOrEqual(trained - HISTORY_RECENT_EXACT_STEPS + 1);
    const kept = new Set(history.steps.map((p) => p.step));
    for (let s = c.everyStepFrom!; s <= trained; s++) expect(kept.has(s), String(s)).toBe(true);
    expect(kept.has(c.everyStepFrom! - 1)).toBe(false);
  });

  it('lists the live setting changes, not the non-finite events', () => {
    const c = stepCoverage(5, steps([1, 2, 3, 4, 5]), [
      { step: 2, label: 'lr 0.1 → 0.01', kind: 'setting' },
      { step: 5, label: 'gradNorm', kind: 'event' },
    ]);
    expect(c.changes).toEqual([{ step: 2, label: 'lr 0.1 → 0.01' }]);
  });
});

describe('page run records', () => {
  it('leave out the steps the history has not drawn and the partial distribution shares', () => {
    const [record] = pageRunRecords('#v=1', 'cpu', [
      shown({
        step: 5,
        steps: [step(1), step(2, { saturation: [null] }), step(3)],
        testLosses: [{ step: 3, loss: 0.5 }],
      }),
    ]);
    expect(record!.steps.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(record!.steps[1]).not.toHaveProperty('saturation');
    expect(record!.coverage).toMatchObject({ trained: 3, everyStep: true });
    expect(record!.testLoss).toEqual([{ step: 3, loss: 0.5 }]);
    // The default page classifies circles: logistic loss.
    expect(record!.loss).toBe('sigmoidCrossEntropy');
  });

  it('round-trip through the JSON writer and end the CSV with what they cover', () => {
    const [record] = pageRunRecords('#v=1', 'wasm', [
      shown({
        step: 2,
        steps: steps([1, 2]),
        markers: [{ step: 1, label: 'clip none → globalNorm 1', kind: 'setting' }],
      }),
    ]);
    expect(parseRunRecordJson(runRecordToJson(record!))).toEqual(record);
    const lines = runRecordToCsv(record!).trimEnd().split('\n');
    expect(lines.slice(-2)).toEqual([
      '# steps trained=2 included=2 every=1 note=every step from 1 to 2',
      '# change step=1 what=clip none → globalNorm 1',
    ]);
  });
});

describe('exported file names', () => {
  it('name the runs and the step: gradscope-a-b-step120', () => {
    expect(exportFileStem(['a', 'b'], 120)).toBe('gradscope-a-b-step120');
    expect(exportFileStem(['a'], 0)).toBe('gradscope-a-step0');
  });
});
