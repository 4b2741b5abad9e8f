/**
 * Why a compared run's initial weights differ from A's, in both languages: the page's English
 * is the CLI's `reason`, and in Chinese no English word is left beyond link keys and values.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { decodeConfig, encodeConfig } from '../../../src/config/codec';
import {
  INITIAL_WEIGHTS_MESSAGES_EN,
  sayWeightsNotes,
  weightsNotesEn,
} from '../../../src/config/initialWeightsMessages';
import { initialWeightsShared } from '../../../src/config/variants';
import { weightsMessages } from '../../../src/ui/i18n/en/weights';
import { addEnglishMessages, EN_MESSAGES, setCatalogue, t } from '../../../src/ui/i18n/messages';
import { ZH_CN_MESSAGES } from '../../../src/ui/i18n/zh-CN/index';

// As the compare view does when it loads: the notes' English words are not in the first load.
addEnglishMessages(weightsMessages);

afterEach(() => setCatalogue(EN_MESSAGES));

const BASE = '#layers=8x3&batch=16';
const RNN = '#model=rnn&T=10&units=6&batch=16';

/** A base and a change to it (the variant's link is the base with these set), giving every note. */
const CASES: [string, string][] = [
  [BASE, 'gain=2'],
  [`${BASE}&init=constant:0.3`, 'gain=2'],
  [BASE, 'init=heUniform'],
  [`${BASE}&init=normal:0`, 'init=normal:1'],
  [`${BASE}&init=normal:1`, 'init=normal:0'],
  [BASE, 'init=zeros'],
  [BASE, 'layers=8x4'],
  [BASE, 'seed=2'],
  [`${BASE}&init=zeros`, 'seed=2'],
  [BASE, 'dseed=2&opt=adam'],
  [BASE, 'batch=8'],
  [BASE, 'data=sine'],
  [BASE, 'binit=0.1'],
  [BASE, 'bias=0&gain=2'],
  [BASE, 'bias=0&init=orthogonal:1'],
  [`${BASE}&bias=0`, 'bias=1'],
  [BASE, 'seed=3&batch=8&binit=0.2&layers=4x3'],
  // Recurrent runs (config/recurrentStart.ts).
  [RNN, 'T=12'],
  [RNN, 'units=8'],
  [RNN, 'rinit=identity:1'],
  [RNN, 'rinit=orthogonal:1.5'],
  [`${RNN}&rinit=identity:1`, 'rinit=identity:2'],
  [`${RNN}&cell=lstm`, 'fbias=3'],
];

const verdicts = CASES.map(([baseLink, change]) => {
  const base = decodeConfig(baseLink).config;
  const variant = decodeConfig(`${baseLink}&${change}`).config;
  // The link keys and values of both setups (`init`, `glorotNormal`, `circles`).
  const linkWords = `${encodeConfig(base)} ${encodeConfig(variant)}`;
  return [`${baseLink} -> ${change}`, initialWeightsShared(base, variant, 'c'), linkWords] as const;
});

describe('the note on why initial weights differ', () => {
  it('covers every note', () => {
    const ids = new Set(
      verdicts.flatMap(([, v]) => (v.kind === 'identical' ? [] : v.notes.map((n) => n.id))),
    );
    const noteIds = Object.keys(INITIAL_WEIGHTS_MESSAGES_EN).filter(
      (id) => !/^weights\.(family\.\w+|change|unset|listJoin|noteJoin)$/.test(id),
    );
    expect([...ids].sort()).toEqual(noteIds.sort());
  });

  it.each(verdicts)('%s: the page says in English what the CLI writes', (_change, verdict) => {
    if (verdict.kind === 'identical') throw new Error('every change here makes a difference');
    expect(sayWeightsNotes(verdict.notes, t)).toBe(weightsNotesEn(verdict.notes));
  });

  it.each(verdicts)('%s: in Chinese, only link keys and values stay Latin', (_, verdict, link) => {
    if (verdict.kind === 'identical') throw new Error('every change here makes a difference');
    setCatalogue(ZH_CN_MESSAGES);
    const text = sayWeightsNotes(verdict.notes, t);
    expect(text).toMatch(/\p{Script=Han}/u);
    const linkWords = new Set(link.match(/[A-Za-z]{3,}/g));
    for (const word of text.match(/[A-Za-z]{3,}/g) ?? []) expect(linkWords, text).toContain(word);
  });
});
