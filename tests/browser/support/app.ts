import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { chromium, type Browser, type ConsoleMessage, type Page } from 'playwright-core';
import { preview, type PreviewServer } from 'vite';
import { afterAll, beforeAll } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs';

export const SCREENSHOT_DIR = 'screenshots';

export interface AppHarness {
  /** Base URL of the built app, e.g. http://127.0.0.1:41234/ */
  url: string;
  browser: Browser;
}

/** Where the built app is: dist/, or GRADSCOPE_DIST (a build of its own, e.g. beside another). */
export const BUILT_APP_DIR = process.env.GRADSCOPE_DIST ?? 'dist';

/** What one test process keeps between test files: its Chromium and its servers, by base. */
interface Shared {
  browser?: Promise<Browser>;
  servers: Map<string, Promise<PreviewServer>>;
}

/**
 * The browser project runs its files one after another in one process (isolate: false in
 * vitest.config.ts), so the Chromium and the preview servers started for the first file serve
 * the next ones too: a launch and a server per file cost seconds on a loaded machine. Kept on
 * globalThis, which outlives a module re-evaluated per file. Playwright closes the browser when
 * the process exits.
 */
const shared: Shared = ((
  globalThis as { __gradscopeBrowserTests?: Shared }
).__gradscopeBrowserTests ??= {
  servers: new Map(),
});

function sharedBrowser(): Promise<Browser> {
  const launched = (shared.browser ??= chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: [...CHROMIUM_ARGS],
  }));
  return launched.then((browser) => {
    if (browser.isConnected()) return browser;
    // A browser that died with an earlier file is not this file's failure: launch another.
    shared.browser = undefined;
    return sharedBrowser();
  });
}

function sharedServer(base: string): Promise<PreviewServer> {
  let server = shared.servers.get(base);
  if (!server) {
    server = preview({
      base,
      build: { outDir: BUILT_APP_DIR },
      preview: { host: '127.0.0.1', port: 0, strictPort: false },
      logLevel: 'warn',
    });
    shared.servers.set(base, server);
  }
  return server;
}

/**
 * Serves the built app (dist/, built by `npm test` before the browser tests) on 127.0.0.1 with
 * the system Chromium, shared by the test files of one run (see `shared`). Each page opens in a
 * browser context of its own (openApp), and the file's contexts still open after its last test
 * are closed then. `base` serves it under a sub-path instead, e.g. '/course/gradscope/' (the
 * build is relative, so it loads from any).
 */
export function serveBuiltApp({ base = '/' }: { base?: string } = {}): AppHarness {
  const harness = {} as AppHarness;
  beforeAll(async () => {
    if (!existsSync(`${BUILT_APP_DIR}/index.html`))
      throw new Error(`no built app in ${BUILT_APP_DIR}/: run \`npm run build\` first`);
    const server = await sharedServer(base);
    const address = server.httpServer.address() as AddressInfo;
    harness.url = `http://127.0.0.1:${address.port}${base}`;
    harness.browser = await sharedBrowser();
    mkdirSync(SCREENSHOT_DIR, { recursive: true });
  });
  afterAll(async () => {
    // Files run one at a time, so every context open now is this file's.
    await Promise.all(harness.browser?.contexts().map((context) => context.close()) ?? []);
  });
  return harness;
}

export interface OpenedPage {
  page: Page;
  /** Console errors and uncaught page errors seen so far. */
  errors: string[];
  /** Requests that left the page's own origin. */
  foreignRequests: string[];
  /** Dialogs the page opened (alert/confirm/prompt). */
  dialogs: string[];
}

export interface OpenOptions {
  /** Script run in the page before the app, e.g. to take a browser feature away. */
  initScript?: string;
  /** The browser's language (navigator.languages), e.g. 'zh-CN'; Chromium's own by default. */
  locale?: string;
}

export async function openApp(
  harness: AppHarness,
  hash = '',
  viewport = { width: 1366, height: 768 },
  options: OpenOptions = {},
): Promise<OpenedPage> {
  const context = await harness.browser.newContext({ viewport, locale: options.locale });
  const page = await context.newPage();
  if (options.initScript) await page.addInitScript(options.initScript);
  const opened: OpenedPage = { page, errors: [], foreignRequests: [], dialogs: [] };
  const origin = new URL(harness.url).origin;
  page.on('console', (m: ConsoleMessage) => {
    if (m.type() === 'error') opened.errors.push(m.text());
  });
  page.on('pageerror', (e) => opened.errors.push(e.message));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:'))
      opened.foreignRequests.push(u);
  });
  page.on('dialog', (d) => {
    opened.dialogs.push(d.message());
    void d.dismiss();
  });
  await page.goto(harness.url + hash);
  await page
    .getByTestId('backend-badge')
    .and(page.locator('[data-backend]:not([data-backend=""])'))
    .waitFor();
  return opened;
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENSHOT_DIR}/${name}.png` });
}

/** The step counter's number, as a person reads it off the run bar. */
export async function currentStep(page: Page): Promise<number> {
  return Number(await page.getByTestId('step-counter').getAttribute('data-step'));
}

/**
 * Whether the page runs a script within `ms`. A page whose main thread is stuck (a loop that
 * never yields) never does, and Playwright's own calls on it would wait without end.
 */
export function answersWithin(page: Page, ms: number): Promise<boolean> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  return Promise.race([
    page.evaluate(() => true),
    new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), ms))),
  ]).finally(() => clearTimeout(timer));
}

export async function waitForStep(page: Page, atLeast: number, timeout = 60_000): Promise<void> {
  await page.waitForFunction(
    (n) =>
      Number(document.querySelector('[data-testid="step-counter"]')?.getAttribute('data-step')) >=
      n,
    atLeast,
    { timeout },
  );
}

export interface HistoryStep {
  step: number;
  gradNorm: number[];
  clippedGradNorm: number[];
  globalNorm: number;
  clippedGlobalNorm: number;
  clipped: boolean;
}

/** The run's measured numbers (what the charts draw), read through the diagnostics hook. */
export function history(page: Page): Promise<HistoryStep[]> {
  return page.evaluate(() => {
    const diagnostics = window.__gradscope as unknown as { history: () => HistoryStep[] };
    return JSON.parse(JSON.stringify(diagnostics.history())) as HistoryStep[];
  });
}

/** What a chart's series canvas shows (see SeriesLines.tsx). */
export interface DrawnLines {
  /** Keys of the series drawn, e.g. ["l0", "l1", "global"]. */
  keys: string[];
  lonePoints: number;
  /** Whether the lines are drawn thin, as while training. */
  draft: boolean;
  /** Pixels painted (alpha > 0) in the canvas. */
  paintedPixels: number;
  /** The rightmost painted column, in CSS px from the plot area's left edge. */
  paintedRightPx: number;
  /** The plot area's width in CSS px. */
  plotWidthPx: number;
}

/** Reads the series canvas of the chart with `testId`, its pixels included. */
export function drawnLines(page: Page, testId: string): Promise<DrawnLines | null> {
  return page.evaluate((id) => {
    const canvas = document.querySelector<HTMLCanvasElement>(
      `[data-testid="${id}"] canvas.chart-series-canvas`,
    );
    const ctx = canvas?.getContext('2d');
    if (!canvas || !ctx) return null;
    const { width, height } = canvas;
    const alpha = ctx.getImageData(0, 0, width, height).data;
    let paintedPixels = 0;
    let right = -1;
    for (let i = 3; i < alpha.length; i += 4) {
      if (alpha[i] === 0) continue;
      paintedPixels++;
      right = Math.max(right, ((i - 3) / 4) % width);
    }
    // The canvas reaches past the plot area on each side by the same margin (room for dots).
    const scale = width / canvas.getBoundingClientRect().width;
    const plot = document
      .querySelector(`[data-testid="${id}"] .recharts-cartesian-grid`)
      ?.getBoundingClientRect();
    const margin = plot ? (canvas.getBoundingClientRect().width - plot.width) / 2 : 0;
    return {
      keys: (canvas.dataset.drawn ?? '').split(' ').filter(Boolean),
      lonePoints: Number(canvas.dataset.lonePoints ?? 0),
      draft: canvas.dataset.draft !== undefined,
      paintedPixels,
      paintedRightPx: (right + 1) / scale - margin,
      plotWidthPx: plot?.width ?? NaN,
    };
  }, testId);
}
