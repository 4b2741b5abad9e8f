// The real page, driven as a person drives it: press Play, let it train at full speed with all
// charts live, read the step counter; and the time from navigation to the first trained step.
/* global document, MutationObserver */
import { callBench, openPage, VIEWPORT } from './browser.mjs';
import { cpuPerStep, snapshotThreads } from './threadCpu.mjs';

const STEP_COUNTER = '[data-testid="step-counter"]';
const FIRST_STEP_TIMEOUT_MS = 60_000;

function playButton(page) {
  return page.getByRole('button', { name: 'Play', exact: true });
}

/**
 * The app page on `url + hash` for a backend, named by the `backend=NAME` link flag (the page's
 * default is the automatic choice); the badge the page shows tells whether it took. Returns
 * {page: null, note} when the page cannot be put on that backend.
 */
export async function openAppPage(browser, url, hash, backend) {
  const { page, backend: pageBackend } = await openPage(
    browser,
    `${url}${hash}&backend=${backend}`,
  );
  if (pageBackend === backend) {
    await callBench(page, 'numTensors'); // Loads the harness chunk before anything is timed.
    return { page };
  }
  await page.context().close();
  return {
    page: null,
    note: `app not measured on ${backend}: opened with backend=${backend}, the page started ${pageBackend}`,
  };
}

/** The step the page's counter shows. */
function readStep(page) {
  return page.evaluate(
    (selector) => Number(document.querySelector(selector).getAttribute('data-step')),
    STEP_COUNTER,
  );
}

/**
 * Play, wait for the first chunk shown (shaders compiled), then `warmUpMs` more (the chunk size
 * settles): the page is then training as it will through the window.
 */
async function playAndWarmUp(page, warmUpMs) {
  const before = await readStep(page);
  await playButton(page).click();
  await page.waitForFunction(
    ([selector, step]) => Number(document.querySelector(selector).getAttribute('data-step')) > step,
    [STEP_COUNTER, before],
    { timeout: 60_000 },
  );
  await page.waitForTimeout(warmUpMs);
}

/** steps/s, steps per readback and frame deltas of an observed window (observeRun.ts). */
function windowFigures(seen) {
  return {
    stepsPerSec: (seen.steps * 1000) / seen.ms,
    stepsPerReadback: seen.counterUpdates > 0 ? seen.steps / seen.counterUpdates : null,
    frameDeltasMs: seen.frameDeltasMs,
  };
}

/**
 * One app measurement on an open page: Play, warm up (above), then at least `windowMs`
 * observed (steps and frame deltas, src/bench/observeRun.ts), then Pause. The next repetition
 * continues the same run.
 */
export async function measureAppOnce(page, { warmUpMs, windowMs }) {
  await playAndWarmUp(page, warmUpMs);
  const seen = await callBench(page, 'observeRun', windowMs);
  await pause(page);
  return windowFigures(seen);
}

/**
 * Like measureAppOnce, with every Chromium thread's CPU time read just before and just after
 * the window (./threadCpu.mjs); steps are the counter's advance between those readings.
 * Returns cpuPerStep's breakdown plus steps/s, steps per readback and the frame deltas.
 */
export async function measureThreadsOnce(page, browserPid, { warmUpMs, windowMs }) {
  await playAndWarmUp(page, warmUpMs);
  const threadsBefore = snapshotThreads(browserPid);
  const first = await readStep(page);
  const seen = await callBench(page, 'observeRun', windowMs);
  const last = await readStep(page);
  const threadsAfter = snapshotThreads(browserPid);
  await pause(page);
  return { ...cpuPerStep(threadsBefore, threadsAfter, last - first), ...windowFigures(seen) };
}

/**
 * Trains for about `ms` (Play, wait, Pause) without observing anything; returns the steps the
 * counter advanced.
 */
export async function trainFor(page, ms) {
  const counter = page.getByTestId('step-counter');
  const before = Number(await counter.getAttribute('data-step'));
  await playButton(page).click();
  await page.waitForTimeout(ms);
  await pause(page);
  return Number(await counter.getAttribute('data-step')) - before;
}

/** Pause, and wait until the page says paused; throws when the run halted instead. */
async function pause(page) {
  await page.getByRole('button', { name: 'Pause', exact: true }).click();
  const status = await page.getByTestId('run-status').getAttribute('data-status');
  if (status === 'halted') throw new Error('the app run halted on a non-finite value');
  await page.getByTestId('run-status').and(page.locator('[data-status="paused"]')).waitFor();
}

/**
 * Time to the first trained step in a fresh context, on the page's own clock
 * (performance.now() counts from navigation start): navigation -> Play enabled, then
 * click -> step counter >= 1 (the first chunk trained and shown).
 */
export async function timeFirstStep(browser, url) {
  const context = await browser.newContext({ viewport: VIEWPORT });
  try {
    const page = await context.newPage();
    await page.goto(url, { waitUntil: 'commit' });
    const enabledAt = await page.waitForFunction(
      () => {
        const play = [...document.querySelectorAll('button')].find((b) => b.textContent === 'Play');
        return play && !play.disabled ? performance.now() : null;
      },
      null,
      { polling: 5, timeout: 60_000 },
    );
    const navigationToPlayMs = await enabledAt.jsonValue();
    const backend = await page.getByTestId('backend-badge').getAttribute('data-backend');
    const button = await playButton(page).elementHandle();
    const playToStepMs = await page.evaluate(
      ([play, selector, timeoutMs]) =>
        new Promise((resolve, reject) => {
          const counter = document.querySelector(selector);
          const started = performance.now();
          // A run that cannot train (e.g. a shader the device refuses) must fail the bench, not
          // hang it.
          const timer = setTimeout(() => {
            observer.disconnect();
            reject(new Error(`no trained step ${timeoutMs} ms after Play`));
          }, timeoutMs);
          const observer = new MutationObserver(() => {
            if (Number(counter.getAttribute('data-step')) < 1) return;
            observer.disconnect();
            clearTimeout(timer);
            resolve(performance.now() - started);
          });
          observer.observe(counter, { attributes: true, attributeFilter: ['data-step'] });
          play.click();
        }),
      [button, STEP_COUNTER, FIRST_STEP_TIMEOUT_MS],
    );
    return {
      backend,
      navigationToPlayMs,
      playToStepMs,
      totalMs: navigationToPlayMs + playToStepMs,
    };
  } finally {
    await context.close();
  }
}
