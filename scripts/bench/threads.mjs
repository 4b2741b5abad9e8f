// `npm run bench -- --threads [--reps N] [--backends wasm,cpu] [--networks 32x16]
// [--builds dirA,dirB]`: where the page's CPU goes while it trains, thread by thread
// (./threadCpu.mjs). For each backend and network the app page trains at full speed with every
// chart live while every Chromium thread's CPU time is read before and after the window; the
// engine loop alone (the bench page's main thread, no UI) is read the same way. CPU time per
// step holds steady on a loaded machine where steps/s do not. With `--builds`, two or more
// builds already made (`npx vite build --outDir dirA`) are served side by side and their app
// pages alternate repetition by repetition (A/B). Prints a table; the medians go to
// bench/results.json under `threads` (README's table is left as it is).
import { measureThreadsOnce, openAppPage } from './appRun.mjs';
import { callBench, openPage } from './browser.mjs';
import { chosenBy, optionValue } from './options.mjs';
import { median, percentile, round3, windowSteps } from './stats.mjs';
import { cpuPerStep, findBrowserPid, loadAverage, snapshotThreads } from './threadCpu.mjs';

/** The groups cpuPerStep reports, in the order printed. */
const GROUPS = ['worker', 'rendererMain', 'rendererOther', 'gpu', 'browser', 'other'];
const ENGINE_STEPS_PER_READBACK = [10, 50];

/** Median of each group's cpuMs and waitMs, and of wallMs, over repetitions. */
function medianBreakdown(samples, { page = true } = {}) {
  const mid = (read) => round3(median(samples.map(read)));
  // Only the app page has a UI beside its training; on the bench page the main thread trains.
  const pageMid = (read) => (page ? mid(read) : null);
  return {
    repetitions: samples.length,
    wallMs: mid((s) => s.wallMs),
    totalCpuMs: mid((s) => s.totalCpuMs),
    stepsPerSec: mid((s) => s.stepsPerSec),
    workerIdleMs: pageMid((s) => s.workerIdleMs),
    // What the page's own threads (main, other renderer threads, GPU process) take of the
    // machine, in cores: it scales with time, not steps, so it holds when training slows.
    pageCores: pageMid(
      (s) => (s.rendererMain.cpuMs + s.rendererOther.cpuMs + s.gpu.cpuMs) / s.wallMs,
    ),
    mainCores: pageMid((s) => s.rendererMain.cpuMs / s.wallMs),
    frameP95Ms: round3(
      percentile(
        samples.flatMap((s) => s.frameDeltasMs ?? []),
        95,
      ),
    ),
    ...Object.fromEntries(
      GROUPS.map((g) => [g, { cpuMs: mid((s) => s[g].cpuMs), waitMs: mid((s) => s[g].waitMs) }]),
    ),
    busiestThreads: samples.at(-1).busiestThreads.map((t) => ({
      ...t,
      cpuMs: round3(t.cpuMs),
      waitMs: round3(t.waitMs),
    })),
  };
}

/** The engine alone on the bench page's main thread, `steps` steps, thread by thread. */
async function engineOnce(benchPage, browserPid, hash, steps, k) {
  const before = snapshotThreads(browserPid);
  const timing = await callBench(benchPage, 'runEngine', hash, steps, k, 'short');
  const after = snapshotThreads(browserPid);
  // The short warm-up's few steps run inside the readings too.
  const breakdown = cpuPerStep(before, after, timing.steps + 5, { trainsIn: 'main' });
  return { ...breakdown, stepsPerSec: timing.stepsPerSec };
}

async function benchOne(browser, urls, benchPage, backend, network, settings, log) {
  const browserPid = findBrowserPid();
  const pages = {};
  for (const [build, url] of Object.entries(urls)) {
    const opened = await openAppPage(browser, url, network.hash, backend);
    if (!opened.page) throw new Error(opened.note);
    pages[build] = opened.page;
  }
  const app = Object.fromEntries(Object.keys(urls).map((b) => [b, []]));
  const engine = [];
  let engineSteps = null;
  let k = null;
  try {
    for (let rep = 1; rep <= settings.repetitions; rep++) {
      const line = [];
      for (const [build, page] of Object.entries(pages)) {
        const seen = await measureThreadsOnce(page, browserPid, {
          warmUpMs: settings.appWarmUpMs,
          windowMs: settings.appWindowMs,
        });
        app[build].push(seen);
        line.push(`${build} ${describe(seen)}`);
      }
      if (engineSteps === null) {
        // The engine reads back as often as the page did, and trains about as long.
        const pageK = app[Object.keys(pages)[0]][0].stepsPerReadback ?? 10;
        k = ENGINE_STEPS_PER_READBACK.reduce((a, b) =>
          Math.abs(Math.log(b / pageK)) < Math.abs(Math.log(a / pageK)) ? b : a,
        );
        const probe = await callBench(benchPage, 'runEngine', network.hash, 5 * k, k, 'full');
        engineSteps = windowSteps(probe.stepsPerSec, settings.secondsPerMeasurement, k);
      }
      const e = await engineOnce(benchPage, browserPid, network.hash, engineSteps, k);
      engine.push(e);
      line.push(`engine@${k} ${describe(e)}`);
      log(`  ${backend} ${network.id} rep ${rep} (load ${loadAverage()}): ${line.join('; ')}`);
    }
  } finally {
    for (const page of Object.values(pages)) await page.context().close();
  }
  return {
    backend,
    network: network.id,
    engineStepsPerReadback: k,
    engine: medianBreakdown(engine, { page: false }),
    app: Object.fromEntries(Object.entries(app).map(([b, s]) => [b, medianBreakdown(s)])),
  };
}

const fixed = (v, digits = 2) => (v == null ? 'n/a' : v.toFixed(digits));

function describe(s) {
  return (
    `${fixed(s.stepsPerSec, 1)}/s wall ${fixed(s.wallMs)} ms/step, cpu ms/step ` +
    `worker ${fixed(s.worker.cpuMs)} main ${fixed(s.rendererMain.cpuMs)} ` +
    `rend.other ${fixed(s.rendererOther.cpuMs)} gpu ${fixed(s.gpu.cpuMs)} ` +
    `browser ${fixed(s.browser.cpuMs)}`
  );
}

/** The rows as a plain-text table: CPU ms per step (run queue wait in brackets). */
export function formatThreads(rows) {
  const lines = [
    'CPU ms per training step by thread (in brackets: ms per step runnable but waiting for a core);',
    'worker idle: ms per step the worker slept; page cores: main + other renderer threads + GPU',
    'process, in cores (CPU time / wall time; n/a for the engine, which trains on the main thread)',
    [
      'backend',
      'network',
      'build',
      'steps/s',
      'wall',
      'worker',
      'main',
      'rend.other',
      'gpu',
      'browser',
      'other',
      'total',
      'worker idle',
      'page cores (main)',
    ].join(' | '),
  ];
  for (const r of rows) {
    const entries = [...Object.entries(r.app), [`engine@${r.engineStepsPerReadback}`, r.engine]];
    for (const [build, s] of entries) {
      lines.push(
        [
          r.backend,
          r.network,
          build,
          fixed(s.stepsPerSec, 1),
          fixed(s.wallMs),
          ...GROUPS.map((g) => `${fixed(s[g].cpuMs)} (${fixed(s[g].waitMs)})`),
          fixed(s.totalCpuMs),
          fixed(s.workerIdleMs),
          s.pageCores == null ? 'n/a' : `${fixed(s.pageCores)} (${fixed(s.mainCores)})`,
        ].join(' | '),
      );
    }
  }
  return lines.join('\n');
}

/**
 * Every chosen backend and network; `urls` maps a build's name to where it is served. Returns
 * {date, loadAverage, builds, rows}.
 */
export async function benchThreads(browser, urls, backends, networks, settings, log) {
  const repetitions = Number(optionValue('reps')) || Math.max(settings.repetitions, 3);
  const run = { ...settings, repetitions };
  const chosenNetworks = chosenBy('networks', networks, (n) => n.id);
  const loadBefore = loadAverage();
  const rows = [];
  for (const backend of chosenBy('backends', backends, (b) => b)) {
    const firstUrl = Object.values(urls)[0];
    const { page } = await openPage(browser, firstUrl + chosenNetworks[0].hash);
    try {
      await callBench(page, 'setBackend', backend);
      for (const network of chosenNetworks)
        rows.push(await benchOne(browser, urls, page, backend, network, run, log));
    } finally {
      await page.context().close();
    }
  }
  const result = {
    date: new Date().toISOString(),
    loadAverage: [loadBefore, loadAverage()],
    builds: Object.keys(urls),
    rows,
  };
  console.log(formatThreads(rows));
  console.log(`load average (1 min) before / after: ${result.loadAverage.join(' / ')}`);
  return result;
}
