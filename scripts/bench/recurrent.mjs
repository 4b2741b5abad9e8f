// Recurrent mode in `npm run bench`: the engine's steps/s (full metrics: per-tensor gradient
// norms and ||dL/dh_t|| for every time step, read back every 10 steps) for a vanilla tanh RNN of
// 32 units on the adding problem at T = 50 and T = 200, batch 64, on one backend. The page has no
// recurrent view yet, so there is no app or bare column: these rows say what BPTT costs.
import { callBench, openPage } from './browser.mjs';
import { median, round3 } from './stats.mjs';

export const RECURRENT_NETWORKS = [50, 200].map((T) => ({
  id: `rnn-T${T}`,
  T,
  label: `tanh RNN, 32 units, T = ${T}, batch 64`,
  hash: `#model=rnn&cell=rnn&T=${T}&units=32&act=tanh&batch=64&steps=1000000`,
}));

const STEPS_PER_READBACK = 10;
const PROBE_STEPS = 10;

/** Steps per measurement: about `seconds` at the probed speed, in whole chunks, at least 2. */
function stepsFor(probeStepsPerSec, seconds) {
  const chunks = Math.ceil((probeStepsPerSec * seconds) / STEPS_PER_READBACK);
  return STEPS_PER_READBACK * Math.max(2, Math.min(500, chunks));
}

/** { [id]: { network, T, steps, stepsPerSec, samples } } for `backend`. */
export async function benchRecurrent(browser, url, backend, settings, log) {
  const { page } = await openPage(browser, url);
  try {
    await callBench(page, 'setBackend', backend);
    const out = {};
    for (const network of RECURRENT_NETWORKS) {
      const probe = await callBench(
        page,
        'runEngine',
        network.hash,
        PROBE_STEPS,
        STEPS_PER_READBACK,
        'full',
      );
      const steps = stepsFor(probe.stepsPerSec, settings.secondsPerMeasurement);
      const samples = [];
      for (let rep = 1; rep <= settings.repetitions; rep++) {
        const run = await callBench(
          page,
          'runEngine',
          network.hash,
          steps,
          STEPS_PER_READBACK,
          'short',
        );
        if (!Number.isFinite(run.finalLoss)) throw new Error(`${network.id}: non-finite loss`);
        samples.push(run.stepsPerSec);
      }
      out[network.id] = {
        network: network.label,
        T: network.T,
        steps,
        stepsPerSec: round3(median(samples)),
        samples: samples.map(round3),
      };
      log(`${backend} ${network.id}: ${out[network.id].stepsPerSec} steps/s (${steps} steps)`);
    }
    return out;
  } finally {
    await page.context().close();
  }
}
