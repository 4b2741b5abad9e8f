// The benchmark's printed output: a table of the figures (stdout) and the one-line summary.
import { DEEP_FRAME_P95_MS } from './modeTables.mjs';
import { TARGETS } from './readmeTable.mjs';

const fixed = (value, digits = 1) => (value == null ? 'n/a' : value.toFixed(digits));
const pad = (text, width) => String(text).padEnd(width);

const COLUMNS = [
  ['backend', 8, (b) => b.backend],
  ['network', 24, (b, n) => n.network.replace(/, batch \d+$/, '')],
  ['steps', 6, (b, n) => n.stepsPerMeasurement],
  ['bare/s', 8, (b, n) => fixed(n.bareStepsPerSec)],
  ['eng@10/s', 9, (b, n) => fixed(n.engine10StepsPerSec)],
  ['eng@50/s', 9, (b, n) => fixed(n.engine50StepsPerSec)],
  ['dist@10/s', 10, (b, n) => fixed(n.distributionsStepsPerSec)],
  ['engine/s', 13, (b, n) => `${fixed(n.engineStepsPerSec)} (@${n.engineStepsPerReadback})`],
  ['app/s', 7, (b, n) => fixed(n.appStepsPerSec)],
  ['page k', 8, (b, n) => fixed(n.pageStepsPerReadback)],
  ['eng/bare', 9, (b, n) => fixed(n.engineOverBare, 2)],
  ['dist/bare', 10, (b, n) => fixed(n.distributionsOverBare, 2)],
  ['app/eng', 8, (b, n) => fixed(n.appOverEngine, 2)],
  ['app/bare', 9, (b, n) => fixed(n.appOverBare, 2)],
  [
    'frame p50/p95/p99 ms',
    20,
    (b, n) => [n.frameP50Ms, n.frameP95Ms, n.frameP99Ms].map((v) => fixed(v, 0)).join('/'),
  ],
];

/** Every figure as readable lines. */
export function formatReport(results) {
  const lines = [];
  const backends = results.backends.map((name) => ({ backend: name, ...results[name] }));
  lines.push(
    `Gradscope bench: medians of ${results.settings.repetitions} alternating repetitions ` +
      `(bare, engine@10, engine@50, dist@10, app), steps/s`,
  );
  for (const b of backends) {
    lines.push(`  ${b.backend}: ${b.device.renderer ?? `${b.device.floatBits}-bit floats`}`);
  }
  lines.push('');
  lines.push(COLUMNS.map(([title, width]) => pad(title, width)).join(' '));
  for (const b of backends) {
    for (const n of [b, ...Object.values(b.otherNetworks)]) {
      lines.push(COLUMNS.map(([, width, cell]) => pad(cell(b, n), width)).join(' '));
    }
  }
  lines.push(
    "  engine = the fixed readback interval closest to the page's (page k: steps per readback " +
      'the app showed); dist = engine@10 with the distributions on (the panel open)',
  );
  for (const b of backends) if (b.appNote) lines.push(`  ${b.backend}: ${b.appNote}`);

  lines.push(...compareLines(results));

  const t = results.tensors;
  lines.push('');
  lines.push(
    `tensors (${t.backend}, ${t.network}, ${t.steps} steps, readback every ${t.stepsPerReadback}): ` +
      `before trainer ${t.beforeTrainer}, after first chunk ${t.afterFirstChunk}, ` +
      `after ${t.steps} steps ${t.afterSteps}, after dispose ${t.afterDispose}`,
  );
  const h = results.heap;
  lines.push(
    `heap (${h.backend}, chart history${h.gcForced ? ', after forced GC' : ', no forced GC'}): ` +
      `empty ${fixed(h.emptyMB)} MB, ` +
      h.points
        .map((p) => `${p.steps} steps ${fixed(p.heapMB)} MB (${p.historyPoints} kept)`)
        .join(', ') +
      `; ratio x${fixed(h.ratio, 2)} (target <= 2)`,
  );
  const bundle = results.bundle;
  lines.push(
    `bundle (gzip): total ${fixed(bundle.totalGzipKB)} KB = initial ${fixed(bundle.initialGzipKB)} KB ` +
      `+ lazy ${fixed(bundle.lazyGzipKB)} KB`,
  );
  for (const c of bundle.chunks) {
    lines.push(
      `  ${pad(c.file, 44)} ${pad(`${fixed(c.rawKB)} KB raw`, 14)} ${pad(`${fixed(c.gzipKB)} KB gz`, 12)} ` +
        (c.initial ? 'initial' : 'lazy'),
    );
  }
  const f = results.firstStep;
  lines.push(
    `first trained step (${f.backend}, median of ${f.runs.length} fresh loads): navigation -> Play ` +
      `enabled ${fixed(f.navigationToPlayMs, 0)} ms, Play -> step 1 ${fixed(f.playToStepMs, 0)} ms, ` +
      `total ${fixed(f.totalMs, 0)} ms (runs: ${f.runs.map((r) => fixed(r.totalMs, 0)).join(', ')} ms)`,
  );
  lines.push(`elapsed ${fixed(results.elapsedSeconds, 0)} s`);
  return lines.join('\n');
}

/** The limit-setting and scaling figures as readable lines ('' when neither was measured). */
export function formatExtras(results) {
  const lines = [];
  const limit = results.limitSetting;
  if (limit?.rows) {
    lines.push(`limit setting (${limit.network}), frames while it trains:`);
    for (const [name, row] of Object.entries(limit.rows)) {
      if (row.note) {
        lines.push(`  ${pad(name, 6)} ${row.note}`);
        continue;
      }
      lines.push(
        `  ${pad(name, 6)} ${pad(`(${row.backend})`, 8)} ${pad(`${row.stepsPerSec} steps/s`, 16)} ` +
          `${pad(`(${row.steps} in ${fixed(row.windowMs / 1000, 0)} s)`, 14)} ` +
          `frame p50/p95/max ${[row.p50, row.p95, row.maxMs].map((v) => fixed(v, 0)).join('/')} ms`,
      );
    }
  }
  const deep = results.deepFrames;
  if (deep?.rows) {
    lines.push(`deep network (${deep.network}), frames while it trains:`);
    for (const [name, row] of Object.entries(deep.rows)) {
      lines.push(
        row.note
          ? `  ${pad(name, 6)} ${row.note}`
          : `  ${pad(name, 6)} ${pad(`${fixed(row.stepsPerSec)} steps/s`, 16)} frame p50/p95/p99 ` +
              `${[row.p50, row.p95, row.p99].map((v) => fixed(v, 1)).join('/')} ms` +
              miss(row.p95, (v) => v <= DEEP_FRAME_P95_MS),
      );
    }
  }
  const modes = results.modeTensors;
  if (modes?.modes) {
    lines.push(`live tensors by mode (${modes.backend}):`);
    for (const [mode, m] of Object.entries(modes.modes)) {
      lines.push(
        `  ${pad(mode, 10)} ${pad(`${m.steps} steps`, 12)} before ${m.beforeTrainers}, ` +
          `${m.readings.map((r) => `${r.count}@${r.step}`).join(' -> ')}, ` +
          `after dispose ${m.afterDispose} (${m.flat ? 'flat' : 'NOT FLAT'})`,
      );
    }
  }
  const scaling = results.scaling;
  if (scaling?.rows) {
    lines.push(`scaling (tanh, batch ${scaling.batch}), steps/s bare / engine:`);
    for (const r of scaling.rows) {
      lines.push(
        `  ${pad(r.backend, 6)} ${pad(`${r.depth} x ${r.width}`, 9)} ` +
          `${fixed(r.bareStepsPerSec)} / ${fixed(r.engineStepsPerSec)}`,
      );
    }
  }
  return lines.join('\n');
}

/** The compare pages of every backend, one line per page. */
function compareLines(results) {
  const compare = results.compare ?? {};
  const lines = [];
  for (const name of results.backends) {
    const c = compare[name];
    if (!c) continue;
    if (lines.length === 0) {
      lines.push('', `compare (${c.network}; total = lockstep steps/s x runs, alternating pages):`);
    }
    if (!c.pages) {
      lines.push(`  ${name}: ${c.note}`);
      continue;
    }
    for (const p of c.pages) {
      const tensors = p.tensors.map((r) => `${r.count}@${r.step}`).join(' -> ');
      lines.push(
        `  ${pad(name, 6)} ${pad(`${p.runs} run${p.runs === 1 ? '' : 's'}`, 7)} ` +
          `${pad(`lockstep ${fixed(p.lockstepStepsPerSec)}/s`, 18)} ` +
          `${pad(`total ${fixed(p.totalStepsPerSec)}/s`, 16)} ${pad(`x${fixed(p.totalOverSingle, 2)}`, 6)} ` +
          `frame p50/p95/p99 ${[p.frameP50Ms, p.frameP95Ms, p.frameP99Ms].map((v) => fixed(v, 0)).join('/')} ms ` +
          `tensors ${tensors} (${p.tensorsFlat == null ? 'n/a' : p.tensorsFlat ? 'flat' : 'NOT FLAT'})`,
      );
    }
  }
  return lines;
}

/** ` (miss)` after a figure that misses its target; nothing for a figure not measured. */
const miss = (value, meets) => (value != null && !meets(value) ? ' (miss)' : '');

/** Per backend: total of 2 and 4 runs over one run's, the worst p95, whether tensors stayed flat. */
function compareSummary(results) {
  const compare = results.compare ?? {};
  return results.backends
    .filter((name) => compare[name])
    .map((name) => {
      const c = compare[name];
      if (!c.pages) return `compare ${name} n/a`;
      const multi = c.pages.filter((p) => p.runs > 1);
      const totals = multi.map(
        (p) =>
          `x${p.runs} ${fixed(p.totalOverSingle, 2)}` +
          miss(p.totalOverSingle, (v) => v >= TARGETS.compareTotalOverSingle),
      );
      const p95s = multi.map((p) => p.frameP95Ms).filter((v) => v != null);
      const p95 = p95s.length > 0 ? Math.max(...p95s) : null;
      const flat = multi.map((p) => p.tensorsFlat);
      const tensors = flat.some((f) => f === false)
        ? 'tensors not flat (miss)'
        : flat.every((f) => f === true)
          ? 'tensors flat'
          : 'tensors n/a';
      return (
        `compare ${name} ${totals.join(' ')} p95 ${fixed(p95)}ms` +
        `${miss(p95, (v) => v <= TARGETS.frameP95Ms)} ${tensors}`
      );
    });
}

/** The last line: the reference network per backend, then the page-wide figures. */
export function summaryLine(results) {
  const perBackend = results.backends.map((name) => {
    const b = results[name];
    const deep = Object.values(b.otherNetworks)[0];
    const lowEngine = (v) => miss(v, (x) => x >= TARGETS.engineOverBare);
    const parts = [
      `${name} engine/bare ${fixed(b.engineOverBare, 2)}${lowEngine(b.engineOverBare)}`,
    ];
    if (deep)
      parts.push(`(deep ${fixed(deep.engineOverBare, 2)}${lowEngine(deep.engineOverBare)})`);
    if (b.distributionsOverBare != null)
      parts.push(`dist/bare ${fixed(b.distributionsOverBare, 2)}`);
    if (b.appStepsPerSec == null) parts.push('app n/a');
    else {
      parts.push(
        `app/engine ${fixed(b.appOverEngine, 2)}` +
          `${miss(b.appOverEngine, (x) => x >= TARGETS.appOverEngine)}` +
          (deep
            ? ` (deep ${fixed(deep.appOverEngine, 2)}` +
              `${miss(deep.appOverEngine, (x) => x >= TARGETS.appOverEngine)})`
            : '') +
          ` app/bare ${fixed(b.appOverBare, 2)}`,
      );
      parts.push(`frameP95 ${fixed(b.frameP95Ms)}ms`);
    }
    return parts.join(' ');
  });
  const deepRows = Object.entries(results.deepFrames?.rows ?? {}).filter(([, r]) => r.p95 != null);
  const deep = deepRows.map(
    ([name, r]) => `${name} ${fixed(r.p95)}ms${miss(r.p95, (v) => v <= DEEP_FRAME_P95_MS)}`,
  );
  const modes = Object.entries(results.modeTensors?.modes ?? {}).map(
    ([mode, m]) => `${mode} ${m.flat ? 'flat' : 'NOT FLAT (miss)'}`,
  );
  const extras = [];
  if (deep.length > 0) extras.push(`64x64 p95 ${deep.join(' ')}`);
  if (modes.length > 0) extras.push(`mode tensors ${modes.join(' ')}`);
  return (
    `bench: ${[...perBackend, ...compareSummary(results), ...extras].join(' | ')} | tensors ${results.tensorsBefore}->${results.tensorsAfter} ` +
    `heap x${fixed(results.heap.ratio, 2)} bundle ${fixed(results.bundle.initialGzipKB, 0)}KB gz ` +
    `(+${fixed(results.bundle.lazyGzipKB, 0)}KB lazy) first step ${fixed(results.firstStepMs / 1000, 2)}s`
  );
}
