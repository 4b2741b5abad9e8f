import { describe, expect, it } from 'vitest';
import { Trainer } from '../../../src/engine/trainer';
import {
  BudgetedPredictionTrainer,
  HostTrainingTime,
  PREDICTION_TIME_SHARE,
  PredictionBudget,
} from '../../../src/host/predictionBudget';
import { configWith } from '../../support/configs';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/** A step costs 10 ms and a map 30 ms: chunks of 10 steps take 100 ms, or 130 ms with a map. */
const STEP_MS = 10;
const MAP_MS = 30;

/** Feeds `budget` chunks of 10 steps, alternating without and with a map, from `t`. */
function trainAlternating(budget: PredictionBudget, chunks: number, t = 0): number {
  for (let i = 0; i < chunks; i++) {
    const withMap = i % 2 === 1;
    const ms = 10 * STEP_MS + (withMap ? MAP_MS : 0);
    budget.took(10, t, t + ms, withMap);
    t += ms;
  }
  return t;
}

/** A budget for one of `trainers` trainers on one host. */
function budgetFor(trainers = 1, host = new HostTrainingTime()): PredictionBudget {
  host.trainers = trainers;
  return new PredictionBudget(host);
}

/** Feeds `budget` back-to-back chunks of 10 steps without a map from `t`; returns the end. */
function trainWithout(budget: PredictionBudget, chunks: number, t: number): number {
  for (let i = 0; i < chunks; i++, t += 10 * STEP_MS) budget.took(10, t, t + 10 * STEP_MS, false);
  return t;
}

describe('PredictionBudget', () => {
  it('allows every map until it has seen what one costs', () => {
    const budget = budgetFor();
    expect(budget.allows(0)).toBe(true);
    // A map in the first chunk, with no chunk without one to compare it with: still unknown.
    budget.took(1, 0, 500, true);
    expect(budget.estimatedPredictionMs).toBeNull();
    expect(budget.allows(501)).toBe(true);
  });

  it("estimates a map as its chunk's time beyond the time per step", () => {
    const budget = budgetFor();
    trainAlternating(budget, 6);
    expect(budget.estimatedPredictionMs).toBeCloseTo(MAP_MS, 9);
  });

  it('holds the maps to their share of the training time since the last one', () => {
    const budget = budgetFor();
    const end = trainAlternating(budget, 6);
    // The last map's chunk (130 ms) ended at `end`. Training on without pause, the next is due
    // once MAP_MS is PREDICTION_TIME_SHARE of the time since that chunk began:
    // 130 + k * 100 >= 30 / 0.02 = 1,500, so after k = 14 chunks of 100 ms, not 13.
    expect(130 + 13 * 100).toBeLessThan(MAP_MS / PREDICTION_TIME_SHARE);
    const after13 = trainWithout(budget, 13, end);
    expect(budget.allows(after13)).toBe(false);
    expect(budget.allows(trainWithout(budget, 1, after13))).toBe(true);
  });

  it('gives each of N runs trained in turn 1/N of the share', () => {
    const host = new HostTrainingTime();
    const [a, b] = [budgetFor(2, host), budgetFor(2, host)];
    // Both learn the costs; the host is busy with both, chunk after chunk.
    let t = 0;
    for (let i = 0; i < 6; i++) {
      for (const budget of [a, b]) {
        const withMap = i % 2 === 1;
        const ms = 10 * STEP_MS + (withMap ? MAP_MS : 0);
        budget.took(10, t, t + ms, withMap);
        t += ms;
      }
    }
    // A's last map chunk began 260 ms before `t` (A's 130, then B's 130). A's next is due at
    // 2 x 1,500 ms of host training since then: 260 + k * 200 >= 3,000 at k = 14 rounds.
    for (let round = 1; round <= 14; round++) {
      expect(a.allows(t)).toBe(false);
      for (const budget of [a, b]) {
        budget.took(10, t, t + 10 * STEP_MS, false);
        t += 10 * STEP_MS;
      }
    }
    expect(a.allows(t)).toBe(true);
  });

  it('is not thrown off by one slow chunk', () => {
    const budget = budgetFor();
    let t = trainAlternating(budget, 6);
    // A chunk with a map that took a whole second (a shader compiled, the machine busy).
    budget.took(10, t, t + 1000, true);
    t += 1000;
    trainAlternating(budget, 2, t);
    expect(budget.estimatedPredictionMs).toBeCloseTo(MAP_MS, 9);
  });

  it('counts idle time in full: stepping by hand, every map asked for is evaluated', () => {
    const budget = budgetFor();
    const end = trainAlternating(budget, 6);
    // One step per click, a second apart: the host stands idle in between.
    for (let click = 1; click <= 5; click++) {
      const at = end + click * 1000;
      expect(budget.allows(at)).toBe(true);
      budget.took(1, at, at + STEP_MS + MAP_MS, true);
    }
  });
});

describe('BudgetedPredictionTrainer', () => {
  it('evaluates the map after the last step even when the budget would wait', async () => {
    const config = configWith({ network: { hidden: [8, 8] }, training: { maxSteps: 30 } });
    // A clock on which chunks take these ms in turn, 10 ms apart: 5 steps take 100 ms without
    // a map and 400 ms with one, so the budget puts the next map 300 / 0.02 = 15 s of training
    // away (the 10 ms between chunks are idle, 20 ms in all: far from 300).
    const chunkMs = [500, 100, 400, 100, 200];
    let clock = 0;
    let calls = 0;
    const now = () => (clock += calls++ % 2 === 0 ? 10 : chunkMs[(calls - 1) >> 1]!);
    const trainer = new BudgetedPredictionTrainer(
      new Trainer(config),
      config,
      new HostTrainingTime(),
      now,
    );
    try {
      const first = await trainer.train(5, { prediction: true });
      expect(first.prediction?.step).toBe(5);
      await trainer.train(5, {});
      await trainer.train(5, { prediction: true });
      expect(trainer.step).toBe(15);
      const refused = await trainer.train(5, { prediction: true });
      expect(refused.prediction ?? null).toBeNull();
      const last = await trainer.train(10, { prediction: true });
      expect(trainer.step).toBe(30);
      expect(last.prediction?.step).toBe(30);
    } finally {
      trainer.dispose();
    }
  });
});
