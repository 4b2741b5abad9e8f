#!/usr/bin/env node
// `npm run bench`: how fast Gradscope trains and what its live metrics cost. Builds the app,
// serves it on 127.0.0.1 and drives the system Chromium. For every backend the page offers and
// each reference network it alternates, REPETITIONS times:
//   bare    a minimal tfjs loop with the same maths, no metrics, one readback (the ceiling);
//   engine  Gradscope's Trainer with full per-layer metrics, no UI (readback every 10 and 50);
//   dist    the engine at readback 10 also measuring the distributions (the panel open);
//   app     the real page training at full speed with every chart live.
// Then, per backend, comparing runs: the reference network as 1, 2 and 4 runs on three pages
// measured in turn (total steps/s, frames, live tensors in the worker).
// Then, per backend, recurrent mode: engine steps/s of a 32-unit RNN at T = 50 and T = 200.
// Then: live tensors over 10,000 steps, JS heap of 100,000 steps of chart history, bundle size
// (gzip) and time to the first trained step. Progress goes to stderr, the table to stdout,
// the figures to bench/results.json, and a one-line summary comes last.
// Then the regime map: a 16 x 16 step-1 map on the fastest backend (scripts/bench/sweepMap.mjs).
// Then the limit setting (64 x 256, batch 1024, 5,000 samples: frames while it trains, per
// backend) and how steps/s scale with depth and width (bare and engine, per backend).
// `--quick` runs a short version (one repetition, fewer steps) to check the harness itself.
// Then frames while a 64 x 64 network trains (per backend) and live tensors over 10,000 steps in
// compare, recurrent and sweep mode.
// `--limit`, `--scaling`, `--deep` and `--modes` (or `npm run bench:scaling`) measure only those
// parts and merge them into an existing bench/results.json (and README's table), leaving its
// other figures as they are.
// `--dist` (with `--reps N`) measures only bare, engine and dist side by side and prints them.
// `--threads` measures only the app and the engine thread by thread (CPU ms per step; with
// `--builds dirA,dirB`, builds made beforehand, A/B) and merges them under `threads`.
/* global window */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { measureAppOnce, openAppPage, timeFirstStep } from './bench/appRun.mjs';
import {
  BENCH_OUT_DIR,
  buildApp,
  callBench,
  launchBrowser,
  openPage,
  serveApp,
} from './bench/browser.mjs';
import { measureBundle } from './bench/bundleSize.mjs';
import { benchCompare } from './bench/compare.mjs';
import { benchDistributions } from './bench/distributions.mjs';
import { benchDeepFrames } from './bench/deepFrames.mjs';
import { benchLimitSetting } from './bench/limitSetting.mjs';
import { benchModeTensors } from './bench/modeTensors.mjs';
import { benchScaling } from './bench/scaling.mjs';
import { benchThreads } from './bench/threads.mjs';
import { optionValue } from './bench/options.mjs';
import { networkFigures } from './bench/figures.mjs';
import { formatExtras, formatReport, summaryLine } from './bench/report.mjs';
import { median, percentile, ratio, round3 } from './bench/stats.mjs';
import { performanceMarkdown, replaceReadmeSection } from './bench/readmeTable.mjs';
import { benchRecurrent } from './bench/recurrent.mjs';
import { fastestBackend, timeSweepMap } from './bench/sweepMap.mjs';

const QUICK = process.argv.includes('--quick');
/** Only these parts, merged into the results already on disk (none: the whole bench). */
const EXTRA_PARTS = ['limit', 'scaling', 'deep', 'modes', 'dist', 'threads'];
const ONLY = EXTRA_PARTS.filter((part) => process.argv.includes(`--${part}`));
const RESULTS_FILE = 'bench/results.json';
const README_FILE = 'README.md';

/** The reference network first (it fills the top-level figures), then the deep one. */
const NETWORKS = [
  {
    id: '8x32',
    label: '2 -> 8 x 32 tanh -> 1, batch 64',
    hash: '#layers=32x8&act=tanh&batch=64&steps=1000000',
  },
  {
    id: '32x16',
    label: '2 -> 32 x 16 tanh -> 1, batch 64',
    hash: '#layers=16x32&act=tanh&batch=64&steps=1000000',
  },
];

const SETTINGS = {
  repetitions: QUICK ? 1 : 3,
  /** Each bare/engine measurement trains about this long (step count set from a probe). */
  secondsPerMeasurement: QUICK ? 1 : 2.5,
  calibrationSteps: 30,
  engineStepsPerReadback: [10, 50],
  /** The engine with the distributions on is measured at this readback interval. */
  distributionsStepsPerReadback: 10,
  /** App: training time after the first chunk before the window, then the window itself. */
  appWarmUpMs: QUICK ? 1000 : 2000,
  appWindowMs: QUICK ? 3000 : 6000,
  /** Compare pages: training after the last repetition before the last live-tensor reading. */
  compareStretchMs: QUICK ? 3000 : 15_000,
  /** Live tensors and heap are measured on this backend (fast; any backend shows a leak). */
  memoryBackend: 'cpu',
  tensorSteps: QUICK ? 1000 : 10_000,
  tensorStepsPerReadback: 50,
  heapRecordSteps: 1000,
  heapCheckpoints: QUICK ? [1000, 10_000] : [1000, 1_000_000],
  firstStepRuns: QUICK ? 1 : 3,
  /** Limit setting: training before the window (trainer built, steps under way), the window. */
  limitWarmUpMs: QUICK ? 3000 : 5000,
  limitWindowMs: QUICK ? 15_000 : 40_000,
};

const MB = 1024 * 1024;
const started = performance.now();
const log = (message) =>
  console.error(`[${((performance.now() - started) / 1000).toFixed(0).padStart(3)} s] ${message}`);

/** Steps per measurement: about secondsPerMeasurement at the probed bare speed, in 50s. */
function stepsFor(probeStepsPerSec) {
  const steps = Math.ceil((probeStepsPerSec * SETTINGS.secondsPerMeasurement) / 50) * 50;
  return Math.max(50, Math.min(5000, steps));
}

/**
 * Where the page trains, measured side by side: the app as shipped (training in a Web Worker)
 * and the app in a browser without OffscreenCanvas, where it trains on the main thread and
 * yields between steps. Same network, WebGL, all charts live; alternating repetitions.
 */
async function benchScheduling(browser, url) {
  const network = NETWORKS[0];
  const variants = {
    worker: {},
    mainThread: { initScript: 'delete globalThis.OffscreenCanvas;' },
  };
  const samples = Object.fromEntries(Object.keys(variants).map((k) => [k, []]));
  const pages = {};
  try {
    for (const [name, options] of Object.entries(variants)) {
      const { page, backend } = await openPage(
        browser,
        `${url}${network.hash}&backend=webgl`,
        options,
      );
      const thread = await page.evaluate(() => window.__gradscope.trainingThread());
      if (backend !== 'webgl') throw new Error(`scheduling ${name}: started ${backend}, not webgl`);
      pages[name] = { page, thread };
    }
    for (let rep = 1; rep <= SETTINGS.repetitions; rep++) {
      const line = [];
      for (const name of Object.keys(variants)) {
        const seen = await measureAppOnce(pages[name].page, {
          warmUpMs: SETTINGS.appWarmUpMs,
          windowMs: SETTINGS.appWindowMs,
        });
        samples[name].push(seen);
        const p95 = percentile(seen.frameDeltasMs, 95);
        line.push(`${name} ${seen.stepsPerSec.toFixed(1)} steps/s p95 ${p95.toFixed(0)} ms`);
      }
      log(`  scheduling rep ${rep}: ${line.join(', ')}`);
    }
  } finally {
    for (const { page } of Object.values(pages)) await page.context().close();
  }
  return Object.fromEntries(
    Object.entries(samples).map(([name, list]) => {
      const frames = list.flatMap((s) => s.frameDeltasMs);
      return [
        name,
        {
          thread: pages[name]?.thread ?? null,
          network: network.label,
          stepsPerSec: round3(median(list.map((s) => s.stepsPerSec))),
          p50: round3(percentile(frames, 50)),
          p95: round3(percentile(frames, 95)),
          p99: round3(percentile(frames, 99)),
          frames: frames.length,
        },
      ];
    }),
  );
}

async function benchNetwork(browser, url, benchPage, backend, network) {
  const probe = await callBench(benchPage, 'runBare', network.hash, SETTINGS.calibrationSteps);
  const steps = stepsFor(probe.stepsPerSec);
  const app = await openAppPage(browser, url, network.hash, backend);
  const samples = {
    bare: [],
    engine: {},
    distributions: [],
    distributionsStepsPerReadback: SETTINGS.distributionsStepsPerReadback,
    app: [],
  };
  for (const k of SETTINGS.engineStepsPerReadback) samples.engine[k] = [];
  log(
    `${backend} ${network.id}: ${steps} steps per measurement (probe ${probe.stepsPerSec.toFixed(1)}/s)`,
  );
  for (let rep = 1; rep <= SETTINGS.repetitions; rep++) {
    const line = [];
    // The first repetition compiles every shader; later ones only start their loop.
    const warmUp = rep === 1 ? 'full' : 'short';
    const bare = await callBench(benchPage, 'runBare', network.hash, steps, warmUp);
    samples.bare.push(bare);
    line.push(`bare ${bare.stepsPerSec.toFixed(1)}`);
    for (const k of SETTINGS.engineStepsPerReadback) {
      const engine = await callBench(benchPage, 'runEngine', network.hash, steps, k, warmUp);
      samples.engine[k].push(engine);
      line.push(`engine@${k} ${engine.stepsPerSec.toFixed(1)}`);
    }
    const k = SETTINGS.distributionsStepsPerReadback;
    const dist = await callBench(benchPage, 'runEngine', network.hash, steps, k, warmUp, true);
    samples.distributions.push(dist);
    line.push(`dist@${k} ${dist.stepsPerSec.toFixed(1)}`);
    if (app.page) {
      const seen = await measureAppOnce(app.page, {
        warmUpMs: SETTINGS.appWarmUpMs,
        windowMs: SETTINGS.appWindowMs,
      });
      samples.app.push(seen);
      line.push(`app ${seen.stepsPerSec.toFixed(1)} (k ${seen.stepsPerReadback?.toFixed(1)})`);
    }
    log(`  rep ${rep}: ${line.join(', ')} steps/s`);
  }
  await app.page?.context().close();
  // What one step asks of the backend (kernels; on WebGL, shader programs), engine vs bare.
  const profile = await callBench(benchPage, 'profileStep', network.hash, 10);
  return {
    ...networkFigures(network, steps, samples, app.note),
    stepWork: {
      bareKernels: round3(profile.bare.kernelsPerStep),
      engineKernels: round3(profile.engine.kernelsPerStep),
      barePrograms:
        profile.bare.programsPerStep === null ? null : round3(profile.bare.programsPerStep),
      enginePrograms:
        profile.engine.programsPerStep === null ? null : round3(profile.engine.programsPerStep),
    },
  };
}

async function benchBackend(browser, url, backend) {
  const [reference, ...others] = NETWORKS;
  const { page } = await openPage(browser, url + reference.hash);
  try {
    const device = await callBench(page, 'setBackend', backend);
    log(`${backend}: ${device.renderer ?? `${device.floatBits}-bit`}`);
    const first = await benchNetwork(browser, url, page, backend, reference);
    const otherNetworks = {};
    for (const network of others) {
      otherNetworks[network.id] = await benchNetwork(browser, url, page, backend, network);
    }
    return { device, ...first, otherNetworks };
  } finally {
    await page.context().close();
  }
}

async function benchMemory(browser, url) {
  const network = NETWORKS[0];
  const { page } = await openPage(browser, url + network.hash);
  try {
    await callBench(page, 'setBackend', SETTINGS.memoryBackend);
    log(`heap: ${SETTINGS.heapCheckpoints.join(' / ')} steps of chart history`);
    const heap = await callBench(
      page,
      'historyHeap',
      network.hash,
      SETTINGS.heapRecordSteps,
      SETTINGS.heapCheckpoints,
    );
    log(`tensors: ${SETTINGS.tensorSteps} engine steps on ${SETTINGS.memoryBackend}`);
    const tensors = await callBench(
      page,
      'countTensors',
      network.hash,
      SETTINGS.tensorSteps,
      SETTINGS.tensorStepsPerReadback,
    );
    const points = heap.points.map((p) => ({
      steps: p.steps,
      historyPoints: p.historyPoints,
      heapMB: round3(p.usedHeapBytes / MB),
    }));
    return {
      heap: {
        backend: SETTINGS.memoryBackend,
        gcForced: heap.gcForced,
        emptyMB: round3(heap.emptyHeapBytes / MB),
        points,
        ratio: round3(ratio(points.at(-1).heapMB, points[0].heapMB)),
      },
      tensors: {
        backend: SETTINGS.memoryBackend,
        network: network.label,
        stepsPerReadback: SETTINGS.tensorStepsPerReadback,
        ...tensors,
      },
    };
  } finally {
    await page.context().close();
  }
}

async function benchFirstStep(browser, url) {
  const runs = [];
  for (let i = 0; i < SETTINGS.firstStepRuns; i++) {
    runs.push(await timeFirstStep(browser, url + NETWORKS[0].hash));
    log(`first step: ${runs.at(-1).totalMs.toFixed(0)} ms (${runs.at(-1).backend})`);
  }
  const mid = (key) => round3(median(runs.map((r) => r[key])));
  return {
    backend: runs[0].backend,
    navigationToPlayMs: mid('navigationToPlayMs'),
    playToStepMs: mid('playToStepMs'),
    totalMs: mid('totalMs'),
    runs: runs.map((r) => ({
      backend: r.backend,
      navigationToPlayMs: round3(r.navigationToPlayMs),
      playToStepMs: round3(r.playToStepMs),
      totalMs: round3(r.totalMs),
    })),
  };
}

/** `--limit` / `--scaling`: only those parts, merged into the results file already there. */
async function mainPartial() {
  // `--threads --builds dirA,dirB`: builds made beforehand, served side by side (A/B).
  const builds = ONLY.includes('threads') ? optionValue('builds')?.split(',') : undefined;
  if (!builds) {
    log(`building into ${BENCH_OUT_DIR}`);
    await buildApp();
  }
  const servers = await Promise.all((builds ?? [BENCH_OUT_DIR]).map((dir) => serveApp(dir)));
  const server = servers[0];
  const browser = await launchBrowser();
  let previous = {};
  try {
    previous = JSON.parse(readFileSync(RESULTS_FILE, 'utf8'));
  } catch {
    log(`no ${RESULTS_FILE} yet: it will hold only these parts`);
  }
  const results = { ...previous };
  try {
    const { page } = await openPage(browser, server.url);
    const backends = await callBench(page, 'pageBackends');
    await page.context().close();
    if (ONLY.includes('dist')) {
      await benchDistributions(browser, server.url, backends, NETWORKS, SETTINGS, log);
      return;
    }
    if (ONLY.includes('threads')) {
      const urls = Object.fromEntries(servers.map((s, i) => [builds ? builds[i] : 'app', s.url]));
      results.threads = await benchThreads(browser, urls, backends, NETWORKS, SETTINGS, log);
    }
    await measureExtras(browser, server.url, backends, results, ONLY);
  } finally {
    await browser.close();
    for (const s of servers) await s.close();
  }
  writeResults(results);
  console.log(formatExtras(results));
  console.log(`figures written to ${RESULTS_FILE}`);
}

/** The limit-setting, scaling, deep-network frames and mode-tensor figures, into `results`. */
async function measureExtras(browser, url, backends, results, parts) {
  if (parts.includes('deep')) {
    log('deep network: frames while 64 x 64 trains');
    results.deepFrames = await benchDeepFrames(browser, url, backends, SETTINGS, log);
    results.deepFrames.date = new Date().toISOString();
  }
  if (parts.includes('modes')) {
    log(`tensors in compare, recurrent and sweep mode over ${SETTINGS.tensorSteps} steps`);
    results.modeTensors = await benchModeTensors(browser, url, backends, SETTINGS, log);
    results.modeTensors.date = new Date().toISOString();
  }
  if (parts.includes('limit')) {
    log('limit setting: 64 x 256, batch 1024, 5,000 samples');
    results.limitSetting = await benchLimitSetting(browser, url, backends, SETTINGS, log);
  }
  if (parts.includes('scaling')) {
    log('scaling: steps/s against depth and width');
    results.scaling = await benchScaling(browser, url, backends, SETTINGS, log);
    results.scaling.date = new Date().toISOString();
  }
}

function writeResults(results) {
  mkdirSync('bench', { recursive: true });
  writeFileSync(RESULTS_FILE, `${JSON.stringify(results, null, 2)}\n`);
  // README's performance section is generated from the same figures.
  const readme = readFileSync(README_FILE, 'utf8');
  writeFileSync(README_FILE, replaceReadmeSection(readme, performanceMarkdown(results)));
}

async function main() {
  process.chdir(fileURLToPath(new URL('..', import.meta.url)));
  if (ONLY.length > 0) return mainPartial();
  log(`building into ${BENCH_OUT_DIR}`);
  await buildApp();
  const bundle = measureBundle(BENCH_OUT_DIR);
  if (!bundle.chunks.some((c) => /pageBench/.test(c.file) && !c.initial)) {
    log('warning: the bench harness is not a separate lazy chunk');
  }
  const server = await serveApp();
  const browser = await launchBrowser();
  const results = { date: new Date().toISOString(), quick: QUICK, settings: SETTINGS };
  try {
    results.chromium = browser.version();
    const firstStep = await benchFirstStep(browser, server.url);
    const { page } = await openPage(browser, server.url);
    const backends = await callBench(page, 'pageBackends');
    await page.context().close();
    results.backends = backends;
    for (const backend of backends)
      results[backend] = await benchBackend(browser, server.url, backend);
    results.compare = {};
    for (const backend of backends) {
      log(`compare ${backend}: ${NETWORKS[0].id} as 1, 2 and 4 runs side by side`);
      results.compare[backend] = await benchCompare(
        browser,
        server.url,
        backend,
        NETWORKS[0],
        SETTINGS,
        log,
      );
    }
    results.recurrent = {};
    for (const backend of backends) {
      log(`recurrent ${backend}: engine steps/s at T = 50 and T = 200`);
      results.recurrent[backend] = await benchRecurrent(
        browser,
        server.url,
        backend,
        SETTINGS,
        log,
      );
    }
    const sweepBackend = fastestBackend(results, backends);
    log(`regime map: 16 x 16 cells at step 1 on ${sweepBackend}`);
    results.sweepMap = await timeSweepMap(browser, server.url, sweepBackend);
    log(`regime map: ${results.sweepMap.seconds} s (${results.sweepMap.backend})`);
    log('scheduling: app training in the worker vs on the main thread');
    results.scheduling = await benchScheduling(browser, server.url);
    await measureExtras(browser, server.url, backends, results, EXTRA_PARTS);
    const memory = await benchMemory(browser, server.url);
    Object.assign(results, {
      tensorsBefore: memory.tensors.afterFirstChunk,
      tensorsAfter: memory.tensors.afterSteps,
      tensors: memory.tensors,
      heapMBAfter1k: memory.heap.points[0].heapMB,
      heapMBAfter100k: memory.heap.points.at(-1).heapMB,
      heap: memory.heap,
      bundleGzipKB: round3(bundle.totalGzipKB),
      bundleInitialGzipKB: round3(bundle.initialGzipKB),
      bundle: {
        totalGzipKB: round3(bundle.totalGzipKB),
        initialGzipKB: round3(bundle.initialGzipKB),
        lazyGzipKB: round3(bundle.lazyGzipKB),
        chunks: bundle.chunks.map((c) => ({
          ...c,
          rawKB: round3(c.rawKB),
          gzipKB: round3(c.gzipKB),
        })),
      },
      firstStepMs: firstStep.totalMs,
      firstStep,
    });
  } finally {
    await browser.close();
    await server.close();
  }
  results.elapsedSeconds = round3((performance.now() - started) / 1000);
  writeResults(results);
  console.log(formatReport(results));
  if (results.sweepMap) {
    const m = results.sweepMap;
    console.log(`regime map 16 x 16, step 1: ${m.seconds} s on ${m.backend} (target <= 10 s)`);
  }
  console.log(formatExtras(results));
  console.log(`figures written to ${RESULTS_FILE}`);
  console.log(summaryLine(results));
}

await main();
