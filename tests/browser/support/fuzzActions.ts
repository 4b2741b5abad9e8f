/**
 * The UI fuzzer's actions: what a restless person does to the page (clicks, selects, slider
 * moves, typed values, keys, drags, link edits, backend switches, variants), each chosen by a
 * seeded PRNG and described in one line so a failure can be replayed by hand. Every action acts
 * through Playwright on what is visible, as a person would; none reaches into the app.
 */
import type { Locator, Page } from 'playwright-core';
import type { Prng } from '../../../src/random/prng';
import { compareMessages as compareEn } from '../../../src/ui/i18n/en/compare';
import { runMessages as runEn } from '../../../src/ui/i18n/en/run';
import { compareMessages as compareZh } from '../../../src/ui/i18n/zh-CN/compare';
import { runMessages as runZh } from '../../../src/ui/i18n/zh-CN/run';
import { generatedHostileLinks, HAND_WRITTEN_LINKS } from './hostileLinks';

/** How long one action may wait for its element: the page is busy, so skip rather than stall. */
const ACTION_TIMEOUT_MS = 2000;

/** Valid links worth landing on between hostile ones (small, so training stays quick). */
const VALID_LINKS = [
  '#layers=16x4&act=tanh&steps=100000',
  '#layers=8x3&act=relu&gain=4&lr=1&clip=none&b.clip=globalNorm:1',
  '#layers=16x6&act=sigmoid&c.init=heNormal&b.lr=0.5',
  '#layers=32x8&act=tanh&sweep=gain:0.25..4:5,depth:2..8:3',
];

type RunKey = keyof typeof runEn;
type CompareKey = keyof typeof compareEn;

/**
 * A control's name in either of the page's languages (the fuzzer may switch to Chinese), as an
 * exact match: any of the run bar's `run` keys and the compare view's `compare` keys.
 */
function named(run: RunKey[], compare: CompareKey[] = []): RegExp {
  const names = [
    ...run.flatMap((key) => [runEn[key], runZh[key]]),
    ...compare.flatMap((key) => [compareEn[key], compareZh[key]]),
  ];
  const escaped = names.map((name) => name.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^(${escaped.join('|')})$`);
}

const PLAY_OR_PAUSE = named(['run.play', 'run.pause']);
const BACKEND_MENU = named(['run.backendSelect']);
const COMPARE_CLIPPING = named([], ['compare.withClipping', 'compare.withoutClipping']);
const COMPARE_MENU = named([], ['compare.withMenu']);

const KEYS = [
  ' ',
  'ArrowRight',
  'r',
  'Tab',
  'Shift+Tab',
  'Escape',
  'Enter',
  'ArrowUp',
  'ArrowDown',
];
const TYPED = ['', '0', '-1', '1e999', 'abc', '0.5', '3', '64', '999999', 'NaN', '1,5'];
const BACKENDS = ['auto', 'webgl', 'wasm', 'cpu'];

interface ControlFacts {
  tag: string;
  type: string;
  label: string;
  disabled: boolean;
  options: string[];
  min: number;
  max: number;
}

async function factsOf(control: Locator): Promise<ControlFacts> {
  return control.evaluate(
    (el) => {
      const input = el as HTMLInputElement;
      const label =
        el.getAttribute('aria-label') ??
        (input.labels?.[0]?.textContent ?? el.textContent ?? '').trim().slice(0, 40);
      return {
        tag: el.tagName.toLowerCase(),
        type: input.type ?? '',
        label,
        disabled: input.disabled === true,
        options:
          el instanceof HTMLSelectElement
            ? [...el.options].filter((o) => !o.disabled).map((o) => o.value)
            : [],
        min: Number(input.min || 0),
        max: Number(input.max || 100),
      };
    },
    undefined,
    // The control may have gone since it was listed: skip it rather than wait for it.
    { timeout: ACTION_TIMEOUT_MS },
  );
}

export class Fuzzer {
  readonly log: string[] = [];
  private readonly startedAt = Date.now();
  private readonly hostile: string[];

  constructor(
    private readonly page: Page,
    private readonly prng: Prng,
  ) {
    this.hostile = [...HAND_WRITTEN_LINKS, ...generatedHostileLinks(20, 11)];
  }

  private pick<T>(items: readonly T[]): T {
    return items[this.prng.int(items.length)]!;
  }

  /** One random action; returns its description (also logged). */
  async act(): Promise<string> {
    const roll = this.prng.int(100);
    let done: string;
    try {
      if (roll < 40) done = await this.control();
      else if (roll < 50) done = await this.key();
      else if (roll < 58) done = await this.drag();
      else if (roll < 68) done = await this.linkEdit();
      else if (roll < 76) done = await this.backend();
      else if (roll < 86) done = await this.variant();
      else if (roll < 88) done = await this.killWorker();
      else done = await this.playPause();
    } catch (error) {
      // A control that vanished or stayed busy: Playwright gave up, the page did nothing wrong.
      done = `skipped (${(error as Error).message.split('\n')[0]})`;
    }
    // When each action ended, so a long gap (a page that stopped answering) shows in the log.
    this.log.push(`[${((Date.now() - this.startedAt) / 1000).toFixed(1)} s] ${done}`);
    return done;
  }

  private async control(): Promise<string> {
    const controls = await this.page
      .locator('button:visible, select:visible, input:visible, [role="tab"]:visible')
      .all();
    if (controls.length === 0) return 'control: none visible';
    const control = this.pick(controls);
    const facts = await factsOf(control);
    const name = `${facts.tag}${facts.type ? `[${facts.type}]` : ''} "${facts.label}"`;
    if (facts.disabled) return `control: ${name} disabled`;
    if (facts.tag === 'select') {
      const value = this.pick(facts.options.length > 0 ? facts.options : ['']);
      await control.selectOption(value, { timeout: ACTION_TIMEOUT_MS });
      return `select ${name} = ${value}`;
    }
    if (facts.tag === 'input' && facts.type === 'range') {
      const value = facts.min + ((facts.max - facts.min) * this.prng.int(101)) / 100;
      await control.fill(String(value), { timeout: ACTION_TIMEOUT_MS });
      return `slider ${name} = ${value}`;
    }
    if (facts.tag === 'input' && (facts.type === 'checkbox' || facts.type === 'radio')) {
      await control.click({ timeout: ACTION_TIMEOUT_MS });
      return `toggle ${name}`;
    }
    if (facts.tag === 'input') {
      // A number field takes only what parses as a number (Playwright refuses the rest).
      const value = this.pick(
        facts.type === 'number' ? TYPED.filter((t) => t === '' || !Number.isNaN(Number(t))) : TYPED,
      );
      await control.fill(value, { timeout: ACTION_TIMEOUT_MS });
      if (this.prng.int(2) === 0) await control.press('Enter', { timeout: ACTION_TIMEOUT_MS });
      else await control.blur({ timeout: ACTION_TIMEOUT_MS });
      return `type ${name} = "${value}"`;
    }
    await control.click({ timeout: ACTION_TIMEOUT_MS });
    return `click ${name}`;
  }

  private async key(): Promise<string> {
    const key = this.pick(KEYS);
    await this.page.keyboard.press(key);
    return `key ${key}`;
  }

  private async drag(): Promise<string> {
    const viewport = this.page.viewportSize() ?? { width: 1366, height: 768 };
    const at = () => ({
      x: 5 + this.prng.int(viewport.width - 10),
      y: 5 + this.prng.int(viewport.height - 10),
    });
    const [from, to] = [at(), at()];
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(to.x, to.y, { steps: 5 });
    await this.page.mouse.up();
    return `drag (${from.x}, ${from.y}) -> (${to.x}, ${to.y})`;
  }

  private async linkEdit(): Promise<string> {
    const hash = this.prng.int(3) === 0 ? this.pick(VALID_LINKS) : this.pick(this.hostile);
    await this.page.evaluate((h) => (window.location.hash = h), hash);
    return `link ${hash.length > 120 ? `${hash.slice(0, 120)}… (${hash.length} chars)` : hash}`;
  }

  private async backend(): Promise<string> {
    const name = this.pick(BACKENDS);
    await this.page
      .getByRole('combobox', { name: BACKEND_MENU })
      .selectOption(name, { timeout: ACTION_TIMEOUT_MS });
    return `backend ${name}`;
  }

  private async variant(): Promise<string> {
    const remove = this.page.locator('[data-testid="runs-legend"] button:visible');
    if (this.prng.int(3) === 0 && (await remove.count()) > 0) {
      const index = this.prng.int(await remove.count());
      await remove.nth(index).click({ timeout: ACTION_TIMEOUT_MS });
      return `remove variant #${index}`;
    }
    if (this.prng.int(2) === 0) {
      await this.page
        .getByRole('button', { name: COMPARE_CLIPPING })
        .click({ timeout: ACTION_TIMEOUT_MS });
      return 'add variant: Compare with clipping';
    }
    const menu = this.page.getByRole('combobox', { name: COMPARE_MENU });
    const options = await menu
      .locator('option:not([disabled])')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value).filter((v) => v !== ''));
    if (options.length === 0) return 'add variant: no choice offered';
    const value = this.pick(options);
    await menu.selectOption(value, { timeout: ACTION_TIMEOUT_MS });
    return `add variant: Compare with ${value}`;
  }

  /** The training worker dies (the page's diagnostics hook stops it as a crash would). */
  private async killWorker(): Promise<string> {
    const killed = await this.page.evaluate(() => window.__gradscope!.terminateTrainingWorker!());
    return `training worker terminated (${killed ? 'it was running' : 'none running'})`;
  }

  private async playPause(): Promise<string> {
    const button = this.page.getByRole('button', { name: PLAY_OR_PAUSE });
    const name = (await button.textContent({ timeout: ACTION_TIMEOUT_MS })) ?? '';
    await button.click({ timeout: ACTION_TIMEOUT_MS });
    return `click ${name}`;
  }
}
