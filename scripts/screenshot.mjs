#!/usr/bin/env node
// Takes a screenshot of a page in the system Chromium: node scripts/screenshot.mjs URL OUT.png [W H] [waitMs]
import { chromium } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium.mjs';

const [url, out = 'screenshots/page.png', width = '1366', height = '768', waitMs = '1500'] =
  process.argv.slice(2);
if (!url) {
  console.error('usage: node scripts/screenshot.mjs URL OUT.png [WIDTH HEIGHT] [WAIT_MS]');
  process.exit(2);
}
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: CHROMIUM_ARGS,
});
const page = await browser.newPage({ viewport: { width: Number(width), height: Number(height) } });
page.on('console', (m) => m.type() === 'error' && console.error('console error:', m.text()));
page.on('pageerror', (e) => console.error('page error:', e.message));
await page.goto(url);
await page.waitForTimeout(Number(waitMs));
await page.screenshot({ path: out });
await browser.close();
console.log(`saved ${out}`);
