// The regime map's speed: a 16 x 16 step-1 map (init gain x depth at width 32, tanh), timed in
/* global document */
// the real page as a person runs it, on the backend that trained fastest. The figure is the
// page's own elapsed time for the sweep (store/sweeps.ts: from the first request to the last
// cell), read off the progress line when all 256 cells are in.
import { openPage } from './browser.mjs';

export const SWEEP_MAP_HASH =
  '#layers=32x8&act=tanh&sweep=gain:0.25..4:16,depth:2..48:16&sweepsteps=1';
const CELLS = 256;
const SWEEP_TIMEOUT_MS = 300_000;

/** The backend with the most engine steps/s in `results` (the ones benchmarked before). */
export function fastestBackend(results, backends) {
  let best = backends[0];
  for (const b of backends) {
    if ((results[b]?.engineStepsPerSec ?? 0) > (results[best]?.engineStepsPerSec ?? 0)) best = b;
  }
  return best;
}

/** Opens the 16 x 16 map on `backend` and returns the sweep's seconds as the page reports them. */
export async function timeSweepMap(browser, url, backend) {
  const started = performance.now();
  const { page, backend: pageBackend } = await openPage(
    browser,
    `${url}${SWEEP_MAP_HASH}&backend=${backend}`,
  );
  try {
    const progress = page.getByTestId('sweep-progress-text');
    await page.waitForFunction(
      (cells) =>
        document
          .querySelector('[data-testid="sweep-progress-text"]')
          ?.textContent?.startsWith(`${cells} of ${cells} cells`),
      CELLS,
      { timeout: SWEEP_TIMEOUT_MS },
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const text = (await progress.textContent()) ?? '';
    const seconds = Number(/· ([0-9.]+) s ·/.exec(text)?.[1]);
    return { backend: pageBackend, cells: CELLS, seconds, wallSeconds, progressText: text };
  } finally {
    await page.context().close();
  }
}
