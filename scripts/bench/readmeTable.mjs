// README's performance section, generated from bench/results.json: a context line, one table row
// per backend x network, one per backend x compare page (1, 2 and 4 runs side by side), and the
// issue's targets each with a met / not met mark computed from the figures. The markdown comes
// out already in Prettier's shape (aligned tables), so regenerating the README keeps
// `prettier --check` clean. Unknown keys in the results are ignored; missing or
// null figures print as "n/a".

import { limitSettingTable, scalingTables } from './extraTables.mjs';
import {
  deepFramesTable,
  deepFramesTarget,
  modeTensorsTable,
  modeTensorsTarget,
} from './modeTables.mjs';
import { table } from './markdownTable.mjs';

export const BENCH_START = '<!-- bench:start -->';
export const BENCH_END = '<!-- bench:end -->';

/**
 * The targets (raised since the first bench). Ratios and frame time apply to every backend x
 * network row measured.
 */
export const TARGETS = {
  engineOverBare: 0.9,
  /**
   * With the distributions panel open (activation histograms and saturation measured): its own
   * target, lower than engine/bare's, since the panel measures more than the norms.
   */
  distributionsOverBare: 0.75,
  appOverEngine: 0.95,
  frameP95Ms: 20,
  /** Comparing runs: total steps/s of 2 and 4 runs over one run's (frame p95 as above). */
  compareTotalOverSingle: 0.9,
  heapRatio: 2,
  /** The heap ratio counts only with this many steps of chart history (fewer: n/a). */
  heapSteps: 1_000_000,
  initialBundleGzipKB: 450,
  firstStepMs: 1500,
  /** A 16 x 16 step-1 regime map on the fastest backend. */
  sweepMapSeconds: 10,
};

const NA = 'n/a';
const MARK = { met: '✓ met', notMet: '✗ not met', na: '– n/a' };

const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const fixed = (value, digits) => (isNumber(value) ? value.toFixed(digits) : NA);
const steps = (value) => (isNumber(value) ? fixed(value, 1) : NA);
const ratio = (value) => fixed(value, 2);
const ms = (value) => fixed(value, 0);
const kb = (value) => fixed(value, 0);
const count = (value) =>
  isNumber(value) ? String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : NA;
/** met / not met / n/a (a figure that was not measured meets nothing and fails nothing). */
const mark = (ok) => (ok == null ? MARK.na : ok ? MARK.met : MARK.notMet);

/** Every backend x network measured: the backend's reference network first, then the others. */
function benchRows(results) {
  const names = Array.isArray(results.backends) ? results.backends : [];
  const rows = [];
  for (const backend of names) {
    const b = results[backend];
    if (!isObject(b)) continue;
    rows.push({ backend: String(backend), id: null, figures: b });
    const others = isObject(b.otherNetworks) ? b.otherNetworks : {};
    for (const [id, figures] of Object.entries(others)) {
      if (isObject(figures)) rows.push({ backend: String(backend), id, figures });
    }
  }
  return rows;
}

const networkLabel = (row) =>
  typeof row.figures.network === 'string' && row.figures.network !== ''
    ? row.figures.network
    : (row.id ?? 'reference');

/** "Measured ... with Chromium ..., on ..." from the results' own date, versions and devices. */
function contextLine(results) {
  const parts = [];
  const date = new Date(results.date);
  const when =
    typeof results.date === 'string' && !Number.isNaN(date.getTime())
      ? `${date.toISOString().slice(0, 16).replace('T', ' ')} UTC`
      : 'an unknown date';
  parts.push(
    `Measured ${when} with Chromium ${typeof results.chromium === 'string' ? results.chromium : NA}`,
  );
  const repetitions = isObject(results.settings) ? results.settings.repetitions : null;
  if (isNumber(repetitions)) {
    parts.push(`medians of ${repetitions} repetition${repetitions === 1 ? '' : 's'}`);
  }
  let line = `${parts.join(', ')}.`;
  if (typeof results.machine === 'string' && results.machine !== '') {
    line += ` Machine: ${results.machine}.`;
  } else if (isObject(results.machine)) {
    const facts = Object.entries(results.machine)
      .filter(([, v]) => ['string', 'number'].includes(typeof v))
      .map(([k, v]) => `${k} ${v}`);
    if (facts.length > 0) line += ` Machine: ${facts.join(', ')}.`;
  }
  const devices = (Array.isArray(results.backends) ? results.backends : [])
    .filter((name) => isObject(results[name]))
    .map((name) => {
      const device = isObject(results[name].device) ? results[name].device : {};
      const facts = [];
      if (typeof device.renderer === 'string' && device.renderer !== '') {
        facts.push(device.renderer);
      }
      if (isNumber(device.floatBits)) facts.push(`${device.floatBits}-bit floats`);
      return `${name}: ${facts.length > 0 ? facts.join(', ') : 'device not recorded'}`;
    });
  if (devices.length > 0) line += ` Devices: ${devices.join('; ')}.`;
  if (results.quick === true) {
    line += ' This was a `--quick` run (one short repetition): a harness check, not a measurement.';
  }
  return line;
}

const MAIN_COLUMNS = [
  { title: 'backend' },
  { title: 'network' },
  { title: 'bare steps/s', align: 'right' },
  { title: 'engine steps/s', align: 'right' },
  { title: 'app steps/s', align: 'right' },
  { title: 'engine/bare', align: 'right' },
  { title: 'app/engine', align: 'right' },
  { title: 'app/bare', align: 'right' },
  { title: 'frame p50 / p95 ms', align: 'right' },
];

function mainTable(rows) {
  return table(
    MAIN_COLUMNS,
    rows.map((row) => {
      const f = row.figures;
      const frames =
        isNumber(f.frameP50Ms) || isNumber(f.frameP95Ms)
          ? `${ms(f.frameP50Ms)} / ${ms(f.frameP95Ms)}`
          : NA;
      return [
        row.backend,
        networkLabel(row),
        steps(f.bareStepsPerSec),
        steps(f.engineStepsPerSec),
        steps(f.appStepsPerSec),
        ratio(f.engineOverBare),
        ratio(f.appOverEngine),
        ratio(f.appOverBare),
        frames,
      ];
    }),
  );
}

/** Why some rows have no app figures, once per distinct note. */
function appNotes(rows) {
  const seen = new Set();
  const notes = [];
  for (const row of rows) {
    const note = row.figures.appNote;
    if (typeof note !== 'string' || note === '' || seen.has(`${row.backend}\n${note}`)) continue;
    seen.add(`${row.backend}\n${note}`);
    notes.push(note.includes(row.backend) ? note : `${row.backend}: ${note}`);
  }
  return notes;
}

/**
 * A per-row target over every row that has the figure: met when all of them meet it; the
 * measured column names the worst row and how many rows meet it.
 */
function rowTarget(rows, key, format, meets, worstIsLow, unit = '') {
  const measured = rows.filter((row) => isNumber(row.figures[key]));
  if (measured.length === 0) return { measured: 'not measured', ok: null };
  const worst = measured.reduce((a, b) =>
    (worstIsLow ? b.figures[key] < a.figures[key] : b.figures[key] > a.figures[key]) ? b : a,
  );
  const meeting = measured.filter((row) => meets(row.figures[key])).length;
  const value = `${format(worst.figures[key])}${unit}`;
  const where = worst.where ?? `${worst.backend}, ${networkLabel(worst)}`;
  return {
    measured:
      measured.length === 1
        ? `${value} (${where})`
        : `${worstIsLow ? 'lowest' : 'highest'} ${value} (${where}); ` +
          `${meeting} of ${measured.length} rows meet it`,
    ok: meeting === measured.length,
  };
}

function tensorsTarget(results) {
  const before = results.tensorsBefore;
  const after = results.tensorsAfter;
  if (!isNumber(before) || !isNumber(after)) return { measured: NA, ok: null };
  const t = isObject(results.tensors) ? results.tensors : {};
  const settings = isObject(results.settings) ? results.settings : {};
  const n = isNumber(t.steps) ? t.steps : settings.tensorSteps;
  const over = isNumber(n) ? ` over ${count(n)} steps` : '';
  const on = typeof t.backend === 'string' ? ` (${t.backend})` : '';
  return {
    measured: `${count(before)} → ${count(after)} live tensors${over}${on}`,
    ok: after <= before,
  };
}

function heapTarget(results) {
  const first = results.heapMBAfter1k;
  const last = results.heapMBAfter100k;
  const heap = isObject(results.heap) ? results.heap : {};
  const points = Array.isArray(heap.points) ? heap.points.filter(isObject) : [];
  const firstSteps = isNumber(points[0]?.steps) ? points[0].steps : 1000;
  const lastSteps = isNumber(points.at(-1)?.steps) ? points.at(-1).steps : 100_000;
  const heapRatio = isNumber(heap.ratio)
    ? heap.ratio
    : isNumber(first) && isNumber(last) && first > 0
      ? last / first
      : null;
  if (!isNumber(heapRatio)) return { measured: NA, ok: null };
  const enough = lastSteps >= TARGETS.heapSteps;
  return {
    measured:
      `${fixed(first, 1)} MB after ${count(firstSteps)} steps, ` +
      `${fixed(last, 1)} MB after ${count(lastSteps)} (×${ratio(heapRatio)})` +
      (enough ? '' : `; fewer than ${count(TARGETS.heapSteps)} steps measured`),
    ok: heapRatio > TARGETS.heapRatio ? false : enough ? true : null,
  };
}

function bundleTarget(results) {
  const bundle = isObject(results.bundle) ? results.bundle : {};
  const initial = isNumber(results.bundleInitialGzipKB)
    ? results.bundleInitialGzipKB
    : bundle.initialGzipKB;
  const total = isNumber(results.bundleGzipKB) ? results.bundleGzipKB : bundle.totalGzipKB;
  if (!isNumber(initial)) return { measured: NA, ok: null };
  return {
    measured: `${kb(initial)} KB initial, ${kb(total)} KB total (gzip)`,
    ok: initial <= TARGETS.initialBundleGzipKB,
  };
}

/** The 16 x 16 step-1 regime map's time, as the page reported it. */
function sweepMapTarget(results) {
  const s = isObject(results.sweepMap) ? results.sweepMap : {};
  if (!isNumber(s.seconds)) return { measured: NA, ok: null };
  const on = typeof s.backend === 'string' ? ` (${s.backend})` : '';
  return {
    measured: `${fixed(s.seconds, 1)} s for ${count(s.cells)} cells${on}`,
    ok: s.seconds <= TARGETS.sweepMapSeconds,
  };
}

function firstStepTarget(results) {
  const f = isObject(results.firstStep) ? results.firstStep : {};
  const total = isNumber(results.firstStepMs) ? results.firstStepMs : f.totalMs;
  if (!isNumber(total)) return { measured: NA, ok: null };
  const about = [];
  if (typeof f.backend === 'string') about.push(f.backend);
  if (Array.isArray(f.runs) && f.runs.length > 1) about.push(`median of ${f.runs.length} loads`);
  return {
    measured:
      `${ms(total)} ms = navigation → Play ${ms(f.navigationToPlayMs)} ms + ` +
      `Play → step 1 ${ms(f.playToStepMs)} ms` +
      (about.length > 0 ? ` (${about.join(', ')})` : ''),
    ok: total <= TARGETS.firstStepMs,
  };
}

/**
 * Every compare page measured, as {backend, runs, where, figures} in the results' backend order;
 * the notes of backends whose compare pages could not be opened.
 */
function compareRows(results) {
  const compare = isObject(results.compare) ? results.compare : {};
  const names = Array.isArray(results.backends) ? results.backends : Object.keys(compare);
  const rows = [];
  const notes = [];
  for (const backend of names) {
    const c = compare[backend];
    if (!isObject(c)) continue;
    if (typeof c.note === 'string' && c.note !== '') notes.push(`${backend}: ${c.note}`);
    const pages = Array.isArray(c.pages) ? c.pages.filter(isObject) : [];
    for (const figures of pages) {
      if (!isNumber(figures.runs)) continue;
      const runs = `${figures.runs} run${figures.runs === 1 ? '' : 's'}`;
      rows.push({
        backend: String(backend),
        runs: figures.runs,
        where: `${backend}, ${runs}`,
        c,
        figures,
      });
    }
  }
  return { rows, notes };
}

/** "45 → 45 → 45 over 900 steps" from a compare page's live-tensor readings. */
function tensorReadings(figures) {
  const readings = Array.isArray(figures.tensors)
    ? figures.tensors.filter((t) => isObject(t) && isNumber(t.count))
    : [];
  if (readings.length === 0) return NA;
  const counts = readings.map((t) => count(t.count)).join(' → ');
  const first = readings[0].step;
  const last = readings.at(-1).step;
  return readings.length > 1 && isNumber(first) && isNumber(last)
    ? `${counts} over ${count(last - first)} steps`
    : counts;
}

/** What the compare pages are: the network once, then each page's runs and variants. */
function compareIntro(rows) {
  const c = rows[0].c;
  const pages = rows
    .filter((row) => row.c === c)
    .map((row) => {
      const variants = typeof row.figures.variants === 'string' ? row.figures.variants : '';
      const name = `${row.runs} run${row.runs === 1 ? '' : 's'}`;
      return variants === ''
        ? `${name} = A alone`
        : `${name} = A + \`${variants.replace(/^&/, '')}\``;
    });
  const network = typeof c.network === 'string' ? c.network : 'the reference network';
  return (
    `Comparing runs (${network}): ${pages.join('; ')}. One page each, measured in turn; ` +
    'total steps/s = lockstep steps/s × runs; live tensors are counted in the worker while paused.'
  );
}

function compareTable(rows) {
  return table(
    [
      { title: 'compare' },
      { title: 'runs', align: 'right' },
      { title: 'lockstep steps/s', align: 'right' },
      { title: 'total steps/s', align: 'right' },
      { title: 'total / 1 run', align: 'right' },
      { title: 'frame p50 / p95 ms', align: 'right' },
      { title: 'live tensors' },
    ],
    rows.map(({ backend, runs, figures: f }) => [
      backend,
      String(runs),
      steps(f.lockstepStepsPerSec),
      steps(f.totalStepsPerSec),
      ratio(f.totalOverSingle),
      isNumber(f.frameP50Ms) || isNumber(f.frameP95Ms)
        ? `${ms(f.frameP50Ms)} / ${ms(f.frameP95Ms)}`
        : NA,
      tensorReadings(f),
    ]),
  );
}

/** Flat live tensors on every compare page of more than one run that has two readings. */
function compareTensorsTarget(multiRuns) {
  const measured = multiRuns.filter((row) => typeof row.figures.tensorsFlat === 'boolean');
  if (measured.length === 0) return { measured: 'not measured', ok: null };
  const changed = measured.filter((row) => !row.figures.tensorsFlat);
  const flat = `flat on ${measured.length - changed.length} of ${measured.length} pages`;
  return {
    measured:
      changed.length === 0
        ? flat
        : `${changed.map((row) => `${row.where}: ${tensorReadings(row.figures)}`).join('; ')}; ${flat}`,
    ok: changed.length === 0,
  };
}

/** `multiRuns`: the compare pages of 2 and 4 runs, which the compare targets are about. */
function targetsTable(results, rows, multiRuns) {
  const targets = [
    [
      `engine/bare ≥ ${TARGETS.engineOverBare.toFixed(2)}`,
      rowTarget(rows, 'engineOverBare', ratio, (v) => v >= TARGETS.engineOverBare, true),
    ],
    [
      `distributions on: engine/bare ≥ ${TARGETS.distributionsOverBare.toFixed(2)}`,
      rowTarget(
        rows,
        'distributionsOverBare',
        ratio,
        (v) => v >= TARGETS.distributionsOverBare,
        true,
      ),
    ],
    [
      `app/engine ≥ ${TARGETS.appOverEngine.toFixed(2)}`,
      rowTarget(rows, 'appOverEngine', ratio, (v) => v >= TARGETS.appOverEngine, true),
    ],
    [
      `frame p95 ≤ ${TARGETS.frameP95Ms} ms`,
      rowTarget(rows, 'frameP95Ms', ms, (v) => v <= TARGETS.frameP95Ms, false, ' ms'),
    ],
    ['live tensors flat', tensorsTarget(results)],
    [
      `compare total ≥ ${TARGETS.compareTotalOverSingle.toFixed(2)} × 1 run`,
      rowTarget(
        multiRuns,
        'totalOverSingle',
        ratio,
        (v) => v >= TARGETS.compareTotalOverSingle,
        true,
      ),
    ],
    [
      `compare frame p95 ≤ ${TARGETS.frameP95Ms} ms`,
      rowTarget(multiRuns, 'frameP95Ms', ms, (v) => v <= TARGETS.frameP95Ms, false, ' ms'),
    ],
    [`64 × 64 network: frame p95 ≤ ${TARGETS.frameP95Ms} ms`, deepFramesTarget(results.deepFrames)],
    ['compare live tensors flat', compareTensorsTarget(multiRuns)],
    ['compare, recurrent, sweep: live tensors flat', modeTensorsTarget(results.modeTensors)],
    [`heap within ${TARGETS.heapRatio}×, ${count(TARGETS.heapSteps)} steps`, heapTarget(results)],
    [`initial bundle ≤ ${TARGETS.initialBundleGzipKB} KB gzip`, bundleTarget(results)],
    [`first trained step ≤ ${TARGETS.firstStepMs / 1000} s`, firstStepTarget(results)],
    [`16 × 16 step-1 regime map ≤ ${TARGETS.sweepMapSeconds} s`, sweepMapTarget(results)],
  ];
  return table(
    [{ title: 'target' }, { title: 'measured' }, { title: 'result' }],
    targets.map(([target, { measured, ok }]) => [target, measured, mark(ok)]),
  );
}

const SCHEDULING_KEYS = ['stepsPerSec', 'p50', 'p95', 'p99'];

/**
 * The optional top-level `scheduling` object ({label: {p50, p95, p99, stepsPerSec}}) as a small
 * table; null when it is absent or has no entry of that shape.
 */
function schedulingTable(scheduling) {
  if (!isObject(scheduling)) return null;
  const entries = Object.entries(scheduling).filter(
    ([, v]) => isObject(v) && SCHEDULING_KEYS.some((k) => isNumber(v[k])),
  );
  if (entries.length === 0) return null;
  return table(
    [
      { title: 'scheduling' },
      { title: 'steps/s', align: 'right' },
      { title: 'p50 ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'p99 ms', align: 'right' },
    ],
    entries.map(([label, v]) => [
      label,
      steps(v.stepsPerSec),
      fixed(v.p50, 1),
      fixed(v.p95, 1),
      fixed(v.p99, 1),
    ]),
  );
}

/**
 * Kernels (and, on WebGL, shader programs) per training step of the bare loop and the engine,
 * from each row's optional `stepWork`; null when no row has it.
 */
function stepWorkTable(rows) {
  const measured = rows.filter(
    (row) => isObject(row.figures.stepWork) && isNumber(row.figures.stepWork.engineKernels),
  );
  if (measured.length === 0) return null;
  const pair = (bare, engine) =>
    isNumber(bare) && isNumber(engine) ? `${count(bare)} / ${count(engine)}` : NA;
  return table(
    [
      { title: 'work per step' },
      { title: 'tfjs kernels, bare / engine', align: 'right' },
      { title: 'WebGL programs, bare / engine', align: 'right' },
    ],
    measured.map((row) => {
      const w = row.figures.stepWork;
      return [
        `${row.backend}, ${networkLabel(row)}`,
        pair(w.bareKernels, w.engineKernels),
        pair(w.barePrograms, w.enginePrograms),
      ];
    }),
  );
}

/** The performance section's generated markdown (no trailing newline). */
/**
 * Recurrent mode, one row per backend x sequence length: the engine's steps/s with full
 * metrics (BPTT, per-tensor norms, ||dL/dh_t|| for every t); null when not measured.
 */
function recurrentTable(results) {
  if (!isObject(results.recurrent)) return null;
  const rows = [];
  for (const [backend, networks] of Object.entries(results.recurrent)) {
    if (!isObject(networks)) continue;
    for (const figures of Object.values(networks)) {
      if (!isObject(figures)) continue;
      rows.push([backend, String(figures.network ?? NA), steps(figures.stepsPerSec)]);
    }
  }
  if (rows.length === 0) return null;
  const intro =
    'Recurrent mode (engine only, readback every 10 steps; the page has no recurrent view yet):';
  const columns = [
    { title: 'backend' },
    { title: 'recurrent network' },
    { title: 'engine steps/s', align: 'right' },
  ];
  return `${intro}\n\n${table(columns, rows)}`;
}

export function performanceMarkdown(results) {
  if (!isObject(results)) throw new TypeError('bench results must be an object');
  const rows = benchRows(results);
  const blocks = [contextLine(results)];
  blocks.push(rows.length > 0 ? mainTable(rows) : 'No backend figures in these results.');
  const notes = appNotes(rows);
  if (notes.length > 0) blocks.push(notes.map((note) => `- ${note}`).join('\n'));
  const stepWork = stepWorkTable(rows);
  if (stepWork) blocks.push(stepWork);
  const scheduling = schedulingTable(results.scheduling);
  if (scheduling) blocks.push(scheduling);
  const compare = compareRows(results);
  if (compare.rows.length > 0) {
    blocks.push(compareIntro(compare.rows), compareTable(compare.rows));
  }
  if (compare.notes.length > 0) blocks.push(compare.notes.map((note) => `- ${note}`).join('\n'));
  const recurrent = recurrentTable(results);
  if (recurrent) blocks.push(recurrent);
  const multiRuns = compare.rows.filter((row) => row.runs > 1);
  const deep = deepFramesTable(results.deepFrames);
  if (deep) blocks.push(deep);
  const modes = modeTensorsTable(results.modeTensors);
  if (modes) blocks.push(modes);
  const limit = limitSettingTable(results.limitSetting);
  if (limit) blocks.push(limit);
  blocks.push(...scalingTables(results.scaling));
  blocks.push(targetsTable(results, rows, multiRuns));
  return blocks.join('\n\n');
}

/**
 * `readmeText` with everything between the `<!-- bench:start -->` and `<!-- bench:end -->` lines
 * replaced by `markdown` (blank line either side); the marker lines and all text outside them are
 * kept byte for byte. Throws when the markers are missing, repeated or out of order.
 */
export function replaceReadmeSection(readmeText, markdown) {
  const find = (marker) => {
    const found = [];
    let offset = 0;
    for (const line of readmeText.split('\n')) {
      if (line.trim() === marker) found.push(offset);
      offset += line.length + 1;
    }
    if (found.length !== 1) {
      throw new Error(
        found.length === 0
          ? `README has no "${marker}" line: add ${BENCH_START} and ${BENCH_END} lines around ` +
              'the generated performance table'
          : `README has ${found.length} "${marker}" lines; expected exactly one`,
      );
    }
    return found[0];
  };
  const start = find(BENCH_START);
  const end = find(BENCH_END);
  if (end < start) throw new Error(`README's "${BENCH_END}" line comes before "${BENCH_START}"`);
  const afterStart = readmeText.indexOf('\n', start) + 1;
  // The generated lines end as the start marker's line does.
  const newline = readmeText[afterStart - 2] === '\r' ? '\r\n' : '\n';
  const body = markdown.replace(/\r?\n/g, newline).trim();
  return `${readmeText.slice(0, afterStart)}${newline}${body}${newline}${newline}${readmeText.slice(end)}`;
}
