// Live tensors over 10,000 steps in every mode besides a single run: compare (the 4 runs of the
// compare page in lockstep), recurrent (a vanilla RNN) and sweep (a regime map's cells, request
// by request). Engine-level, in the page (src/bench/modeTensors.ts), on one fast backend; the
// compare pages' own worker readings (compare.mjs) cover the page around it.
import { callBench, openPage } from './browser.mjs';

/** The modes and their links; `steps` per run (compare, recurrent) or over all cells (sweep). */
export const MODE_LINKS = [
  {
    mode: 'compare',
    label: '2 -> 8 x 32 tanh -> 1, batch 64, as 4 runs (A + b.clip, c.lr, d.init)',
    hash:
      '#layers=32x8&act=tanh&batch=64&steps=1000000' +
      '&b.clip=globalNorm:1&c.lr=0.01&d.init=heNormal',
  },
  {
    mode: 'recurrent',
    label: 'tanh RNN, 32 units, T = 10, batch 64',
    hash: '#model=rnn&cell=rnn&T=10&units=32&act=tanh&batch=64&steps=1000000',
  },
  {
    mode: 'sweep',
    label: '8 x 32 tanh, gain x lr, 8 x 8 cells of 100 steps',
    hash: '#layers=32x8&act=tanh&batch=64&sweep=gain:0.25..4:8,lr:0.001..0.1:8&sweepsteps=100',
  },
];

/** The backend the modes train on: the first of `preferred` the page offers. */
export function modeTensorBackend(backends, preferred = ['wasm', 'cpu']) {
  return preferred.find((b) => backends.includes(b)) ?? backends[0];
}

/** Every reading equal, and none left once the trainers are disposed. */
export function modeFlat(counted) {
  const counts = counted.readings.map((r) => r.count);
  return (
    counts.length > 1 &&
    counts.every((c) => c === counts[0]) &&
    counted.afterDispose === counted.beforeTrainers
  );
}

/** { backend, stepsPerReadback, modes: { [mode]: {label, hash, ...counts, flat} } }. */
export async function benchModeTensors(browser, url, backends, settings, log) {
  const backend = modeTensorBackend(backends);
  const { page } = await openPage(browser, url);
  const modes = {};
  try {
    await callBench(page, 'setBackend', backend);
    for (const { mode, label, hash } of MODE_LINKS) {
      const started = performance.now();
      const counted = await callBench(
        page,
        'countTensorsInMode',
        mode,
        hash,
        settings.tensorSteps,
        settings.tensorStepsPerReadback,
      );
      modes[mode] = { label, hash, ...counted, flat: modeFlat(counted) };
      log(
        `  tensors ${mode} (${backend}): ${counted.beforeTrainers} before, ` +
          `${counted.readings.map((r) => `${r.count}@${r.step}`).join(' ')}, ` +
          `${counted.afterDispose} after dispose (${((performance.now() - started) / 1000).toFixed(0)} s)`,
      );
    }
  } finally {
    await page.context().close();
  }
  return { backend, stepsPerReadback: settings.tensorStepsPerReadback, modes };
}
