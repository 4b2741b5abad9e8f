import { describe, expect, it } from 'vitest';
import {
  ADDING_PROBLEM_BASELINE_MSE,
  generateAddingProblem,
} from '../../../src/data/addingProblem';
import { trainSampleCount } from '../../../src/config/schema';

const data = { kind: 'circles' as const, samples: 2000, noise: 0, testFraction: 0.2, seed: 7 };

describe('adding problem', () => {
  it('marks exactly two steps, one in each half, and targets the sum of their values', () => {
    const T = 11;
    const d = generateAddingProblem(data, T);
    expect(d.trainCount).toBe(trainSampleCount(data));
    expect(d.trainCount + d.testCount).toBe(2000);
    const wrong: string[] = [];
    for (let i = 0; i < d.trainCount; i++) {
      const marked: number[] = [];
      let sum = 0;
      for (let t = 0; t < T; t++) {
        const value = d.trainX[(i * T + t) * 2]!;
        const marker = d.trainX[(i * T + t) * 2 + 1]!;
        if (!(value >= 0 && value < 1)) wrong.push(`${i}: value ${value} at ${t}`);
        if (marker !== 0 && marker !== 1) wrong.push(`${i}: marker ${marker} at ${t}`);
        if (marker === 1) {
          marked.push(t);
          sum += value;
        }
      }
      const half = Math.floor(T / 2);
      if (marked.length !== 2 || marked[0]! >= half || marked[1]! < half) {
        wrong.push(`${i}: marked ${marked.join(',')}`);
      }
      if (Math.abs(d.trainY[i]! - sum) > 1e-6) wrong.push(`${i}: target ${d.trainY[i]} vs ${sum}`);
    }
    expect(wrong).toEqual([]);
  });

  it('is the same for the same seed and differs for another', () => {
    const a = generateAddingProblem(data, 20);
    expect(generateAddingProblem(data, 20)).toEqual(a);
    expect(generateAddingProblem({ ...data, seed: 8 }, 20).trainY).not.toEqual(a.trainY);
  });

  it('its targets have variance 1/6 (two independent U[0,1) values), the MSE of guessing 1', () => {
    const d = generateAddingProblem({ ...data, samples: 5000 }, 30);
    const ys = Array.from(d.trainY);
    const mse = ys.reduce((s, y) => s + (y - 1) ** 2, 0) / ys.length;
    // Standard error of the mean of (y-1)^2 over 4000 draws is about 0.004.
    expect(Math.abs(mse - ADDING_PROBLEM_BASELINE_MSE)).toBeLessThan(0.015);
  });
});
