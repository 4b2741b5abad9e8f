// How cost grows with the network: steps/s of the bare tfjs loop and of the engine with full
// metrics against depth (at one width) and against width (at one depth), on every backend the
// page offers, measured in the page's harness (src/bench/pageBench.ts) like the main table.
import { callBench, openPage } from './browser.mjs';
import { median, round3 } from './stats.mjs';

export const SCALING = {
  depths: [2, 8, 32, 64],
  widthForDepth: 32,
  widths: [16, 64, 256],
  depthForWidth: 8,
  batch: 64,
  /** The engine reads back every this many steps (the page's chunks are about this long). */
  engineStepsPerReadback: 50,
};

const hashOf = (depth, width) =>
  `#layers=${width}x${depth}&act=tanh&batch=${SCALING.batch}&steps=1000000`;

/** The networks measured: depth at one width, then width at one depth. */
export function scalingPoints() {
  return [
    ...SCALING.depths.map((depth) => ({ axis: 'depth', depth, width: SCALING.widthForDepth })),
    ...SCALING.widths.map((width) => ({ axis: 'width', depth: SCALING.depthForWidth, width })),
  ];
}

/**
 * Every point on every backend: a probe sets the step count (about `secondsPerMeasurement` of
 * bare training), then bare and engine alternate `repetitions` times; medians are kept.
 */
export async function benchScaling(browser, url, backends, settings, log) {
  const rows = [];
  for (const backend of backends) {
    const { page } = await openPage(browser, url + hashOf(8, 32));
    try {
      await callBench(page, 'setBackend', backend);
      for (const point of scalingPoints()) {
        const hash = hashOf(point.depth, point.width);
        const probe = await callBench(page, 'runBare', hash, settings.calibrationSteps);
        const wanted = (probe.stepsPerSec * settings.secondsPerMeasurement) / 10;
        const steps = Math.max(10, Math.min(5000, Math.ceil(wanted) * 10));
        const bare = [];
        const engine = [];
        for (let rep = 1; rep <= settings.repetitions; rep++) {
          const warmUp = rep === 1 ? 'full' : 'short';
          bare.push((await callBench(page, 'runBare', hash, steps, warmUp)).stepsPerSec);
          const k = Math.min(SCALING.engineStepsPerReadback, steps);
          engine.push((await callBench(page, 'runEngine', hash, steps, k, warmUp)).stepsPerSec);
        }
        const row = {
          backend,
          ...point,
          steps,
          bareStepsPerSec: round3(median(bare)),
          engineStepsPerSec: round3(median(engine)),
        };
        rows.push(row);
        log(
          `  scaling ${backend} ${point.depth} x ${point.width}: bare ${row.bareStepsPerSec}, ` +
            `engine ${row.engineStepsPerSec} steps/s (${steps} steps)`,
        );
      }
    } finally {
      await page.context().close();
    }
  }
  return { ...SCALING, rows };
}
