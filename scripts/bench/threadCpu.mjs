// Where the page's CPU goes while it trains, thread by thread, read from Linux's /proc: the
// Chromium that playwright-core launched is a child of this Node process; its renderers and GPU
// process are children of that browser process (their command lines carry --type=renderer and
// --type=gpu-process). Each thread's /proc/PID/task/TID/schedstat gives the nanoseconds it ran
// on a CPU and the nanoseconds it was runnable but waited for one (the run queue), so a thread
// that is slow because the cores are taken is told apart from one that sleeps, waiting for work
// (proc(5), "schedstat"; Documentation/scheduler/sched-stats.rst). Linux only.
import { readdirSync, readFileSync } from 'node:fs';

/** The parent pid and command name from /proc/PID/stat (the name may hold spaces and ")"). */
function readStat(path) {
  const text = readFileSync(path, 'utf8');
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  const rest = text.slice(close + 2).split(' ');
  return { comm: text.slice(open + 1, close), ppid: Number(rest[1]) };
}

function tryRead(read) {
  try {
    return read();
  } catch {
    return null; // The process or thread ended between listing and reading.
  }
}

/** Every live process as {pid, ppid, comm}. */
function listProcesses() {
  return readdirSync('/proc')
    .filter((name) => /^\d+$/.test(name))
    .map((name) => {
      const stat = tryRead(() => readStat(`/proc/${name}/stat`));
      return stat && { pid: Number(name), ...stat };
    })
    .filter(Boolean);
}

/** The arguments; Chromium's child processes rewrite theirs as one space-separated string. */
function cmdline(pid) {
  return tryRead(() => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/)) ?? [];
}

/** The browser process: a child of this Node process running Chromium (the newest one). */
export function findBrowserPid() {
  const browsers = listProcesses().filter(
    (p) => p.ppid === process.pid && /chrom/i.test(p.comm) && !cmdline(p.pid).some(isTypeFlag),
  );
  if (browsers.length === 0) throw new Error('threadCpu: no Chromium child of this process');
  return Math.max(...browsers.map((p) => p.pid));
}

function isTypeFlag(arg) {
  return arg.startsWith('--type=');
}

/** Every process under `rootPid` (children, grandchildren, ...), with its --type= role. */
function chromiumProcesses(rootPid) {
  const all = listProcesses();
  const found = [{ pid: rootPid, role: 'browser' }];
  for (let i = 0; i < found.length; i++) {
    for (const child of all.filter((p) => p.ppid === found[i].pid)) {
      const type = cmdline(child.pid).find(isTypeFlag)?.slice('--type='.length);
      found.push({ pid: child.pid, role: type ?? 'other' });
    }
  }
  return found;
}

/** {tid: {comm, runNs, waitNs}} for every thread of `pid`. */
function readThreads(pid) {
  const threads = {};
  const tids = tryRead(() => readdirSync(`/proc/${pid}/task`)) ?? [];
  for (const tid of tids) {
    const base = `/proc/${pid}/task/${tid}`;
    const sample = tryRead(() => {
      const [runNs, waitNs] = readFileSync(`${base}/schedstat`, 'utf8').split(' ').map(Number);
      return { comm: readStat(`${base}/stat`).comm, runNs, waitNs };
    });
    if (sample) threads[tid] = sample;
  }
  return threads;
}

/**
 * A reading of every thread of every process of the browser: {at (ms), processes: [{pid, role,
 * threads}]}.
 */
export function snapshotThreads(browserPid) {
  return {
    at: performance.now(),
    processes: chromiumProcesses(browserPid).map((p) => ({ ...p, threads: readThreads(p.pid) })),
  };
}

/**
 * What each thread did between two readings: [{pid, role, tid, comm, runMs, waitMs}], threads
 * that ran at all. A thread born in between counts from zero.
 */
export function threadDeltas(before, after) {
  const earlier = new Map(before.processes.map((p) => [p.pid, p.threads]));
  const rows = [];
  for (const p of after.processes) {
    for (const [tid, t] of Object.entries(p.threads)) {
      const was = earlier.get(p.pid)?.[tid] ?? { runNs: 0, waitNs: 0 };
      const runMs = (t.runNs - was.runNs) / 1e6;
      const waitMs = (t.waitNs - was.waitNs) / 1e6;
      const main = Number(tid) === p.pid;
      if (runMs > 0 || waitMs > 0)
        rows.push({ pid: p.pid, role: p.role, tid, main, comm: t.comm, runMs, waitMs });
    }
  }
  return rows;
}

const sum = (rows, key) => rows.reduce((total, r) => total + r[key], 0);

/** Dedicated workers are named "DedicatedWorker thread" (older Chromium: "DedicatedWorker"). */
const isWorker = (row) => /^DedicatedWorker/.test(row.comm);
/** A process's main thread has the process's id (its name is the program's, "chromium"). */
const isMain = (row) => row.main;

/**
 * The renderer that trained: where training ran in a dedicated worker (the app page), the
 * renderer whose worker ran most; where it ran on the main thread (the bench page's engine
 * loop), the renderer whose main thread ran most.
 */
function trainingRendererPid(rows, trainsIn) {
  const isTrainer = trainsIn === 'worker' ? isWorker : isMain;
  const candidates = rows.filter((r) => r.role === 'renderer' && isTrainer(r));
  return candidates.sort((a, b) => b.runMs - a.runMs)[0]?.pid ?? null;
}

/**
 * CPU per training step between two readings, grouped: the page's worker thread(s), its
 * renderer main thread, the renderer's other threads (compositor, V8 and raster helpers), the
 * GPU process (SwiftShader draws WebGL and the page's canvases there), the browser process, and
 * everything else Chromium runs (other renderers, utility processes). Each group: `cpuMs` run
 * on a CPU and `waitMs` runnable but waiting for one, per step. `wallMs` is the window per step,
 * `workerIdleMs` the part of it the worker slept (neither ran nor waited for a core);
 * `busiestThreads` the top few threads by CPU, for a closer look.
 */
export function cpuPerStep(before, after, steps, { trainsIn = 'worker' } = {}) {
  const rows = threadDeltas(before, after);
  const renderer = trainingRendererPid(rows, trainsIn);
  const inPage = (r) => r.pid === renderer;
  const groups = {
    worker: rows.filter((r) => inPage(r) && isWorker(r)),
    rendererMain: rows.filter((r) => inPage(r) && isMain(r)),
    rendererOther: rows.filter((r) => inPage(r) && !isWorker(r) && !isMain(r)),
    gpu: rows.filter((r) => r.role === 'gpu-process'),
    browser: rows.filter((r) => r.role === 'browser'),
    other: rows.filter((r) => !inPage(r) && r.role !== 'gpu-process' && r.role !== 'browser'),
  };
  const perStep = (ms) => (steps > 0 ? ms / steps : null);
  const figures = Object.fromEntries(
    Object.entries(groups).map(([name, list]) => [
      name,
      { cpuMs: perStep(sum(list, 'runMs')), waitMs: perStep(sum(list, 'waitMs')) },
    ]),
  );
  const busiest = [...rows]
    .sort((a, b) => b.runMs - a.runMs)
    .slice(0, 8)
    .map((r) => ({
      role: r.role,
      comm: r.main ? `${r.comm} (main)` : r.comm,
      cpuMs: perStep(r.runMs),
      waitMs: perStep(r.waitMs),
    }));
  const wallMs = perStep(after.at - before.at);
  return {
    steps,
    wallMs,
    // The worker neither ran nor waited for a core: it slept, waiting for a request.
    workerIdleMs:
      wallMs === null || trainsIn !== 'worker'
        ? null
        : wallMs - figures.worker.cpuMs - figures.worker.waitMs,
    totalCpuMs: perStep(sum(rows, 'runMs')),
    ...figures,
    busiestThreads: busiest,
  };
}

/** Load average over the last minute, from /proc/loadavg. */
export function loadAverage() {
  return Number(readFileSync('/proc/loadavg', 'utf8').split(' ')[0]);
}
