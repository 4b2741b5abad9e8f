import { describe, expect, it } from 'vitest';
import {
  checkObservations,
  checkRun,
  type ObservedRun,
  type RunCheck,
} from '../../../src/config/lessonChecks';
import {
  LESSONS,
  START_LESSON,
  lessonById,
  lessonNeighbours,
  watchText,
  type Lesson,
} from '../../../src/config/lessons';
import { parseHashParams } from '../../../src/config/codec';
import { readLinkedView } from '../../../src/config/viewKeys';
import type { RunLetter } from '../../../src/config/variants';
import { setupCpuBackend } from '../../support/tfCpu';
import { lessonRuns, observedRuns, runLesson, withSeedBands } from './support';

setupCpuBackend();

function lesson(id: string): Lesson {
  const found = LESSONS.find((l) => l.id === id);
  if (!found) throw new Error(`no lesson ${id}`);
  return found;
}

async function runsOf(id: string): Promise<Map<RunLetter, ObservedRun>> {
  return withSeedBands(lesson(id), observedRuns(await runLesson(lesson(id))));
}

describe('the lessons catalogue', () => {
  it('has at least seven lessons with unique ids and titles, found by lessonById', () => {
    expect(LESSONS.length).toBeGreaterThanOrEqual(7);
    expect(new Set(LESSONS.map((l) => l.id)).size).toBe(LESSONS.length);
    expect(new Set(LESSONS.map((l) => l.title)).size).toBe(LESSONS.length);
    for (const l of LESSONS) expect(lessonById(l.id)).toBe(l);
    expect(lessonById('no-such-lesson')).toBeUndefined();
  });

  it('starts with a "start here" lesson, and Previous / Next walk the teaching order', () => {
    expect(START_LESSON).toBe(LESSONS[0]);
    expect(START_LESSON.title).toMatch(/^Start here/);
    expect(lessonNeighbours(LESSONS[0]!.id)).toEqual({ previous: null, next: LESSONS[1] });
    expect(lessonNeighbours(LESSONS[1]!.id)).toEqual({ previous: LESSONS[0], next: LESSONS[2] });
    expect(lessonNeighbours(LESSONS.at(-1)!.id).next).toBeNull();
    expect(lessonNeighbours('no-such-lesson')).toEqual({ previous: null, next: null });
  });

  it('covers every classic remedy, and at least two lessons are comparisons of runs', () => {
    const configs = LESSONS.flatMap((l) => [...lessonRuns(l).values()]);
    expect(configs.some((c) => c.gradient.clip.mode === 'globalNorm')).toBe(true);
    expect(configs.some((c) => c.gradient.scale !== 1)).toBe(true);
    expect(configs.some((c) => c.gradient.maxNorm !== null)).toBe(true);
    expect(configs.some((c) => c.gradient.pruneBelow > 0)).toBe(true);
    expect(configs.some((c) => c.regularization.l2 > 0)).toBe(true);
    const comparisons = LESSONS.filter((l) => lessonRuns(l).size >= 2);
    expect(comparisons.map((l) => l.id)).toEqual(
      expect.arrayContaining(['clip-global-norm', 'gradient-scaling']),
    );
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: its link is short, hand-readable and valid as written (no repairs, view keys included)',
    (_id, l) => {
      expect(l.link).toMatch(/^#[a-zA-Z0-9.]+=[^&]+(&[a-zA-Z0-9.]+=[^&]+)*$/);
      expect(l.link.length).toBeLessThan(120);
      expect(() => lessonRuns(l)).not.toThrow();
      expect(readLinkedView(parseHashParams(l.link)).repairs).toEqual([]);
      expect(l.link).not.toContain('lesson=');
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: has a title, a one-sentence summary, observations that are checked, and what to try next',
    (_id, l) => {
      for (const text of [l.title, l.summary, watchText(l), l.tryNext]) {
        expect(text.trim()).not.toBe('');
      }
      expect(l.summary).toMatch(/\.$/);
      // One sentence: no full stop followed by a new capitalised sentence.
      expect(l.summary).not.toMatch(/[.!?] +[A-Z]/);
      expect(l.observations.length).toBeGreaterThan(0);
      for (const o of l.observations) {
        expect(o.text.trim()).not.toBe('');
        expect(o.checks.length).toBeGreaterThan(0);
      }
      // A change that restarts the run does not need Reset: no text asks for it.
      expect(l.tryNext).not.toMatch(/and press Reset/);
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: every run its observations name is a run of its link, small enough to check quickly',
    (_id, l) => {
      const configs = lessonRuns(l);
      for (const check of l.observations.flatMap((o) => o.checks)) {
        expect(configs.has(check.run ?? 'a')).toBe(true);
      }
      for (const config of configs.values()) {
        expect(Math.max(...config.network.hidden)).toBeLessThanOrEqual(32);
        expect(config.network.hidden.length).toBeLessThanOrEqual(30);
      }
    },
  );

  it('the remedy lessons are the diverging lesson plus one remedy', () => {
    const diverging = lesson('lr-too-large').link;
    for (const id of ['clip-global-norm', 'gradient-scaling', 'max-norm', 'l2-and-pruning']) {
      expect(lesson(id).link.startsWith(`${diverging}&`)).toBe(true);
    }
  });
});

describe("every lesson's observations hold on its link's runs (cpu backend)", () => {
  it.each(LESSONS.map((l) => [l.id, l] as const))('%s', async (_id, l) => {
    const records = await runLesson(l);
    for (const record of records.values()) expect(record.backend).toBe('cpu');
    const runs = await withSeedBands(l, observedRuns(records));
    expect(checkObservations(l.observations, runs)).toEqual([]);
  });
});

describe('the checks can fail', () => {
  const fails = async (runsFrom: string, check: RunCheck) =>
    checkRun(check, await runsOf(runsFrom));

  it('"halts" and "signalStaircase" fail on the stable He + ReLU run', async () => {
    expect(await fails('he-relu-stable', { kind: 'halts', withinSteps: 10 })).not.toEqual([]);
    expect(
      await fails('he-relu-stable', { kind: 'signalStaircase', perLayer: [2.5, 6] }),
    ).not.toEqual([]);
  });

  it('"band", "staysFinite" and "lossFalls" fail on the exploding and vanishing runs', async () => {
    const band: RunCheck = { kind: 'band', quantity: 'signalNorm', band: [1 / 20, 20] };
    expect(await fails('too-large-init', band)).not.toEqual([]);
    expect(await fails('sigmoid-vanishes', band)).not.toEqual([]);
    expect(await fails('too-large-init', { kind: 'staysFinite', steps: 10 })).not.toEqual([]);
  });

  it('"inputSideBelow" fails on the stable Xavier + tanh run', async () => {
    const f = await fails('xavier-tanh-stable', {
      kind: 'inputSideBelow',
      steps: 50,
      ratioBelow: 1e-6,
    });
    expect(f.some((m) => /not below/.test(m))).toBe(true);
  });

  it('"hiddenGradientsDie" fails on the clipped run B', async () => {
    const check: RunCheck = {
      run: 'b',
      kind: 'hiddenGradientsDie',
      withinSteps: 30,
      outputGrowthAbove: 1e3,
    };
    expect(await fails('clip-global-norm', check)).not.toEqual([]);
  });

  it('"timeSignalRatio" fails where the gradient fades or grows the other way, and off recurrent runs', async () => {
    const reaches: RunCheck = { kind: 'timeSignalRatio', atStep: 1, range: [0.1, Infinity] };
    expect(await fails('rnn-vanishes-lstm-forget-gate', reaches)).not.toEqual([]);
    expect(await fails('rnn-vanishes-lstm-forget-gate', { ...reaches, run: 'b' })).not.toEqual([]);
    const fades: RunCheck = { run: 'c', kind: 'timeSignalRatio', atStep: 1, range: [0, 1e-2] };
    expect(await fails('rnn-vanishes-lstm-forget-gate', fades)).not.toEqual([]);
    expect(
      await fails('rnn-gain-explodes-clip', { ...fades, run: 'a', range: [0, 10] }),
    ).not.toEqual([]);
    expect(await fails('he-relu-stable', reaches)).toEqual([
      'step 1: no signal per time step (not a recurrent run, or it stopped)',
    ]);
  });

  it('the remedy checks fail on the run without the remedy (A)', async () => {
    expect(
      await fails('clip-global-norm', { kind: 'clippedGlobalNormAtMost', threshold: 1 }),
    ).not.toEqual([]);
    expect(
      await fails('gradient-scaling', {
        run: 'c',
        kind: 'gradientsScaled',
        of: 'a',
        factor: 0.1,
        throughStep: 1,
      }),
    ).not.toEqual([]);
    expect(
      await fails('gradient-scaling', { kind: 'sameLoss', of: 'c', relTol: 1e-3, steps: 20 }),
    ).not.toEqual([]);
    expect(await fails('lr-too-large', { kind: 'unitNormAtMost', maxNorm: 0.5 })).not.toEqual([]);
    expect(await fails('clip-global-norm', { run: 'c', kind: 'staysFinite', steps: 1 })).toEqual([
      'no run C',
    ]);
  });

  it('"seedBandWider" fails the other way round: the wide run B\'s band is not wider than A\'s', async () => {
    const runs = await runsOf('narrow-relu-seed-bands');
    const check: RunCheck = {
      run: 'b',
      kind: 'seedBandWider',
      quantity: 'signalNorm',
      layer: 'input',
      than: 'a',
      thanLayer: 'input',
      factor: 1,
    };
    expect(checkRun(check, runs)).not.toEqual([]);
    // A lesson whose link opens no seed bands has none to check.
    expect(await fails('he-relu-stable', { ...check, run: 'a', than: 'a' })).toEqual([
      'no seed bands of run A',
    ]);
  });
});
