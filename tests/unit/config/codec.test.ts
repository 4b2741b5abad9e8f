import { describe, expect, it } from 'vitest';
import {
  KNOWN_VIEW_KEYS,
  LINK_KEYS,
  decodeConfig,
  encodeConfig,
  formatLayers,
  formatNumber,
  parseHashParams,
} from '../../../src/config/codec';
import {
  ACTIVATIONS,
  CLIP_MODES,
  DATASET_KINDS,
  DEFAULT_CONFIG,
  INIT_KINDS,
  LIMITS,
  NORMALIZATIONS,
  OPTIMIZER_KINDS,
  parameterCount,
  type ExperimentConfig,
} from '../../../src/config/schema';
import { isValidConfig, type Repair } from '../../../src/config/validate';
import { MODEL_KINDS } from '../../../src/config/modelSchema';
import { decodeExperimentLink, resolveVariant } from '../../../src/config/variants';
import { repairReason } from '../../../src/config/repairReason';
import { withReasons } from '../../support/withReasons';

const DEFAULT_HASH =
  '#v=1&data=circles&n=400&noise=0.1&test=0.2&dseed=1&layers=32x8&act=tanh&bias=1&res=0' +
  '&norm=none&init=glorotNormal&gain=1&binit=0&seed=1&opt=sgd&lr=0.05&l1=0&l2=0&clip=none' +
  '&gscale=1&maxnorm=off&prune=0&batch=64&steps=2000';

function keysOf(repairs: Repair[]): string[] {
  return repairs.map((r) => r.path);
}

/** The defaults with some fields changed, as a typed config. */
function configWith(change: (c: ExperimentConfig) => void): ExperimentConfig {
  const c = structuredClone(DEFAULT_CONFIG);
  change(c);
  return c;
}

/** Decodes and expects no repairs. */
function cleanDecode(hash: string): ExperimentConfig {
  const { config, repairs } = decodeConfig(hash);
  expect(repairs).toEqual([]);
  return config;
}

/** Every string anywhere inside a value. */
function stringsIn(value: unknown): string[] {
  if (typeof value === 'string') return [value];
  if (typeof value !== 'object' || value === null) return [];
  return Object.values(value).flatMap(stringsIn);
}

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('encodeConfig', () => {
  it('writes the defaults as the documented hash', () => {
    expect(encodeConfig(DEFAULT_CONFIG)).toBe(DEFAULT_HASH);
  });

  it('writes only URL-safe, human-readable characters', () => {
    const adam = configWith((c) => {
      c.optimizer = { kind: 'adam', learningRate: 1e-3, beta1: 0.9, beta2: 0.999, epsilon: 1e-8 };
      c.gradient.clip = { mode: 'globalNorm', threshold: 1 };
      c.init.scheme = { kind: 'normal', sigma: 0.5 };
    });
    expect(encodeConfig(adam)).toMatch(/^#[A-Za-z0-9=&.,:-]+$/);
    expect(encodeConfig(adam)).toContain(
      '&init=normal:0.5&gain=1&binit=0&seed=1&opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-8&',
    );
    expect(encodeConfig(adam)).toContain('&clip=globalNorm:1&');
  });

  it('writes optimizer parameters only for the optimizers that have them', () => {
    const hashFor = (optimizer: ExperimentConfig['optimizer']) =>
      encodeConfig(configWith((c) => (c.optimizer = optimizer)));
    expect(hashFor({ kind: 'sgd', learningRate: 0.1 })).not.toMatch(
      /&(mom|nesterov|b1|b2|rho|eps)=/,
    );
    expect(
      hashFor({ kind: 'momentum', learningRate: 0.1, momentum: 0.9, nesterov: true }),
    ).toContain('&opt=momentum&lr=0.1&mom=0.9&nesterov=1&l1=');
    expect(
      hashFor({ kind: 'rmsprop', learningRate: 0.01, rho: 0.99, momentum: 0, epsilon: 1e-8 }),
    ).toContain('&opt=rmsprop&lr=0.01&mom=0&rho=0.99&eps=1e-8&l1=');
  });

  it('writes the same string for equal configs whatever their field order', () => {
    const reordered = JSON.parse(
      JSON.stringify(
        DEFAULT_CONFIG,
        Object.keys(DEFAULT_CONFIG)
          .reverse()
          .concat(
            ...Object.values(DEFAULT_CONFIG).flatMap((v) =>
              typeof v === 'object' && v ? Object.keys(v) : [],
            ),
            'kind',
            'mode',
          ),
      ),
    ) as ExperimentConfig;
    expect(encodeConfig(reordered)).toBe(DEFAULT_HASH);
  });
});

describe('formatNumber', () => {
  it.each([
    [1e-8, '1e-8'],
    [0.001, '0.001'],
    [1e21, '1e21'],
    [1e-7, '1e-7'],
    [0.1 + 0.2, '0.30000000000000004'],
    [5e-324, '5e-324'],
    [2 ** 31 - 1, '2147483647'],
    [-0.5, '-0.5'],
  ])('writes %s as %s, which reads back exactly', (x, text) => {
    expect(formatNumber(x)).toBe(text);
    expect(Number(formatNumber(x))).toBe(x);
  });

  it('never writes a plus sign, which form decoders turn into a space', () => {
    expect(formatNumber(1.5e300)).toBe('1.5e300');
  });
});

describe('layers', () => {
  it('uses the width x count shorthand only where it is shorter', () => {
    expect(formatLayers([64, 32, 32, 32, 32, 32, 32, 16])).toBe('64,32x6,16');
    expect(formatLayers([8, 8])).toBe('8,8');
    expect(formatLayers([100, 100])).toBe('100x2');
    expect(formatLayers([1, 2, 1])).toBe('1,2,1');
    expect(formatLayers([])).toBe('none');
  });

  it('reads the shorthand, the long form and mixtures of both', () => {
    const expected = [64, 32, 32, 32, 32, 32, 32, 16];
    expect(cleanDecode('#layers=64,32x6,16').network.hidden).toEqual(expected);
    expect(cleanDecode('#layers=64,32,32,32,32,32,32,16').network.hidden).toEqual(expected);
    expect(cleanDecode('#layers=64, 32*6 ,16').network.hidden).toEqual(expected);
    expect(cleanDecode('#layers=64,32X3,32x3,16').network.hidden).toEqual(expected);
  });

  it('round-trips a network with no hidden layer, written none or left empty', () => {
    const empty = configWith((c) => (c.network.hidden = []));
    expect(encodeConfig(empty)).toContain('&layers=none&');
    expect(cleanDecode(encodeConfig(empty))).toEqual(empty);
    expect(cleanDecode('#layers=').network.hidden).toEqual([]);
  });

  it('keeps the first MAX_HIDDEN_LAYERS of a too-long list without building the rest', () => {
    const start = performance.now();
    const { config, repairs } = decodeConfig('#layers=8x99999999999999999999');
    expect(performance.now() - start).toBeLessThan(100);
    expect(config.network.hidden).toEqual(new Array(LIMITS.MAX_HIDDEN_LAYERS).fill(8));
    expect(keysOf(repairs)).toEqual(['layers']);
    expect(repairReason(repairs[0]!)).toMatch(/^[^:]* above the maximum 64; kept the first 64$/);
  });

  it('clamps too-wide, zero and negative widths, naming the layers key', () => {
    const { config, repairs } = decodeConfig('#layers=1000,0,-4,2.5');
    expect(config.network.hidden).toEqual([LIMITS.MAX_WIDTH, 1, 1, 3]);
    expect(keysOf(repairs)).toEqual(['layers', 'layers', 'layers', 'layers']);
    expect(repairReason(repairs[0]!)).toBe(
      'hidden layer 1 width 1000 is above the maximum 256; set to 256',
    );
  });

  it('skips list entries that are not widths, in one repair', () => {
    const { config, repairs } = decodeConfig('#layers=16,wide,,8x,16');
    expect(config.network.hidden).toEqual([16, 16]);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'layers', reason: '"wide", "", "8x": not a width or width x count; ignored' },
    ]);
  });

  it('keeps the default layers when no entry is a width', () => {
    const { config, repairs } = decodeConfig('#layers=deep,wide');
    expect(config.network.hidden).toEqual(DEFAULT_CONFIG.network.hidden);
    expect(keysOf(repairs)).toEqual(['layers']);
  });

  it('drops the deepest layers of a network over MAX_PARAMETERS, and says so', () => {
    const { config, repairs } = decodeConfig('#layers=256x64');
    expect(parameterCount(config)).toBeLessThanOrEqual(LIMITS.MAX_PARAMETERS);
    expect(keysOf(repairs)).toEqual(['layers']);
    expect(repairReason(repairs[0]!)).toMatch(/^the network has 4,145,921 parameters.*deepest/);
  });
});

describe('decodeConfig on well-formed links', () => {
  it('reads the documented default hash without repairs', () => {
    expect(cleanDecode(DEFAULT_HASH)).toEqual(DEFAULT_CONFIG);
  });

  it.each([
    ['a full URL', `https://example.org/gradscope/index.html?x=1${DEFAULT_HASH}`],
    ['a #hash', DEFAULT_HASH],
    ['a bare query', DEFAULT_HASH.slice(1)],
    ['a hash starting with ?', `#?${DEFAULT_HASH.slice(1)}`],
  ])('accepts %s', (_what, link) => {
    expect(cleanDecode(link)).toEqual(DEFAULT_CONFIG);
  });

  it('gives the defaults, silently, for an empty link or a URL without a hash', () => {
    expect(cleanDecode('')).toEqual(DEFAULT_CONFIG);
    expect(cleanDecode('#')).toEqual(DEFAULT_CONFIG);
    expect(cleanDecode('https://example.org/?act=relu')).toEqual(DEFAULT_CONFIG);
  });

  it('fills missing keys with defaults silently, so a partial link is a lesson', () => {
    expect(cleanDecode('#v=1&act=relu')).toEqual(
      configWith((c) => (c.network.activation = 'relu')),
    );
    expect(cleanDecode('#act=relu')).toEqual(configWith((c) => (c.network.activation = 'relu')));
  });

  it('reads the hand-written forms a teacher would type', () => {
    const config = cleanDecode(
      '#opt=adam&lr=0.001&b1=0.9&b2=0.999&eps=1e-8&clip=globalNorm:1&init=normal:0.5&maxnorm=2',
    );
    expect(config.optimizer).toEqual({
      kind: 'adam',
      learningRate: 0.001,
      beta1: 0.9,
      beta2: 0.999,
      epsilon: 1e-8,
    });
    expect(config.gradient.clip).toEqual({ mode: 'globalNorm', threshold: 1 });
    expect(config.init.scheme).toEqual({ kind: 'normal', sigma: 0.5 });
    expect(config.gradient.maxNorm).toBe(2);
  });

  it('matches names case-insensitively and accepts true/false, on/off for flags', () => {
    const config = cleanDecode(
      '#act=ReLU&opt=ADAM&clip=GLOBALNORM:2&bias=false&res=on&norm=layernorm',
    );
    expect(config.network).toMatchObject({
      activation: 'relu',
      bias: false,
      residual: true,
      normalization: 'layerNorm',
    });
    expect(config.optimizer.kind).toBe('adam');
    expect(config.gradient.clip).toEqual({ mode: 'globalNorm', threshold: 2 });
  });

  it('takes the default parameter when a scheme or clip mode is given without one', () => {
    const config = cleanDecode('#init=orthogonal&clip=value&opt=momentum');
    expect(config.init.scheme).toEqual({ kind: 'orthogonal', gain: 1 });
    expect(config.gradient.clip).toEqual({ mode: 'value', threshold: 1 });
    expect(config.optimizer).toEqual({
      kind: 'momentum',
      learningRate: DEFAULT_CONFIG.optimizer.learningRate,
      momentum: 0.9,
      nesterov: false,
    });
  });

  it('applies optimizer parameters whatever their order in the link', () => {
    expect(cleanDecode('#b1=0.8&lr=0.01&opt=adam').optimizer).toEqual({
      kind: 'adam',
      learningRate: 0.01,
      beta1: 0.8,
      beta2: 0.999,
      epsilon: 1e-8,
    });
  });

  it('percent-decodes keys and values', () => {
    expect(cleanDecode('#a%63t=%72elu&clip=globalNorm%3A1').network.activation).toBe('relu');
  });

  it('ignores the view keys embed, lesson, backend and sweep without a repair, and exposes them', () => {
    expect(cleanDecode('#embed=1&lesson=sigmoid-vanishes&act=sigmoid').network.activation).toBe(
      'sigmoid',
    );
    expect(cleanDecode('#embed').network.activation).toBe('tanh');
    const params = parseHashParams('https://x.org/#embed=1&lesson=a%20b&act=relu');
    expect(params.get('embed')).toBe('1');
    expect(params.get('lesson')).toBe('a b');
    expect(cleanDecode('#sweep=gain,depth&sweepsteps=5&act=relu').network.activation).toBe('relu');
    expect([...KNOWN_VIEW_KEYS].sort()).toEqual([
      'at',
      'backend',
      'embed',
      'lang',
      'lesson',
      'seeds',
      'smooth',
      'sweep',
      'sweepsteps',
      'view',
    ]);
  });
});

describe('decodeConfig on bad keys', () => {
  it('drops unknown keys, naming each one', () => {
    const { config, repairs } = decodeConfig('#act=relu&colour=red&LR=1');
    expect(config.network.activation).toBe('relu');
    expect(withReasons(repairs)).toMatchObject([
      { path: 'colour', reason: 'unknown key "colour" ignored' },
      { path: 'LR', reason: 'unknown key "LR" ignored' },
    ]);
  });

  it('lists at most ten unknown keys and sums up the rest', () => {
    const hash = '#' + Array.from({ length: 500 }, (_, i) => `k${i}=1`).join('&');
    const { config, repairs } = decodeConfig(hash);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toHaveLength(11);
    expect(repairReason(repairs[10]!)).toBe('490 more unknown keys ignored');
  });

  it('uses the last value of a repeated key, with a repair', () => {
    const { config, repairs } = decodeConfig('#lr=0.1&act=relu&lr=0.2');
    expect(config.optimizer.learningRate).toBe(0.2);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'lr', reason: 'given 2 times; the last value is used' },
    ]);
  });

  it('ignores __proto__, constructor and prototype keys without polluting anything', () => {
    const { config, repairs } = decodeConfig(
      '#__proto__=1&__proto__[polluted]=1&constructor=x&constructor.prototype.polluted=1' +
        '&prototype=y&toString=z&hasOwnProperty=1&act=relu',
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(config).toEqual(configWith((c) => (c.network.activation = 'relu')));
    expect(keysOf(repairs)).toEqual([
      '__proto__',
      '__proto__[polluted]',
      'constructor',
      'constructor.prototype.polluted',
      'prototype',
      'toString',
      'hasOwnProperty',
    ]);
    expect(parseHashParams('#__proto__=1').get('__proto__')).toBe('1');
  });

  it('ignores a pair with broken percent-encoding and reads the rest', () => {
    const { config, repairs } = decodeConfig('#act=%E0%A4%A&lr=%zz&n=100');
    expect(config).toEqual(configWith((c) => (c.data.samples = 100)));
    expect(keysOf(repairs)).toEqual(['act', 'lr']);
    expect(repairReason(repairs[0]!)).toBe('"act=%E0%A4%A" has broken percent-encoding; ignored');
  });

  it('rejects links longer than MAX_HASH_CHARS entirely, with one repair', () => {
    const long = '#act=relu&' + 'x'.repeat(LIMITS.MAX_HASH_CHARS);
    const { config, repairs } = decodeConfig(long);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toHaveLength(1);
    expect(repairReason(repairs[0]!)).toContain('above the maximum 4096');
    const justFits = '#act=relu&embed=' + 'x'.repeat(LIMITS.MAX_HASH_CHARS - 15);
    expect(cleanDecode(justFits).network.activation).toBe('relu');
  });

  it('rejects 100 KB of junk quickly, with one repair', () => {
    const junk = '#' + '%&=<script>x,:'.repeat(7200);
    const start = performance.now();
    const { config, repairs } = decodeConfig(junk);
    expect(performance.now() - start).toBeLessThan(50);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toHaveLength(1);
  });

  it('gives the defaults with a repair for a value that is not text', () => {
    const { config, repairs } = decodeConfig(42 as unknown as string);
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toHaveLength(1);
  });
});

describe('decodeConfig on bad values', () => {
  it('clamps out-of-range numbers, naming the link key in the reason', () => {
    const { config, repairs } = decodeConfig('#lr=1e9&noise=-1&steps=0');
    expect(config.optimizer.learningRate).toBe(LIMITS.MAX_LEARNING_RATE);
    expect(config.data.noise).toBe(0);
    expect(config.training.maxSteps).toBe(LIMITS.MIN_STEPS);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'noise', reason: 'noise -1 is below the minimum 0; set to 0' },
      {
        path: 'lr',
        reason: 'learning rate 1000000000 is above the maximum 100; set to 100',
      },
      { path: 'steps', reason: 'max steps 0 is below the minimum 1; set to 1' },
    ]);
  });

  it.each(['NaN', 'Infinity', '-Infinity', '0x10', '1,5', 'abc', ''])(
    'keeps the default for lr=%s, which is not a number, with a repair that names lr once',
    (value) => {
      const { config, repairs } = decodeConfig(`#lr=${value}`);
      expect(config).toEqual(DEFAULT_CONFIG);
      expect(keysOf(repairs)).toEqual(['lr']);
      expect(repairReason(repairs[0]!)).toMatch(/ is not a number; kept the default 0.05$/);
      expect(repairReason(repairs[0]!)).not.toMatch(/^lr:/);
    },
  );

  it('clamps a number beyond a limit to that limit, however far beyond (one rule)', () => {
    const cases: [string, number, RegExp][] = [
      ['#lr=1e999', LIMITS.MAX_LEARNING_RATE, /above the maximum 100; set to 100$/],
      ['#lr=500', LIMITS.MAX_LEARNING_RATE, /above the maximum 100; set to 100$/],
      ['#lr=-5', LIMITS.MIN_LEARNING_RATE, /below the minimum 0.000001; set to 0.000001$/],
      ['#lr=-1e999', LIMITS.MIN_LEARNING_RATE, /below the minimum 0.000001; set to 0.000001$/],
    ];
    for (const [hash, value, reason] of cases) {
      const { config, repairs } = decodeConfig(hash);
      expect(config.optimizer.learningRate).toBe(value);
      expect(repairs).toHaveLength(1);
      expect(repairs[0]!.path).toBe('lr');
      expect(repairReason(repairs[0]!)).toMatch(reason);
    }
  });

  it('names the key of every repair once: in its path, never again in its reason', () => {
    const { repairs } = decodeConfig(
      '#layers=abc&act=foo&lr=banana&lr=2&n=1e12&clip=globalNorm:-1',
    );
    expect(repairs.length).toBeGreaterThan(4);
    for (const r of repairs) expect(repairReason(r).startsWith(`${r.path}:`)).toBe(false);
  });

  it('rounds integers and clamps seeds into [0, MAX_SEED]', () => {
    const { config } = decodeConfig('#n=100.4&dseed=-3&seed=99999999999&batch=7.5');
    expect(config.data.samples).toBe(100);
    expect(config.data.seed).toBe(0);
    expect(config.init.seed).toBe(LIMITS.MAX_SEED);
    expect(config.training.batchSize).toBe(8);
  });

  it('keeps the default for unknown names, listing the valid ones', () => {
    const { config, repairs } = decodeConfig(
      '#act=sigmoidal&data=moons&opt=lion&init=xavier&clip=norm:2&norm=batch',
    );
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(keysOf(repairs)).toEqual(['data', 'act', 'norm', 'init', 'opt', 'clip']);
    expect(repairReason(repairs[1]!)).toBe(
      `unknown activation "sigmoidal"; kept the default tanh (one of ${ACTIVATIONS.join(', ')})`,
    );
  });

  it('keeps the default for flags that are not 0 or 1', () => {
    const { config, repairs } = decodeConfig('#bias=maybe&res=2');
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(keysOf(repairs)).toEqual(['bias', 'res']);
  });

  it('ignores parameters that do not apply, with a repair', () => {
    const { config, repairs } = decodeConfig(
      '#opt=sgd&b1=0.5&nesterov=1&init=heNormal:2&clip=none:3',
    );
    expect(config).toEqual(configWith((c) => (c.init.scheme = { kind: 'heNormal' })));
    expect(repairs.map(repairReason)).toEqual([
      'heNormal takes no parameter; ignored "2"',
      'does not apply to opt=sgd; ignored',
      'does not apply to opt=sgd; ignored',
      'none takes no threshold; ignored "3"',
    ]);
  });

  it('repairs union parameters out of range: betas, epsilon, thresholds, init parameters', () => {
    const { config, repairs } = decodeConfig(
      '#opt=adam&b1=1&b2=-1&eps=0&clip=value:0&init=normal:-2&maxnorm=0',
    );
    expect(config.optimizer).toMatchObject({ beta1: 0.9, beta2: 0, epsilon: LIMITS.MIN_EPSILON });
    expect(config.gradient.clip).toEqual({ mode: 'value', threshold: LIMITS.MIN_CLIP_THRESHOLD });
    expect(config.init.scheme).toEqual({ kind: 'normal', sigma: 0 });
    expect(config.gradient.maxNorm).toBe(LIMITS.MIN_MAX_NORM);
    expect(keysOf(repairs).sort()).toEqual(['b1', 'b2', 'clip', 'eps', 'init', 'maxnorm']);
  });

  it('shrinks a batch larger than the training set', () => {
    const { config, repairs } = decodeConfig('#n=20&batch=64');
    expect(config.training.batchSize).toBe(16);
    expect(withReasons(repairs)).toMatchObject([
      {
        path: 'batch',
        reason: 'batch size 64 is larger than the 16 training samples; set to 16',
      },
    ]);
  });

  it('reads an unknown version best-effort, with a repair', () => {
    for (const v of ['2', '0', 'abc', '']) {
      const { config, repairs } = decodeConfig(`#v=${v}&act=relu`);
      expect(config).toEqual(configWith((c) => (c.network.activation = 'relu')));
      expect(keysOf(repairs)).toEqual(['v']);
      expect(repairReason(repairs[0]!)).toContain('is not known; read as version 1');
    }
  });

  it('keeps HTML and script text out of every string in the config, and quotes it short', () => {
    const attack =
      '#act=<script>alert(1)</script>&data=%3Cimg%20src%3Dx%20onerror%3Dalert(1)%3E' +
      '&init=<b>normal</b>:1&opt="><svg/onload=alert(1)>&clip=javascript:alert(1)' +
      `&layers=<iframe>&${'<script>'.repeat(20)}=1`;
    const { config, repairs } = decodeConfig(attack);
    expect(isValidConfig(config)).toBe(true);
    expect(config).toEqual(DEFAULT_CONFIG);
    const names: readonly string[] = [
      ...DATASET_KINDS,
      ...ACTIVATIONS,
      ...NORMALIZATIONS,
      ...INIT_KINDS,
      ...OPTIMIZER_KINDS,
      ...CLIP_MODES,
      ...MODEL_KINDS,
    ];
    for (const text of stringsIn(config)) expect(names).toContain(text);
    for (const reason of repairs.map(repairReason)) {
      expect(reason.length).toBeLessThan(300);
      expect(reason).not.toContain('<script>'.repeat(6)); // untrusted text is quoted short
    }
  });

  it('repairs truncated links', () => {
    const full = encodeConfig(
      configWith((c) => {
        c.optimizer = {
          kind: 'adam',
          learningRate: 0.001,
          beta1: 0.9,
          beta2: 0.999,
          epsilon: 1e-8,
        };
        c.gradient.clip = { mode: 'globalNorm', threshold: 1 };
      }),
    );
    for (let end = 0; end <= full.length; end++) {
      const { config } = decodeConfig(full.slice(0, end));
      expect(isValidConfig(config)).toBe(true);
    }
    const { config, repairs } = decodeConfig('#v=1&act=re');
    expect(config.network.activation).toBe('tanh');
    expect(keysOf(repairs)).toEqual(['act']);
    expect(decodeConfig('#opt=adam&lr=0.00').config.optimizer.learningRate).toBe(
      LIMITS.MIN_LEARNING_RATE,
    );
  });
});

describe('LINK_KEYS', () => {
  it('documents every key encodeConfig can write, in writing order, each once', () => {
    const keys = LINK_KEYS.map((k) => k.key);
    expect(new Set(keys).size).toBe(keys.length);
    const written = new Set<string>();
    const models = [DEFAULT_CONFIG.model, decodeConfig('#model=rnn').config.model];
    for (const [optimizer, model] of OPTIMIZER_KINDS.flatMap((o) =>
      models.map((m) => [o, m] as const),
    )) {
      const hash = encodeConfig(
        configWith((c) => {
          c.optimizer = decodeConfig(`#opt=${optimizer}`).config.optimizer;
          c.model = model;
        }),
      );
      const order = hash
        .slice(1)
        .split('&')
        .map((pair) => pair.split('=')[0]!);
      expect(order).toEqual(keys.filter((k) => order.includes(k)));
      order.forEach((k) => written.add(k));
    }
    expect([...written].sort()).toEqual([...keys].sort());
    for (const { description } of LINK_KEYS) expect(description.length).toBeGreaterThan(5);
  });

  it('names every valid choice of the enum keys', () => {
    const description = (key: string) => LINK_KEYS.find((k) => k.key === key)!.description;
    const choices: Array<[string, readonly string[]]> = [
      ['data', DATASET_KINDS],
      ['act', ACTIVATIONS],
      ['norm', NORMALIZATIONS],
      ['init', INIT_KINDS],
      ['opt', OPTIMIZER_KINDS],
      ['clip', CLIP_MODES],
    ];
    for (const [key, options] of choices) {
      for (const option of options) expect(description(key)).toContain(option);
    }
  });
});

describe('the per-tensor clip mode in links', () => {
  it('is written clip=tensorNorm:c, and reads back to the same mode', () => {
    const { config, repairs } = decodeConfig('#clip=tensorNorm:2');
    expect(repairs).toEqual([]);
    expect(config.gradient.clip).toEqual({ mode: 'tensorNorm', threshold: 2 });
    expect(encodeConfig(config)).toContain('clip=tensorNorm:2');
    expect(encodeConfig(config)).not.toContain('clip=layerNorm');
  });

  it('still opens older links that spell it clip=layerNorm:c, with no repair', () => {
    const { config, repairs } = decodeConfig('#clip=layerNorm:2');
    expect(repairs).toEqual([]);
    expect(config.gradient.clip).toEqual({ mode: 'tensorNorm', threshold: 2 });
    // and the link it is rewritten to spells the mode the new way
    expect(encodeConfig(config)).toContain('clip=tensorNorm:2');
    expect(encodeConfig(config)).not.toContain('layerNorm');
  });

  it('reads the old spelling in any case and in a variant, with no repair', () => {
    const { config, repairs } = decodeConfig('#clip=LAYERNORM:0.5');
    expect(repairs).toEqual([]);
    expect(config.gradient.clip).toEqual({ mode: 'tensorNorm', threshold: 0.5 });
  });

  it('names the link spellings when a clip mode is unknown', () => {
    const { repairs } = decodeConfig('#clip=sideways:1');
    expect(repairReason(repairs[0]!)).toContain(
      '(one of none, value, tensorNorm, globalNorm, auto)',
    );
  });
});

describe('AutoClip in links (clip=auto:p)', () => {
  it('reads clip=auto:p and writes it back the same way', () => {
    const { config, repairs } = decodeConfig('#clip=auto:25');
    expect(repairs).toEqual([]);
    expect(config.gradient.clip).toEqual({ mode: 'auto', percentile: 25 });
    expect(encodeConfig(config)).toContain('clip=auto:25');
    expect(decodeConfig(encodeConfig(config)).config).toEqual(config);
  });

  it('takes the percentile 10 (the paper’s choice) when the link names none', () => {
    const { config, repairs } = decodeConfig('#clip=auto');
    expect(repairs).toEqual([]);
    expect(config.gradient.clip).toEqual({ mode: 'auto', percentile: 10 });
  });

  it('accepts the ends of (0, 100]: a tiny p and p = 100', () => {
    expect(decodeConfig('#clip=auto:0.001').config.gradient.clip).toEqual({
      mode: 'auto',
      percentile: 0.001,
    });
    expect(decodeConfig('#clip=auto:100').repairs).toEqual([]);
  });

  it.each([
    ['auto:0', 'must be above 0', 10],
    ['auto:-5', 'must be above 0', 10],
    ['auto:150', 'above the maximum 100', 100],
    ['auto:1e999', 'above the maximum 100', 100],
    ['auto:abc', 'not a number', 10],
    ['auto:NaN', 'not a number', 10],
  ])('repairs clip=%s with a notice naming the clip key once', (value, reason, percentile) => {
    const { config, repairs } = decodeConfig(`#clip=${value}`);
    expect(config.gradient.clip).toEqual({ mode: 'auto', percentile });
    expect(keysOf(repairs)).toEqual(['clip']);
    expect(repairReason(repairs[0]!)).toContain(reason);
    // the repaired link opens with no repair
    expect(decodeConfig(encodeConfig(config)).repairs).toEqual([]);
  });

  it('keeps a variant’s AutoClip apart from the base', () => {
    const { base, variants, repairs } = decodeExperimentLink('#clip=globalNorm:1&b.clip=auto:5');
    expect(repairs).toEqual([]);
    expect(base.gradient.clip).toEqual({ mode: 'globalNorm', threshold: 1 });
    expect(resolveVariant(base, variants[0]!).config.gradient.clip).toEqual({
      mode: 'auto',
      percentile: 5,
    });
  });
});
