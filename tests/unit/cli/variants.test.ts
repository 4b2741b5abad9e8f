/**
 * The --variant flag without running anything: how it is parsed, and which runs it picks from
 * a link's experiment.
 */
import { describe, expect, it } from 'vitest';
import { UsageError, parseSimulateArgs } from '../../../src/cli/args';
import { planRuns } from '../../../src/cli/planRuns';
import { decodeExperimentLink, resolveVariant } from '../../../src/config/variants';

describe('parseSimulateArgs --variant', () => {
  it('defaults to the base, a', () => {
    expect(parseSimulateArgs([]).variant).toBe('a');
  });

  it.each(['a', 'b', 'c', 'd', 'all'])('accepts --variant %s in both spellings', (letter) => {
    expect(parseSimulateArgs(['--variant', letter]).variant).toBe(letter);
    expect(parseSimulateArgs([`--variant=${letter}`]).variant).toBe(letter);
  });

  it.each(['e', 'B', 'ALL', '', 'b,c'])('refuses --variant %j, naming the choices', (text) => {
    expect(() => parseSimulateArgs(['--variant', text])).toThrow(
      new UsageError(`--variant must be a, b, c, d, all, got "${text}"`),
    );
  });
});

describe('planRuns', () => {
  const experiment = decodeExperimentLink('#lr=0.1&d.lr=0.3&b.clip=globalNorm:1');

  it('picks the base for a, with its config', () => {
    expect(planRuns(experiment, 'a')).toEqual([{ letter: 'a', config: experiment.base }]);
  });

  it("picks one variant by letter, with the base's config and its overrides", () => {
    const [run] = planRuns(experiment, 'd');
    expect(run!.letter).toBe('d');
    expect(run!.config.optimizer.learningRate).toBe(0.3);
    expect(run!.config).toEqual(resolveVariant(experiment.base, experiment.variants[1]!).config);
  });

  it('picks every run for all, A first and the variants in letter order', () => {
    expect(planRuns(experiment, 'all').map((run) => run.letter)).toEqual(['a', 'b', 'd']);
  });

  it('refuses a letter the link does not define, saying which it defines', () => {
    expect(() => planRuns(experiment, 'c')).toThrow(
      new UsageError('--variant c: the link defines no variant c (its variants: b, d)'),
    );
    const plain = decodeExperimentLink('#lr=0.1');
    expect(() => planRuns(plain, 'b')).toThrow(
      new UsageError('--variant b: the link defines no variant b (its variants: none)'),
    );
  });
});
