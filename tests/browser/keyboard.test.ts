import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

interface Focused {
  /** Text a person would use to name it: its label, text or aria-label. */
  name: string;
  tag: string;
  /** Whether an outline (or shadow) is drawn around it or its label while it has the focus. */
  ringVisible: boolean;
}

/** Marks the focused element as reached and says what it is and how its focus is drawn. */
function inspectFocus(page: Page): Promise<Focused | null> {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return null;
    el.dataset.kbdReached = '1';
    const drawn = [el, el.closest('label')].filter((e): e is HTMLElement => e !== null);
    const ringVisible = drawn.some((e) => {
      const s = getComputedStyle(e);
      return (
        (s.outlineStyle !== 'none' && parseFloat(s.outlineWidth) >= 1) || s.boxShadow !== 'none'
      );
    });
    const labelled = el.id ? document.querySelector(`label[for="${el.id}"]`)?.textContent : null;
    const name = el.getAttribute('aria-label') ?? labelled ?? el.textContent ?? '';
    return { name: name.trim().slice(0, 60), tag: el.tagName, ringVisible };
  });
}

/** Presses Tab until the element named `name` has the focus; returns how many presses. */
async function tabTo(page: Page, name: RegExp, limit = 400): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('Tab');
    const focused = await inspectFocus(page);
    if (focused && name.test(focused.name)) return i;
  }
  throw new Error(`no ${name} within ${limit} Tab presses`);
}

describe('keyboard', () => {
  it('Tab reaches every control on the page, each with a visible focus ring', async () => {
    const { page } = await openApp(app, '#steps=5000');
    await page.getByTestId('orientation').waitFor();
    const reached: Focused[] = [];
    let first: string | null = null;
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('Tab');
      const focused = await inspectFocus(page);
      if (!focused) continue;
      const key = `${focused.tag}:${focused.name}`;
      if (key === first) break; // round the page once
      first ??= key;
      reached.push(focused);
    }
    expect(reached.length).toBeGreaterThan(40);
    expect(reached.filter((f) => !f.ringVisible)).toEqual([]);
    // Every control a person can see and use was reached (of a radio group, one radio is a
    // Tab stop and arrows move within it).
    const missed = await page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        'button, select, input, textarea, a[href], summary, [tabindex="0"]',
      );
      return [...controls]
        .filter((el) => el.checkVisibility() && !(el as HTMLButtonElement).disabled)
        .filter((el) => !el.dataset.kbdReached)
        .filter((el) => {
          if (!(el instanceof HTMLInputElement) || el.type !== 'radio') return true;
          return !document.querySelector(`input[name="${el.name}"][data-kbd-reached]`);
        })
        .map((el) => el.outerHTML.slice(0, 120));
    });
    expect(missed).toEqual([]);
    await page.context().close();
  }, 180_000);

  it('Play, a log slider and a select work from the keyboard alone', async () => {
    const { page } = await openApp(app, '#steps=5000');
    // Play: Tab to it, Enter.
    await tabTo(page, /^Play$/);
    await page.keyboard.press('Enter');
    await waitForStep(page, 5);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Pause');
    await page.keyboard.press('Enter');
    await expect
      .poll(() => page.getByTestId('run-status').getAttribute('data-status'))
      .toBe('paused');

    // The learning-rate slider: its name and value are spoken, arrows move it along a log track.
    await tabTo(page, /^Learning rate$/);
    const slider = page.locator(':focus');
    expect(await slider.getAttribute('type')).toBe('range');
    expect(await slider.getAttribute('aria-valuetext')).toBe('0.05, log scale');
    await page.keyboard.press('ArrowRight');
    const after = await slider.getAttribute('aria-valuetext');
    const lr = Number(/^([\d.e-]+), log scale$/.exec(after ?? '')?.[1]);
    expect(lr).toBeGreaterThan(0.05);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`lr=${lr}`);
    expect(await page.getByRole('spinbutton', { name: 'Learning rate value' }).inputValue()).toBe(
      String(lr),
    );

    // The activation select: arrows choose the next activation.
    await tabTo(page, /^Activation$/);
    const before = await page.locator(':focus').inputValue();
    await page.keyboard.press('ArrowDown');
    const chosen = await page.locator(':focus').inputValue();
    expect(chosen).not.toBe(before);
    await expect.poll(() => page.evaluate(() => location.hash)).toContain(`act=${chosen}`);
    await page.context().close();
  }, 180_000);
});
