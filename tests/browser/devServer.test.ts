import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { createServer, type ViteDevServer } from 'vite';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs';

/**
 * README's first command serves the app with Vite's dev server, which pre-bundles dependencies
 * differently from the production build (two copies of tfjs-core once broke the page there).
 * This opens the dev server with a fresh dependency cache and trains on each backend.
 */
let server: ViteDevServer;
let browser: Browser;
/**
 * One context for the three pages: each page loads afresh, and the later ones take the modules
 * the first one fetched from the browser's cache (Vite marks pre-bundled dependencies immutable),
 * as a teacher's browser would after the first visit.
 */
let context: BrowserContext;
let url: string;

beforeAll(async () => {
  server = await createServer({
    logLevel: 'warn',
    cacheDir: 'node_modules/.vite-devserver-test',
    optimizeDeps: { force: true },
    server: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  await server.listen();
  url = `http://127.0.0.1:${(server.httpServer!.address() as AddressInfo).port}/`;
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] });
  context = await browser.newContext();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('the dev server (npm start)', () => {
  it.each(['webgl', 'wasm', 'cpu'])('serves a page that trains on %s', async (backend) => {
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await page.goto(`${url}#layers=8x2&backend=${backend}`);
    const badge = page.getByTestId('backend-badge');
    await expect.poll(() => badge.getAttribute('data-backend'), { timeout: 60_000 }).toBe(backend);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await page.waitForFunction(
      () =>
        Number(document.querySelector('[data-testid="step-counter"]')?.getAttribute('data-step')) >=
        10,
      null,
      { timeout: 60_000 },
    );
    expect(errors).toEqual([]);
    await page.close();
  });
});
