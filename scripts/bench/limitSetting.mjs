// A setting at its limits must never freeze the tab: the page trains the largest network the
// link allows (64 layers x 256 units, batch 1024, 5,000 samples) on each backend, and frames
// keep coming however slowly it trains (target: requestAnimationFrame p95 <= 50 ms). A step
// can take seconds here, so the window is a fixed time (observeFrames), not a number of chunks.
import { callBench, openPage } from './browser.mjs';
import { percentile, round3 } from './stats.mjs';

export const LIMIT_SETTING = {
  label: '2 -> 64 x 256 tanh -> 1, batch 1024, 5,000 samples',
  hash: '#layers=256x64&act=tanh&batch=1024&n=5000&steps=1000000',
};

/** The automatic choice first (what a link without a backend gets), then each backend. */
export function limitBackends(pageBackends) {
  return ['auto', ...pageBackends];
}

/**
 * Per backend: Play, `warmUpMs` of training (the trainer built, the first steps under way),
 * then `windowMs` observed. The page is closed rather than paused: Pause waits for the step
 * under way, which can take seconds here.
 */
export async function benchLimitSetting(browser, url, backends, settings, log) {
  const rows = {};
  for (const backend of limitBackends(backends)) {
    const flag = backend === 'auto' ? '' : `&backend=${backend}`;
    const { page, backend: picked } = await openPage(browser, url + LIMIT_SETTING.hash + flag, {
      // The machine is still busy with the last page's worker for a moment.
      timeout: 120_000,
    });
    try {
      if (backend !== 'auto' && picked !== backend) {
        rows[backend] = { note: `opened with backend=${backend}, the page started ${picked}` };
        continue;
      }
      await callBench(page, 'numTensors'); // Loads the harness chunk before anything is timed.
      await page.getByRole('button', { name: 'Play', exact: true }).click();
      await page.waitForTimeout(settings.limitWarmUpMs);
      const seen = await callBench(page, 'observeFrames', settings.limitWindowMs);
      const row = {
        backend: picked,
        stepsPerSec: round3((seen.steps * 1000) / seen.ms),
        steps: seen.steps,
        windowMs: round3(seen.ms),
        p50: round3(percentile(seen.frameDeltasMs, 50)),
        p95: round3(percentile(seen.frameDeltasMs, 95)),
        maxMs: round3(Math.max(...seen.frameDeltasMs)),
        frames: seen.frameDeltasMs.length,
      };
      rows[backend] = row;
      log(
        `  limit ${backend} (${picked}): ${row.stepsPerSec} steps/s, frame p95 ${row.p95} ms, ` +
          `max ${row.maxMs} ms`,
      );
    } finally {
      await page.context().close();
    }
  }
  return { network: LIMIT_SETTING.label, hash: LIMIT_SETTING.hash, rows };
}
