/**
 * Property and fuzz tests of the config layer: every valid config survives the link round trip
 * exactly and canonically, and no input whatsoever (random text, mutated links, arbitrary
 * values) makes decodeConfig or validateConfig throw or return an invalid config.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_KEYS, decodeConfig, encodeConfig } from '../../../src/config/codec';
import {
  ACTIVATIONS,
  CLIP_MODES,
  DATASET_KINDS,
  INIT_KINDS,
  LIMITS,
  NORMALIZATIONS,
  defaultClip,
  defaultInitScheme,
  parameterCount,
  type ClipConfig,
  type ExperimentConfig,
  type InitScheme,
  type OptimizerConfig,
} from '../../../src/config/schema';
import {
  CELL_KINDS,
  MODEL_LIMITS,
  type ModelConfig,
  type RecurrentInit,
} from '../../../src/config/modelSchema';
import {
  SWEEP_KEYS,
  decodeSweep,
  defaultAxis,
  sweepHashSuffix,
  type SweepSpec,
} from '../../../src/config/sweepSpec';
import { isValidConfig, trainSampleCount, validateConfig } from '../../../src/config/validate';
import { lessonById } from '../../../src/config/lessons';
import { parseHashParams } from '../../../src/config/codec';
import { GRADIENT_VIEWS, linkedViewSuffix, readLinkedView } from '../../../src/config/viewKeys';
import { repairReason } from '../../../src/config/repairReason';

/** Link length the product promises to stay under. */
const MAX_LINK_CHARS = 2000;

/** Uniform on [min, max], plus the bounds themselves and short decimals a slider would give. */
function numberIn(min: number, max: number, opts: { maxExcluded?: boolean } = {}) {
  const raw = fc.double({ min, max, noNaN: true, maxExcluded: opts.maxExcluded ?? false });
  return fc.oneof(
    raw.map((x) => x + 0), // no -0: validateConfig normalizes it to 0
    raw
      .map((x) => Math.min(max, Math.max(min, Number(x.toPrecision(2)))) + 0)
      .filter((x) => !opts.maxExcluded || x < max),
    fc.constantFrom(min, ...(opts.maxExcluded ? [] : [max])),
  );
}

/** Log-uniform on [min, max] (min > 0), as on the app's log sliders. */
function logNumberIn(min: number, max: number) {
  const exponent = fc.double({ min: Math.log10(min), max: Math.log10(max), noNaN: true });
  const clamp = (x: number) => Math.min(max, Math.max(min, x));
  return fc.oneof(
    exponent.map((e) => clamp(10 ** e)),
    exponent.map((e) => clamp(Number((10 ** e).toPrecision(1)))),
    fc.constantFrom(min, max),
  );
}

const decay = numberIn(0, 1, { maxExcluded: true });
const seed = fc.integer({ min: 0, max: LIMITS.MAX_SEED });
const width = fc.integer({ min: LIMITS.MIN_WIDTH, max: LIMITS.MAX_WIDTH });

/** Hidden widths: free lists, and runs of equal widths (which the link writes as 32x6). */
const hiddenArb = fc.oneof(
  fc.array(width, { maxLength: LIMITS.MAX_HIDDEN_LAYERS }),
  fc
    .array(fc.tuple(fc.integer({ min: 1, max: 16 }), fc.integer({ min: 1, max: 20 })), {
      maxLength: 8,
    })
    .map((runs) =>
      runs.flatMap(([w, n]) => new Array<number>(n).fill(w)).slice(0, LIMITS.MAX_HIDDEN_LAYERS),
    ),
);

const initSchemeArb: fc.Arbitrary<InitScheme> = fc.constantFrom(...INIT_KINDS).chain((kind) => {
  const param = LIMITS.MAX_ABS_INIT_PARAM;
  switch (kind) {
    case 'constant':
      return numberIn(-param, param).map((value) => ({ kind, value }));
    case 'normal':
      return numberIn(0, param).map((sigma) => ({ kind, sigma }));
    case 'uniform':
      return numberIn(0, param).map((limit) => ({ kind, limit }));
    case 'orthogonal':
      return numberIn(0, param).map((gain) => ({ kind, gain }));
    default:
      return fc.constant(defaultInitScheme(kind));
  }
});

const learningRate = logNumberIn(LIMITS.MIN_LEARNING_RATE, LIMITS.MAX_LEARNING_RATE);
const epsilon = logNumberIn(LIMITS.MIN_EPSILON, LIMITS.MAX_EPSILON);

const optimizerArb: fc.Arbitrary<OptimizerConfig> = fc.oneof(
  fc.record({ kind: fc.constant('sgd' as const), learningRate }),
  fc.record({
    kind: fc.constant('momentum' as const),
    learningRate,
    momentum: decay,
    nesterov: fc.boolean(),
  }),
  fc.record({
    kind: fc.constant('adam' as const),
    learningRate,
    beta1: decay,
    beta2: decay,
    epsilon,
  }),
  fc.record({
    kind: fc.constant('rmsprop' as const),
    learningRate,
    rho: decay,
    momentum: decay,
    epsilon,
  }),
);

const clipArb: fc.Arbitrary<ClipConfig> = fc
  .tuple(
    fc.constantFrom(...CLIP_MODES),
    logNumberIn(LIMITS.MIN_CLIP_THRESHOLD, LIMITS.MAX_CLIP_THRESHOLD),
    logNumberIn(0.01, LIMITS.MAX_CLIP_PERCENTILE),
  )
  .map(([mode, threshold, percentile]) => defaultClip(mode, threshold, percentile));

const recurrentInitArb: fc.Arbitrary<RecurrentInit> = fc.oneof(
  fc.record({
    kind: fc.constantFrom('orthogonal' as const, 'identity' as const),
    gain: numberIn(0, MODEL_LIMITS.MAX_ABS_RECURRENT_INIT_PARAM),
  }),
  fc.record({
    kind: fc.constant('normal' as const),
    sigma: numberIn(0, MODEL_LIMITS.MAX_ABS_RECURRENT_INIT_PARAM),
  }),
);

const modelArb: fc.Arbitrary<ModelConfig> = fc.oneof(
  fc.record({ kind: fc.constant('mlp' as const) }),
  fc.record({
    kind: fc.constant('rnn' as const),
    cell: fc.constantFrom(...CELL_KINDS),
    timeSteps: fc.integer({ min: MODEL_LIMITS.MIN_TIME_STEPS, max: MODEL_LIMITS.MAX_TIME_STEPS }),
    units: fc.integer({ min: MODEL_LIMITS.MIN_UNITS, max: MODEL_LIMITS.MAX_UNITS }),
    recurrentInit: recurrentInitArb,
    forgetBias: numberIn(-MODEL_LIMITS.MAX_ABS_FORGET_BIAS, MODEL_LIMITS.MAX_ABS_FORGET_BIAS),
  }),
);

/** Any valid config: fields drawn in range, then fitted to the parameter and batch limits. */
const validConfigArb: fc.Arbitrary<ExperimentConfig> = fc
  .record({
    version: fc.constant(1 as const),
    model: modelArb,
    data: fc.record({
      kind: fc.constantFrom(...DATASET_KINDS),
      samples: fc.integer({ min: LIMITS.MIN_SAMPLES, max: LIMITS.MAX_SAMPLES }),
      noise: numberIn(0, LIMITS.MAX_NOISE),
      testFraction: numberIn(0, LIMITS.MAX_TEST_FRACTION),
      seed,
    }),
    network: fc.record({
      hidden: hiddenArb,
      activation: fc.constantFrom(...ACTIVATIONS),
      bias: fc.boolean(),
      residual: fc.boolean(),
      normalization: fc.constantFrom(...NORMALIZATIONS),
    }),
    init: fc.record({
      scheme: initSchemeArb,
      gain: logNumberIn(LIMITS.MIN_GAIN, LIMITS.MAX_GAIN),
      biasInit: numberIn(-LIMITS.MAX_ABS_BIAS_INIT, LIMITS.MAX_ABS_BIAS_INIT),
      seed,
    }),
    optimizer: optimizerArb,
    regularization: fc.record({
      l1: numberIn(0, LIMITS.MAX_REGULARIZATION),
      l2: numberIn(0, LIMITS.MAX_REGULARIZATION),
    }),
    gradient: fc.record({
      clip: clipArb,
      scale: logNumberIn(LIMITS.MIN_GRAD_SCALE, LIMITS.MAX_GRAD_SCALE),
      maxNorm: fc.option(logNumberIn(LIMITS.MIN_MAX_NORM, LIMITS.MAX_MAX_NORM)),
      pruneBelow: numberIn(0, LIMITS.MAX_PRUNE_BELOW),
    }),
    training: fc.record({
      batchSize: fc.integer({ min: LIMITS.MIN_BATCH, max: LIMITS.MAX_BATCH }),
      maxSteps: fc.integer({ min: LIMITS.MIN_STEPS, max: LIMITS.MAX_STEPS }),
    }),
  })
  .map((config) => {
    while (parameterCount(config) > LIMITS.MAX_PARAMETERS) config.network.hidden.pop();
    const train = trainSampleCount(config.data);
    config.training.batchSize = Math.min(config.training.batchSize, train);
    return config;
  });

/** Edits of the kinds a hand-edited, truncated or mangled link goes through. */
type Mutation = { op: string; at: number; other: number; text: string };

const mutationArb: fc.Arbitrary<Mutation> = fc.record({
  op: fc.constantFrom('flip', 'insert', 'truncate', 'duplicate', 'swapKeys', 'swapPairs', 'drop'),
  at: fc.nat(),
  other: fc.nat(),
  text: fc.oneof(
    fc.constantFrom('%', '&&', '=', '%2', '%zz', '%E0%A4%A', '#', 'x', ',', ':', '-', '.', 'e'),
    fc.constantFrom('__proto__', 'constructor', '1e999', 'NaN', '<script>', '\u0000', '€', ' '),
    fc.string({ maxLength: 3 }),
  ),
});

function mutate(hash: string, m: Mutation): string {
  const i = hash.length === 0 ? 0 : m.at % hash.length;
  const pairs = hash.replace(/^#/, '').split('&');
  const p = m.at % pairs.length;
  const q = m.other % pairs.length;
  const join = (list: string[]) => `#${list.join('&')}`;
  switch (m.op) {
    case 'flip':
      return hash.slice(0, i) + m.text + hash.slice(i + 1);
    case 'insert':
      return hash.slice(0, i) + m.text + hash.slice(i);
    case 'truncate':
      return hash.slice(0, i);
    case 'duplicate':
      return join([...pairs.slice(0, q), pairs[p]!, ...pairs.slice(q)]);
    case 'swapKeys': {
      const [a, b] = [pairs[p]!.split('='), pairs[q]!.split('=')];
      [a[0], b[0]] = [b[0]!, a[0]!];
      const swapped = [...pairs];
      swapped[p] = a.join('=');
      swapped[q] = b.join('=');
      return join(swapped);
    }
    case 'swapPairs': {
      const swapped = [...pairs];
      [swapped[p], swapped[q]] = [pairs[q]!, pairs[p]!];
      return join(swapped);
    }
    default:
      return join(pairs.filter((_, k) => k !== p));
  }
}

/** What every decode must satisfy, whatever it was given. */
function expectSoundDecode(link: string): void {
  const { config } = decodeConfig(link);
  expect(isValidConfig(config)).toBe(true);
  const again = decodeConfig(encodeConfig(config));
  expect(again.repairs).toEqual([]);
  expect(again.config).toEqual(config);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('link round trip (property)', () => {
  it('the arbitrary generates only valid configs', () => {
    fc.assert(
      fc.property(validConfigArb, (config) => isValidConfig(config)),
      { numRuns: 300 },
    );
  });

  it('decode(encode(c)) equals c exactly, with no repairs, and the link is under 2000 chars', () => {
    fc.assert(
      fc.property(validConfigArb, (config) => {
        const hash = encodeConfig(config);
        expect(hash.length).toBeLessThan(MAX_LINK_CHARS);
        const { config: decoded, repairs } = decodeConfig(hash);
        expect(repairs).toEqual([]);
        expect(decoded).toEqual(config);
      }),
      { numRuns: 1000 },
    );
  });

  it('encoding is canonical: encode(decode(encode(c))) === encode(c)', () => {
    fc.assert(
      fc.property(validConfigArb, (config) => {
        const hash = encodeConfig(config);
        expect(encodeConfig(decodeConfig(hash).config)).toBe(hash);
      }),
      { numRuns: 500 },
    );
  });

  it('the longest valid config (64 distinct 3-digit widths, longest numbers) is under 2000 chars', () => {
    // 17 significant digits (the most a double needs) at 1e-6, the smallest magnitude JS still
    // writes in decimal: "0.0000012345678901234567", 24 characters (25 when negative).
    const tiny = Number('1.2345678901234567e-6');
    const hidden = Array.from({ length: LIMITS.MAX_HIDDEN_LAYERS }, (_, i) => 100 + i);
    const base: Omit<ExperimentConfig, 'optimizer'> = {
      version: 1,
      model: { kind: 'mlp' },
      data: {
        kind: 'circles',
        samples: 4999,
        noise: tiny,
        testFraction: tiny,
        seed: LIMITS.MAX_SEED,
      },
      network: {
        hidden,
        activation: 'leakyRelu',
        bias: true,
        residual: true,
        normalization: 'layerNorm',
      },
      init: {
        scheme: { kind: 'constant', value: -tiny },
        gain: Number('0.0012345678901234567'),
        biasInit: -tiny,
        seed: LIMITS.MAX_SEED,
      },
      regularization: { l1: tiny, l2: tiny },
      gradient: {
        clip: { mode: 'globalNorm', threshold: Number('0.00012345678901234567') },
        scale: Number('0.00012345678901234567'),
        maxNorm: Number('0.0012345678901234567'),
        pruneBelow: tiny,
      },
      training: { batchSize: 1023, maxSteps: 999_999 },
    };
    const optimizers: OptimizerConfig[] = [
      { kind: 'rmsprop', learningRate: tiny, rho: tiny, momentum: tiny, epsilon: tiny },
      { kind: 'adam', learningRate: tiny, beta1: tiny, beta2: tiny, epsilon: tiny },
      { kind: 'momentum', learningRate: tiny, momentum: tiny, nesterov: false },
    ];
    const lengths = optimizers.map((optimizer) => {
      const config = { ...base, optimizer };
      expect(isValidConfig(config)).toBe(true);
      const hash = encodeConfig(config);
      expect(hash).toContain('&binit=-0.0000012345678901234567&');
      expect(decodeConfig(hash).config).toEqual(config);
      return hash.length;
    });
    // Measured: 859 characters (rmsprop; adam 854), well under half the limit.
    expect(Math.max(...lengths)).toBeLessThan(MAX_LINK_CHARS / 2);
  });
});

describe('decodeConfig fuzz', () => {
  it('never throws on random text, and always returns a valid, re-encodable config', () => {
    const text = fc.oneof(
      fc.string({ maxLength: 200, unit: 'binary' }),
      fc.string({ maxLength: 200, unit: 'grapheme-ascii' }),
    );
    fc.assert(fc.property(text, expectSoundDecode), { numRuns: 1000 });
  });

  it('never throws on link-shaped soup of real keys, values and separators', () => {
    const token = fc.oneof(
      fc.constantFrom(
        ...LINK_KEYS.map((k) => k.key),
        'embed',
        'lesson',
        '__proto__',
        'constructor',
      ),
      fc.constantFrom('=', '&', '&&', '%', '%2', '%zz', '#', '?', ',', ':', 'x', '*', '-', '.'),
      fc.constantFrom(...ACTIVATIONS, ...INIT_KINDS, ...CLIP_MODES, 'adam', 'none', 'off', 'NaN'),
      fc.constantFrom('0', '1', '-1', '1e999', '1e-8', '0.5', '256', '99999999999', '1e21'),
    );
    const soup = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(fc.property(soup, expectSoundDecode), { numRuns: 1000 });
  });

  it('never throws on mutated valid links (flips, inserts, truncations, duplicates, swaps)', () => {
    const mutated = fc
      .tuple(validConfigArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }))
      .map(([config, mutations]) => mutations.reduce(mutate, encodeConfig(config)));
    fc.assert(fc.property(mutated, expectSoundDecode), { numRuns: 1500 });
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });
});

describe('validateConfig fuzz', () => {
  it('never throws on arbitrary values and returns a config it then leaves unchanged', () => {
    const anything = fc.oneof(
      fc.anything({ withObjectString: true, withNullPrototype: true, withSparseArray: true }),
      fc.constant(null),
    );
    fc.assert(
      fc.property(anything, (value) => {
        const { config } = validateConfig(value);
        expect(validateConfig(config).repairs).toEqual([]);
      }),
      { numRuns: 1000 },
    );
  });

  it('never throws on valid configs with one field replaced by an arbitrary value', () => {
    const broken = fc
      .tuple(validConfigArb, fc.nat(), fc.anything())
      .map(([config, pick, value]) => {
        const sections = Object.values(config).filter((v) => typeof v === 'object') as Array<
          Record<string, unknown>
        >;
        const section = sections[pick % sections.length]!;
        const keys = Object.keys(section);
        section[keys[pick % keys.length]!] = value;
        return config;
      });
    fc.assert(
      fc.property(broken, (value) => {
        expect(isValidConfig(validateConfig(value).config)).toBe(true);
      }),
      { numRuns: 1000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });
});

describe('sweep link fuzz', () => {
  const specArb: fc.Arbitrary<SweepSpec> = fc
    .uniqueArray(fc.constantFrom(...SWEEP_KEYS.map((k) => k.key)), { minLength: 1, maxLength: 2 })
    .chain((keys) =>
      fc
        .tuple(
          fc.array(fc.integer({ min: 2, max: 32 }), {
            minLength: keys.length,
            maxLength: keys.length,
          }),
          fc.integer({ min: 1, max: 1000 }),
        )
        .map(([counts, steps]) => ({
          axes: keys.map((key, i) => {
            const axis = defaultAxis(key);
            const count =
              axis.key === 'depth' ? Math.min(counts[i]!, axis.to - axis.from + 1) : counts[i]!;
            return { ...axis, count };
          }),
          steps,
        })),
    );

  it('a valid sweep round-trips exactly beside any valid config, with no repairs', () => {
    fc.assert(
      fc.property(validConfigArb, specArb, (config, spec) => {
        const link = encodeConfig(config) + sweepHashSuffix(spec);
        expect(decodeSweep(link)).toEqual({ sweep: spec, repairs: [] });
        expect(decodeConfig(link).repairs).toEqual([]);
        expect(link.length).toBeLessThan(MAX_LINK_CHARS);
      }),
      { numRuns: 300 },
    );
  });

  it('never throws on mutated sweep links, and what survives is valid and round-trips', () => {
    const mutated = fc
      .tuple(validConfigArb, specArb, fc.array(mutationArb, { minLength: 1, maxLength: 6 }))
      .map(([config, spec, mutations]) =>
        mutations.reduce(mutate, encodeConfig(config) + sweepHashSuffix(spec)),
      );
    fc.assert(
      fc.property(mutated, (link) => {
        expectSoundDecode(link);
        const { sweep } = decodeSweep(link);
        if (sweep === null) return;
        const again = decodeSweep(`#${sweepHashSuffix(sweep)}`);
        expect(again.repairs).toEqual([]);
        expect(again.sweep).toEqual(sweep);
      }),
      { numRuns: 1000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });
});

describe('view keys fuzz (view, at, lesson, smooth)', () => {
  it('never throw, and give a known gradient view, a step in range or null, a known lesson or null, smoothing in [0, 0.99]', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 60, unit: 'binary' }),
      fc.constantFrom('grad', 'clipped', 'signal', '1', '0', '-1', '1e3', '9999999', 'NaN', ''),
      fc.constantFrom('0.5', '0.99', '0.999', '.3', '3.', '1e-3', '-0', '1e999', 'Infinity'),
      fc.double().map(String),
      fc.constantFrom('too-large-init', 'clip-global-norm', '__proto__', 'constructor'),
    );
    const params = fc
      .array(fc.tuple(fc.constantFrom('view', 'at', 'lesson', 'smooth', '__proto__'), value), {
        maxLength: 6,
      })
      .map((pairs) => new Map(pairs));
    fc.assert(
      fc.property(params, (p) => {
        const { view, repairs } = readLinkedView(p);
        expect(GRADIENT_VIEWS).toContain(view.gradientView);
        if (view.atStep !== null) {
          expect(Number.isInteger(view.atStep)).toBe(true);
          expect(view.atStep).toBeGreaterThanOrEqual(1);
          expect(view.atStep).toBeLessThanOrEqual(LIMITS.MAX_STEPS);
        }
        if (view.lesson !== null) expect(lessonById(view.lesson)).toBeDefined();
        expect(view.smoothing).toBeGreaterThanOrEqual(0);
        expect(view.smoothing).toBeLessThanOrEqual(0.99);
        expect(Object.is(view.smoothing, -0)).toBe(false);
        for (const r of repairs) expect(repairReason(r).length).toBeLessThan(200);
        // What was read writes back to a link that reads the same, with no repairs.
        const again = readLinkedView(parseHashParams(`#${linkedViewSuffix(view).slice(1)}`));
        expect(again).toEqual({ view, repairs: [] });
      }),
      { numRuns: 1000 },
    );
  });
});
