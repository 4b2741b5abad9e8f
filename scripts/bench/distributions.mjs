// `npm run bench -- --dist [--reps N] [--backends webgl,cpu] [--networks 8x32]`: only what the distributions panel costs. On every backend and
// reference network, bare, engine@k and dist@k (the engine with the distributions on) alternate
// side by side, so their ratios come from one stretch of a loaded machine; medians of the
// repetitions, per-repetition ratios too. Then kernels and WebGL programs per step with the
// distributions on and off. Printed only: the full bench's results and README stay as they are.
import { callBench, openPage } from './browser.mjs';
import { chosenBy, optionValue } from './options.mjs';
import { median, round3, windowSteps } from './stats.mjs';

const fixed = (value, digits = 2) => (value == null ? 'n/a' : value.toFixed(digits));

/** Repetitions of each alternation; `--reps N` on the command line overrides. */
function repetitionsFrom(fallback) {
  const n = Number(optionValue('reps'));
  return Number.isInteger(n) && n > 0 ? n : fallback;
}

async function benchOne(page, backend, network, settings, log) {
  const k = settings.distributionsStepsPerReadback;
  const probe = await callBench(page, 'runBare', network.hash, settings.calibrationSteps);
  const steps = windowSteps(probe.stepsPerSec, settings.secondsPerMeasurement, k);
  const rates = { bare: [], engine: [], dist: [], everyStep: [] };
  const interleaved = [];
  for (let rep = 1; rep <= settings.repetitions; rep++) {
    const warmUp = rep === 1 ? 'full' : 'short';
    rates.bare.push((await callBench(page, 'runBare', network.hash, steps, warmUp)).stepsPerSec);
    const engine = await callBench(page, 'runEngine', network.hash, steps, k, warmUp);
    rates.engine.push(engine.stepsPerSec);
    const dist = await callBench(page, 'runEngine', network.hash, steps, k, warmUp, true);
    rates.dist.push(dist.stepsPerSec);
    const every = await callBench(page, 'runEngine', network.hash, steps, k, warmUp, 'everyStep');
    rates.everyStep.push(every.stepsPerSec);
    const pair = await callBench(page, 'runEngineInterleaved', network.hash, steps, k);
    interleaved.push(pair.distributions.stepsPerSec / pair.engine.stepsPerSec);
    const [b, e, d, h] = ['bare', 'engine', 'dist', 'everyStep'].map((key) => rates[key].at(-1));
    log(
      `  ${backend} ${network.id} rep ${rep}: bare ${b.toFixed(1)}, engine@${k} ${e.toFixed(1)}, ` +
        `dist@${k} ${d.toFixed(1)}, histograms every step ${h.toFixed(1)} steps/s; ` +
        `dist/bare ${fixed(d / b)}, dist/engine ${fixed(d / e)}, ` +
        `interleaved dist/engine ${fixed(interleaved.at(-1))}`,
    );
  }
  const profile = await callBench(page, 'profileStep', network.hash, k, true);
  const perRep = (a, b) => rates[a].map((v, i) => v / rates[b][i]);
  // Milliseconds the distributions add: per step, dist = engine + rest + H / k and every step
  // = engine + rest + H, so one histogram H = (every step - dist) k / (k - 1); the rest
  // (saturation and keeping z) on every step.
  const ms = (key) => 1000 / median(rates[key]);
  const histogramMs = ((ms('everyStep') - ms('dist')) * k) / (k - 1);
  const restMs = ms('dist') - ms('engine') - histogramMs / k;
  return {
    backend,
    network: network.id,
    steps,
    bare: round3(median(rates.bare)),
    engine: round3(median(rates.engine)),
    dist: round3(median(rates.dist)),
    distOverBare: round3(median(rates.dist) / median(rates.bare)),
    distOverEngine: round3(median(rates.dist) / median(rates.engine)),
    engineOverBare: round3(median(rates.engine) / median(rates.bare)),
    distOverBarePerRep: perRep('dist', 'bare').map(round3),
    // Chunk by chunk, engine and dist alternating: the steadiest figure on a loaded machine.
    interleavedDistOverEngine: round3(median(interleaved)),
    interleavedPerRep: interleaved.map(round3),
    engineMsPerStep: round3(ms('engine')),
    histogramsMsPerChunk: round3(histogramMs),
    saturationMsPerStep: round3(restMs),
    kernels: {
      engine: round3(profile.engine.kernelsPerStep),
      dist: round3(profile.distributions.kernelsPerStep),
    },
    programs: {
      engine:
        profile.engine.programsPerStep == null ? null : round3(profile.engine.programsPerStep),
      dist:
        profile.distributions.programsPerStep == null
          ? null
          : round3(profile.distributions.programsPerStep),
    },
  };
}

/** Every backend and network; returns the rows and prints them as a table. */
export async function benchDistributions(browser, url, backends, networks, settings, log) {
  const repetitions = repetitionsFrom(Math.max(settings.repetitions, 5));
  const run = { ...settings, repetitions };
  log(`distributions: ${repetitions} repetitions of bare, engine, dist side by side`);
  const rows = [];
  const chosenNetworks = chosenBy('networks', networks, (n) => n.id);
  for (const backend of chosenBy('backends', backends, (b) => b)) {
    const { page } = await openPage(browser, url + chosenNetworks[0].hash);
    try {
      await callBench(page, 'setBackend', backend);
      for (const network of chosenNetworks)
        rows.push(await benchOne(page, backend, network, run, log));
    } finally {
      await page.context().close();
    }
  }
  const k = settings.distributionsStepsPerReadback;
  console.log(
    `Distributions: medians of ${repetitions} side-by-side repetitions, readback every ${k} steps`,
  );
  console.log(
    'backend  network  bare/s  engine/s  dist/s  dist/bare (per rep)            dist/engine  ' +
      'kernels eng/dist  programs eng/dist',
  );
  for (const r of rows) {
    console.log(
      [
        r.backend.padEnd(8),
        r.network.padEnd(8),
        String(r.bare).padEnd(7),
        String(r.engine).padEnd(9),
        String(r.dist).padEnd(7),
        `${fixed(r.distOverBare)} (${r.distOverBarePerRep.map((v) => fixed(v)).join(' ')})`.padEnd(
          31,
        ),
        fixed(r.distOverEngine).padEnd(12),
        `${r.kernels.engine} / ${r.kernels.dist}`.padEnd(17),
        r.programs.engine == null ? 'n/a' : `${r.programs.engine} / ${r.programs.dist}`,
      ].join(' '),
    );
  }
  console.log('dist/engine interleaved chunk by chunk (per rep), and x engine/bare from above:');
  for (const r of rows) {
    console.log(
      `  ${r.backend} ${r.network}: ${fixed(r.interleavedDistOverEngine)} ` +
        `(${r.interleavedPerRep.map((v) => fixed(v)).join(' ')}); ` +
        `x ${fixed(r.engineOverBare)} = ${fixed(r.interleavedDistOverEngine * r.engineOverBare)}`,
    );
  }
  console.log(
    'where the time goes (ms): engine step, one histogram (once per chunk), the rest per step',
  );
  for (const r of rows) {
    console.log(
      `  ${r.backend} ${r.network}: ${r.engineMsPerStep}, ${r.histogramsMsPerChunk}, ` +
        `${r.saturationMsPerStep}`,
    );
  }
  return rows;
}
