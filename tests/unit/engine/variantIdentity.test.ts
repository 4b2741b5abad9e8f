/**
 * The promise behind A/B variants: a variant whose network shape, init scheme and seed match the
 * base starts from bit-identical weights and draws the same batches in the same order, and a
 * variant that changes only the gain (or the scale of a scheme's family) starts from the same
 * unit draws, scaled. Proved here with real training on the cpu backend, no mocks.
 */
import { describe, expect, it } from 'vitest';
import type { ClipConfig, ExperimentConfig, InitScheme } from '../../../src/config/schema';
import type { StepMetrics } from '../../../src/engine/metrics';
import { Trainer, type LayerWeights } from '../../../src/engine/trainer';
import { configWith } from '../../support/configs';
import {
  GLOBAL_NORM_EPSILON,
  l2Norm,
  makeRefLayer,
  referenceBackprop,
  referenceClip,
} from '../../support/referenceNetwork';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

/** 160 training rows in batches of 32: a new epoch (and reshuffle) every 5 steps. */
const BASE = configWith({
  data: { kind: 'spiral', samples: 200, seed: 3 },
  network: { hidden: [16, 16, 16], activation: 'tanh' },
  init: { scheme: { kind: 'glorotNormal' }, gain: 1, biasInit: 0.05, seed: 7 },
  optimizer: { kind: 'adam', learningRate: 0.01, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
  training: { batchSize: 32 },
});

/** One float32 rounding of each of two values: a ratio is good to ~1.2e-7 relative. */
const FLOAT32_SCALED_RELATIVE = 1e-6;
/** float32 norms of float32 gradients against the same formula in float64. */
const FLOAT32_NORM_RELATIVE = 1e-5;

function variant(overrides: {
  network?: Partial<ExperimentConfig['network']>;
  init?: Partial<ExperimentConfig['init']>;
  clip?: ClipConfig;
  learningRate?: number;
  batchSize?: number;
}): ExperimentConfig {
  return {
    ...BASE,
    network: { ...BASE.network, ...overrides.network },
    init: { ...BASE.init, ...overrides.init },
    optimizer: {
      ...BASE.optimizer,
      learningRate: overrides.learningRate ?? BASE.optimizer.learningRate,
    },
    gradient: { ...BASE.gradient, clip: overrides.clip ?? BASE.gradient.clip },
    training: { ...BASE.training, batchSize: overrides.batchSize ?? BASE.training.batchSize },
  };
}

/** Runs `body` on fresh trainers for `configs`, disposing them whatever happens. */
async function withTrainers<T>(
  configs: ExperimentConfig[],
  body: (trainers: Trainer[]) => Promise<T>,
): Promise<T> {
  const trainers = configs.map((c) => new Trainer(c));
  try {
    return await body(trainers);
  } finally {
    for (const t of trainers) t.dispose();
  }
}

/** Every number (and flag) of a list of steps or weights, with a path naming where it sits. */
function leaves(value: unknown, path = ''): [string, unknown][] {
  if (Array.isArray(value)) return value.flatMap((v, i) => leaves(v, `${path}[${i}]`));
  if (value !== null && typeof value === 'object') {
    return Object.entries(value).flatMap(([k, v]) => leaves(v, `${path}.${k}`));
  }
  return [[path, value]];
}

/**
 * The first place where a and b differ by Object.is (so NaN equals NaN and 0 differs from -0),
 * or null when they are bit-identical in every number and shape.
 */
function firstDifference(a: unknown, b: unknown): string | null {
  const la = leaves(a);
  const lb = leaves(b);
  for (let i = 0; i < Math.max(la.length, lb.length); i++) {
    const [pa, va] = la[i] ?? ['(missing)', undefined];
    const [pb, vb] = lb[i] ?? ['(missing)', undefined];
    if (pa !== pb || !Object.is(va, vb)) return `${pa}: ${String(va)} vs ${pb}: ${String(vb)}`;
  }
  return null;
}

function expectRelative(actual: number, expected: number, relative: number, what: string): void {
  expect(Math.abs(actual - expected), `${what}: ${actual} vs ${expected}`).toBeLessThanOrEqual(
    relative * Math.abs(expected),
  );
}

/** The numbers a step measures before clipping (on the weights and batch it starts from). */
const preClip = (s: StepMetrics) => ({
  loss: s.loss,
  gradNorm: s.gradNorm,
  globalNorm: s.globalNorm,
  signalNorm: s.signalNorm,
  weightNorm: s.weightNorm,
});

/** The initial weights of a fresh trainer per config. */
const readAll = (configs: ExperimentConfig[]) =>
  withTrainers(configs, (trainers) => Promise.all(trainers.map((t) => t.readWeights())));

async function trainSteps(trainer: Trainer, steps: number): Promise<StepMetrics[]> {
  const r = await trainer.train(steps);
  expect(r.event).toBeNull();
  return r.steps;
}

describe('variants with the same shape, init and seed', () => {
  it('two trainers from identical configs give bit-identical metrics for 100 steps', async () => {
    // Clipping that bites now and then and an L2 term, so every part of the step takes part.
    const config = {
      ...variant({ clip: { mode: 'globalNorm', threshold: 0.3 } }),
      regularization: { l1: 0, l2: 1e-3 },
    };
    await withTrainers([config, config], async ([a, b]) => {
      const stepsA = await trainSteps(a!, 100);
      const stepsB = await trainSteps(b!, 100);
      expect(stepsA).toHaveLength(100);
      expect(stepsA.some((s) => s.clipped) && stepsA.some((s) => !s.clipped)).toBe(true);
      expect(firstDifference(stepsA, stepsB)).toBeNull();
    });
  });

  describe('a clip-only variant measures the same step 1 and clips it by the reference rule', () => {
    /**
     * A's step-1 gradients, per tensor (kernel, bias per layer), recomputed in float64 from A's
     * initial weights and first batch: the metrics hold only per-layer norms.
     */
    async function firstStepOfBase(a: Trainer) {
      const weights = await a.readWeights();
      const batch = a.peekNextBatch();
      const [step] = await trainSteps(a, 1);
      const ref = referenceBackprop(
        weights.map((w) =>
          makeRefLayer(w.kernel.flat(), w.bias, w.kernel.length, w.kernel[0]!.length),
        ),
        batch.x,
        batch.y,
        batch.x.length,
        { ...BASE.network, ...BASE.regularization, loss: a.loss },
      );
      // The float64 gradients stand in for the engine's: they agree to float32 accuracy.
      ref.layerGradNorm.forEach((n, l) =>
        expectRelative(step!.gradNorm[l]!, n, FLOAT32_NORM_RELATIVE, `reference gradNorm[${l}]`),
      );
      const tensors = ref.dW.flatMap((dW, l) => [dW, ref.db[l]!]);
      return { step: step!, tensors };
    }

    /** Per-layer and global norms of per-tensor gradients laid out as kernel, bias per layer. */
    function layerNorms(tensors: readonly Float64Array[]) {
      const perLayer = Array.from({ length: tensors.length / 2 }, (_, l) =>
        Math.hypot(l2Norm(tensors[2 * l]!), l2Norm(tensors[2 * l + 1]!)),
      );
      return { perLayer, global: Math.hypot(...perLayer) };
    }

    async function compareClipVariant(
      clipFor: (base: StepMetrics, tensors: Float64Array[]) => ClipConfig,
      expected: (
        base: StepMetrics,
        tensors: Float64Array[],
        clip: ClipConfig,
      ) => {
        perLayer: number[];
        global: number;
      },
    ): Promise<void> {
      await withTrainers([BASE], async ([a]) => {
        const { step: stepA, tensors } = await firstStepOfBase(a!);
        const clip = clipFor(stepA, tensors);
        await withTrainers([variant({ clip })], async ([b]) => {
          const [stepB] = await trainSteps(b!, 1);
          expect(firstDifference(preClip(stepB!), preClip(stepA))).toBeNull();
          expect(stepA.clipped).toBe(false);
          expect(stepB!.clipped).toBe(true);
          const want = expected(stepA, tensors, clip);
          want.perLayer.forEach((n, l) =>
            expectRelative(
              stepB!.clippedGradNorm[l]!,
              n,
              FLOAT32_NORM_RELATIVE,
              `clippedGradNorm[${l}]`,
            ),
          );
          expectRelative(
            stepB!.clippedGlobalNorm,
            want.global,
            FLOAT32_NORM_RELATIVE,
            'clippedGlobalNorm',
          );
        });
      });
    }

    it('global norm: every layer norm times min(1, c / (G + 1e-6)) (clip_grad_norm_)', async () => {
      await compareClipVariant(
        (base) => ({ mode: 'globalNorm', threshold: base.globalNorm / 2 }),
        (base, _tensors, clip) => {
          const c = (clip as { threshold: number }).threshold;
          const scale = Math.min(1, c / (base.globalNorm + GLOBAL_NORM_EPSILON));
          // From A's own float32 metrics: no recomputed gradients needed.
          return {
            perLayer: base.gradNorm.map((n) => n * scale),
            global: base.globalNorm * scale,
          };
        },
      );
    });

    it('per tensor: each kernel and bias times c / max(||g||, c) (tf.clip_by_norm)', async () => {
      await compareClipVariant(
        (_base, tensors) => {
          const norms = tensors.map(l2Norm);
          // Between the smallest and largest tensor norm, so some tensors clip and some don't.
          const threshold = Math.sqrt(Math.min(...norms) * Math.max(...norms));
          expect(norms.some((n) => n < threshold) && norms.some((n) => n > threshold)).toBe(true);
          return { mode: 'tensorNorm', threshold };
        },
        (_base, tensors, clip) => layerNorms(referenceClip(tensors, clip)),
      );
    });

    it('by value: every element clamped to [-c, c] (clip_grad_value_)', async () => {
      await compareClipVariant(
        (_base, tensors) => {
          const largest = Math.max(...tensors.flatMap((t) => Array.from(t, Math.abs)));
          return { mode: 'value', threshold: largest / 4 };
        },
        (_base, tensors, clip) => layerNorms(referenceClip(tensors, clip)),
      );
    });
  });

  it('draw the same batches in the same order when only clipping or the learning rate differs', async () => {
    const configs = [
      BASE,
      variant({ clip: { mode: 'globalNorm', threshold: 0.1 } }),
      variant({ learningRate: 0.2 }),
    ];
    await withTrainers(configs, async (trainers) => {
      // 12 steps cross two epoch boundaries, where the order is reshuffled.
      for (let step = 1; step <= 12; step++) {
        const [first, ...others] = trainers.map((t) => t.peekNextBatch());
        for (const other of others)
          expect(firstDifference(other, first), `step ${step}`).toBeNull();
        for (const t of trainers) await trainSteps(t, 1);
      }
    });
  });

  it('draw other batches when the batch size or the seed differs', async () => {
    const configs = [BASE, variant({ batchSize: 16 }), variant({ init: { seed: 8 } })];
    await withTrainers(configs, async (trainers) => {
      for (let step = 1; step <= 3; step++) {
        const [first, ...others] = trainers.map((t) => t.peekNextBatch());
        for (const other of others) expect(firstDifference(other, first)).not.toBeNull();
        for (const t of trainers) await trainSteps(t, 1);
      }
    });
  });
});

describe('initial weights of variants', () => {
  /**
   * Every kernel weight of `scaled` is `ratio(layer)` times the one in `base` (to float32
   * rounding), and every bias is the same bit for bit (gain and scheme don't touch biases).
   */
  function expectKernelsScaled(
    scaled: LayerWeights[],
    base: LayerWeights[],
    ratio: (fanIn: number, fanOut: number) => number,
  ): void {
    expect(scaled).toHaveLength(base.length);
    base.forEach((layer, l) => {
      const [fanIn, fanOut] = [layer.kernel.length, layer.kernel[0]!.length];
      const r = ratio(fanIn, fanOut);
      layer.kernel.flat().forEach((w, k) => {
        const actual = scaled[l]!.kernel.flat()[k]!;
        expectRelative(actual, w * r, FLOAT32_SCALED_RELATIVE, `layer ${l} kernel[${k}]`);
      });
      expect(firstDifference(scaled[l]!.bias, layer.bias)).toBeNull();
    });
  }

  it('are bit-identical when only the activation differs', async () => {
    const [a, b] = await readAll([BASE, variant({ network: { activation: 'relu' } })]);
    expect(firstDifference(b, a)).toBeNull();
  });

  it('are the base weights times the gain ratio when only init.gain differs', async () => {
    const [a, b] = await readAll([BASE, variant({ init: { gain: 2.5 } })]);
    expectKernelsScaled(b!, a!, () => 2.5);
  });

  // Textbook scales per unit draw: a normal scheme multiplies one N(0, 1) draw per weight by its
  // standard deviation, a uniform scheme one U(-1, 1) draw by its limit (Glorot & Bengio 2010,
  // He et al. 2015, LeCun et al. 1998; uniform limit = sqrt(3) std).
  const NORMAL_FAMILY: [InitScheme, (fanIn: number, fanOut: number) => number][] = [
    [{ kind: 'glorotNormal' }, (i, o) => Math.sqrt(2 / (i + o))],
    [{ kind: 'heNormal' }, (i) => Math.sqrt(2 / i)],
    [{ kind: 'lecunNormal' }, (i) => Math.sqrt(1 / i)],
    [{ kind: 'normal', sigma: 0.3 }, () => 0.3],
  ];
  const UNIFORM_FAMILY: typeof NORMAL_FAMILY = [
    [{ kind: 'glorotUniform' }, (i, o) => Math.sqrt(6 / (i + o))],
    [{ kind: 'heUniform' }, (i) => Math.sqrt(6 / i)],
    [{ kind: 'lecunUniform' }, (i) => Math.sqrt(3 / i)],
    [{ kind: 'uniform', limit: 0.3 }, () => 0.3],
  ];

  it.each([
    ['normal', NORMAL_FAMILY],
    ['uniform', UNIFORM_FAMILY],
  ] as const)(
    'are proportional per layer across the %s family (same unit draws, scaled)',
    async (_family, schemes) => {
      const weights = await readAll(schemes.map(([scheme]) => variant({ init: { scheme } })));
      const [, scaleOfFirst] = schemes[0]!;
      schemes.forEach(([, scaleOf], s) =>
        expectKernelsScaled(weights[s]!, weights[0]!, (i, o) => scaleOf(i, o) / scaleOfFirst(i, o)),
      );
    },
  );

  it('are proportional when only the orthogonal gain differs', async () => {
    const [a, b] = await readAll([
      variant({ init: { scheme: { kind: 'orthogonal', gain: 1 } } }),
      variant({ init: { scheme: { kind: 'orthogonal', gain: 1.7 } } }),
    ]);
    expectKernelsScaled(b!, a!, () => 1.7);
  });
});

describe('the identity checks can fail', () => {
  it('a width-changed variant has other weights and other metrics from step 1', async () => {
    const wider = variant({ network: { hidden: [16, 24, 16] } });
    await withTrainers([BASE, wider], async ([a, b]) => {
      expect(firstDifference(await b!.readWeights(), await a!.readWeights())).not.toBeNull();
      const [stepA] = await trainSteps(a!, 1);
      const [stepB] = await trainSteps(b!, 1);
      expect(Object.is(stepB!.loss, stepA!.loss)).toBe(false);
      expect(firstDifference(preClip(stepB!), preClip(stepA!))).not.toBeNull();
    });
  });

  it('weights from schemes of different families are not proportional', async () => {
    const [normal, uniform] = await readAll([
      variant({ init: { scheme: { kind: 'heNormal' } } }),
      variant({ init: { scheme: { kind: 'heUniform' } } }),
    ]);
    const ratios = normal![0]!.kernel.flat().map((w, k) => uniform![0]!.kernel.flat()[k]! / w);
    expect(Math.max(...ratios) - Math.min(...ratios)).toBeGreaterThan(1);
  });
});
