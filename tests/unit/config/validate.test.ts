import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CONFIG,
  LIMITS,
  parameterCount,
  trainSampleCount as schemaTrainSampleCount,
  type ExperimentConfig,
} from '../../../src/config/schema';
import {
  isValidConfig,
  trainSampleCount,
  validateConfig,
  type Repair,
} from '../../../src/config/validate';
import { generateDataset } from '../../../src/data/datasets';
import { repairReason } from '../../../src/config/repairReason';
import { withReasons } from '../../support/withReasons';

/** These tests write values the types forbid, so the copies they edit are untyped on purpose. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type Untyped = any;

/** A plain-JSON copy of the defaults with some fields overridden, for feeding validateConfig. */
function withChanges(change: (c: Record<string, Untyped>) => void): unknown {
  const c = JSON.parse(JSON.stringify(DEFAULT_CONFIG)) as Record<string, Untyped>;
  change(c);
  return c;
}

function paths(repairs: Repair[]): string[] {
  return repairs.map((r) => r.path);
}

/** Object.prototype's own keys, to prove nothing was added to it. */
const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

function expectPrototypeUntouched(): void {
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
}

describe('validateConfig on valid input', () => {
  it('accepts DEFAULT_CONFIG unchanged, with no repairs and the same JSON field order', () => {
    const { config, repairs } = validateConfig(DEFAULT_CONFIG);
    expect(repairs).toEqual([]);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(JSON.stringify(config)).toBe(JSON.stringify(DEFAULT_CONFIG));
    expect(isValidConfig(DEFAULT_CONFIG)).toBe(true);
  });

  it('returns a fresh object that shares nothing with its input', () => {
    const input = structuredClone(DEFAULT_CONFIG);
    const { config } = validateConfig(input);
    config.network.hidden.push(1);
    config.data.samples = 1;
    expect(input).toEqual(DEFAULT_CONFIG);
  });

  it('accepts a network with no hidden layer', () => {
    const { config, repairs } = validateConfig(withChanges((c) => (c.network.hidden = [])));
    expect(repairs).toEqual([]);
    expect(config.network.hidden).toEqual([]);
  });

  it('accepts every optimizer kind with its own parameters', () => {
    const optimizers = [
      { kind: 'sgd', learningRate: 0.1 },
      { kind: 'momentum', learningRate: 0.1, momentum: 0.5, nesterov: true },
      { kind: 'adam', learningRate: 1e-3, beta1: 0, beta2: 0.99, epsilon: 1e-12 },
      { kind: 'rmsprop', learningRate: 1e-3, rho: 0.9, momentum: 0.1, epsilon: 1 },
    ];
    for (const optimizer of optimizers) {
      const { config, repairs } = validateConfig(withChanges((c) => (c.optimizer = optimizer)));
      expect(repairs).toEqual([]);
      expect(config.optimizer).toEqual(optimizer);
    }
  });

  it('accepts max-norm null (off) and a number in range', () => {
    expect(isValidConfig(withChanges((c) => (c.gradient.maxNorm = null)))).toBe(true);
    expect(isValidConfig(withChanges((c) => (c.gradient.maxNorm = 3)))).toBe(true);
  });
});

describe('validateConfig on input that is not a config at all', () => {
  it.each([null, undefined, 42, 'config', true, [], [DEFAULT_CONFIG], () => DEFAULT_CONFIG])(
    'replaces %s by the defaults with a single repair',
    (input) => {
      const { config, repairs } = validateConfig(input);
      expect(config).toEqual(DEFAULT_CONFIG);
      expect(repairs).toHaveLength(1);
    },
  );

  it('replaces 100 KB of junk text by the defaults with a single repair', () => {
    const junk = '<script>alert(1)</script>{"a":'.repeat(3400);
    expect(junk.length).toBeGreaterThan(100_000);
    const { config, repairs } = validateConfig(junk);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toHaveLength(1);
    expect(repairReason(repairs[0]!).length).toBeLessThan(200);
  });
});

describe('validateConfig on unknown and missing fields', () => {
  it('drops unknown fields at every level, naming each one', () => {
    const input = withChanges((c) => {
      c.extra = 1;
      c.data.colour = 'red';
      c.optimizer.turbo = true;
    });
    const { config, repairs } = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(paths(repairs)).toEqual(['extra', 'data.colour', 'optimizer.turbo']);
    expect(repairReason(repairs[0]!)).toBe('unknown field "extra" dropped');
  });

  it('lists at most five unknown fields per object and sums up the rest', () => {
    const input = withChanges((c) => {
      for (let i = 0; i < 100_000; i++) c.data[`junk${i}`] = i;
    });
    const { config, repairs } = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toHaveLength(6);
    expect(repairReason(repairs[5]!)).toContain('99995 more unknown fields');
  });

  it('fills a missing field with its default and says so', () => {
    const { config, repairs } = validateConfig(withChanges((c) => delete c.data.noise));
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'data.noise', reason: 'noise is missing; set to the default 0.1' },
    ]);
  });

  it('fills a missing section with its defaults in one repair', () => {
    const { config, repairs } = validateConfig(withChanges((c) => delete c.training));
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'training', reason: 'training settings are missing; using the defaults' },
    ]);
  });

  it('does not read fields inherited through the prototype chain', () => {
    const input = Object.create(structuredClone(DEFAULT_CONFIG)) as unknown;
    const { config, repairs } = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(paths(repairs)).toContain('data');
  });

  it('reads objects that have no prototype', () => {
    const input = Object.assign(Object.create(null) as object, structuredClone(DEFAULT_CONFIG));
    expect(validateConfig(input).repairs).toEqual([]);
  });
});

describe('validateConfig on wrong types', () => {
  it('replaces a number given as text by the default', () => {
    const { config, repairs } = validateConfig(withChanges((c) => (c.data.noise = '0.5')));
    expect(config.data.noise).toBe(DEFAULT_CONFIG.data.noise);
    expect(withReasons(repairs)).toMatchObject([
      {
        path: 'data.noise',
        reason: 'noise is "0.5", not a number; set to the default 0.1',
      },
    ]);
  });

  it('replaces a boolean given as text or number by the default', () => {
    const input = withChanges((c) => {
      c.network.bias = 'false';
      c.network.residual = 1;
    });
    const { config, repairs } = validateConfig(input);
    expect(config.network.bias).toBe(true);
    expect(config.network.residual).toBe(false);
    expect(paths(repairs)).toEqual(['network.bias', 'network.residual']);
  });

  it('replaces hidden layers that are not a list by the default widths', () => {
    const { config, repairs } = validateConfig(withChanges((c) => (c.network.hidden = '32x8')));
    expect(config.network.hidden).toEqual(DEFAULT_CONFIG.network.hidden);
    expect(paths(repairs)).toEqual(['network.hidden']);
  });

  it('replaces a section that is a list or a number by its defaults', () => {
    const input = withChanges((c) => {
      c.data = [1, 2];
      c.init = 7;
    });
    const { config, repairs } = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(paths(repairs)).toEqual(['data', 'init']);
  });

  it('replaces an unknown enum value by the default, listing the valid ones', () => {
    const input = withChanges((c) => {
      c.network.activation = 'sigmoidal';
      c.data.kind = 'moons';
      c.network.normalization = 'batchNorm';
    });
    const { config, repairs } = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(paths(repairs)).toEqual(['data.kind', 'network.activation', 'network.normalization']);
    expect(repairReason(repairs[1]!)).toContain('linear, sigmoid, tanh');
  });

  it('replaces an unknown optimizer kind by sgd and keeps the valid learning rate', () => {
    const input = withChanges((c) => (c.optimizer = { kind: 'lion', learningRate: 0.2 }));
    const { config, repairs } = validateConfig(input);
    expect(config.optimizer).toEqual({ kind: 'sgd', learningRate: 0.2 });
    expect(paths(repairs)).toEqual(['optimizer.kind']);
  });
});

describe('validateConfig on numbers out of range', () => {
  it('clamps a too-large learning rate to the maximum and says so in English', () => {
    const { config, repairs } = validateConfig(
      withChanges((c) => (c.optimizer.learningRate = 1e9)),
    );
    expect(config.optimizer.learningRate).toBe(LIMITS.MAX_LEARNING_RATE);
    expect(withReasons(repairs)).toMatchObject([
      {
        path: 'optimizer.learningRate',
        reason: 'learning rate 1000000000 is above the maximum 100; set to 100',
      },
    ]);
  });

  it('clamps values below the minimum up to it', () => {
    const input = withChanges((c) => {
      c.optimizer.learningRate = 0;
      c.data.noise = -1;
      c.init.gain = 1e-9;
      c.gradient.scale = 0;
    });
    const { config, repairs } = validateConfig(input);
    expect(config.optimizer.learningRate).toBe(LIMITS.MIN_LEARNING_RATE);
    expect(config.data.noise).toBe(0);
    expect(config.init.gain).toBe(LIMITS.MIN_GAIN);
    expect(config.gradient.scale).toBe(LIMITS.MIN_GRAD_SCALE);
    expect(repairs).toHaveLength(4);
  });

  it('replaces NaN, which is not a number, by the default', () => {
    const input = withChanges((c) => {
      c.optimizer.learningRate = NaN;
      c.init.biasInit = NaN;
    });
    const { config, repairs } = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs.map(repairReason)).toEqual([
      'bias init NaN is not a number; set to the default 0',
      'learning rate NaN is not a number; set to the default 0.05',
    ]);
  });

  it('clamps ±Infinity, numbers beyond every limit, to the limit like any other', () => {
    const { config } = validateConfig(
      withChanges((c) => {
        c.optimizer.learningRate = Infinity;
        c.init.biasInit = -Infinity;
      }),
    );
    expect(config.optimizer.learningRate).toBe(LIMITS.MAX_LEARNING_RATE);
    expect(config.init.biasInit).toBe(-LIMITS.MAX_ABS_BIAS_INIT);
  });

  it("replaces the text '1e999' by the default", () => {
    const { config } = validateConfig(withChanges((c) => (c.training.maxSteps = '1e999')));
    expect(config.training.maxSteps).toBe(DEFAULT_CONFIG.training.maxSteps);
  });

  it('rounds integer fields to whole numbers', () => {
    const input = withChanges((c) => {
      c.data.samples = 400.6;
      c.training.batchSize = 31.2;
      c.training.maxSteps = 99.5;
      c.data.seed = 1.5;
    });
    const { config, repairs } = validateConfig(input);
    expect(config.data.samples).toBe(401);
    expect(config.training.batchSize).toBe(31);
    expect(config.training.maxSteps).toBe(100);
    expect(config.data.seed).toBe(2);
    expect(repairReason(repairs[0]!)).toBe(
      'sample count 400.6 is not a whole number; rounded to 401',
    );
  });

  it('keeps seeds whole numbers in [0, MAX_SEED]', () => {
    const input = withChanges((c) => {
      c.data.seed = -1;
      c.init.seed = 2 ** 40;
    });
    const { config } = validateConfig(input);
    expect(config.data.seed).toBe(0);
    expect(config.init.seed).toBe(LIMITS.MAX_SEED);
  });

  it('turns -0 into 0 silently, so equal configs encode identically', () => {
    const { config, repairs } = validateConfig(withChanges((c) => (c.init.biasInit = -0)));
    expect(repairs).toEqual([]);
    expect(Object.is(config.init.biasInit, 0)).toBe(true);
  });
});

describe('validateConfig on union members', () => {
  it('keeps Adam betas in [0, 1) and epsilon in [MIN_EPSILON, MAX_EPSILON]', () => {
    const input = withChanges(
      (c) =>
        (c.optimizer = { kind: 'adam', learningRate: 0.01, beta1: 1, beta2: -0.5, epsilon: 0 }),
    );
    const { config, repairs } = validateConfig(input);
    expect(config.optimizer).toEqual({
      kind: 'adam',
      learningRate: 0.01,
      beta1: 0.9,
      beta2: 0,
      epsilon: LIMITS.MIN_EPSILON,
    });
    expect(repairReason(repairs[0]!)).toBe(
      'Adam beta1 1 must be below 1; set to the default 0.9, as 1 itself is not allowed',
    );
    const big = withChanges((c) => (c.optimizer = { ...c.optimizer, kind: 'adam', epsilon: 5 }));
    expect(validateConfig(big).config.optimizer).toMatchObject({ epsilon: LIMITS.MAX_EPSILON });
  });

  it('keeps momentum and RMSProp rho below 1', () => {
    const input = withChanges(
      (c) =>
        (c.optimizer = {
          kind: 'rmsprop',
          learningRate: 0.01,
          rho: 1.5,
          momentum: 1,
          epsilon: 1e-8,
        }),
    );
    expect(validateConfig(input).config.optimizer).toEqual({
      kind: 'rmsprop',
      learningRate: 0.01,
      rho: 0.99,
      momentum: 0,
      epsilon: 1e-8,
    });
  });

  it("fills parameters a kind needs but lacks with that kind's defaults", () => {
    const input = withChanges((c) => (c.optimizer = { kind: 'adam', learningRate: 0.01 }));
    const { config, repairs } = validateConfig(input);
    expect(config.optimizer).toEqual({
      kind: 'adam',
      learningRate: 0.01,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    });
    expect(paths(repairs)).toEqual(['optimizer.beta1', 'optimizer.beta2', 'optimizer.epsilon']);
  });

  it('drops parameters that do not belong to the chosen kind', () => {
    const input = withChanges((c) => {
      c.optimizer.beta1 = 0.9;
      c.init.scheme.sigma = 2;
      c.gradient.clip.threshold = 1;
    });
    const { config, repairs } = validateConfig(input);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(paths(repairs)).toEqual([
      'init.scheme.sigma',
      'optimizer.beta1',
      'gradient.clip.threshold',
    ]);
    expect(repairReason(repairs[1]!)).toBe('beta1 does not apply to optimizer sgd; dropped');
  });

  it('clamps init scheme parameters into range', () => {
    const scheme = (s: unknown) =>
      validateConfig(withChanges((c) => (c.init.scheme = s))).config.init.scheme;
    expect(scheme({ kind: 'normal', sigma: -1 })).toEqual({ kind: 'normal', sigma: 0 });
    expect(scheme({ kind: 'constant', value: -1e6 })).toEqual({ kind: 'constant', value: -100 });
    expect(scheme({ kind: 'uniform', limit: 1e6 })).toEqual({ kind: 'uniform', limit: 100 });
    expect(scheme({ kind: 'orthogonal' })).toEqual({ kind: 'orthogonal', gain: 1 });
  });

  it('clamps clip thresholds into range and defaults a missing one to 1', () => {
    const clip = (value: unknown) =>
      validateConfig(withChanges((c) => (c.gradient.clip = value))).config.gradient.clip;
    expect(clip({ mode: 'globalNorm', threshold: 0 })).toEqual({
      mode: 'globalNorm',
      threshold: LIMITS.MIN_CLIP_THRESHOLD,
    });
    expect(clip({ mode: 'value', threshold: 1e9 })).toEqual({
      mode: 'value',
      threshold: LIMITS.MAX_CLIP_THRESHOLD,
    });
    expect(clip({ mode: 'tensorNorm' })).toEqual({ mode: 'tensorNorm', threshold: 1 });
    // A config written before the rename (an older run record's config) reads with no repair.
    expect(clip({ mode: 'layerNorm', threshold: 2 })).toEqual({ mode: 'tensorNorm', threshold: 2 });
  });

  it('turns max-norm off when it is not a finite number, and clamps it otherwise', () => {
    const maxNorm = (value: unknown) =>
      validateConfig(withChanges((c) => (c.gradient.maxNorm = value))).config.gradient.maxNorm;
    expect(maxNorm('off')).toBeNull();
    expect(maxNorm(NaN)).toBeNull();
    expect(maxNorm(0)).toBe(LIMITS.MIN_MAX_NORM);
    expect(maxNorm(1e9)).toBe(LIMITS.MAX_MAX_NORM);
  });
});

describe('validateConfig on hidden layers', () => {
  const hidden = (value: unknown) => validateConfig(withChanges((c) => (c.network.hidden = value)));

  it('keeps the first MAX_HIDDEN_LAYERS layers of a longer list', () => {
    const { config, repairs } = hidden(Array.from({ length: 100 }, (_, i) => 1 + (i % 8)));
    expect(config.network.hidden).toHaveLength(LIMITS.MAX_HIDDEN_LAYERS);
    expect(config.network.hidden.slice(0, 3)).toEqual([1, 2, 3]);
    expect(repairReason(repairs[0]!)).toBe(
      '100 hidden layers is above the maximum 64; kept the first 64',
    );
  });

  it('looks at no more than MAX_HIDDEN_LAYERS entries of a huge list', () => {
    // Every entry the validator reads, asks about or describes is counted, so the bound is on
    // the work itself, not on a wall-clock time a loaded machine can blow.
    const looked = new Set<string>();
    const isIndex = (key: string | symbol) => typeof key === 'string' && /^\d+$/.test(key);
    const note = (key: string | symbol) => {
      if (isIndex(key)) looked.add(key as string);
    };
    const huge = new Proxy(new Array<unknown>(10_000_000), {
      get: (target, key, receiver) => (note(key), Reflect.get(target, key, receiver)),
      has: (target, key) => (note(key), Reflect.has(target, key)),
      getOwnPropertyDescriptor: (target, key) => (
        note(key),
        Reflect.getOwnPropertyDescriptor(target, key)
      ),
    });
    const { config } = hidden(huge);
    expect(looked.size).toBeGreaterThan(0);
    expect(looked.size).toBeLessThanOrEqual(LIMITS.MAX_HIDDEN_LAYERS);
    expect(config.network.hidden).toEqual(new Array(64).fill(32));
  });

  it('clamps zero, negative and too-wide widths and rounds fractional ones', () => {
    const { config, repairs } = hidden([0, -5, 1000, 3.7, 16]);
    expect(config.network.hidden).toEqual([1, 1, LIMITS.MAX_WIDTH, 4, 16]);
    expect(paths(repairs)).toEqual([
      'network.hidden[0]',
      'network.hidden[1]',
      'network.hidden[2]',
      'network.hidden[3]',
    ]);
    expect(repairReason(repairs[2]!)).toBe(
      'hidden layer 3 width 1000 is above the maximum 256; set to 256',
    );
  });

  it('gives holes and non-numbers in the list the default width', () => {
    // eslint-disable-next-line no-sparse-arrays
    const { config } = hidden([8, , 'wide', null, 8]);
    expect(config.network.hidden).toEqual([8, 32, 32, 32, 8]);
  });

  it('drops the deepest layers until the network fits MAX_PARAMETERS, and says so', () => {
    const { config, repairs } = hidden(new Array(64).fill(256));
    expect(parameterCount(config)).toBeLessThanOrEqual(LIMITS.MAX_PARAMETERS);
    const kept = config.network.hidden.length;
    expect(kept).toBeGreaterThan(0);
    expect(
      parameterCount({
        ...config,
        network: { ...config.network, hidden: new Array(kept + 1).fill(256) },
      }),
    ).toBeGreaterThan(LIMITS.MAX_PARAMETERS);
    expect(withReasons(repairs)).toMatchObject([
      {
        path: 'network.hidden',
        reason: `the network has 4,145,921 parameters, above the maximum 1,200,000; dropped the ${64 - kept} deepest hidden layers, keeping ${kept}`,
      },
    ]);
  });

  it('keeps the input-side layers when dropping for the parameter budget', () => {
    const widths = [3, 5, ...new Array(30).fill(256)];
    const { config } = hidden(widths);
    expect(config.network.hidden.slice(0, 2)).toEqual([3, 5]);
  });
});

describe('validateConfig across fields', () => {
  it('shrinks a batch larger than the training set to the training set', () => {
    const input = withChanges((c) => {
      c.data.samples = 100;
      c.data.testFraction = 0.5;
      c.training.batchSize = 64;
    });
    const { config, repairs } = validateConfig(input);
    expect(config.training.batchSize).toBe(50);
    expect(withReasons(repairs)).toMatchObject([
      {
        path: 'training.batchSize',
        reason: 'batch size 64 is larger than the 50 training samples; set to 50',
      },
    ]);
  });

  it('counts training samples as samples - round(samples * testFraction), the split the dataset makes', () => {
    // 21 * 0.1 = 2.1 test rows round to 2, leaving 19 to train on (floor(21 * 0.9) would say 18).
    expect(trainSampleCount({ ...DEFAULT_CONFIG.data, samples: 21, testFraction: 0.1 })).toBe(19);
    expect(trainSampleCount({ ...DEFAULT_CONFIG.data, samples: 400, testFraction: 0.2 })).toBe(320);
    for (const samples of [LIMITS.MIN_SAMPLES, 21, 25, 101, 333, LIMITS.MAX_SAMPLES]) {
      for (const testFraction of [0, 0.07, 0.1, 0.25, 0.33, LIMITS.MAX_TEST_FRACTION]) {
        const data = { ...DEFAULT_CONFIG.data, samples, testFraction };
        expect(trainSampleCount(data)).toBe(generateDataset(data).trainCount);
      }
    }
  });

  it('is the same training-set size the schema defines', () => {
    expect(trainSampleCount).toBe(schemaTrainSampleCount);
  });

  it('clamps the batch to exactly the number of training rows the dataset produces', () => {
    for (const [samples, testFraction] of [
      [21, 0.1],
      [25, 0.3],
      [100, 0.07],
      [LIMITS.MIN_SAMPLES, LIMITS.MAX_TEST_FRACTION],
    ] as const) {
      const input = withChanges((c) => {
        c.data.samples = samples;
        c.data.testFraction = testFraction;
        c.training.batchSize = LIMITS.MAX_BATCH;
      });
      const { config, repairs } = validateConfig(input);
      const trainRows = generateDataset(config.data).trainCount;
      expect(config.training.batchSize).toBe(trainRows);
      expect(paths(repairs)).toEqual(['training.batchSize']);
      expect(isValidConfig(config)).toBe(true);
    }
  });

  it('reports an unknown version and reads the rest as the current version', () => {
    const { config, repairs } = validateConfig(withChanges((c) => (c.version = 2)));
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'version', reason: 'version 2 is not supported; read as version 1' },
    ]);
  });

  it('reports a missing version', () => {
    const { repairs } = validateConfig(withChanges((c) => delete c.version));
    expect(paths(repairs)).toEqual(['version']);
  });
});

describe('validateConfig on hostile objects', () => {
  it('ignores __proto__, constructor and prototype keys without polluting Object.prototype', () => {
    const json =
      '{"__proto__": {"polluted": 1}, "constructor": {"prototype": {"polluted": 1}},' +
      ' "prototype": {"polluted": 1}, "data": {"__proto__": {"polluted": 1}, "kind": "xor"}}';
    const { config, repairs } = validateConfig(JSON.parse(json));
    expectPrototypeUntouched();
    expect(config.data.kind).toBe('xor');
    expect(Object.getPrototypeOf(config)).toBe(Object.prototype);
    expect(paths(repairs)).toEqual(
      expect.arrayContaining(['__proto__', 'constructor', 'prototype', 'data.__proto__']),
    );
  });

  it('never runs getters, and reports them', () => {
    let calls = 0;
    const input = withChanges((c) => {
      Object.defineProperty(c, 'data', {
        enumerable: true,
        get() {
          calls++;
          throw new Error('boom');
        },
      });
      Object.defineProperty(c.network, 'activation', {
        enumerable: true,
        get: () => {
          calls++;
          return 'relu';
        },
      });
    });
    const { config, repairs } = validateConfig(input);
    expect(calls).toBe(0);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(paths(repairs)).toEqual(['data', 'network.activation']);
  });

  it('does not recurse into cyclic objects', () => {
    const input = withChanges((c) => {
      c.data = c;
      c.network.hidden = [8];
      c.network.hidden.push(c.network.hidden);
    });
    const { config } = validateConfig(input);
    expect(config.data).toEqual(DEFAULT_CONFIG.data);
    expect(config.network.hidden).toEqual([8, 32]);
  });

  it('falls back to the defaults when a proxy throws from every trap', () => {
    const hostile = new Proxy(
      {},
      {
        getOwnPropertyDescriptor: () => {
          throw new Error('no');
        },
        ownKeys: () => {
          throw new Error('no');
        },
      },
    );
    const { config, repairs } = validateConfig(hostile);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toHaveLength(1);
  });

  it('falls back to the defaults for a revoked proxy', () => {
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    expect(validateConfig(proxy).config).toEqual(DEFAULT_CONFIG);
  });

  it('returns nothing but enum values in string fields, whatever text came in', () => {
    const input = withChanges((c) => {
      c.data.kind = '<script>alert(1)</script>';
      c.network.activation = '<img src=x onerror=alert(1)>';
      c.optimizer.kind = 'javascript:alert(1)';
    });
    const { config } = validateConfig(input);
    expect(JSON.stringify(config)).not.toMatch(/[<>]|script|alert/);
  });
});

describe('isValidConfig', () => {
  it('is true exactly when validateConfig makes no repairs', () => {
    const bad: ExperimentConfig = { ...DEFAULT_CONFIG, training: { batchSize: 0, maxSteps: 1 } };
    expect(isValidConfig(DEFAULT_CONFIG)).toBe(true);
    expect(isValidConfig(bad)).toBe(false);
    expect(isValidConfig({})).toBe(false);
    expect(isValidConfig(null)).toBe(false);
  });
});
