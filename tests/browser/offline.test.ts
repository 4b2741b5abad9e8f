import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openApp, serveBuiltApp, waitForStep, type OpenedPage } from './support/app';

/** Served under a sub-path, as a course page would host it: the app must work from any. */
const app = serveBuiltApp({ base: '/course/gradscope/' });

const LINK = '#layers=8x3&act=tanh';

/** Waits until the page's service worker has installed (precached the build) and controls it. */
async function waitForServiceWorker(page: Page): Promise<void> {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller?.state === 'activated',
    undefined,
    { timeout: 90_000 },
  );
}

async function waitForBackend(page: Page): Promise<string> {
  const badge = page
    .getByTestId('backend-badge')
    .and(page.locator('[data-backend]:not([data-backend=""])'));
  await badge.waitFor({ timeout: 90_000 });
  return (await badge.getAttribute('data-backend')) ?? '';
}

async function playUntil(page: Page, step: number): Promise<void> {
  await page.getByRole('button', { name: 'Play' }).click();
  await waitForStep(page, step, 90_000);
  await page.getByRole('button', { name: 'Pause' }).click();
}

describe('offline, after the first visit', () => {
  it('the page names its manifest, whose icons and start URL are relative and served', async () => {
    const { page } = await openApp(app, LINK);
    const href = await page.locator('link[rel="manifest"]').getAttribute('href');
    const manifestUrl = new URL(href!, page.url());
    const manifest = (await (await page.request.get(manifestUrl.href)).json()) as {
      name: string;
      start_url: string;
      scope: string;
      theme_color: string;
      icons: { src: string; sizes: string }[];
    };
    expect(manifest.name).toMatch(/^Gradscope/);
    expect(new URL(manifest.start_url, manifestUrl).href).toBe(app.url);
    expect(new URL(manifest.scope, manifestUrl).href).toBe(app.url);
    expect(manifest.icons.map((i) => i.sizes)).toEqual(
      expect.arrayContaining(['192x192', '512x512']),
    );
    for (const icon of manifest.icons) {
      const response = await page.request.get(new URL(icon.src, manifestUrl).href);
      expect(response.headers()['content-type']).toBe('image/png');
    }
    await page.context().close();
  });

  for (const backend of [null, 'wasm', 'webgl', 'cpu'] as const) {
    it(`reloads with the network off and trains on ${backend ?? 'the automatic backend'}`, async () => {
      const hash = backend ? `${LINK}&backend=${backend}` : LINK;
      const opened: OpenedPage = await openApp(app, hash);
      const { page, errors, foreignRequests } = opened;
      const online = await waitForBackend(page);
      await waitForServiceWorker(page);
      await page.context().setOffline(true);

      await page.reload();
      const offline = await waitForBackend(page);
      expect(offline).toBe(online);
      if (backend) expect(offline).toBe(backend);
      await playUntil(page, 20);
      // The step counter a person reads is past 20, and the chart has drawn the steps.
      await page
        .getByTestId('grad-norm-chart')
        .locator('.chart-sr-only')
        .filter({ hasText: /Step \d+:/ })
        .waitFor({ timeout: 60_000 });

      if (backend === null) {
        // A lesson opens offline too, in a new tab of the same browser.
        const tab = await page.context().newPage();
        await tab.goto(`${app.url}#lesson=too-large-init`);
        await tab.getByTestId('lesson-panel').waitFor({ timeout: 60_000 });
        await waitForBackend(tab);
        await playUntil(tab, 5);
      }
      expect(errors).toEqual([]);
      expect(foreignRequests).toEqual([]);
      await page.context().close();
    });
  }
});
