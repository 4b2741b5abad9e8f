import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeConfig, parseHashParams } from '../../../src/config/codec';
import {
  LANGUAGES,
  languageFromBrowser,
  readLinkedLanguage,
} from '../../../src/config/languageKey';
import { readViewFromHash, viewToHashSuffix } from '../../../src/store/viewStore';
import { repairReason } from '../../../src/config/repairReason';

const read = (hash: string) => readLinkedLanguage(parseHashParams(hash));

describe('the lang link key', () => {
  it('reads zh-CN and en, ignoring case, and writes them back', () => {
    expect(read('#lang=zh-CN')).toEqual({ language: 'zh-CN', repairs: [] });
    expect(read('#lang=zh-cn').language).toBe('zh-CN');
    expect(read('#lang=EN')).toEqual({ language: 'en', repairs: [] });
    const { view } = readViewFromHash('#act=relu&lang=zh-CN');
    expect(view.lang).toBe('zh-CN');
    expect(viewToHashSuffix(view)).toBe('&lang=zh-CN');
  });

  it('is absent by default: the link follows the viewer, and nothing is written', () => {
    expect(read('#act=relu')).toEqual({ language: null, repairs: [] });
    expect(viewToHashSuffix(readViewFromHash('#act=relu').view)).toBe('');
  });

  it('is a page key, not an unknown experiment key', () => {
    expect(decodeConfig('#act=tanh&lang=zh-CN').repairs).toEqual([]);
    expect(decodeConfig('#act=tanh&lang=klingon').repairs).toEqual([]);
  });

  it('repairs a language the page is not written in to none, naming the key once', () => {
    for (const text of ['zh', 'zh-TW', 'fr', '', '<script>alert(1)</script>', 'x'.repeat(500)]) {
      const { language, repairs } = read(`#lang=${encodeURIComponent(text)}`);
      expect(language).toBeNull();
      expect(repairs).toHaveLength(1);
      expect(repairs[0]!.path).toBe('lang');
      expect(repairReason(repairs[0]!)).toMatch(/is not a language of this page \(en, zh-CN\)/);
      expect(repairReason(repairs[0]!).length).toBeLessThan(200);
    }
    expect(readViewFromHash('#lang=fr').repairs.map((r) => r.path)).toEqual(['lang']);
  });

  it('never throws, and what it reads writes back to a link that reads the same', () => {
    const value = fc.oneof(
      fc.string({ maxLength: 60, unit: 'binary' }),
      fc.constantFrom('en', 'zh-CN', 'ZH-cn', 'zh', '__proto__', 'constructor', ''),
    );
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('lang', '__proto__'), value), { maxLength: 4 }),
        (pairs) => {
          const { language, repairs } = readLinkedLanguage(new Map(pairs));
          if (language !== null) expect(LANGUAGES).toContain(language);
          for (const r of repairs) expect(repairReason(r).length).toBeLessThan(200);
          const suffix = language === null ? '' : `&lang=${language}`;
          expect(read(`#${suffix.slice(1)}`)).toEqual({ language, repairs: [] });
        },
      ),
      { numRuns: 500 },
    );
  });
});

describe('the browser’s languages', () => {
  it('read Simplified Chinese for zh, zh-CN, zh-SG and zh-Hans, not for Traditional script', () => {
    expect(languageFromBrowser(['zh-CN', 'en'])).toBe('zh-CN');
    expect(languageFromBrowser(['zh'])).toBe('zh-CN');
    expect(languageFromBrowser(['zh-SG'])).toBe('zh-CN');
    expect(languageFromBrowser(['zh-Hans-HK'])).toBe('zh-CN');
    expect(languageFromBrowser(['zh-TW', 'en-US'])).toBe('en');
    expect(languageFromBrowser(['zh-Hant'])).toBe('en');
    expect(languageFromBrowser(['zh-HK', 'zh-CN'])).toBe('zh-CN');
  });

  it('take the first language the page is written in, English when none is', () => {
    expect(languageFromBrowser(['fr-FR', 'zh-CN', 'en'])).toBe('zh-CN');
    expect(languageFromBrowser(['en-GB', 'zh-CN'])).toBe('en');
    expect(languageFromBrowser(['de', 'ja'])).toBe('en');
    expect(languageFromBrowser([])).toBe('en');
  });
});
