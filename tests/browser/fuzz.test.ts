/**
 * UI fuzzing in real Chromium: for GRADSCOPE_FUZZ_SECONDS (120 by default, as in CI) random
 * actions from a seeded PRNG (GRADSCOPE_FUZZ_SEED, 20261206 by default; the seed is printed) are
 * thrown at the training page: clicks, selects, slider moves, typed values, keys, drags, hostile
 * link edits, backend switches, variants added and removed, the training worker killed. Then the
 * page must still answer: 0 page and console errors, Play trains and Pause stops, and once the
 * link is back to where it started and the runs are reset, the live tensors are where they were
 * at the start. The actions are written to a log file (its path is printed) so a failure can be
 * replayed. The seed fixes the actions, not their timing against training, so two runs of one
 * seed can differ.
 */
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createPrng } from '../../src/random/prng';
import {
  answersWithin,
  currentStep,
  openApp,
  screenshot,
  serveBuiltApp,
  waitForStep,
} from './support/app';
import { Fuzzer } from './support/fuzzActions';

const app = serveBuiltApp();

const SECONDS = Number(process.env.GRADSCOPE_FUZZ_SECONDS ?? 120);
const SEED = Number(process.env.GRADSCOPE_FUZZ_SEED ?? 20_261_206);
const BASELINE_LINK = '#layers=16x4&act=tanh&steps=100000';
const LOG_FILE = join(tmpdir(), `gradscope-fuzz-${SEED}.log`);
/** A page that runs no script for this long has stopped answering (its thread is stuck). */
const ANSWER_WITHIN_MS = 30_000;
/**
 * An action that has not ended after this long never will: longer than any of its own waits
 * (Playwright's default timeout is 30 s), so only a stuck page gets here.
 */
const ACTION_STUCK_MS = 60_000;

type Page = import('playwright-core').Page;

const numTensors = (page: Page) => page.evaluate(() => window.__gradscope!.numTensors!());

/** Waits until the run bar says `status` (the page's own words for what the session does). */
async function statusIs(page: Page, status: string, timeout = 120_000): Promise<void> {
  await page
    .getByTestId('run-status')
    .and(page.locator(`[data-status="${status}"]:not([data-preparing])`))
    .waitFor({ timeout });
}

/**
 * Pause (if training) and Reset until the run bar says idle at step 0. A restart the fuzzer
 * left in line plays again when done (the run was playing when it was asked for), so one
 * round may not be enough.
 */
async function toRest(page: Page): Promise<void> {
  const deadline = Date.now() + 180_000;
  for (;;) {
    const pause = page.getByRole('button', { name: 'Pause' });
    if (await pause.isVisible()) await pause.click();
    await page.getByRole('button', { name: 'Reset' }).click();
    try {
      await statusIs(page, 'idle', 20_000);
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
    }
  }
}

/** Waits until the step counter stays put for STILL_MS; fails if it still moves after 60 s. */
async function stepsStandStill(page: Page): Promise<void> {
  const STILL_MS = 2000;
  const deadline = Date.now() + 60_000;
  let last = await currentStep(page);
  for (;;) {
    await page.waitForTimeout(STILL_MS);
    const now = await currentStep(page);
    if (now === last) return;
    if (Date.now() > deadline)
      throw new Error(`steps still advance after Pause (${last} -> ${now})`);
    last = now;
  }
}

/** Resolves null after `ms`: what an action that never ends gives. */
function stuckAfter(ms: number): Promise<null> {
  return new Promise((resolve) => setTimeout(() => resolve(null), ms));
}

describe('the page under random abuse', () => {
  it(
    `survives ${SECONDS} s of random actions (seed ${SEED}) and still answers, with no leak`,
    async () => {
      console.log(`[fuzz] seed ${SEED}, ${SECONDS} s; actions logged to ${LOG_FILE}`);
      const { page, errors } = await openApp(app, BASELINE_LINK);
      await statusIs(page, 'idle');
      const baseline = await numTensors(page);
      const fuzzer = new Fuzzer(page, createPrng(SEED));
      const writeLog = () =>
        writeFileSync(
          LOG_FILE,
          fuzzer.log.map((line, i) => `${i + 1} ${line}`).join('\n') +
            `\nerrors: ${errors.join(' | ')}\n`,
        );
      try {
        await page.getByRole('button', { name: 'Play' }).click();
        const until = Date.now() + SECONDS * 1000;
        while (Date.now() < until && errors.length === 0) {
          // A page that stopped answering fails at once, naming the action, rather than time
          // out every later one (an action on a stuck page may never end by itself).
          const action = await Promise.race([fuzzer.act(), stuckAfter(ACTION_STUCK_MS)]);
          if (action === null || !(await answersWithin(page, ANSWER_WITHIN_MS)))
            throw new Error(
              action === null
                ? `the page stopped answering: action ${fuzzer.log.length + 1} did not end`
                : `the page stopped answering after action ${fuzzer.log.length}: ${action}`,
            );
          await page.waitForTimeout(fuzzer.log.length % 5 === 0 ? 400 : 60);
        }
        console.log(`[fuzz] ${fuzzer.log.length} actions`);
        expect(errors).toEqual([]);

        // Back to the starting link (and so the automatic backend), at rest, in English (the
        // fuzzer may have picked another language, and what follows reads English names).
        await page.evaluate(() => (window.location.hash = '#'));
        await page.evaluate((h) => (window.location.hash = h), `${BASELINE_LINK}&lang=en`);
        await page.getByRole('button', { name: 'Live charts' }).click();
        // The link's change waits in line behind the chunk under way.
        await page.waitForTimeout(1000);
        await toRest(page);
        await screenshot(page, 'fuzz-after');

        // Play trains, Pause stops.
        await page.getByRole('button', { name: 'Play' }).click();
        await waitForStep(page, 20, 120_000);
        await page.getByRole('button', { name: 'Pause' }).click();
        await statusIs(page, 'paused');
        // The chunk under way still lands (a busy worker may take a while); then nothing moves.
        await stepsStandStill(page);

        // Reset: the same run at step 0 holds the tensors it held at the start.
        await toRest(page);
        await expect.poll(() => numTensors(page), { timeout: 30_000 }).toBe(baseline);
        expect(errors).toEqual([]);
      } catch (error) {
        await screenshot(page, 'fuzz-failure');
        const status = page.getByTestId('run-status');
        console.log(
          `[fuzz] failed with the run bar saying "${await status.textContent()}" ` +
            `(status ${await status.getAttribute('data-status')}, step ${await currentStep(page)})`,
        );
        const answer = await Promise.race([
          numTensors(page).then((n) => `answers (${n} tensors)`),
          new Promise<string>((resolve) =>
            setTimeout(() => resolve('does not answer within 10 s'), 10_000),
          ),
        ]);
        console.log(`[fuzz] the training worker ${answer}`);
        throw error;
      } finally {
        writeLog();
        if (errors.length > 0)
          console.log(`[fuzz] last actions:\n${fuzzer.log.slice(-25).join('\n')}`);
      }
      await page.context().close();
    },
    (SECONDS + 300) * 1000,
  );
});
