// Two parts of README's performance section added with the raised targets: live tensors over
// 10,000 steps in compare, recurrent and sweep mode, and the frames while the page trains a
// 64 x 64 network. Each table comes with its target row ({measured, ok}; ok null = not
// measured). Missing figures print as "n/a".
import { table } from './markdownTable.mjs';

export const DEEP_FRAME_P95_MS = 20;
/** Steps each mode must train with its tensors flat. */
export const MODE_TENSOR_STEPS = 10_000;

const NA = 'n/a';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const fixed = (value, digits) => (isNumber(value) ? value.toFixed(digits) : NA);
const count = (value) =>
  isNumber(value) ? String(Math.round(value)).replace(/\B(?=(\d{3})+(?!\d))/g, ',') : NA;
const mark = (ok) => (ok == null ? '– n/a' : ok ? '✓ met' : '✗ not met');
/** " (measured 2026-12-06 08:30 UTC)" from a part's own date, when it has one. */
function measuredAt(part) {
  const date = new Date(part.date);
  return typeof part.date === 'string' && !Number.isNaN(date.getTime())
    ? ` (measured ${date.toISOString().slice(0, 16).replace('T', ' ')} UTC)`
    : '';
}

function modeEntries(modeTensors) {
  if (!isObject(modeTensors) || !isObject(modeTensors.modes)) return [];
  return Object.entries(modeTensors.modes).filter(([, m]) => isObject(m));
}

/** "22 → 22 → 22 (0 after dispose)" from a mode's readings. */
function readingsText(m) {
  const readings = Array.isArray(m.readings) ? m.readings.filter(isObject) : [];
  const along = readings.length > 0 ? readings.map((r) => count(r.count)).join(' → ') : NA;
  return `${count(m.beforeTrainers)} before; ${along}; ${count(m.afterDispose)} after dispose`;
}

/** Intro and table of `modeTensors` ({backend, modes: {mode: {...}}}); null when absent. */
export function modeTensorsTable(modeTensors) {
  const entries = modeEntries(modeTensors);
  if (entries.length === 0) return null;
  const on = typeof modeTensors.backend === 'string' ? ` on ${modeTensors.backend}` : '';
  const intro =
    `Live tensors in each mode${on}, engine-level (src/bench/modeTensors.ts): compare trains the ` +
    'runs in lockstep, recurrent one RNN, sweep cells request by request (32 cells each); read ' +
    `between chunks, and again once everything is disposed${measuredAt(modeTensors)}.`;
  const body = table(
    [
      { title: 'mode' },
      { title: 'setting' },
      { title: 'steps', align: 'right' },
      { title: 'live tensors' },
      { title: 'flat' },
    ],
    entries.map(([mode, m]) => [
      mode,
      typeof m.label === 'string' ? m.label : NA,
      mode === 'sweep' ? `${count(m.steps)} (${count(m.runs)} cells)` : count(m.steps),
      readingsText(m),
      m.flat === true ? 'yes' : m.flat === false ? 'NO' : NA,
    ]),
  );
  return `${intro}\n\n${body}`;
}

/** Flat in every mode, over at least MODE_TENSOR_STEPS steps. */
export function modeTensorsTarget(modeTensors) {
  const entries = modeEntries(modeTensors);
  if (entries.length === 0) return { measured: 'not measured', ok: null };
  const short = entries.filter(([, m]) => !(m.steps >= MODE_TENSOR_STEPS));
  const notFlat = entries.filter(([, m]) => m.flat !== true).map(([mode]) => mode);
  const parts = entries.map(([mode, m]) => `${mode} ${m.flat === true ? 'flat' : 'NOT flat'}`);
  const stepsText = entries.map(([, m]) => count(m.steps));
  const measured = `${parts.join(', ')} (steps ${[...new Set(stepsText)].join(' / ')})`;
  if (notFlat.length > 0) return { measured, ok: false };
  return { measured, ok: short.length > 0 ? null : true };
}

/** Intro and table of `deepFrames` ({network, rows: {backend: {...} | {note}}}); null when absent. */
export function deepFramesTable(deepFrames) {
  if (!isObject(deepFrames) || !isObject(deepFrames.rows)) return null;
  const entries = Object.entries(deepFrames.rows).filter(([, r]) => isObject(r));
  if (entries.length === 0) return null;
  const network = typeof deepFrames.network === 'string' ? deepFrames.network : 'a deep network';
  const intro =
    `Frames while the page trains a deep network (${network}; 64 lines per chart) at full ` +
    `speed: target frame p95 ≤ ${DEEP_FRAME_P95_MS} ms on every backend${measuredAt(deepFrames)}.`;
  const body = table(
    [
      { title: 'deep network' },
      { title: 'steps/s', align: 'right' },
      { title: 'frame p50 ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'p99 ms', align: 'right' },
      { title: `p95 ≤ ${DEEP_FRAME_P95_MS} ms` },
    ],
    entries.map(([backend, r]) => {
      if (typeof r.note === 'string') return [backend, NA, NA, NA, NA, r.note];
      return [
        backend,
        fixed(r.stepsPerSec, 1),
        fixed(r.p50, 1),
        fixed(r.p95, 1),
        fixed(r.p99, 1),
        mark(isNumber(r.p95) ? r.p95 <= DEEP_FRAME_P95_MS : null),
      ];
    }),
  );
  return `${intro}\n\n${body}`;
}

/** The highest p95 over the backends measured. */
export function deepFramesTarget(deepFrames) {
  const rows = isObject(deepFrames) && isObject(deepFrames.rows) ? deepFrames.rows : {};
  const measured = Object.entries(rows).filter(([, r]) => isObject(r) && isNumber(r.p95));
  if (measured.length === 0) return { measured: 'not measured', ok: null };
  const [worstBackend, worst] = measured.reduce((a, b) => (b[1].p95 > a[1].p95 ? b : a));
  const meeting = measured.filter(([, r]) => r.p95 <= DEEP_FRAME_P95_MS).length;
  return {
    measured:
      `highest ${fixed(worst.p95, 0)} ms (${worstBackend}); ` +
      `${meeting} of ${measured.length} backends meet it`,
    ok: meeting === measured.length,
  };
}
