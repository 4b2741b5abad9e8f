import { describe, expect, it } from 'vitest';
import { createPrng, deriveSeed, shuffleInPlace, type Prng } from '../../../src/random/prng';

const DRAWS = 100_000;

function draw(prng: Prng, count: number, method: 'next' | 'normal'): number[] {
  return Array.from({ length: count }, () => prng[method]());
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function variance(values: number[]): number {
  const m = mean(values);
  return values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length;
}

describe('createPrng', () => {
  it('next() is uniform on [0, 1): every draw in range, mean 1/2 and variance 1/12', () => {
    // Standard errors over 1e5 draws: mean 9e-4, variance 2.4e-4; tolerances are ~5 of them.
    const values = draw(createPrng(42), DRAWS, 'next');
    expect(values.every((v) => v >= 0 && v < 1)).toBe(true);
    expect(mean(values)).toBeCloseTo(0.5, 2);
    expect(Math.abs(variance(values) - 1 / 12)).toBeLessThan(1.2e-3);
  });

  it('next() fills each tenth of [0, 1) equally often', () => {
    const counts = new Array<number>(10).fill(0);
    for (const v of draw(createPrng(7), DRAWS, 'next')) counts[Math.floor(v * 10)]!++;
    // Expected 1e4 per bin, standard deviation ~95.
    for (const count of counts) expect(Math.abs(count - DRAWS / 10)).toBeLessThan(500);
  });

  it('successive next() draws are uncorrelated', () => {
    const values = draw(createPrng(3), DRAWS, 'next');
    const m = mean(values);
    let lag1 = 0;
    for (let i = 1; i < values.length; i++) lag1 += (values[i]! - m) * (values[i - 1]! - m);
    const correlation = lag1 / (values.length - 1) / variance(values);
    expect(Math.abs(correlation)).toBeLessThan(0.015);
  });

  it('normal() is standard normal: mean 0, std 1, 5% of draws beyond ±1.96', () => {
    // Standard errors over 1e5 draws: mean 3.2e-3, std 2.2e-3, tail share 6.9e-4.
    const values = draw(createPrng(42), DRAWS, 'normal');
    expect(values.every(Number.isFinite)).toBe(true);
    expect(Math.abs(mean(values))).toBeLessThan(0.015);
    expect(Math.abs(Math.sqrt(variance(values)) - 1)).toBeLessThan(0.012);
    const tailShare = values.filter((v) => Math.abs(v) > 1.959964).length / values.length;
    expect(Math.abs(tailShare - 0.05)).toBeLessThan(0.0035);
  });

  it('int(n) returns integers in [0, n), each about equally often', () => {
    const prng = createPrng(11);
    const values = Array.from({ length: DRAWS }, () => prng.int(7));
    expect(values.every((v) => Number.isInteger(v) && v >= 0 && v < 7)).toBe(true);
    const counts = new Array<number>(7).fill(0);
    for (const value of values) counts[value]!++;
    for (const count of counts) expect(Math.abs(count - DRAWS / 7)).toBeLessThan(600);
  });

  it('the same seed gives the same stream, seed 0 included', () => {
    for (const seed of [0, 1, 2 ** 31 - 1]) {
      const a = createPrng(seed);
      const b = createPrng(seed);
      expect(draw(a, 50, 'next')).toEqual(draw(b, 50, 'next'));
      expect(draw(a, 50, 'normal')).toEqual(draw(b, 50, 'normal'));
    }
  });

  it('seed 0 is a real seed: its stream differs from seed 1 and is not constant', () => {
    const zero = draw(createPrng(0), 100, 'next');
    expect(zero).not.toEqual(draw(createPrng(1), 100, 'next'));
    expect(new Set(zero).size).toBe(100);
  });

  it('nearby seeds give unrelated first draws', () => {
    const firstDraws = Array.from({ length: 2000 }, (_, seed) => createPrng(seed).next());
    expect(Math.abs(mean(firstDraws) - 0.5)).toBeLessThan(0.035);
    expect(new Set(firstDraws).size).toBe(firstDraws.length);
  });
});

describe('deriveSeed', () => {
  it('is deterministic and returns an unsigned 32-bit integer', () => {
    for (const seed of [0, 1, 12345, 2 ** 31 - 1]) {
      const derived = deriveSeed(seed, 'kernel', 3);
      expect(derived).toBe(deriveSeed(seed, 'kernel', 3));
      expect(Number.isInteger(derived) && derived >= 0 && derived < 2 ** 32).toBe(true);
    }
  });

  it('differs for different labels, label orders, label splits and base seeds', () => {
    const seeds = [
      deriveSeed(7),
      deriveSeed(7, 'kernel'),
      deriveSeed(7, 'bias'),
      deriveSeed(7, 'kernel', 0),
      deriveSeed(7, 'kernel', 1),
      deriveSeed(7, 1, 'kernel'),
      deriveSeed(7, 'ab'),
      deriveSeed(7, 'a', 'b'),
      deriveSeed(8, 'kernel'),
      deriveSeed(0, 'kernel'),
    ];
    expect(new Set(seeds).size).toBe(seeds.length);
  });

  it('gives distinct seeds for many labels of one base', () => {
    const derived = Array.from({ length: 10_000 }, (_, layer) => deriveSeed(1, 'layer', layer));
    expect(new Set(derived).size).toBe(derived.length);
  });
});

describe('shuffleInPlace', () => {
  it('returns the same array, permuted, deterministically for a seed', () => {
    const items = Array.from({ length: 100 }, (_, i) => i);
    const shuffled = shuffleInPlace(items, createPrng(5));
    expect(shuffled).toBe(items);
    expect([...shuffled].sort((a, b) => a - b)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(shuffled).not.toEqual([...shuffled].sort((a, b) => a - b));
    const again = shuffleInPlace(
      Array.from({ length: 100 }, (_, i) => i),
      createPrng(5),
    );
    expect(again).toEqual(shuffled);
  });

  it('puts each item in each position about equally often', () => {
    const prng = createPrng(9);
    const trials = 30_000;
    const firstCounts = new Array<number>(5).fill(0);
    for (let t = 0; t < trials; t++) firstCounts[shuffleInPlace([0, 1, 2, 3, 4], prng)[0]!]!++;
    // Expected 6000 each, standard deviation ~69.
    for (const count of firstCounts) expect(Math.abs(count - trials / 5)).toBeLessThan(350);
  });
});
