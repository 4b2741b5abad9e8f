/**
 * initialWeightsShared: whether a variant starts from the base's weights and batches. The
 * examples pin the wording; the engine check builds both networks, datasets and batch orders
 * with the real engine (cpu backend) and confirms every verdict against them bit for bit.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/config/codec';
import { weightsNotesEn } from '../../../src/config/initialWeightsMessages';
import { initialWeightsShared, type SharedStart } from '../../../src/config/variants';
import type { ExperimentConfig } from '../../../src/config/schema';
import { createRunBatchSampler } from '../../../src/data/batchSampler';
import { generateDataset } from '../../../src/data/datasets';
import { createNetwork, disposeNetwork } from '../../../src/engine/network';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/** A link's config, expecting no repairs. */
function configOf(hash: string): ExperimentConfig {
  const { config, repairs } = decodeConfig(hash);
  expect(repairs).toEqual([]);
  return config;
}

/** Links joined as a person editing them would: a later key=value replaces an earlier one. */
function linkOf(...parts: string[]): string {
  const pairs = new Map<string, string>();
  for (const part of parts) {
    for (const pair of part.replace(/^#/, '').split('&').filter(Boolean)) {
      const [key, value = ''] = pair.split('=');
      pairs.set(key!, value);
    }
  }
  return '#' + [...pairs].map(([key, value]) => `${key}=${value}`).join('&');
}

const BASE = '#layers=8x3&batch=16';

/** A verdict with its notes in English words (`reason`), as the compare legend says them. */
function worded(start: SharedStart): SharedStart & { reason?: string } {
  return start.kind === 'identical' ? start : { ...start, reason: weightsNotesEn(start.notes) };
}

/** The verdict for the base link against the base link with `change` made, worded. */
function verdict(change: string, base = BASE): SharedStart & { reason?: string } {
  return worded(initialWeightsShared(configOf(base), configOf(linkOf(base, change))));
}

describe('initialWeightsShared: identical', () => {
  it.each([
    'act=relu',
    'act=selu',
    'res=1',
    'norm=layerNorm',
    'opt=adam&lr=0.001',
    'clip=globalNorm:1',
    'gscale=10',
    'l2=0.01',
    'maxnorm=2',
    'prune=0.001',
    'steps=10',
  ])('a variant that changes only %s starts from identical weights and batches', (change) => {
    expect(verdict(change)).toEqual({ kind: 'identical' });
  });

  it('a test share that keeps the same test count keeps the same data (round(400 * 0.2) = 80)', () => {
    expect(verdict('test=0.2001')).toEqual({ kind: 'identical' });
  });

  it('zeros and constant:0 start from the same all-zero kernels, whatever the gain', () => {
    expect(verdict('init=constant:0&gain=3', linkOf(BASE, 'init=zeros'))).toEqual({
      kind: 'identical',
    });
  });
});

describe('initialWeightsShared: scaled', () => {
  it('a variant that changes only the gain starts from the same unit draws, scaled', () => {
    expect(verdict('gain=2')).toMatchObject({
      kind: 'scaled',
      reason:
        'B starts from the same unit normal draws as A, scaled differently (gain 2 instead of 1)',
    });
  });

  it.each([
    ['glorotNormal', 'heNormal'],
    ['heNormal', 'lecunNormal'],
    ['normal:0.5', 'glorotNormal'],
    ['uniform:0.2', 'heUniform'],
    ['glorotUniform', 'lecunUniform'],
    ['orthogonal:1', 'orthogonal:2'],
    ['constant:0.1', 'constant:-0.3'],
  ])('init %s -> %s draws the same unit numbers, scaled', (from, to) => {
    const result = verdict(`init=${to}`, linkOf(BASE, `init=${from}`));
    expect(result.kind).toBe('scaled');
    expect(result).toMatchObject({
      reason: expect.stringContaining(`init ${to} instead of ${from}`),
    });
  });
});

describe('initialWeightsShared: different', () => {
  it('says other layer widths mean other initial weights', () => {
    expect(verdict('layers=8x4')).toMatchObject({
      kind: 'different',
      reason:
        "B has other layer widths (layers 8x4 instead of 8x3), so its initial weights differ from A's",
    });
  });

  it('says another seed means other weights and another batch order', () => {
    expect(verdict('seed=2')).toMatchObject({
      kind: 'different',
      reason:
        "B has another seed (seed 2 instead of 1), so its initial weights and batch order differ from A's",
    });
  });

  it('says another seed changes only the batch order when the kernels are constant', () => {
    expect(verdict('seed=2', linkOf(BASE, 'init=zeros'))).toMatchObject({
      kind: 'different',
      reason: "B has another seed (seed 2 instead of 1), so its batch order differs from A's",
    });
  });

  it.each(['dseed=2', 'noise=0.3', 'n=401', 'data=xor', 'test=0.3'])(
    'says other data (%s) means other batches',
    (change) => {
      const result = verdict(change);
      expect(result.kind).toBe('different');
      expect(result).toMatchObject({
        reason: expect.stringMatching(/^B uses other data \(.*\), so its training batches differ/),
      });
    },
  );

  it('says a sine dataset changes the first layer too (one input instead of two)', () => {
    const result = verdict('data=sine');
    expect(result).toMatchObject({
      kind: 'different',
      reason: expect.stringContaining("B's data has another input width"),
    });
  });

  it('says another batch size means other batches', () => {
    expect(verdict('batch=32')).toMatchObject({
      kind: 'different',
      reason: "B trains on other batches (batch 32 instead of 16), so its batches differ from A's",
    });
  });

  it.each([
    ['glorotNormal', 'glorotUniform'],
    ['normal:0.5', 'orthogonal:1'],
    ['zeros', 'heNormal'],
    ['zeros', 'constant:0.1'],
    ['normal:0.5', 'normal:0'],
  ])('init %s -> %s cannot share draws', (from, to) => {
    expect(verdict(`init=${to}`, linkOf(BASE, `init=${from}`)).kind).toBe('different');
  });

  it('says other biases differ, and that the kernels are the same', () => {
    expect(verdict('binit=0.1')).toMatchObject({
      kind: 'different',
      reason:
        "B's biases start otherwise (binit 0.1 instead of 0), so its initial weights differ " +
        "from A's; its kernels start the same as A's",
    });
    expect(verdict('bias=0&gain=2')).toMatchObject({
      kind: 'different',
      reason:
        "B's layers have no biases, A's do, so its initial weights differ from A's; its " +
        "kernels start from A's draws, scaled",
    });
  });

  it('names the variant by its letter and lists every reason', () => {
    const result = worded(
      initialWeightsShared(configOf(BASE), configOf(linkOf(BASE, 'seed=3&batch=8')), 'd'),
    );
    expect(result).toMatchObject({
      kind: 'different',
      reason:
        "D trains on other batches (batch 8 instead of 16), so its batches differ from A's; " +
        "D has another seed (seed 3 instead of 1), so its initial weights and batch order differ from A's",
    });
  });
});

/** Everything a run starts from, as the engine builds it. */
function startOf(config: ExperimentConfig) {
  const network = createNetwork(config);
  const kernels = network.params.map((p) => Float32Array.from(p.kernel.dataSync()));
  const biases = network.params.map((p) => (p.bias ? Float32Array.from(p.bias.dataSync()) : null));
  disposeNetwork(network);
  const data = generateDataset(config.data);
  const { sampler } = createRunBatchSampler(config, data.trainCount);
  // Two epochs of the smallest training set below, so reshuffles are compared too.
  const batches = Array.from({ length: 24 }, () => Array.from(sampler.next()));
  return { kernels, biases, data: [data.trainX, data.trainY], batches };
}

/** Same length and every element the same by Object.is (so 0 and -0 differ). */
function bitIdentical(a: ArrayLike<number> | null, b: ArrayLike<number> | null): boolean {
  if (a === null || b === null) return a === b;
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (!Object.is(a[i], b[i])) return false;
  return true;
}

function allBitIdentical(a: (ArrayLike<number> | null)[], b: (ArrayLike<number> | null)[]) {
  return a.length === b.length && a.every((x, i) => bitIdentical(x, b[i] ?? null));
}

/** b = k a for one k, each side rounded to float32 once (about 6e-8 relative each). */
function scaledCopy(a: Float32Array, b: Float32Array): boolean {
  if (a.length !== b.length) return false;
  let pivot = 0;
  for (let i = 0; i < a.length; i++) if (Math.abs(a[i]!) > Math.abs(a[pivot]!)) pivot = i;
  if (a[pivot] === 0) return b.every((x) => x === 0);
  const k = b[pivot]! / a[pivot]!;
  return a.every((x, i) => Math.abs(b[i]! - k * x) <= 1e-6 * Math.max(Math.abs(b[i]!), 1e-30));
}

const CHANGES: Record<string, readonly string[]> = {
  data: ['spiral', 'xor', 'sine'],
  n: ['100', '101'],
  noise: ['0', '0.2'],
  test: ['0.2', '0.2001', '0.3'],
  dseed: ['1', '2'],
  layers: ['8x3', '8,16,8', '8x4', 'none'],
  act: ['tanh', 'relu'],
  bias: ['0', '1'],
  res: ['0', '1'],
  norm: ['none', 'layerNorm'],
  init: [
    'zeros',
    'constant:0',
    'constant:0.1',
    'constant:-0.3',
    'normal:0',
    'normal:0.5',
    'uniform:0',
    'uniform:0.2',
    'glorotNormal',
    'heNormal',
    'lecunNormal',
    'glorotUniform',
    'heUniform',
    'lecunUniform',
    'orthogonal:1',
    'orthogonal:2',
  ],
  gain: ['1', '2', '0.5'],
  binit: ['0', '0.1'],
  seed: ['1', '2'],
  batch: ['8', '16'],
  opt: ['sgd', 'adam'],
};

const pairArb = fc
  .constantFrom(...Object.keys(CHANGES))
  .chain((key) => fc.constantFrom(...CHANGES[key]!).map((value) => `${key}=${value}`));

/** A base link and a variant of it with one to three changes (often to the start). */
const casesArb = fc
  .tuple(fc.array(pairArb, { maxLength: 6 }), fc.array(pairArb, { minLength: 1, maxLength: 3 }))
  .map(([base, change]) => {
    const link = linkOf(...base);
    return [configOf(link), configOf(linkOf(link, ...change))] as const;
  });

describe('initialWeightsShared against the engine', () => {
  it('every verdict holds for the networks, data and batches the engine builds', () => {
    const cases = fc.sample(casesArb, { numRuns: 1200, seed: 20240601 });
    const seen = { identical: 0, scaled: 0, different: 0 };
    for (const [base, variant] of cases) {
      const shared = initialWeightsShared(base, variant);
      seen[shared.kind]++;
      const [a, b] = [startOf(base), startOf(variant)];
      const sameBatches =
        allBitIdentical(a.data, b.data) && JSON.stringify(a.batches) === JSON.stringify(b.batches);
      const sameBiases = allBitIdentical(a.biases, b.biases);
      const sameKernels = allBitIdentical(a.kernels, b.kernels);
      const context = `${JSON.stringify(shared)} for ${JSON.stringify([base, variant])}`;
      if (shared.kind === 'identical') {
        expect(sameBatches && sameBiases && sameKernels, context).toBe(true);
      } else if (shared.kind === 'scaled') {
        expect(sameBatches && sameBiases, context).toBe(true);
        expect(a.kernels.length, context).toBe(b.kernels.length);
        a.kernels.forEach((k, l) => expect(scaledCopy(k, b.kernels[l]!), context).toBe(true));
      } else {
        expect(sameBatches && sameBiases && sameKernels, context).toBe(false);
      }
    }
    // The sample reaches every verdict often enough to mean something.
    expect(Math.min(seen.identical, seen.scaled, seen.different)).toBeGreaterThan(30);
  });
});
