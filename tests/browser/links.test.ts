import type { AddressInfo } from 'node:net';
import { preview } from 'vite';
import { describe, expect, it } from 'vitest';
import { decodeConfig } from '../../src/config/codec';
import { decodeExperimentLink } from '../../src/config/variants';
import { readViewFromHash } from '../../src/store/viewStore';
import { generatedHostileLinks, HAND_WRITTEN_LINKS, linkRepairCount } from './support/hostileLinks';
import type { Page } from 'playwright-core';
import {
  BUILT_APP_DIR,
  history,
  openApp,
  screenshot,
  serveBuiltApp,
  waitForStep,
  type OpenedPage,
} from './support/app';

const app = serveBuiltApp();

/** The page works and lists repairs; link text inside the notice stays text, never markup. */
async function expectRepairedPage(page: Page, index: number, hash: string): Promise<void> {
  const notice = page.getByTestId('repair-notice');
  await notice.waitFor({ timeout: 10_000 }).catch(() => {
    throw new Error(`no repair notice for link ${index}: ${hash.slice(0, 120)}`);
  });
  await page.getByRole('button', { name: 'Play' }).waitFor();
  expect(await notice.getAttribute('role')).toBe('status');
  expect(await notice.locator('script, img, iframe, svg, b').count()).toBe(0);
  // Each repair names its key once.
  for (const item of await notice.locator('li').allTextContents()) {
    expect(item, hash.slice(0, 120)).not.toMatch(/^(\S+): \1:/);
  }
  // The address bar holds the repaired link (replaced, not pushed): it opens without repairs.
  const repaired = await page.evaluate(() => location.hash);
  expect(decodeExperimentLink(repaired).repairs, hash.slice(0, 120)).toEqual([]);
  expect(readViewFromHash(repaired).repairs).toEqual([]);
}

function expectNothingEscaped(opened: OpenedPage): void {
  expect(opened.errors).toEqual([]);
  expect(opened.dialogs).toEqual([]);
  expect(opened.foreignRequests).toEqual([]);
}

describe('share links', () => {
  it('Copy link, opened in a fresh browser context, reproduces the settings and the first steps', async () => {
    const { page, errors } = await openApp(
      app,
      '#layers=16x3&act=relu&init=heNormal&seed=42&lr=0.02',
    );
    await page
      .context()
      .grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(app.url).origin });
    // Change a setting by hand, as a teacher preparing a lesson would.
    await page.getByRole('combobox', { name: 'Clip mode' }).selectOption('tensorNorm');
    const threshold = page.getByRole('spinbutton', { name: /Clip threshold/ });
    await threshold.fill('0.25');
    await threshold.press('Enter');
    await page.getByRole('button', { name: 'Copy link' }).click();
    await expect.poll(() => page.getByTestId('copy-status').textContent()).toBe('Link copied');
    const link = await page.evaluate(() => navigator.clipboard.readText());
    expect(link.startsWith(app.url)).toBe(true);
    const { config, repairs } = decodeConfig(link);
    expect(repairs).toEqual([]);
    expect(config.gradient.clip).toEqual({ mode: 'tensorNorm', threshold: 0.25 });
    expect(config.init.seed).toBe(42);
    await page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(page, 10);
    const original = (await history(page)).slice(0, 10);

    const second = await openApp(app, link.slice(app.url.length));
    await expect(
      second.page.getByRole('combobox', { name: 'Clip mode' }).inputValue(),
    ).resolves.toBe('tensorNorm');
    await expect(
      second.page.getByRole('spinbutton', { name: /Clip threshold/ }).inputValue(),
    ).resolves.toBe('0.25');
    await expect(
      second.page.getByRole('combobox', { name: 'Activation' }).inputValue(),
    ).resolves.toBe('relu');
    await second.page.getByRole('button', { name: 'Step ×10' }).click();
    await waitForStep(second.page, 10);
    // Same backend (webgl), same seed: the same numbers.
    expect((await history(second.page)).slice(0, 10)).toEqual(original);
    expect(await second.page.getByTestId('repair-notice').count()).toBe(0);
    expect([...errors, ...second.errors]).toEqual([]);
    await page.context().close();
    await second.page.context().close();
  });

  it('a hand-edited hash and back/forward load the new settings', async () => {
    const { page, errors } = await openApp(app, '#act=tanh');
    await page.evaluate(() => {
      location.hash = '#act=sigmoid&layers=8x3';
    });
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Activation' }).inputValue())
      .toBe('sigmoid');
    await page.goBack();
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Activation' }).inputValue())
      .toBe('tanh');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('changing a setting rewrites the hash without adding history entries', async () => {
    const { page } = await openApp(app, '#act=tanh');
    const lengthBefore = await page.evaluate(() => window.history.length);
    await page.getByRole('combobox', { name: 'Activation' }).selectOption('relu');
    await expect.poll(() => page.evaluate(() => location.hash)).toMatch(/act=relu/);
    expect(await page.evaluate(() => window.history.length)).toBe(lengthBefore);
    await page.context().close();
  });

  const generated = generatedHostileLinks(160);
  const corpus = [...HAND_WRITTEN_LINKS, ...generated];

  it('the hostile corpus has at least 200 links and every one needs a repair', () => {
    expect(corpus.length).toBeGreaterThanOrEqual(200);
    for (const hash of corpus) expect(linkRepairCount(hash), hash).toBeGreaterThan(0);
  });

  it(`${HAND_WRITTEN_LINKS.length} hand-written hostile links each open a fresh working page with a repair notice`, async () => {
    // Two pages share the links (a load waits on the network and the worker's start as much as
    // on the processor); every link still opens a fresh page.
    const tabs = [await openApp(app), await openApp(app)];
    await Promise.all(
      tabs.map(async ({ page: tab }, lane) => {
        for (const [i, hash] of HAND_WRITTEN_LINKS.entries()) {
          if (i % tabs.length !== lane) continue;
          await tab.goto('about:blank');
          await tab.goto(app.url + hash);
          await expectRepairedPage(tab, i, hash);
          if (i === 13) await screenshot(tab, 'links-hostile-repaired');
        }
      }),
    );
    for (const tab of tabs) {
      expectNothingEscaped(tab);
      expect(
        await tab.page.evaluate(() => ({}) as Record<string, unknown>).then((o) => o.polluted),
      ).toBeUndefined();
      await tab.page.context().close();
    }
  }, 300_000);

  it(`${generated.length} generated broken links, entered by hand into the open page, are each repaired`, async () => {
    const opened = await openApp(app);
    const { page } = opened;
    for (const [i, hash] of generated.entries()) {
      await page.evaluate((h) => {
        location.hash = h;
      }, hash);
      await expectRepairedPage(page, i, hash);
      await page.getByTestId('repair-notice').getByRole('button', { name: 'Dismiss' }).click();
    }
    expectNothingEscaped(opened);
    await page.context().close();
  }, 300_000);

  it('the repair notice can be dismissed and the page keeps the repaired settings', async () => {
    const { page } = await openApp(app, '#lr=banana&act=relu');
    await page.getByTestId('repair-notice').getByRole('button', { name: 'Dismiss' }).click();
    expect(await page.getByTestId('repair-notice').count()).toBe(0);
    await expect(page.getByRole('combobox', { name: 'Activation' }).inputValue()).resolves.toBe(
      'relu',
    );
    await page.context().close();
  });

  it('the built app loads and trains from a sub-path', async () => {
    const server = await preview({
      base: '/courses/deep-learning/gradscope/',
      build: { outDir: BUILT_APP_DIR },
      preview: { host: '127.0.0.1', port: 0 },
      logLevel: 'warn',
    });
    const port = (server.httpServer.address() as AddressInfo).port;
    const url = `http://127.0.0.1:${port}/courses/deep-learning/gradscope/`;
    try {
      const { page, errors } = await openApp({ ...app, url }, '#layers=8x2');
      await page.getByRole('button', { name: 'Step ×10' }).click();
      await waitForStep(page, 10);
      expect(errors).toEqual([]);
      await page.context().close();
    } finally {
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
    }
  });
});
