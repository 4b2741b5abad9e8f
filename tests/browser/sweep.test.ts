import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, screenshot, serveBuiltApp, waitForStep } from './support/app';

const app = serveBuiltApp();

/** A 6 x 6 map: gain across (log), depth up; tanh at width 16, so the boundary is at gain 1. */
const SMALL_MAP = '#layers=16x4&act=tanh&init=lecunNormal&sweep=gain:0.25..4:6,depth:2..12:6';

/**
 * The longest wait of a timer asking to run every 20 ms, from when this was called until
 * `done` resolves: how long the page's thread was held at a time.
 */
async function longestHold(page: Page, done: () => Promise<void>): Promise<number> {
  await page.evaluate(() => {
    const w = window as unknown as { longestHoldMs: number };
    w.longestHoldMs = 0;
    let last = performance.now();
    setInterval(() => {
      const now = performance.now();
      w.longestHoldMs = Math.max(w.longestHoldMs, now - last);
      last = now;
    }, 20);
  });
  await done();
  return page.evaluate(() => (window as unknown as { longestHoldMs: number }).longestHoldMs);
}

describe('regime map', () => {
  it('a sweep link opens the map, which fills with progress; a click loads the cell as the base', async () => {
    const { page, errors } = await openApp(app, SMALL_MAP);
    const map = page.getByTestId('regime-map');
    await map.waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.locator('[data-testid="regime-cell"][data-measured="1"]').count(), {
        timeout: 60_000,
      })
      .toBe(36);
    await expect(page.getByTestId('sweep-progress-text').textContent()).resolves.toMatch(
      /36 of 36 cells/,
    );
    expect(await page.getByTestId('sweep-progress').getAttribute('value')).toBe('36');
    // Theory: tanh with LeCun init (sigma_w = gain) crosses chi_1 = 1 at gain 1, inside the map.
    await expect(page.getByTestId('regime-boundary').count()).resolves.toBe(1);
    await expect(page.getByTestId('sweep-theory').textContent()).resolves.toMatch(/Gauss–Hermite/);
    await screenshot(page, 'sweep-map-6x6');

    // The top-right cell: gain 4, depth 12.
    await page.locator('[data-testid="regime-cell"][data-index="35"]').click();
    await expect(page.getByTestId('sweep-cell').textContent()).resolves.toMatch(
      /init gain 4 · depth \(hidden layers\) 12.*log slope \+/,
    );
    await page.getByTestId('sweep-load-base').click();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5000 })
      .toMatch(/layers=16x12&.*gain=4&.*sweep=gain:0.25..4:6,depth:2..12:6/);
    // The map is of the same cells (cached): the current setup's ring moved onto that cell.
    await expect(page.getByTestId('regime-current').count()).resolves.toBe(1);
    await expect(page.getByTestId('sweep-progress-text').textContent()).resolves.toMatch(
      /36 of 36 cells/,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('cancel stops a sweep part-way and the cells so far stay drawn', async () => {
    const { page, errors } = await openApp(
      app,
      '#layers=32x8&act=relu&sweep=gain:0.25..4:16,depth:2..48:16',
    );
    await expect
      .poll(() => page.locator('[data-testid="regime-cell"][data-measured="1"]').count(), {
        timeout: 60_000,
      })
      .toBeGreaterThan(0);
    await page.getByTestId('sweep-cancel').click();
    await expect(page.getByTestId('sweep-progress-text').textContent()).resolves.toMatch(
      /Cancelled after \d+ of 256 cells/,
    );
    const measured = await page.locator('[data-testid="regime-cell"][data-measured="1"]').count();
    await page.waitForTimeout(1500);
    expect(await page.locator('[data-testid="regime-cell"][data-measured="1"]').count()).toBe(
      measured,
    );
    expect(measured).toBeLessThan(256);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the Regime map tab opens a gain x depth map and writes it into the link; Live charts closes it', async () => {
    const { page, errors } = await openApp(app, '#layers=16x4');
    await page.getByTestId('open-regime-map').click();
    await page.getByTestId('regime-map').waitFor({ timeout: 30_000 });
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5000 })
      .toMatch(/sweep=gain:0.25..4:12,depth:2..48:12/);
    await page.getByRole('button', { name: 'Live charts' }).click();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5000 })
      .not.toMatch(/sweep=/);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 120_000);

  it('the clip-threshold advisor sweeps c over the observed norms, marks the best and applies it', async () => {
    const { page, errors } = await openApp(
      app,
      '#layers=32x8&act=relu&init=heNormal&gain=1.3&lr=0.3&steps=5000',
    );
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    await page.getByTestId('open-regime-map').click();
    await page.getByTestId('open-clip-advisor').click();
    await expect
      .poll(() => page.evaluate(() => location.hash), { timeout: 5000 })
      .toMatch(/sweep=clip:[0-9.e-]+\.\.[0-9.e-]+:12&sweepsteps=50/);
    await expect(page.getByTestId('sweep-progress-text').textContent()).resolves.toMatch(/of 12/);
    await expect
      .poll(() => page.getByTestId('sweep-progress-text').textContent(), { timeout: 90_000 })
      .toMatch(/12 of 12 cells/);
    await expect(page.getByTestId('sweep-curves').locator('figure').count()).resolves.toBe(4);
    await screenshot(page, 'sweep-clip-advisor');
    const advice = page.getByTestId('clip-advice');
    const best = await advice.textContent();
    const chosen = /Best: c = ([0-9.e-]+)/.exec(best ?? '');
    expect(chosen, best ?? '').not.toBeNull();
    await page.getByTestId('sweep-apply-best').click();
    // The link holds c to six figures; the advice shows three.
    await expect
      .poll(
        async () => {
          const found = /clip=globalNorm:([0-9.e-]+)/.exec(
            await page.evaluate(() => location.hash),
          );
          return found ? String(Number(Number(found[1]).toPrecision(3))) : null;
        },
        { timeout: 5000 },
      )
      .toBe(chosen![1]);
    expect(errors).toEqual([]);
    await page.context().close();
  }, 150_000);
});

describe('regime map closed while it measures', () => {
  it('stops its sweep, so training is not left waiting behind cells nobody sees', async () => {
    const { page, errors } = await openApp(
      app,
      // Deep cells of 200 steps each: seconds per cell, 16 cells.
      '#layers=32x8&act=relu&sweep=gain:0.25..4:8,depth:40..48:2&sweepsteps=200',
    );
    const measured = () => page.locator('[data-testid="regime-cell"][data-measured="1"]').count();
    await expect.poll(measured, { timeout: 120_000 }).toBeGreaterThanOrEqual(1);
    await page.getByRole('button', { name: 'Live charts' }).click();
    await page.getByRole('button', { name: 'Play' }).click();
    // Behind the sweep's cells, one training step waits seconds per cell (well over 120 s for
    // 30 steps here); with the sweep stopped, 30 steps take a few seconds.
    await waitForStep(page, 30, 120_000);
    await page.getByRole('button', { name: 'Pause' }).click();
    // Opened again (the tab's default map), it measures afresh.
    await page.getByTestId('open-regime-map').click();
    await expect(page.getByTestId('sweep-progress-text').textContent()).resolves.toMatch(
      /^\d+ of 144 cells/,
    );
    expect(errors).toEqual([]);
    await page.context().close();
  }, 300_000);

  it("computed on the page's own thread (no worker can train) lets the page in between steps", async () => {
    // It held the thread for the whole sweep: 35 s for this map at 200 steps per cell.
    const { page, errors } = await openApp(app, '#layers=32x8&act=tanh', undefined, {
      initScript: 'delete globalThis.OffscreenCanvas;',
    });
    expect(await page.evaluate(() => window.__gradscope!.trainingThread!())).toBe('main');
    const held = await longestHold(page, async () => {
      await page.evaluate(
        () =>
          (location.hash = '#layers=32x8&act=tanh&sweep=gain:0.25..4:5,depth:2..8:3&sweepsteps=50'),
      );
      await page
        .getByTestId('sweep-progress-text')
        .filter({ hasText: '15 of 15 cells' })
        .waitFor({ timeout: 120_000 });
    });
    // One step of these networks takes milliseconds; a second allows for a loaded machine.
    expect(held).toBeLessThan(1000);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});
