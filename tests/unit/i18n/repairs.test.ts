/**
 * Link repairs in both languages: every repair message and every setting name it uses exists
 * in English and Chinese with the same placeholders, the page's English is the CLI's, and a
 * hostile link's repairs read as Chinese in zh-CN.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { REPAIR_LABELS_EN } from '../../../src/config/repairLabels';
import { REPAIR_MESSAGES_EN } from '../../../src/config/repairMessages';
import { repairMessages as enRepairs } from '../../../src/ui/i18n/en/repairs';
import { addEnglishMessages, EN_MESSAGES, setCatalogue } from '../../../src/ui/i18n/messages';
import { setNumberLocale } from '../../../src/ui/i18n/numberFormat';
import { repairMessage } from '../../../src/ui/i18n/repairText';
import { ZH_CN_MESSAGES } from '../../../src/ui/i18n/zh-CN/index';
import {
  HAND_WRITTEN_LINKS,
  MANY_REPAIRS_LINK,
  pageRepairs,
} from '../../browser/support/hostileLinks';
import { repairReason, repairText } from '../../../src/config/repairReason';

// The English repair words, as the repair notice adds them when it loads.
addEnglishMessages(enRepairs);

afterEach(() => {
  setCatalogue(EN_MESSAGES);
  setNumberLocale('en');
});

const placeholders = (text: string) => [...new Set(text.match(/\{\w+\}/g) ?? [])].sort();
const zh = ZH_CN_MESSAGES as Record<string, string>;
const en = EN_MESSAGES as Record<string, string>;

/** Names said as they are in Chinese too. */
const PROPER_NAMES = 'Adam RMSProp AutoClip Nesterov';

describe('repair messages', () => {
  it.each(Object.keys(REPAIR_MESSAGES_EN))('%s: English and Chinese, same placeholders', (id) => {
    expect(en[id]).toBe(REPAIR_MESSAGES_EN[id as keyof typeof REPAIR_MESSAGES_EN]);
    expect(zh[id], id).toMatch(/\p{Script=Han}/u);
    expect(placeholders(zh[id]!)).toEqual(placeholders(en[id]!));
  });

  it.each(Object.keys(REPAIR_LABELS_EN))('%s: a Chinese name with the same placeholders', (id) => {
    expect(zh[id], id).toMatch(/\p{Script=Han}|[α-ω]/u);
    expect(placeholders(zh[id]!)).toEqual(placeholders(en[id]!));
  });

  it('the page says in English exactly what the CLI prints, for every repair of the hostile links', () => {
    let count = 0;
    for (const hash of HAND_WRITTEN_LINKS) {
      for (const repair of pageRepairs(hash)) {
        // The page groups the digits of counts (12,000); the CLI writes them bare.
        expect(repairMessage(repair).replace(/(\d),(\d{3})\b/g, '$1$2'), hash).toBe(
          repairReason(repair).replace(/(\d),(\d{3})\b/g, '$1$2'),
        );
        count++;
      }
    }
    expect(count).toBeGreaterThan(150);
  });

  it('a link with many repairs reads as Chinese in zh-CN: no English word beyond what the link says', () => {
    const repairs = pageRepairs(MANY_REPAIRS_LINK);
    expect(new Set(repairs.map((r) => r.id)).size).toBeGreaterThanOrEqual(15);
    setCatalogue(ZH_CN_MESSAGES);
    setNumberLocale('zh-CN');
    for (const repair of repairs) {
      const line = repairText(repair, repairMessage(repair));
      expect(line).toMatch(/\p{Script=Han}/u);
      // Runs of 3+ Latin letters are proper names or link text: keys and values of this link,
      // or the link values a message lists (the options of a key, the sweep's keys).
      const linkWords = new Set(
        [PROPER_NAMES, MANY_REPAIRS_LINK, ...Object.values(repair.params).map(String)]
          .join(' ')
          .match(/[A-Za-z]{3,}/g),
      );
      for (const word of line.match(/[A-Za-z]{3,}/g) ?? []) {
        expect(linkWords, `${line} (${repair.id})`).toContain(word);
      }
      // The setting's name is said in Chinese, never in English.
      if (repair.params.label !== undefined) {
        expect(line, repair.id).not.toContain(REPAIR_LABELS_EN[repair.params.label]);
      }
    }
  });
});
