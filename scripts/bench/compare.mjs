// Comparing runs, measured side by side: the reference network as 1 run, 2 runs and 4 runs on
// one page each (a Session trains a page's runs in lockstep in one Web Worker). The pages stay
// open together and are measured in turn, repetition after repetition, the way the other app
// figures are; live tensors where training runs are read while paused after the first and the
// last repetition and after one more long stretch of training.
/* global document, window */
import { measureAppOnce, openAppPage, trainFor } from './appRun.mjs';
import { compareFigures } from './figures.mjs';
import { percentile } from './stats.mjs';

/**
 * The pages: the base link alone, then with variants that stay finite on the reference network
 * for many thousand steps (B clips what A trains; C learns slower; D starts from He-normal
 * weights, which tanh saturates rather than blows up).
 */
export const COMPARE_PAGES = [
  { runs: 1, variants: '' },
  { runs: 2, variants: '&b.clip=globalNorm:1' },
  { runs: 4, variants: '&b.clip=globalNorm:1&c.lr=0.01&d.init=heNormal' },
];

const RUN_LETTERS = ['a', 'b', 'c', 'd'];

/** Live tensors where the page trains (the worker's tfjs), with the lockstep step. */
async function tensorReading(page) {
  return page.evaluate(async () => ({
    step: Number(document.querySelector('[data-testid="step-counter"]').getAttribute('data-step')),
    count: await window.__gradscope.numTensors(),
  }));
}

/** Each run's last recorded step and loss (what its charts draw last). */
function lastSteps(page, runs) {
  return page.evaluate(
    (letters) =>
      letters.map((letter) => {
        const last = window.__gradscope.history(letter).at(-1);
        return { letter, step: last?.step ?? 0, loss: last?.loss ?? null };
      }),
    RUN_LETTERS.slice(0, runs),
  );
}

/**
 * Trains with `train` and throws unless every run on the page went on training: no explosion
 * banner, every run's history advanced (a halted run stops at its last finite step) and its
 * last loss finite. A halted variant would otherwise leave the page's total steps/s counting a
 * run that no longer trains. Returns what `train` returned.
 */
async function whileAllRunsTrain(page, runs, train) {
  const before = await lastSteps(page, runs);
  const result = await train();
  const after = await lastSteps(page, runs);
  const banners = await page.getByTestId('explosion-banner').count();
  const stopped = after.filter((l, i) => !(l.step > before[i].step && Number.isFinite(l.loss)));
  if (banners > 0 || stopped.length > 0) {
    throw new Error(
      `compare ${runs} runs: a run stopped training (${after
        .map((l, i) => `${l.letter} step ${before[i].step} -> ${l.step} loss ${l.loss}`)
        .join(', ')})`,
    );
  }
  return result;
}

/**
 * The compare figures on `backend` for `network`: {network, hash, pages: [...], ratios} or
 * {note} when the page cannot be put on that backend. `settings` gives repetitions,
 * appWarmUpMs, appWindowMs and compareStretchMs (the extra training before the last tensor
 * reading; 0 skips it).
 */
export async function benchCompare(browser, url, backend, network, settings, log) {
  const pages = [];
  try {
    for (const spec of COMPARE_PAGES) {
      const opened = await openAppPage(browser, url, network.hash + spec.variants, backend);
      if (!opened.page) return { network: network.label, note: opened.note };
      pages.push({ ...spec, page: opened.page, samples: [], tensors: [] });
    }
    for (let rep = 1; rep <= settings.repetitions; rep++) {
      const line = [];
      for (const p of pages) {
        const seen = await whileAllRunsTrain(p.page, p.runs, () =>
          measureAppOnce(p.page, {
            warmUpMs: settings.appWarmUpMs,
            windowMs: settings.appWindowMs,
          }),
        );
        p.samples.push(seen);
        if (rep === 1 || rep === settings.repetitions) p.tensors.push(await tensorReading(p.page));
        const p95 = percentile(seen.frameDeltasMs, 95);
        line.push(
          `${p.runs} run${p.runs === 1 ? '' : 's'} ${(seen.stepsPerSec * p.runs).toFixed(1)} ` +
            `steps/s p95 ${p95.toFixed(0)} ms`,
        );
      }
      log(`  compare ${backend} rep ${rep}: ${line.join(', ')}`);
    }
    if (settings.compareStretchMs > 0) {
      for (const p of pages) {
        await whileAllRunsTrain(p.page, p.runs, () => trainFor(p.page, settings.compareStretchMs));
        p.tensors.push(await tensorReading(p.page));
      }
    }
    for (const p of pages) {
      const counts = p.tensors.map((t) => `${t.count} @ ${t.step}`).join(', ');
      log(`  compare ${backend} ${p.runs} run${p.runs === 1 ? '' : 's'}: tensors ${counts}`);
    }
  } finally {
    for (const { page } of pages) await page.context().close();
  }
  return compareFigures(
    network,
    pages.map(({ runs, variants, samples, tensors }) => ({ runs, variants, samples, tensors })),
  );
}
