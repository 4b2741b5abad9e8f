import { appendFileSync, cpSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';
import { BUILT_APP_DIR, SCREENSHOT_DIR, screenshot } from './support/app';

/**
 * A copy of the build is served, so that a "new version" can be published under the open page
 * by changing its service worker, as a redeploy would.
 */
let dir: string;
let server: PreviewServer;
let browser: Browser;
let url: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'gradscope-update-'));
  cpSync(BUILT_APP_DIR, dir, { recursive: true });
  server = await preview({
    build: { outDir: dir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
    logLevel: 'warn',
  });
  url = `http://127.0.0.1:${(server.httpServer.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  mkdirSync(SCREENSHOT_DIR, { recursive: true });
});

afterAll(async () => {
  await browser?.close();
  await new Promise<void>((resolve) => server?.httpServer.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

describe('a new version of the installed app', () => {
  it('is announced with a Reload button, never reloads by itself, and loads when asked', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${url}#layers=8x3`);
    await page.waitForFunction(() => navigator.serviceWorker.controller?.state === 'activated', {
      timeout: 90_000,
    });
    await expect(page.getByTestId('update-notice').count()).resolves.toBe(0);

    // The next deploy: its service worker differs by a byte.
    appendFileSync(join(dir, 'sw.js'), '\n// the next version\n');
    await page.reload();
    const notice = page.getByTestId('update-notice');
    await notice.waitFor({ timeout: 90_000 });
    await expect(notice.textContent()).resolves.toMatch(/new version of Gradscope is ready/);
    // The open page stays as it is until the teacher says so.
    await page.waitForTimeout(2000);
    await expect(notice.isVisible()).resolves.toBe(true);
    await screenshot(page, 'update-notice');

    await Promise.all([
      page.waitForEvent('load', { timeout: 90_000 }),
      notice.getByRole('button', { name: 'Reload to update' }).click(),
    ]);
    await page
      .getByTestId('backend-badge')
      .and(page.locator('[data-backend]:not([data-backend=""])'))
      .waitFor({ timeout: 90_000 });
    await expect(page.getByTestId('update-notice').count()).resolves.toBe(0);
    // The version that waited is the one in charge now.
    await expect(
      page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration?.waiting ?? null, active: registration?.active?.state };
      }),
    ).resolves.toEqual({ waiting: null, active: 'activated' });
    expect(errors).toEqual([]);
    await context.close();
  });
});
