import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../../src/config/codec';
import {
  LESSONS,
  lessonById,
  type Lesson,
  type LessonExpectation,
} from '../../../src/config/lessons';
import { setupCpuBackend } from '../../support/tfCpu';
import { checkExpectation, lessonConfig, runLesson, stepsFor } from './support';

setupCpuBackend();

function lesson(id: string): Lesson {
  const found = lessonById(id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

describe('the lessons catalogue', () => {
  it('has at least seven lessons with unique ids and titles, found by lessonById', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(7);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(new Set(LESSONS.map((l) => l.title)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(lessonById(l.id)).toBe(l);
    expect(lessonById('no-such-lesson')).toBeUndefined();
  });

  it('covers explode, vanish, stable, diverge and rescue, including every classic remedy', () => {
    const kinds = LESSONS.map((l) => l.expectation.kind);
    expect(kinds.filter((k) => k === 'explodes').length).toBeGreaterThanOrEqual(1);
    expect(kinds.filter((k) => k === 'vanishes').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'stable').length).toBeGreaterThanOrEqual(2);
    expect(kinds.filter((k) => k === 'diverges').length).toBeGreaterThanOrEqual(1);
    const configs = LESSONS.map(lessonConfig);
    expect(configs.some((c) => c.gradient.clip.mode === 'globalNorm')).toBe(true);
    expect(configs.some((c) => c.gradient.scale !== 1)).toBe(true);
    expect(configs.some((c) => c.gradient.maxNorm !== null)).toBe(true);
    expect(configs.some((c) => c.gradient.pruneBelow > 0)).toBe(true);
    expect(configs.some((c) => c.regularization.l2 > 0)).toBe(true);
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: its link is short, hand-readable and valid as written (no repairs)',
    (_id, l) => {
      expect(l.link).toMatch(/^#[a-z0-9]+=[^&]+(&[a-z0-9]+=[^&]+)*$/);
      expect(l.link.length).toBeLessThan(120);
      expect(decodeConfig(l.link).repairs).toEqual([]);
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: has a title, a one-sentence summary, what to watch and what to try next',
    (_id, l) => {
      for (const text of [l.title, l.summary, l.watch, l.tryNext]) expect(text.trim()).not.toBe('');
      expect(l.summary).toMatch(/\.$/);
      // One sentence: no full stop followed by a new capitalised sentence.
      expect(l.summary).not.toMatch(/[.!?] +[A-Z]/);
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: is small enough to check quickly (width <= 32, depth <= 30, <= 300 steps)',
    (_id, l) => {
      const config = lessonConfig(l);
      expect(Math.max(...config.network.hidden)).toBeLessThanOrEqual(32);
      expect(config.network.hidden.length).toBeLessThanOrEqual(30);
      expect(stepsFor(l.expectation)).toBeLessThanOrEqual(300);
    },
  );

  it('the remedy lessons are the diverging lesson plus one remedy', () => {
    const diverging = lesson('lr-too-large').link;
    for (const id of ['clip-global-norm', 'gradient-scaling', 'max-norm', 'l2-and-pruning']) {
      expect(lesson(id).link.startsWith(`${diverging}&`)).toBe(true);
    }
  });
});

describe('each lesson shows what it promises (cpu backend)', () => {
  it.each(LESSONS.map((l) => [l.id, l.expectation.kind, l] as const))(
    '%s %s',
    async (_id, _kind, l) => {
      const { record, context } = await runLesson(l);
      expect(record.backend).toBe('cpu');
      expect(checkExpectation(record, l.expectation, context).failures).toEqual([]);
    },
  );
});

describe('the checks can fail', () => {
  async function failures(recordOf: string, expectation: LessonExpectation): Promise<string[]> {
    const { record, context } = await runLesson(lesson(recordOf));
    return checkExpectation(record, expectation, context).failures;
  }

  it('"explodes" fails on the stable He + ReLU run', async () => {
    const f = await failures('he-relu-stable', lesson('too-large-init').expectation);
    expect(f.some((m) => /no non-finite value/.test(m))).toBe(true);
    expect(f.some((m) => /first-layer signal/.test(m))).toBe(true);
  });

  it('"stable" fails on the exploding run and on the vanishing runs', async () => {
    const stable = lesson('he-relu-stable').expectation;
    expect(await failures('too-large-init', stable)).not.toEqual([]);
    expect(await failures('sigmoid-vanishes', stable)).not.toEqual([]);
    expect(await failures('small-init-vanishes', stable)).not.toEqual([]);
  });

  it('"vanishes" fails on the stable Xavier + tanh run', async () => {
    const f = await failures('xavier-tanh-stable', lesson('sigmoid-vanishes').expectation);
    expect(f.some((m) => /not below/.test(m))).toBe(true);
  });

  it('"diverges" fails on the clipped run, and on the exploding run whose init is bad', async () => {
    const diverges = lesson('lr-too-large').expectation;
    expect(await failures('clip-global-norm', diverges)).toEqual([
      'no non-finite value within 100 steps',
    ]);
    const f = await failures('too-large-init', diverges);
    expect(f.some((m) => /outside/.test(m))).toBe(true);
  });

  it('"rescued" fails on the diverging run itself and without the run it rescues', async () => {
    const rescued = lesson('clip-global-norm').expectation;
    expect(await failures('lr-too-large', rescued)).not.toEqual([]);
    const { record } = await runLesson(lesson('clip-global-norm'));
    expect(checkExpectation(record, rescued).failures).toContain(
      'needs the run without the remedy',
    );
  });

  it('a remedy invariant fails on a run that lacks the remedy', async () => {
    const scaled = lesson('gradient-scaling').expectation;
    const capped = lesson('max-norm').expectation;
    const clipped = lesson('clip-global-norm').expectation;
    expect(await failures('clip-global-norm', scaled)).not.toEqual([]);
    expect(await failures('gradient-scaling', capped)).not.toEqual([]);
    expect(await failures('max-norm', clipped)).not.toEqual([]);
  });
});
