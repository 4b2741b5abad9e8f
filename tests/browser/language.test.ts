import { mkdirSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LESSONS, watchText } from '../../src/config/lessons';
import { EN_MESSAGES, setCatalogue } from '../../src/ui/i18n/messages';
import { setNumberLocale } from '../../src/ui/i18n/numberFormat';
import { repairMessage } from '../../src/ui/i18n/repairText';
import { ZH_CN_MESSAGES } from '../../src/ui/i18n/zh-CN/index';
import { ZH_CN_LESSON_TEXTS } from '../../src/ui/i18n/zh-CN/lessonTexts';
import { openApp, serveBuiltApp, waitForStep } from './support/app';
import { MANY_REPAIRS_LINK, pageRepairs } from './support/hostileLinks';
import { repairText } from '../../src/config/repairReason';

const app = serveBuiltApp();

/** Screenshots of the Chinese page, to look at (not kept in the repository). */
const SHOTS = '/tmp/gradscope-zh';
mkdirSync(SHOTS, { recursive: true });
const shoot = (page: Page, name: string) => page.screenshot({ path: `${SHOTS}/${name}.png` });

/**
 * Latin words a Chinese page may show: the brand, people's and methods' proper names,
 * activation and optimizer names, backends, units and maths. Everything else made of two or
 * more Latin letters is an English UI string that escaped translation.
 */
const ALLOWED_WORDS = new Set(
  [
    'Gradscope',
    'Xavier',
    'Glorot',
    'He',
    'Kaiming',
    'LeCun',
    'ReLU',
    'Leaky',
    'ELU',
    'SELU',
    'GELU',
    'Softplus',
    'Swish',
    'Sigmoid',
    'sigmoid',
    'Tanh',
    'tanh',
    'SGD',
    'MLP',
    'Adam',
    'RMSProp',
    'Nesterov',
    'WebGL',
    'wasm',
    'CPU',
    'GPU',
    'tfjs',
    'NaN',
    'XOR',
    'Frobenius',
    'Poole',
    'Schoenholz',
    'Gauss',
    'Hermite',
    'float32',
    'fan_in',
    'fan_out',
    'fan',
    'in',
    'dL',
    'dz',
    'lr',
    'max',
    'min',
    'English',
    // File formats and tools named as they are.
    'PNG',
    'JSON',
    'CSV',
    'TensorBoard',
    'AutoClip',
    'Seetharaman',
    'dW',
    'db',
  ].map((w) => w.toLowerCase()),
);

/** Link keys and values quoted in lesson text (`act=sigmoid`, `c.clip=tensorNorm:1`). */
const LINK_TEXT = /\b[a-z]+(?:\.[a-z]+)?=[\w.:-]+(?:&[a-z]+=[\w.:-]+)*/g;
/** Numbers in exponent form (1e-6, 10^12) and formulas' function names. */
const NUMBER_TEXT = /\b\d+(?:\.\d+)?e[+-]?\d+\b/gi;
/** What a link said, quoted back by a repair notice ("banana"). */
const QUOTED_TEXT = /"[^"]*"/g;

/** The English words left in a piece of page text once the allowed ones are taken out. */
function englishWords(text: string): string[] {
  const rest = text.replace(LINK_TEXT, ' ').replace(NUMBER_TEXT, ' ').replace(QUOTED_TEXT, ' ');
  return (rest.match(/[A-Za-z_][A-Za-z_0-9]+/g) ?? []).filter(
    (word) => !ALLOWED_WORDS.has(word.toLowerCase()) && !/^[A-Za-z]\d*$/.test(word),
  );
}

/**
 * Link text the page shows as the link writes it, in every language: a variant's changes in
 * link keys and values (`clip globalNorm:1`) and the key a repair notice line names (`lr`).
 */
const LINK_TEXT_SELECTOR = '.run-difference, [data-testid="repair-notice"] li > code';

/**
 * What a person sees or hears of the page: every rendered text node, the shown value of each
 * menu, and the tooltips and accessible names of visible elements.
 */
function visibleTexts(page: Page): Promise<string[]> {
  return page.evaluate((LINK_TEXT_ONLY) => {
    const shown = (el: Element) => {
      const style = getComputedStyle(el);
      return (
        el.getClientRects().length > 0 &&
        style.visibility !== 'hidden' &&
        style.display !== 'none' &&
        !el.closest('option, optgroup, script, style, noscript') &&
        !el.closest(LINK_TEXT_ONLY)
      );
    };
    const texts: string[] = [];
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const text = node.textContent?.trim() ?? '';
      if (text !== '' && node.parentElement && shown(node.parentElement)) texts.push(text);
    }
    for (const el of document.body.querySelectorAll('*')) {
      if (!shown(el)) continue;
      for (const attribute of ['title', 'aria-label', 'placeholder']) {
        const value = el.getAttribute(attribute);
        if (value) texts.push(value);
      }
      if (el instanceof HTMLSelectElement && el.selectedOptions[0])
        texts.push(el.selectedOptions[0].text);
    }
    texts.push(document.title);
    return texts;
  }, LINK_TEXT_SELECTOR);
}

/** The page's texts that still hold English words, each with where it was seen. */
async function englishLeaks(page: Page, where: string): Promise<string[]> {
  return (await visibleTexts(page))
    .filter((text) => englishWords(text).length > 0)
    .map((text) => `${where}: ${text}`);
}

async function expectNoEnglish(page: Page, where: string): Promise<void> {
  expect(await englishLeaks(page, where)).toEqual([]);
}

const htmlLang = (page: Page) => page.evaluate(() => document.documentElement.lang);
const hashOf = (page: Page) => page.evaluate(() => location.hash);

describe('the page in Simplified Chinese', () => {
  it('follows a Chinese browser on a first visit, and an English one', async () => {
    const zh = await openApp(app, '', undefined, { locale: 'zh-CN' });
    await zh.page.getByRole('button', { name: '开始', exact: true }).waitFor();
    expect(await htmlLang(zh.page)).toBe('zh-CN');
    await zh.page.context().close();
    const en = await openApp(app, '', undefined, { locale: 'en-US' });
    await en.page.getByRole('button', { name: 'Play' }).waitFor();
    expect(await htmlLang(en.page)).toBe('en');
    await en.page.context().close();
  }, 120_000);

  it('with lang=zh-CN shows no English UI string: default page, training, compare view, lesson, regime map', async () => {
    const { page, errors } = await openApp(app, '#lang=zh-CN', undefined, { locale: 'en-US' });
    expect(await htmlLang(page)).toBe('zh-CN');
    const leaks: string[] = [];
    expect(await page.title()).toContain('梯度');
    await shoot(page, 'default');
    leaks.push(...(await englishLeaks(page, 'default page')));

    await page.getByRole('button', { name: '前进 10 步' }).click();
    await waitForStep(page, 10);
    await page.getByRole('button', { name: '分布' }).click();
    await page.getByText('各层分布', { exact: false }).first().waitFor();
    await shoot(page, 'trained');
    leaks.push(...(await englishLeaks(page, 'after 10 steps, distributions open')));

    await page.getByRole('button', { name: '加梯度裁剪对比' }).click();
    await page.getByTestId('compare-view').waitFor();
    await page.getByRole('button', { name: '前进 10 步' }).click();
    await waitForStep(page, 10);
    await shoot(page, 'compare');
    leaks.push(...(await englishLeaks(page, 'compare view')));

    await page
      .getByRole('combobox', { name: '课程' })
      .selectOption({ label: ZH_CN_LESSON_TEXTS['clip-global-norm']!.title });
    await page.getByTestId('lesson-panel').waitFor();
    await shoot(page, 'lesson');
    leaks.push(...(await englishLeaks(page, 'clipping lesson')));

    await page.getByRole('button', { name: '区域图' }).click();
    await page.getByRole('button', { name: '开始计算' }).click();
    await page.getByText('点击一个格子', { exact: false }).waitFor({ timeout: 120_000 });
    await shoot(page, 'sweep');
    leaks.push(...(await englishLeaks(page, 'regime map')));
    await page.getByRole('button', { name: '裁剪阈值助手' }).click();
    await shoot(page, 'advisor');
    leaks.push(...(await englishLeaks(page, 'clip advisor')));

    await page.goto('about:blank');
    await page.goto(`${app.url}#lang=zh-CN&embed=lr,clip,gain,gscale,layers,act,init`);
    await page.getByRole('button', { name: '开始', exact: true }).waitFor();
    await shoot(page, 'embed');
    leaks.push(...(await englishLeaks(page, 'embed mode')));
    expect(leaks).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it('lists a link repair in Chinese and repairs an unknown lang to the viewer’s language', async () => {
    const { page } = await openApp(app, '#lang=zh-CN&lr=banana&at=0', undefined, {
      locale: 'en-US',
    });
    const notice = page.getByTestId('repair-notice');
    await notice.waitFor();
    await shoot(page, 'repair-notice');
    await expectNoEnglish(page, 'repair notice');
    await page.context().close();

    const bad = await openApp(app, '#lr=0.1&lang=klingon', undefined, { locale: 'zh-CN' });
    await bad.page.getByTestId('repair-notice').getByText('lang', { exact: false }).waitFor();
    expect(await htmlLang(bad.page)).toBe('zh-CN');
    await expect.poll(() => hashOf(bad.page), { timeout: 10_000 }).not.toContain('lang=');
    await bad.page.context().close();
  }, 120_000);

  it('says a hostile link’s many repairs, and why compared runs start apart, in Chinese', async () => {
    const hash = `${MANY_REPAIRS_LINK}&lang=zh-CN`;
    const { page, errors } = await openApp(app, hash, undefined, { locale: 'en-US' });
    const notice = page.getByTestId('repair-notice');
    await notice.waitFor();
    await page.getByTestId('compare-view').waitFor();
    // The notice opens with its first lines; "show all" lists every repair.
    const repairs = pageRepairs(hash);
    await notice.getByRole('button', { name: `显示全部 ${repairs.length} 项修正` }).click();
    await shoot(page, 'many-repairs');
    const lines = await notice.locator('li').allTextContents();

    // What the Chinese catalogue says for each repair, as the notice lists them.
    setCatalogue(ZH_CN_MESSAGES);
    setNumberLocale('zh-CN');
    const expected = repairs.map((r) => repairText(r, repairMessage(r)));
    setCatalogue(EN_MESSAGES);
    setNumberLocale('en');
    expect(lines).toEqual(expected);
    expect(new Set(repairs.map((r) => r.id)).size).toBeGreaterThanOrEqual(10);

    // No run of 3+ Latin letters but a proper name or what the link itself says: its keys and
    // values, and the link values a line lists (the options of a key).
    for (const [i, line] of lines.entries()) {
      expect(line).toMatch(/\p{Script=Han}/u);
      const said = [hash, ...Object.values(repairs[i]!.params).map(String)].join(' ');
      const linkWords = new Set(said.match(/[A-Za-z]{3,}/g));
      const latin = (line.match(/[A-Za-z]{3,}/g) ?? []).filter(
        (w) => !ALLOWED_WORDS.has(w.toLowerCase()),
      );
      for (const word of latin) expect(linkWords, line).toContain(word);
    }

    // B starts from A's draws scaled by its gain, C from another seed: both said in Chinese.
    const weights = await page.locator('.run-weights').allTextContents();
    expect(weights).toHaveLength(2);
    expect(weights[0]).toContain('gain 由 1 改为 2');
    expect(weights[1]).toContain('seed 由 1 改为 3');
    for (const text of weights)
      expect(englishWords(text.replace(/\b(gain|seed)\b/g, ''))).toEqual([]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('shows every lesson in both languages', async () => {
    const { page } = await openApp(app, '#lang=zh-CN', undefined, { locale: 'en-US' });
    const panel = page.getByTestId('lesson-panel');
    const language = page.getByTestId('language-select');
    for (const lesson of LESSONS) {
      const zh = ZH_CN_LESSON_TEXTS[lesson.id]!;
      await page.getByRole('combobox', { name: '课程' }).selectOption({ label: zh.title });
      await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain(zh.title);
      const text = (await panel.textContent()) ?? '';
      expect(text).toContain(zh.summary);
      for (const sentence of zh.observations) expect(text).toContain(sentence);
      expect(text).toContain(zh.tryNext);
      expect(englishWords(text.replace(zh.title, ''))).toEqual(
        englishWords([zh.summary, ...zh.observations, zh.why ?? '', zh.tryNext].join(' ')),
      );

      await language.selectOption('en');
      await expect.poll(() => panel.textContent(), { timeout: 20_000 }).toContain(lesson.title);
      expect(await panel.textContent()).toContain(watchText(lesson));
      expect(await panel.textContent()).toContain(lesson.tryNext);
      await language.selectOption('zh-CN');
      await expect.poll(() => htmlLang(page), { timeout: 20_000 }).toBe('zh-CN');
    }
    await page.context().close();
  }, 300_000);

  it('the language menu switches the page and the link, and the choice is remembered', async () => {
    const { page, errors } = await openApp(app, '#act=relu&lr=0.01', undefined, {
      locale: 'en-US',
    });
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 5);
    expect(await hashOf(page)).not.toContain('lang=');
    // Switching while training redraws the page in Chinese; the run goes on.
    await page.getByRole('combobox', { name: 'Language' }).selectOption('zh-CN');
    await page.getByRole('button', { name: '暂停', exact: true }).waitFor();
    expect(await htmlLang(page)).toBe('zh-CN');
    const stepAtSwitch = Number(await page.getByTestId('step-counter').getAttribute('data-step'));
    await waitForStep(page, stepAtSwitch + 10);
    await page.getByRole('button', { name: '暂停', exact: true }).click();
    expect(errors).toEqual([]);
    // The settings stay as they were; the link now carries the language the viewer picked.
    expect(await page.getByRole('combobox', { name: '激活函数' }).inputValue()).toBe('relu');
    await expect.poll(() => hashOf(page), { timeout: 10_000 }).toContain('lang=zh-CN');
    expect(await hashOf(page)).toContain('act=relu');

    // A link without lang, opened later in this browser, follows the remembered choice.
    await page.goto('about:blank');
    await page.goto(`${app.url}#act=tanh`);
    await page.getByRole('button', { name: '开始', exact: true }).waitFor();
    expect(await hashOf(page)).not.toContain('lang=');
    // A link with lang opens in its language, whatever the viewer picked before.
    await page.goto('about:blank');
    await page.goto(`${app.url}#act=tanh&lang=en`);
    await page.getByRole('button', { name: 'Play' }).waitFor();
    expect(await htmlLang(page)).toBe('en');
    expect(await page.getByRole('combobox', { name: 'Language' }).inputValue()).toBe('en');
    // Editing the link's lang by hand switches the page in place.
    await page.evaluate(() => {
      location.hash = location.hash.replace('lang=en', 'lang=zh-CN');
    });
    await page.getByRole('button', { name: '开始', exact: true }).waitFor();
    await page.context().close();
  }, 120_000);
});
