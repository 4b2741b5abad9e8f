import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../src/config/lessons';
import { openApp, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

const PHONE = { width: 390, height: 844 };
const TABLET = { width: 768, height: 1024 };
const DESKTOP = { width: 1366, height: 768 };

/** The page is never wider than the window: nothing to scroll sideways. */
function pageOverflowPx(page: Page): Promise<number> {
  return page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
}

/** Where an element is on screen, in CSS px of the viewport. */
async function box(page: Page, selector: string) {
  const found = await page.locator(selector).first().boundingBox();
  if (!found) throw new Error(`${selector} is not drawn`);
  return found;
}

const shot = (page: Page, name: string) => page.screenshot({ path: `/tmp/${name}.png` });

describe.each([
  ['phone', PHONE],
  ['tablet', TABLET],
])('on a %s', (name, viewport) => {
  it('the run bar and the gradient chart are on the first screen, with no sideways scrolling', async () => {
    const { page, errors } = await openApp(app, '#steps=5000', viewport);
    await page.getByTestId('orientation').waitFor();
    expect(await pageOverflowPx(page)).toBeLessThanOrEqual(0);
    const play = await box(page, '.run-bar button.primary');
    expect(play.y).toBeGreaterThanOrEqual(0);
    expect(play.y + play.height).toBeLessThanOrEqual(viewport.height / 4);
    // Even below a first visit's orientation, the gradient chart starts on the first screen...
    expect((await box(page, '[data-testid="grad-norm-chart"]')).y).toBeLessThan(viewport.height);
    await shot(page, `a11y-${name}-first-visit`);
    // ...and without it, all of it is there.
    await page.getByRole('button', { name: 'Got it' }).click();
    const chart = await box(page, '[data-testid="grad-norm-chart"]');
    expect(chart.y + chart.height).toBeLessThanOrEqual(viewport.height);
    expect(chart.width).toBeGreaterThan(viewport.width * 0.9);

    // The run bar stays on top while the page scrolls down to the other charts.
    await page.getByRole('button', { name: 'Play' }).click();
    await waitForStep(page, 30);
    await page.getByTestId('grad-heatmap').scrollIntoViewIfNeeded();
    expect(await page.evaluate(() => window.scrollY)).toBeGreaterThan(100);
    const pause = await box(page, '.run-bar button.primary');
    expect(pause.y).toBeGreaterThanOrEqual(0);
    expect(pause.y + pause.height).toBeLessThanOrEqual(viewport.height / 4);
    await page.getByRole('button', { name: 'Pause' }).click();
    expect(await pageOverflowPx(page)).toBeLessThanOrEqual(0);
    await shot(page, `a11y-${name}-scrolled`);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the settings are in a drawer that the Settings button opens and Escape or a click outside closes', async () => {
    const { page } = await openApp(app, '#steps=5000', viewport);
    const settings = page.getByRole('button', { name: 'Settings', exact: true });
    const clipMode = page.getByLabel('Clip mode');
    expect(await clipMode.isVisible()).toBe(false);
    expect(await settings.getAttribute('aria-expanded')).toBe('false');
    await settings.click();
    expect(await settings.getAttribute('aria-expanded')).toBe('true');
    await clipMode.waitFor({ state: 'visible' });
    // The opened drawer has the focus, so Tab goes on inside it.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Close settings');
    const drawer = await box(page, '.controls-panel');
    expect(drawer.x).toBe(0);
    expect(drawer.width).toBeLessThanOrEqual(viewport.width);
    expect(drawer.height).toBe(viewport.height);
    // A setting changed in the drawer changes the run (the link follows).
    await clipMode.selectOption('globalNorm');
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 10_000 })
      .toContain('clip=globalNorm');
    expect(await pageOverflowPx(page)).toBeLessThanOrEqual(0);
    await shot(page, `a11y-${name}-settings-drawer`);
    await page.keyboard.press('Escape');
    await clipMode.waitFor({ state: 'hidden' });
    expect(await settings.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('settings-toggle');
    // The drawer's own Close button shuts it too.
    await settings.click();
    await page.getByRole('button', { name: 'Close settings' }).click();
    await clipMode.waitFor({ state: 'hidden' });
    // A click or tap on the page beside the drawer shuts it as well, and goes on to what it hit.
    await settings.click();
    await clipMode.waitFor({ state: 'visible' });
    const panel = await box(page, '.controls-panel');
    const besideX = Math.min(viewport.width - 4, panel.x + panel.width + 12);
    expect(besideX).toBeGreaterThan(panel.x + panel.width);
    await page.mouse.click(besideX, viewport.height / 2);
    await clipMode.waitFor({ state: 'hidden' });
    expect(await settings.getAttribute('aria-expanded')).toBe('false');
    // A click inside it does not.
    await settings.click();
    await clipMode.waitFor({ state: 'visible' });
    await page.mouse.click(panel.x + 8, panel.y + 8);
    await page.waitForTimeout(500);
    expect(await clipMode.isVisible()).toBe(true);
    await page.context().close();
  }, 120_000);

  it('the compare view, the regime map and an open lesson fit the width', async () => {
    for (const [hash, view] of [
      ['#layers=16x4&act=tanh&b.clip=globalNorm:1&c.init=heNormal', 'compare'],
      ['#layers=16x4&act=tanh&sweep=gain:0.25..4:4,depth:2..6:3', 'map'],
      [`${LESSONS[1]!.link}&lesson=${LESSONS[1]!.id}`, 'lesson'],
    ] as const) {
      const { page } = await openApp(app, hash, viewport);
      if (view === 'compare') await page.getByTestId('runs-legend').waitFor();
      if (view === 'map')
        await expect
          .poll(() => page.locator('[data-testid="regime-cell"][data-measured="1"]').count(), {
            timeout: 60_000,
          })
          .toBe(12);
      if (view === 'lesson') await page.getByTestId('lesson-panel').waitFor();
      expect(await pageOverflowPx(page)).toBeLessThanOrEqual(0);
      await page.screenshot({ path: `/tmp/a11y-${name}-${view}.png`, fullPage: true });
      await page.context().close();
    }
  }, 180_000);
});

describe('on a laptop', () => {
  it('keeps the desktop layout: settings beside the charts, no Settings button, no page scroll', async () => {
    const { page } = await openApp(app, '#steps=5000', DESKTOP);
    expect(await page.getByRole('button', { name: 'Settings', exact: true }).isVisible()).toBe(
      false,
    );
    expect(await page.getByLabel('Clip mode').isVisible()).toBe(true);
    const controls = await box(page, '.controls-panel');
    const chart = await box(page, '[data-testid="grad-norm-chart"]');
    expect(chart.x).toBeGreaterThanOrEqual(controls.x + controls.width);
    expect(chart.y + chart.height).toBeLessThanOrEqual(DESKTOP.height);
    expect(
      await page.evaluate(() => [
        document.documentElement.scrollWidth - window.innerWidth,
        document.documentElement.scrollHeight - window.innerHeight,
      ]),
    ).toEqual([0, 0]);
    await shot(page, 'a11y-desktop');
    await page.context().close();
  }, 60_000);
});
