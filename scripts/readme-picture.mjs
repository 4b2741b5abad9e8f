#!/usr/bin/env node
// Remakes the picture at the top of the README from the built app: the page mid-lesson, the
// clipping comparison after run A has halted and run B trained on. Run `npm run build` first
// (or set GRADSCOPE_DIST to another build), then: node scripts/readme-picture.mjs [OUT.png]
/* global document */
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';
import { preview } from 'vite';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const OUT = process.argv[2] ?? 'docs/gradscope-lesson.png';
const DIST = process.env.GRADSCOPE_DIST ?? 'dist';
const LESSON_HASH =
  '#data=sine&layers=16x10&act=tanh&init=glorotNormal&lr=0.5&b.clip=globalNorm:1' +
  '&view=clipped&lesson=clip-global-norm';
/** Steps trained before the picture: A halts within them, B keeps going. */
const STEPS = 150;

if (!existsSync(`${DIST}/index.html`)) {
  console.error(`no built app in ${DIST}/: run \`npm run build\` first`);
  process.exit(2);
}
const server = await preview({
  build: { outDir: DIST },
  preview: { host: '127.0.0.1', port: 0 },
  logLevel: 'warn',
});
const url = `http://127.0.0.1:${server.httpServer.address().port}/`;
const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
try {
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  // A returning visitor: the orientation was dismissed before.
  await page.addInitScript(() => localStorage.setItem('gradscope.orientation.dismissed', '1'));
  await page.goto(url + LESSON_HASH);
  await page.locator('[data-testid="backend-badge"]:not([data-backend=""])').waitFor();
  await page.getByRole('button', { name: 'Play' }).click();
  await page.waitForFunction(
    (n) => Number(document.querySelector('[data-testid="step-counter"]')?.dataset.step) >= n,
    STEPS,
    { timeout: 120_000 },
  );
  await page.getByRole('button', { name: 'Pause' }).click();
  await page.waitForTimeout(500);
  await page.screenshot({ path: OUT });
  console.log(`saved ${OUT}`);
} finally {
  await browser.close();
  await new Promise((resolve) => server.httpServer.close(resolve));
}
