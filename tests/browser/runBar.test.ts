import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, serveBuiltApp } from './support/app';

const app = serveBuiltApp();

interface Control {
  name: string;
  scrollWidth: number;
  clientWidth: number;
  box: { x: number; y: number; width: number; height: number };
}

/** Every control of the run bar as a person sees it: its name, whether its text fits, its box. */
function runBarControls(page: Page): Promise<Control[]> {
  return page.evaluate(() => {
    const bar = document.querySelector('.run-bar')!;
    const controls = bar.querySelectorAll<HTMLElement>(
      'h1, button, select, label, output, .run-status, .backend-badge',
    );
    // Controls this width does not draw (the Settings button is for narrow screens) are skipped.
    const drawn = [...controls].filter((el) => el.getClientRects().length > 0);
    return drawn.map((el) => {
      const r = el.getBoundingClientRect();
      return {
        name: (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 40),
        scrollWidth: el.scrollWidth,
        clientWidth: el.clientWidth,
        box: { x: r.x, y: r.y, width: r.width, height: r.height },
      };
    });
  });
}

const overlap = (a: Control['box'], b: Control['box']) =>
  a.x < b.x + b.width - 0.5 &&
  b.x < a.x + a.width - 0.5 &&
  a.y < b.y + b.height - 0.5 &&
  b.y < a.y + a.height - 0.5;

describe('the run bar at 1366 x 768', () => {
  it('shows every control unclipped with a lesson open and a stopped run, and "Link copied" covers none', async () => {
    const { page, errors } = await openApp(app);
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    await page.getByRole('combobox', { name: 'Lessons' }).selectOption('lr-too-large');
    await page.getByRole('button', { name: 'Play' }).click();
    await page.getByTestId('explosion-banner').waitFor({ timeout: 120_000 });
    await page.getByRole('button', { name: 'Copy link' }).click();
    const copied = page.getByTestId('copy-status');
    await expect.poll(() => copied.textContent()).toBe('Link copied');

    const controls = await runBarControls(page);
    expect(controls.length).toBeGreaterThanOrEqual(12);
    for (const c of controls) {
      expect(c.scrollWidth, `${c.name} is cut`).toBeLessThanOrEqual(c.clientWidth);
      expect(c.box.width, `${c.name} has no width`).toBeGreaterThan(0);
    }
    // The chosen lesson's title is readable: its select is at least 200 px wide.
    const lessons = controls.find((c) => c.name.startsWith('Lessons'))!;
    expect(lessons.box.width).toBeGreaterThanOrEqual(200);
    // No two controls overlap, and the confirmation overlaps none of them.
    const copiedBox = (await copied.boundingBox())!;
    for (const c of controls) {
      expect(overlap(copiedBox, c.box), `"Link copied" covers ${c.name}`).toBe(false);
    }
    const unnested = controls.filter(
      (c) => !c.name.startsWith('Speed') && !c.name.startsWith('Lessons'),
    );
    for (const [i, a] of unnested.entries()) {
      for (const b of unnested.slice(i + 1))
        expect(overlap(a.box, b.box), `${a.name} / ${b.name}`).toBe(false);
    }
    await page.screenshot({ path: '/tmp/charts-run-bar-1366.png' });
    expect(errors).toEqual([]);
    await page.context().close();
  }, 240_000);
});
