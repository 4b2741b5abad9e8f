// Build, serve and browse for the benchmark: a production build served by Vite's preview()
// on 127.0.0.1, and the system Chromium driven by playwright-core (flags: ../shared/machine.md).
/* global window */
import { chromium } from 'playwright-core';
import { build, preview } from 'vite';
import { CHROMIUM_ARGS as BASE_CHROMIUM_ARGS, CHROMIUM_PATH } from '../chromium.mjs';

/** Built here rather than dist/, so the bench never races the browser tests over dist/. */
export const BENCH_OUT_DIR = 'bench/tmp/dist';
export const VIEWPORT = { width: 1366, height: 768 };

const CHROMIUM_ARGS = [
  ...BASE_CHROMIUM_ARGS,
  // For the heap figure: exact performance.memory and a callable window.gc().
  '--enable-precise-memory-info',
  '--js-flags=--expose-gc',
];

export async function buildApp() {
  await build({ logLevel: 'warn', build: { outDir: BENCH_OUT_DIR, emptyOutDir: true } });
}

/** Serves the build in `outDir`; returns its base URL and a close function. */
export async function serveApp(outDir = BENCH_OUT_DIR) {
  const server = await preview({
    logLevel: 'warn',
    build: { outDir },
    preview: { host: '127.0.0.1', port: 0, strictPort: false },
  });
  const { port } = server.httpServer.address();
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () => new Promise((resolve) => server.httpServer.close(() => resolve())),
  };
}

export function launchBrowser() {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
}

/**
 * A fresh context and page on `url` once its backend is up (the run bar's badge names it).
 * Page errors are printed to stderr. `initScript` runs in the page before the app (e.g. to take
 * a browser feature away). Returns the page and the backend the page started.
 */
export async function openPage(browser, url, { initScript, timeout = 30_000 } = {}) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  if (initScript) await page.addInitScript(initScript);
  page.on('pageerror', (e) => console.error(`  page error: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && console.error(`  console: ${m.text()}`));
  await page.goto(url);
  const badge = page.getByTestId('backend-badge');
  await badge.and(page.locator('[data-backend]:not([data-backend=""])')).waitFor({ timeout });
  return { page, backend: await badge.getAttribute('data-backend') };
}

/** Calls `name(...args)` of the in-page harness (src/bench/pageBench.ts) and returns its result. */
export function callBench(page, name, ...args) {
  return page.evaluate(
    async ([fn, fnArgs]) => {
      const bench = await window.__gradscope.loadBench();
      return bench[fn](...fnArgs);
    },
    [name, args],
  );
}
