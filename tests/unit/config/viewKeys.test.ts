import { describe, expect, it } from 'vitest';
import { decodeConfig, parseHashParams } from '../../../src/config/codec';
import { isOnLesson, lessonExperiment, lessonView } from '../../../src/config/lessonLink';
import { LESSONS, lessonById } from '../../../src/config/lessons';
import { linkedViewSuffix, readLinkedView } from '../../../src/config/viewKeys';
import { repairReason } from '../../../src/config/repairReason';
import { withReasons } from '../../support/withReasons';

const read = (hash: string) => readLinkedView(parseHashParams(hash));

describe('the view keys view=, at= and lesson=', () => {
  it('read the gradient view, the step and a known lesson, and write them back', () => {
    const { view, repairs } = read('#act=relu&view=signal&at=1&lesson=too-large-init');
    expect(repairs).toEqual([]);
    expect(view).toEqual({
      gradientView: 'signalNorm',
      atStep: 1,
      lesson: 'too-large-init',
      smoothing: 0,
    });
    expect(linkedViewSuffix(view)).toBe('&view=signal&at=1&lesson=too-large-init');
    expect(read('#view=clipped').view.gradientView).toBe('clippedGradNorm');
  });

  it('leave the defaults unwritten: parameter gradients, the latest step, no lesson', () => {
    const { view } = read('#view=grad');
    expect(view).toEqual({ gradientView: 'gradNorm', atStep: null, lesson: null, smoothing: 0 });
    expect(linkedViewSuffix(view)).toBe('');
  });

  it('repair a value they cannot use to the default, naming the key once and what it became', () => {
    const cases: [string, RegExp][] = [
      [
        '#view=sideways',
        /"sideways" is not a gradient view \(grad, clipped, signal\); showing grad/,
      ],
      ['#at=0', /"0" is not a step from 1 to 1000000; the depth profile shows the latest step/],
      ['#at=-3', /not a step/],
      ['#at=1.5', /not a step/],
      ['#at=99999999', /not a step/],
      ['#smooth=banana', /"banana" is not a number; smoothing is off \(0\)/],
      ['#smooth=NaN', /not a number; smoothing is off/],
      ['#smooth=0x1', /not a number; smoothing is off/],
      ['#smooth=-0.5', /"-0.5" is below the minimum 0; set to 0/],
      ['#smooth=%3Cscript%3E', /not a number; smoothing is off/],
      [
        '#lesson=no-such-lesson',
        /there is no lesson "no-such-lesson"; opened the settings without one/,
      ],
    ];
    for (const [hash, reason] of cases) {
      const { view, repairs } = read(hash);
      expect(repairs).toHaveLength(1);
      const [key] = hash.slice(1).split('=');
      expect(repairs[0]!.path).toBe(key);
      expect(repairReason(repairs[0]!)).toMatch(reason);
      expect(repairReason(repairs[0]!).startsWith(`${key}:`)).toBe(false);
      expect(view).toEqual({ gradientView: 'gradNorm', atStep: null, lesson: null, smoothing: 0 });
    }
  });

  it('read smooth= from 0 to 0.99 in steps of 0.01; beyond a limit it is clamped, with a notice', () => {
    const ok = read('#smooth=0.6');
    expect(ok.repairs).toEqual([]);
    expect(ok.view.smoothing).toBe(0.6);
    expect(linkedViewSuffix(ok.view)).toBe('&smooth=0.6');
    expect(linkedViewSuffix(read('#smooth=0').view)).toBe('');
    const high = read('#smooth=1e999');
    expect(high.view.smoothing).toBe(0.99);
    expect(withReasons(high.repairs)).toMatchObject([
      { path: 'smooth', reason: '"1e999" is above the maximum 0.99; set to 0.99' },
    ]);
    expect(read('#smooth=1').view.smoothing).toBe(0.99);
    const fine = read('#smooth=0.555');
    expect(fine.view.smoothing).toBe(0.56);
    expect(repairReason(fine.repairs[0]!)).toMatch(/rounded to 0.56/);
    // The repaired value reads back without a repair.
    expect(read(linkedViewSuffix(fine.view).replace('&', '#')).repairs).toEqual([]);
  });

  it('are not experiment keys: the experiment decoder skips them without a notice', () => {
    expect(decodeConfig('#act=tanh&view=signal&at=3&lesson=x&smooth=0.5').repairs).toEqual([]);
  });
});

describe('a lesson link and the page', () => {
  it('opens the view its text talks about: signal at step 1 for the explosion, clipped for clipping, the seed bands for the seed lesson', () => {
    expect(lessonView(lessonById('too-large-init')!)).toEqual({
      gradientView: 'signalNorm',
      atStep: 1,
      smoothing: 0,
      seeds: null,
    });
    expect(lessonView(lessonById('clip-global-norm')!).gradientView).toBe('clippedGradNorm');
    expect(lessonView(lessonById('narrow-relu-seed-bands')!)).toMatchObject({
      gradientView: 'signalNorm',
      seeds: 16,
    });
  });

  it('is on the lesson while the experiment is the lesson’s, and left after any change', () => {
    for (const lesson of LESSONS) {
      const { base, variants } = lessonExperiment(lesson);
      expect(isOnLesson(lesson, base, variants)).toBe(true);
      const reseeded = { ...base, init: { ...base.init, seed: base.init.seed + 1 } };
      expect(isOnLesson(lesson, reseeded, variants)).toBe(false);
    }
    const clip = lessonById('clip-global-norm')!;
    const { base } = lessonExperiment(clip);
    expect(isOnLesson(clip, base, [])).toBe(false);
  });
});
