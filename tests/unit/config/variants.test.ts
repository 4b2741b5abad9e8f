/**
 * Variants B, C, D in the share link: written as the base's keys prefixed by their letter, read
 * back exactly and canonically, following the base where they set nothing, and read from a
 * hostile link without throwing, polluting anything or reporting a pair twice.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { LINK_KEYS, decodeConfig, encodeConfig, formatNumber } from '../../../src/config/codec';
import {
  ACTIVATIONS,
  CLIP_MODES,
  DATASET_KINDS,
  DEFAULT_CONFIG,
  LIMITS,
  NORMALIZATIONS,
  OPTIMIZER_KINDS,
  type ExperimentConfig,
} from '../../../src/config/schema';
import { isValidConfig, type Repair } from '../../../src/config/validate';
import {
  MAX_VARIANTS,
  VARIANT_LETTERS,
  decodeExperimentLink,
  describeVariantDifference,
  describeVariantInWords,
  encodeExperimentLink,
  resolveVariant,
  variantOverridesFrom,
  type VariantLetter,
  type VariantSpec,
} from '../../../src/config/variants';
import { repairReason } from '../../../src/config/repairReason';
import { withReasons } from '../../support/withReasons';

const PROTOTYPE_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

/** Link keys a variant may set: all but the link version. */
const VARIANT_KEYS = LINK_KEYS.map((k) => k.key).filter((k) => k !== 'v');

function pathsOf(repairs: Repair[]): string[] {
  return repairs.map((r) => r.path);
}

function spec(letter: VariantLetter, overrides: Record<string, string>): VariantSpec {
  return { letter, overrides };
}

/** A link's config, expecting no repairs. */
function configOf(hash: string): ExperimentConfig {
  const { config, repairs } = decodeConfig(hash);
  expect(repairs).toEqual([]);
  return config;
}

/** Plain copies of the specs, so equality does not hinge on their records' prototype. */
function plain(variants: VariantSpec[]): Array<{ letter: string; overrides: object }> {
  return variants.map(({ letter, overrides }) => ({ letter, overrides: { ...overrides } }));
}

/** Values a hand-written or mangled link gives a key: good, bad, out of range, other kinds. */
const NUMBER_TOKENS = [
  '0',
  '1',
  '-1',
  '0.5',
  '2',
  '20',
  '64',
  '400',
  '1e-3',
  '1e9',
  '1e999',
  'abc',
];
const VALUE_TOKENS: readonly string[] = [
  ...NUMBER_TOKENS,
  ...DATASET_KINDS,
  ...ACTIVATIONS,
  ...NORMALIZATIONS,
  ...OPTIMIZER_KINDS,
  ...CLIP_MODES.map((mode) => `${mode}:0.5`),
  'zeros',
  'normal:0.5',
  'uniform:0.2',
  'heNormal',
  'heUniform',
  'lecunNormal',
  'orthogonal:2',
  'constant:0.1',
  'none',
  'off',
  '8x3',
  '16,8',
  '256x40',
];

const valueArb = fc.oneof(
  fc.constantFrom(...VALUE_TOKENS),
  fc.double({ min: -10, max: 2000, noNaN: true }).map(formatNumber),
);
const pairArb = fc.tuple(fc.constantFrom(...VARIANT_KEYS), valueArb);

/** Any valid config: a random partial link, repaired by the codec. */
const configArb: fc.Arbitrary<ExperimentConfig> = fc
  .array(pairArb, { maxLength: 14 })
  .map((pairs) => decodeConfig('#' + pairs.map(([k, v]) => `${k}=${v}`).join('&')).config);

/** Hand-made overrides, valid or not. */
const overridesArb = fc
  .array(pairArb, { maxLength: 6 })
  .map((pairs) => Object.fromEntries(pairs) as Record<string, string>);

/** Up to three variants with distinct letters, in any order. */
const specsArb: fc.Arbitrary<VariantSpec[]> = fc
  .shuffledSubarray([...VARIANT_LETTERS])
  .chain((letters) =>
    fc.tuple(...letters.map((letter) => overridesArb.map((overrides) => spec(letter, overrides)))),
  );

describe('the experiment link round trip (property)', () => {
  it('variantOverridesFrom gives overrides that resolve to exactly that config, without repairs', () => {
    fc.assert(
      fc.property(configArb, configArb, (base, other) => {
        const resolved = resolveVariant(base, spec('b', variantOverridesFrom(base, other)));
        expect(resolved.repairs).toEqual([]);
        expect(resolved.config).toEqual(other);
      }),
      { numRuns: 500 },
    );
  });

  it('decode(encode(base, variants)) gives the base and the variants back, without repairs', () => {
    const experimentArb = fc.tuple(configArb, fc.array(configArb, { maxLength: MAX_VARIANTS }));
    fc.assert(
      fc.property(experimentArb, ([base, others]) => {
        const variants = others.map((other, i) =>
          spec(VARIANT_LETTERS[i]!, variantOverridesFrom(base, other)),
        );
        const decoded = decodeExperimentLink(encodeExperimentLink(base, variants));
        expect(decoded.repairs).toEqual([]);
        expect(decoded.base).toEqual(base);
        expect(plain(decoded.variants)).toEqual(plain(variants));
        decoded.variants.forEach((v, i) => {
          expect(resolveVariant(base, v).config).toEqual(others[i]);
        });
      }),
      { numRuns: 300 },
    );
  });

  it('encoding is canonical for any overrides: encode(decode(link)) === link, variants in letter order', () => {
    fc.assert(
      fc.property(configArb, specsArb, (base, variants) => {
        const link = encodeExperimentLink(base, variants);
        const decoded = decodeExperimentLink(link);
        expect(decoded.base).toEqual(base);
        expect(decoded.variants.map((v) => v.letter)).toEqual(
          VARIANT_LETTERS.filter((letter) => variants.some((v) => v.letter === letter)),
        );
        expect(encodeExperimentLink(decoded.base, decoded.variants)).toBe(link);
        // Each variant is the one that was encoded, made canonical.
        for (const v of decoded.variants) {
          const original = variants.find((o) => o.letter === v.letter)!;
          expect(resolveVariant(base, v).config).toEqual(resolveVariant(base, original).config);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('decodeExperimentLink on well-formed links', () => {
  it('reads the documented example into a base and two variants that override clip', () => {
    const { base, variants, repairs } = decodeExperimentLink(
      '#layers=32x12&act=relu&init=normal:1&b.clip=globalNorm:1&c.clip=value:0.1',
    );
    expect(repairs).toEqual([]);
    expect(base).toEqual(configOf('#layers=32x12&act=relu&init=normal:1'));
    expect(plain(variants)).toEqual([
      { letter: 'b', overrides: { clip: 'globalNorm:1' } },
      { letter: 'c', overrides: { clip: 'value:0.1' } },
    ]);
    expect(resolveVariant(base, variants[0]!).config).toEqual(
      configOf('#layers=32x12&act=relu&init=normal:1&clip=globalNorm:1'),
    );
  });

  it('gives variants in letter order b, c, d whatever their order in the link', () => {
    const { variants } = decodeExperimentLink('#d.lr=0.3&b.lr=0.1&act=relu&c.lr=0.2');
    expect(plain(variants)).toEqual([
      { letter: 'b', overrides: { lr: '0.1' } },
      { letter: 'c', overrides: { lr: '0.2' } },
      { letter: 'd', overrides: { lr: '0.3' } },
    ]);
  });

  it('stores overrides as canonical link text, e.g. ReLU as relu and 0.10 as 0.1', () => {
    const { variants, repairs } = decodeExperimentLink('#b.act=ReLU&b.lr=0.10&b.clip=GLOBALNORM');
    expect(repairs).toEqual([]);
    expect(plain(variants)[0]!.overrides).toEqual({
      act: 'relu',
      lr: '0.1',
      clip: 'globalNorm:1',
    });
  });

  it('keeps an override equal to the base, and a bare letter as a variant with no overrides', () => {
    const { variants, repairs } = decodeExperimentLink('#lr=0.1&b.lr=0.1&c');
    expect(repairs).toEqual([]);
    expect(plain(variants)).toEqual([
      { letter: 'b', overrides: { lr: '0.1' } },
      { letter: 'c', overrides: {} },
    ]);
  });

  it('reads a link without variants exactly as decodeConfig does', () => {
    const link = '#act=relu&lr=1e9&colour=red';
    const { base, variants, repairs } = decodeExperimentLink(link);
    expect(variants).toEqual([]);
    expect({ config: base, repairs }).toEqual(decodeConfig(link));
  });

  it('reads view keys (embed, lesson, backend) as the base does: ignored silently', () => {
    const { variants, repairs } = decodeExperimentLink('#embed=1&lesson=x&backend=cpu&b.lr=0.1');
    expect(repairs).toEqual([]);
    expect(variants).toHaveLength(1);
  });
});

describe('decodeExperimentLink on hostile variant keys', () => {
  it('drops keys of unknown letters (e., z., a., B.) with one notice each; decodeConfig stays quiet', () => {
    const link = '#e.lr=0.1&z.clip=value:1&a.lr=1&B.lr=1&z.clip=none';
    expect(decodeConfig(link).repairs).toEqual([]);
    const { variants, repairs } = decodeExperimentLink(link);
    expect(variants).toEqual([]);
    expect(pathsOf(repairs)).toEqual(['e.lr', 'z.clip', 'a.lr', 'B.lr']);
    expect(repairReason(repairs[0]!)).toBe(
      'there is no variant "e" (variants are b, c, d; the base A takes plain keys); ignored',
    );
  });

  it('reports a longer prefix (bb.lr) once, as an unknown key of the base', () => {
    const { variants, repairs } = decodeExperimentLink('#bb.lr=0.1');
    expect(variants).toEqual([]);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'bb.lr', reason: 'unknown key "bb.lr" ignored' },
    ]);
  });

  it('ignores an unknown key after a valid letter with a notice, and the variant still exists', () => {
    const { variants, repairs } = decodeExperimentLink('#b.bogus=1&b.embed=1&b.v=1');
    expect(plain(variants)).toEqual([{ letter: 'b', overrides: {} }]);
    expect(pathsOf(repairs)).toEqual(['b.bogus', 'b.embed', 'b.v']);
    expect(repairReason(repairs[0]!)).toBe(
      '"bogus" is not a setting a variant can change; ignored',
    );
  });

  it('repairs an invalid value, stores the repaired value and names it with the letter', () => {
    const { variants, repairs } = decodeExperimentLink('#b.lr=1e9&c.act=sigmoidal&d.lr=abc');
    expect(plain(variants)).toEqual([
      { letter: 'b', overrides: { lr: String(LIMITS.MAX_LEARNING_RATE) } },
      { letter: 'c', overrides: { act: 'tanh' } },
      { letter: 'd', overrides: { lr: '0.05' } },
    ]);
    expect(withReasons(repairs)).toMatchObject([
      {
        path: 'b.lr',
        reason: 'learning rate 1000000000 is above the maximum 100; set to 100',
      },
      {
        path: 'c.act',
        reason: `unknown activation "sigmoidal"; kept the default tanh (one of ${ACTIVATIONS.join(', ')})`,
      },
      { path: 'd.lr', reason: '"abc" is not a number; kept the default 0.05' },
    ]);
  });

  it('drops an override that does not apply to the variant, with a notice; the variant stays', () => {
    const { variants, repairs } = decodeExperimentLink('#opt=sgd&b.mom=0.5');
    expect(plain(variants)).toEqual([{ letter: 'b', overrides: {} }]);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'b.mom', reason: 'does not apply to opt=sgd; ignored' },
    ]);
  });

  it('uses the last value of a repeated variant key, with one notice', () => {
    const { variants, repairs } = decodeExperimentLink('#b.lr=0.1&c.lr=0.3&b.lr=0.2&b.lr=0.4');
    expect(plain(variants)[0]!.overrides).toEqual({ lr: '0.4' });
    expect(withReasons(repairs)).toMatchObject([
      { path: 'b.lr', reason: 'given 3 times; the last value is used' },
    ]);
  });

  it('notes a value on a bare letter once, and keeps the variant', () => {
    const { variants, repairs } = decodeExperimentLink('#c=yes&c=no');
    expect(plain(variants)).toEqual([{ letter: 'c', overrides: {} }]);
    expect(withReasons(repairs)).toMatchObject([
      { path: 'c', reason: 'a variant letter on its own takes no value; ignored "yes"' },
    ]);
  });

  it('ignores __proto__, constructor and prototype keys behind any prefix without polluting anything', () => {
    const { variants, repairs } = decodeExperimentLink(
      '#b.__proto__=1&b.constructor=x&b.__proto__.polluted=1&c.prototype=1&c.toString=1' +
        '&d.hasOwnProperty=1&__proto__.lr=1&constructor.lr=2&b.lr=0.1',
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    const overrides = variants.map((v) => v.overrides);
    for (const record of overrides) expect(Object.getPrototypeOf(record)).toBeNull();
    expect(overrides.map((o) => Object.keys(o))).toEqual([['lr'], [], []]);
    expect(pathsOf(repairs)).toEqual([
      '__proto__.lr',
      'constructor.lr',
      'b.__proto__',
      'b.constructor',
      'b.__proto__.polluted',
      'c.prototype',
      'c.toString',
      'd.hasOwnProperty',
    ]);
  });

  it('quotes a huge or scripted value back short', () => {
    const { variants, repairs } = decodeExperimentLink(
      `#b.lr=${'9'.repeat(3000)}&c.act=<script>${'x'.repeat(500)}</script>`,
    );
    expect(plain(variants).map((v) => v.overrides)).toEqual([{ lr: '100' }, { act: 'tanh' }]);
    expect(repairs).toHaveLength(2);
    for (const reason of repairs.map(repairReason)) expect(reason.length).toBeLessThan(300);
  });

  it('reads a percent-encoded & or = inside a value as part of the value, not as a new key', () => {
    const { base, variants } = decodeExperimentLink('#b.act=relu%26lr%3D5&c.lr=0.2%26b.lr%3D9');
    expect(base).toEqual(DEFAULT_CONFIG);
    expect(plain(variants)).toEqual([
      { letter: 'b', overrides: { act: 'tanh' } },
      { letter: 'c', overrides: { lr: '0.05' } },
    ]);
  });

  it('lists at most ten unusable variant keys and sums up the rest, quickly', () => {
    const link = '#' + Array.from({ length: 400 }, (_, i) => `e.k${i}=1`).join('&');
    const start = performance.now();
    const { variants, repairs } = decodeExperimentLink(link);
    expect(performance.now() - start).toBeLessThan(100);
    expect(variants).toEqual([]);
    expect(repairs).toHaveLength(11);
    expect(repairReason(repairs[10]!)).toBe('390 more variant keys ignored');
  });

  it('reads no variants from a link refused as too long, with one repair', () => {
    const link = '#b.lr=0.1&' + 'x'.repeat(LIMITS.MAX_HASH_CHARS);
    const { base, variants, repairs } = decodeExperimentLink(link);
    expect(base).toEqual(DEFAULT_CONFIG);
    expect(variants).toEqual([]);
    expect(repairs).toHaveLength(1);
  });

  it('never throws on link soup with variant prefixes, and what it reads re-encodes soundly', () => {
    const token = fc.oneof(
      fc.constantFrom(...VARIANT_KEYS, 'v', 'embed', '__proto__', 'constructor'),
      fc.constantFrom('b.', 'c.', 'd.', 'e.', 'a.', 'B.', 'bb.', 'b', 'c', '.', '..'),
      fc.constantFrom('=', '&', '&&', '%', '%2', '%26', '%3D', '#', ',', ':', 'x', '-'),
      fc.constantFrom(...VALUE_TOKENS),
    );
    const soup = fc.array(token, { maxLength: 60 }).map((parts) => parts.join(''));
    fc.assert(
      fc.property(soup, (link) => {
        const decoded = decodeExperimentLink(link);
        expect(isValidConfig(decoded.base)).toBe(true);
        for (const v of decoded.variants) {
          expect(isValidConfig(resolveVariant(decoded.base, v).config)).toBe(true);
        }
        const again = decodeExperimentLink(encodeExperimentLink(decoded.base, decoded.variants));
        expect(again.base).toEqual(decoded.base);
        expect(plain(again.variants)).toEqual(plain(decoded.variants));
      }),
      { numRuns: 1000 },
    );
    expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTOTYPE_KEYS);
  });
});

describe('resolveVariant', () => {
  it('follows the base for every key the variant does not set, also after the base changes', () => {
    const variant = spec('b', { clip: 'globalNorm:1' });
    const before = configOf('#lr=0.1&act=relu');
    const after = configOf('#lr=0.3&act=relu');
    expect(resolveVariant(before, variant).config).toEqual(
      configOf('#lr=0.1&act=relu&clip=globalNorm:1'),
    );
    expect(resolveVariant(after, variant).config).toEqual(
      configOf('#lr=0.3&act=relu&clip=globalNorm:1'),
    );
  });

  it('keeps its own value for a key it sets when the base changes that key', () => {
    const variant = spec('c', { lr: '0.01' });
    expect(resolveVariant(configOf('#lr=0.3'), variant).config.optimizer.learningRate).toBe(0.01);
  });

  it("leaves out the base's optimizer parameters that do not apply to the variant's optimizer", () => {
    const base = configOf('#opt=adam&b1=0.8&lr=0.01');
    const { config, repairs } = resolveVariant(base, spec('b', { opt: 'sgd' }));
    expect(repairs).toEqual([]);
    expect(config.optimizer).toEqual({ kind: 'sgd', learningRate: 0.01 });
  });

  it("carries the base's parameters that the variant's optimizer shares (momentum into rmsprop)", () => {
    const base = configOf('#opt=momentum&mom=0.5');
    const { config, repairs } = resolveVariant(base, spec('b', { opt: 'rmsprop' }));
    expect(repairs).toEqual([]);
    expect(config.optimizer).toMatchObject({ kind: 'rmsprop', momentum: 0.5 });
  });

  it('applies the cross-field rules to the variant, naming the repair with its letter', () => {
    const { config, repairs } = resolveVariant(DEFAULT_CONFIG, spec('d', { n: '20' }));
    expect(config.training.batchSize).toBe(16);
    expect(withReasons(repairs)).toMatchObject([
      {
        path: 'd.batch',
        reason: 'batch size 64 is larger than the 16 training samples; set to 16',
      },
    ]);
  });

  it('names value repairs with the letter: path b.lr, reason "b.lr: ..."', () => {
    const { repairs } = resolveVariant(DEFAULT_CONFIG, spec('b', { lr: 'fast' }));
    expect(withReasons(repairs)).toMatchObject([
      { path: 'b.lr', reason: '"fast" is not a number; kept the default 0.05' },
    ]);
  });

  it('ignores keys a variant cannot set (v, view keys, prototype names) in a hand-made spec', () => {
    const overrides = JSON.parse('{"v":"2","embed":"1","__proto__":{"lr":"9"},"toString":"x"}');
    const { config, repairs } = resolveVariant(DEFAULT_CONFIG, spec('b', overrides));
    expect(config).toEqual(DEFAULT_CONFIG);
    expect(repairs).toEqual([]);
  });
});

describe('encodeExperimentLink', () => {
  it('writes the base link, then each variant in letter order with its keys in link order', () => {
    const base = configOf('#act=relu');
    const link = encodeExperimentLink(base, [
      spec('c', { clip: 'value:0.1' }),
      spec('b', { clip: 'globalNorm:1', lr: '0.1' }),
    ]);
    expect(link).toBe(`${encodeConfig(base)}&b.lr=0.1&b.clip=globalNorm:1&c.clip=value:0.1`);
  });

  it('writes an override equal to the base, and a variant with no overrides as its bare letter', () => {
    const link = encodeExperimentLink(DEFAULT_CONFIG, [spec('b', { lr: '0.05' }), spec('d', {})]);
    expect(link).toBe(`${encodeConfig(DEFAULT_CONFIG)}&b.lr=0.05&d`);
  });

  it('writes overrides as they resolve: repaired values, canonical names, none that do not apply', () => {
    const link = encodeExperimentLink(DEFAULT_CONFIG, [
      spec('b', { lr: '1e9', act: 'ReLU', mom: '0.5' }),
    ]);
    expect(link).toBe(`${encodeConfig(DEFAULT_CONFIG)}&b.act=relu&b.lr=100`);
  });

  it('writes only URL-safe characters', () => {
    const link = encodeExperimentLink(DEFAULT_CONFIG, [
      spec('b', { layers: '64,32x6,16', init: 'normal:0.5', clip: 'globalNorm:1' }),
    ]);
    expect(link).toMatch(/^#[A-Za-z0-9=&.,:-]+$/);
  });
});

describe('variantOverridesFrom', () => {
  it('gives only the keys whose canonical value differs (a "compare with clipping" variant)', () => {
    const base = configOf('#layers=32x12&act=relu');
    const clipped = configOf('#layers=32x12&act=relu&clip=globalNorm:1');
    expect({ ...variantOverridesFrom(base, clipped) }).toEqual({ clip: 'globalNorm:1' });
    expect({ ...variantOverridesFrom(base, base) }).toEqual({});
  });

  it("names the new optimizer's parameters the base does not have", () => {
    const adam = configOf('#opt=adam&b1=0.8');
    expect({ ...variantOverridesFrom(DEFAULT_CONFIG, adam) }).toEqual({
      opt: 'adam',
      b1: '0.8',
      b2: '0.999',
      eps: '1e-8',
    });
  });
});

describe('describeVariantDifference and describeVariantInWords', () => {
  it('lists the overrides that differ from the base, in link-key order', () => {
    const base = configOf('#act=relu');
    const b = spec('b', { clip: 'globalNorm:1', lr: '0.1' });
    expect(describeVariantDifference(base, b)).toEqual([
      { key: 'lr', value: '0.1' },
      { key: 'clip', value: 'globalNorm:1' },
    ]);
    expect(describeVariantInWords(base, b)).toBe('lr 0.1, clip globalNorm:1');
  });

  it('says "same as A" for a control and for overrides equal to the base, however written', () => {
    const base = configOf('#act=relu&lr=0.1');
    expect(describeVariantInWords(base, spec('b', {}))).toBe('same as A');
    expect(describeVariantInWords(base, spec('c', { act: 'ReLU', lr: '0.10' }))).toBe('same as A');
    expect(describeVariantDifference(base, spec('c', { act: 'ReLU', lr: '0.5' }))).toEqual([
      { key: 'lr', value: '0.5' },
    ]);
  });

  it('words a repaired override as the value the variant runs with', () => {
    expect(describeVariantInWords(DEFAULT_CONFIG, spec('b', { lr: '1e9' }))).toBe('lr 100');
  });
});
