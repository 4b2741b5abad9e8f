// Two optional parts of README's performance section: the page at the limit setting (frames
// while the largest network trains) and how steps/s scale with depth and width. Each is drawn
// only when bench/results.json holds it; missing figures print as "n/a".
import { table } from './markdownTable.mjs';

/** A setting at its limit must never freeze the tab: frame p95 at most this while it trains. */
export const LIMIT_FRAME_P95_MS = 50;

const NA = 'n/a';
const isNumber = (value) => typeof value === 'number' && Number.isFinite(value);
const isObject = (value) => value !== null && typeof value === 'object' && !Array.isArray(value);
const fixed = (value, digits) => (isNumber(value) ? value.toFixed(digits) : NA);
/** Steps/s: small rates (a step in seconds) keep two significant digits. */
const rate = (value) =>
  !isNumber(value) ? NA : value >= 10 ? value.toFixed(0) : String(Number(value.toPrecision(2)));

/**
 * `limitSetting` ({network, rows: {backend: {backend, stepsPerSec, steps, windowMs, p50, p95,
 * maxMs} | {note}}}) as an intro line and a table; null when absent.
 */
export function limitSettingTable(limitSetting) {
  if (!isObject(limitSetting) || !isObject(limitSetting.rows)) return null;
  const entries = Object.entries(limitSetting.rows).filter(([, row]) => isObject(row));
  if (entries.length === 0) return null;
  const network = typeof limitSetting.network === 'string' ? limitSetting.network : 'the limit';
  const intro =
    `At the limit setting (${network}) the page trains in its worker while frames keep coming: ` +
    `target frame p95 ≤ ${LIMIT_FRAME_P95_MS} ms on every backend, however slowly it trains ` +
    '(steps counted over a fixed window; "auto" is a link without a backend).';
  const body = table(
    [
      { title: 'limit setting' },
      { title: 'steps/s', align: 'right' },
      { title: 'frame p50 ms', align: 'right' },
      { title: 'p95 ms', align: 'right' },
      { title: 'max ms', align: 'right' },
      { title: `p95 ≤ ${LIMIT_FRAME_P95_MS} ms` },
    ],
    entries.map(([name, row]) => {
      if (typeof row.note === 'string') return [name, NA, NA, NA, NA, row.note];
      const label =
        name === 'auto' && typeof row.backend === 'string' ? `auto (${row.backend})` : name;
      const ok = isNumber(row.p95) ? row.p95 <= LIMIT_FRAME_P95_MS : null;
      return [
        label,
        rate(row.stepsPerSec),
        fixed(row.p50, 1),
        fixed(row.p95, 1),
        fixed(row.maxMs, 0),
        ok === null ? '– n/a' : ok ? '✓ met' : '✗ not met',
      ];
    }),
  );
  return `${intro}\n\n${body}`;
}

/**
 * `scaling` ({depths, widths, widthForDepth, depthForWidth, rows: [{backend, axis, depth,
 * width, bareStepsPerSec, engineStepsPerSec}]}) as two tables, steps/s against depth and
 * against width, "bare / engine" per cell; [] when absent.
 */
export function scalingTables(scaling) {
  if (!isObject(scaling) || !Array.isArray(scaling.rows)) return [];
  const rows = scaling.rows.filter(isObject);
  const backends = [...new Set(rows.map((r) => String(r.backend)))];
  if (backends.length === 0) return [];
  const batch = isNumber(scaling.batch) ? `, batch ${scaling.batch}` : '';
  const intro =
    `How cost grows (tanh${batch}): steps/s of the bare tfjs loop / the engine with full ` +
    'metrics, against depth at one width and against width at one depth.';
  const axisTable = (axis, values, fixedLabel) => {
    const key = axis === 'depth' ? 'depth' : 'width';
    return table(
      [
        { title: `${fixedLabel}; bare / engine` },
        ...values.map((v) => ({ title: `${key} ${v}`, align: 'right' })),
      ],
      backends.map((backend) => [
        backend,
        ...values.map((v) => {
          const r = rows.find((x) => x.backend === backend && x.axis === axis && x[key] === v);
          return r ? `${rate(r.bareStepsPerSec)} / ${rate(r.engineStepsPerSec)}` : NA;
        }),
      ]),
    );
  };
  const values = (name) => (Array.isArray(scaling[name]) ? scaling[name].filter(isNumber) : []);
  return [
    intro,
    axisTable('depth', values('depths'), `width ${fixed(scaling.widthForDepth, 0)}`),
    axisTable('width', values('widths'), `depth ${fixed(scaling.depthForWidth, 0)}`),
  ];
}
