import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/config/lessons';
import { accessMessages as enAccess } from '../../../src/ui/i18n/en/access';
import { chartMessages as enCharts } from '../../../src/ui/i18n/en/charts';
import { exportMessages as enExport } from '../../../src/ui/i18n/en/export';
import { offlineMessages as enOffline } from '../../../src/ui/i18n/en/offline';
import { repairMessages as enRepairs } from '../../../src/ui/i18n/en/repairs';
import { weightsMessages as enWeights } from '../../../src/ui/i18n/en/weights';
import { recurrentMessages as enRecurrent } from '../../../src/ui/i18n/en/recurrent';
import { compareMessages as enCompare } from '../../../src/ui/i18n/en/compare';
import { controlMessages as enControls } from '../../../src/ui/i18n/en/controls';
import { insideMessages as enInside } from '../../../src/ui/i18n/en/inside';
import { lessonMessages as enLessons } from '../../../src/ui/i18n/en/lessons';
import { runMessages as enRun } from '../../../src/ui/i18n/en/run';
import { sweepMessages as enSweep } from '../../../src/ui/i18n/en/sweep';
import { sweepPanelMessages as enSweepPanel } from '../../../src/ui/i18n/en/sweepPanel';
import { addEnglishMessages, EN_MESSAGES, type MessageKey } from '../../../src/ui/i18n/messages';
import { accessMessages as zhAccess } from '../../../src/ui/i18n/zh-CN/access';
import { chartMessages as zhCharts } from '../../../src/ui/i18n/zh-CN/charts';
import { exportMessages as zhExport } from '../../../src/ui/i18n/zh-CN/export';
import { offlineMessages as zhOffline } from '../../../src/ui/i18n/zh-CN/offline';
import { repairMessages as zhRepairs } from '../../../src/ui/i18n/zh-CN/repairs';
import { weightsMessages as zhWeights } from '../../../src/ui/i18n/zh-CN/weights';
import { recurrentMessages as zhRecurrent } from '../../../src/ui/i18n/zh-CN/recurrent';
import { compareMessages as zhCompare } from '../../../src/ui/i18n/zh-CN/compare';
import { controlMessages as zhControls } from '../../../src/ui/i18n/zh-CN/controls';
import { ZH_CN_MESSAGES } from '../../../src/ui/i18n/zh-CN/index';
import { insideMessages as zhInside } from '../../../src/ui/i18n/zh-CN/inside';
import { ZH_CN_LESSON_TEXTS } from '../../../src/ui/i18n/zh-CN/lessonTexts';
import { lessonMessages as zhLessons } from '../../../src/ui/i18n/zh-CN/lessons';
import { runMessages as zhRun } from '../../../src/ui/i18n/zh-CN/run';
import { sweepMessages as zhSweep } from '../../../src/ui/i18n/zh-CN/sweep';
import { sweepPanelMessages as zhSweepPanel } from '../../../src/ui/i18n/zh-CN/sweepPanel';

/** Each English catalogue file beside its Chinese twin of the same name. */
const FILES: [string, Record<string, string>, Record<string, string>][] = [
  ['access', enAccess, zhAccess],
  ['charts', enCharts, zhCharts],
  ['export', enExport, zhExport],
  ['offline', enOffline, zhOffline],
  ['repairs', enRepairs, zhRepairs],
  ['weights', enWeights, zhWeights],
  ['compare', enCompare, zhCompare],
  ['controls', enControls, zhControls],
  ['inside', enInside, zhInside],
  ['lessons', enLessons, zhLessons],
  ['recurrent', enRecurrent, zhRecurrent],
  ['run', enRun, zhRun],
  ['sweep', enSweep, zhSweep],
  ['sweepPanel', enSweepPanel, zhSweepPanel],
];

// The English catalogue with its on-demand parts, as the panels that say them add them.
addEnglishMessages(enSweepPanel);
addEnglishMessages(enWeights);
addEnglishMessages(enRepairs);

/**
 * Messages written the same in Chinese as in English: the brand, names of methods and
 * backends, symbols and formulas. Any other message equal to its English is untranslated.
 */
const SAME_IN_EVERY_LANGUAGE = [
  'app.title',
  'recurrent.axis.signal',
  'recurrent.rowFirst',
  'recurrent.rowLast',
  'recurrent.timeName',
  'recurrent.control.cell.lstm',
  'recurrent.control.cell.gru',
  'recurrent.control.cellHelp.rnn',
  'run.autoShort.hardwareWebgl',
  'run.backendName.webgl',
  'run.backendName.wasm',
  'run.backendName.cpu',
  'controls.removeSymbol',
  'controls.activation.sigmoid',
  'controls.activation.tanh',
  'controls.activation.relu',
  'controls.activation.leakyRelu',
  'controls.activation.elu',
  'controls.activation.selu',
  'controls.activation.gelu',
  'controls.activation.softplus',
  'controls.activation.swish',
  'controls.initHelp.normal',
  'controls.initHelp.uniform',
  'controls.initHelp.glorotNormal',
  'controls.initHelp.glorotUniform',
  'controls.initHelp.heNormal',
  'controls.initHelp.heUniform',
  'controls.initHelp.lecunNormal',
  'controls.initHelp.lecunUniform',
  'controls.optimizer.sgd',
  'controls.optimizer.adam',
  'controls.optimizer.rmsprop',
  'controls.l1',
  'controls.l2',
  'chart.valueNaN',
  'chart.valueZero',
  'chart.heatmapNonFinite',
  'lessons.orientation.start',
  'sweep.key.l1',
  'sweep.key.l2',
  'sweep.cellTitle',
  'inside.distQuantity.preActivation',
  'inside.distQuantity.activation',
  'inside.distQuantity.signal',
  'inside.distQuantity.parameterGradient',
  'export.pngButton',
];

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();

/** Link keys and values a text quotes (`act=sigmoid`, `c.clip=tensorNorm:1`). */
const linkTexts = (text: string) => text.match(/\b[a-z]+(?:\.[a-z]+)?=[\w.:-]*\w/g) ?? [];

/** Numbers a text states in digits ("20", "0.05", "10^12"), in order of first appearance. */
const numbers = (text: string) => [...new Set(text.match(/\d+(?:\.\d+)?/g) ?? [])];

describe('the zh-CN catalogue', () => {
  it.each(FILES)('mirrors en/%s.ts key for key', (_name, en, zh) => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
  });

  it('has every key of the English catalogue and no other', () => {
    expect(Object.keys(ZH_CN_MESSAGES).sort()).toEqual(Object.keys(EN_MESSAGES).sort());
  });

  it.each(FILES)('keeps the placeholders of every message of %s', (_name, en, zh) => {
    for (const [key, text] of Object.entries(en)) {
      expect(placeholders(zh[key] ?? ''), key).toEqual(placeholders(text));
    }
  });

  it('has no empty message, and reads as the English only for names, symbols and formulas', () => {
    const same = Object.keys(EN_MESSAGES).filter(
      (key) => (ZH_CN_MESSAGES as Record<string, string>)[key] === EN_MESSAGES[key as MessageKey],
    );
    expect(same.sort()).toEqual([...SAME_IN_EVERY_LANGUAGE].sort());
    for (const [key, text] of Object.entries(ZH_CN_MESSAGES)) expect(text.trim(), key).not.toBe('');
  });
});

describe('the lessons in zh-CN', () => {
  it('has a text for every lesson and for no other id', () => {
    expect(Object.keys(ZH_CN_LESSON_TEXTS).sort()).toEqual(LESSONS.map((l) => l.id).sort());
  });

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: a Chinese title, summary and next step, one sentence per observation, why where the English has one',
    (id, lesson) => {
      const zh = ZH_CN_LESSON_TEXTS[id]!;
      for (const text of [zh.title, zh.summary, zh.tryNext, ...zh.observations]) {
        expect(text).toMatch(/\p{Script=Han}/u);
      }
      expect(zh.observations).toHaveLength(lesson.observations.length);
      expect(zh.why === undefined).toBe(lesson.why === undefined);
      if (zh.why !== undefined) expect(zh.why).toMatch(/\p{Script=Han}/u);
    },
  );

  it.each(LESSONS.map((l) => [l.id, l] as const))(
    '%s: each translated sentence states the numbers and link keys of its English one',
    (id, lesson) => {
      const zh = ZH_CN_LESSON_TEXTS[id]!;
      const pairs: [string, string][] = [
        [lesson.summary, zh.summary],
        [lesson.tryNext, zh.tryNext],
        [lesson.why ?? '', zh.why ?? ''],
        ...lesson.observations.map((o, i): [string, string] => [o.text, zh.observations[i]!]),
      ];
      for (const [english, chinese] of pairs) {
        for (const link of linkTexts(english)) expect(chinese, english).toContain(link);
        for (const n of numbers(english)) expect(numbers(chinese), english).toContain(n);
      }
    },
  );

  it('gives every lesson its own title', () => {
    const titles = Object.values(ZH_CN_LESSON_TEXTS).map((text) => text.title);
    expect(new Set(titles).size).toBe(titles.length);
  });
});
