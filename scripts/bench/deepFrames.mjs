// Frames while the page trains a deep network at full speed, all charts live: 64 layers x 64
// units (64 lines per chart, a 64-row heatmap), on each backend. Target: frame p95 <= 20 ms,
// as for the reference networks.
import { measureAppOnce, openAppPage } from './appRun.mjs';
import { percentile, round3 } from './stats.mjs';

export const DEEP_NETWORK = {
  label: '2 -> 64 x 64 tanh -> 1, batch 64',
  hash: '#layers=64x64&act=tanh&batch=64&steps=1000000',
};

/** { network, hash, rows: { [backend]: {stepsPerSec, p50, p95, p99, frames} | {note} } }. */
export async function benchDeepFrames(browser, url, backends, settings, log) {
  const rows = {};
  for (const backend of backends) {
    const opened = await openAppPage(browser, url, DEEP_NETWORK.hash, backend);
    if (!opened.page) {
      rows[backend] = { note: opened.note };
      continue;
    }
    try {
      const samples = [];
      for (let rep = 1; rep <= settings.repetitions; rep++) {
        samples.push(
          await measureAppOnce(opened.page, {
            warmUpMs: settings.appWarmUpMs,
            windowMs: settings.appWindowMs,
          }),
        );
      }
      const frames = samples.flatMap((s) => s.frameDeltasMs);
      const rates = samples.map((s) => s.stepsPerSec).sort((a, b) => a - b);
      rows[backend] = {
        stepsPerSec: round3(rates[Math.floor(rates.length / 2)]),
        p50: round3(percentile(frames, 50)),
        p95: round3(percentile(frames, 95)),
        p99: round3(percentile(frames, 99)),
        frames: frames.length,
      };
      const r = rows[backend];
      log(
        `  deep ${backend}: ${r.stepsPerSec} steps/s, frame p50/p95/p99 ${r.p50}/${r.p95}/${r.p99} ms`,
      );
    } finally {
      await opened.page.context().close();
    }
  }
  return { network: DEEP_NETWORK.label, hash: DEEP_NETWORK.hash, rows };
}
