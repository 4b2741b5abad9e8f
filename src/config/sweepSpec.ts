/**
 * A sweep over one or two settings of the current setup, as link data:
 *   &sweep=gain:0.25..4:13,depth:2..48:12&sweepsteps=1
 * Each axis is `key:from..to:count`. `key` alone takes that key's default range and count, and
 * `key:from..to` the default count. Keys with a logarithmic slider (gain, lr, clip, gscale) are
 * spaced logarithmically, the others linearly; depth (hidden layers at the current width) takes
 * whole numbers. `sweepsteps` is K, the steps each cell trains (1: measure step 1 only).
 *
 * The text is untrusted like the rest of the link: decodeSweep never throws, and every change it
 * makes is listed as a Repair under the key `sweep` (an axis's own: `sweep[gain]`) or
 * `sweepsteps`.
 */
import { readHashPairs } from './hashParams';
import { checkNumber, rangeAt, type NumberRange } from './numberRanges';
import { formatNumber, parseDecimal } from './numberText';
import { quoteText, repair, type Repair, type RepairId, type RepairParams } from './repairs';
import { LIMITS } from './schema';

export type SweepKey = 'gain' | 'lr' | 'clip' | 'gscale' | 'binit' | 'l1' | 'l2' | 'depth';
export type SweepScale = 'log' | 'linear';

export interface SweepAxis {
  key: SweepKey;
  from: number;
  to: number;
  count: number;
}

/** One axis (a line of cells) or two (x, then y). */
export interface SweepSpec {
  axes: SweepAxis[];
  /** Steps each cell trains from identical weights; 1 = step-1 measurements only. */
  steps: number;
}

/** What a sweep key is: its range (the config field's own), spacing and default span. */
export interface SweepKeyInfo {
  key: SweepKey;
  /** The range of the config field it sets (depth: the hidden-layer count). */
  range: NumberRange;
  scale: SweepScale;
  defaultFrom: number;
  defaultTo: number;
  integer: boolean;
}

export const MIN_SWEEP_COUNT = 2;
export const MAX_SWEEP_COUNT = 32;
export const DEFAULT_SWEEP_COUNT = 12;
export const MAX_SWEEP_STEPS = 1000;
export const MAX_SWEEP_AXES = 2;

/** The settings a sweep can vary, in the order the page lists them. */
export const SWEEP_KEYS: readonly SweepKeyInfo[] = [
  {
    key: 'gain',
    range: rangeAt('init.gain'),
    scale: 'log',
    defaultFrom: 0.25,
    defaultTo: 4,
    integer: false,
  },
  {
    key: 'depth',
    range: {
      label: 'repair.label.sweepDepth',
      min: 1,
      max: LIMITS.MAX_HIDDEN_LAYERS,
      integer: true,
    },
    scale: 'linear',
    defaultFrom: 2,
    defaultTo: 48,
    integer: true,
  },
  {
    key: 'lr',
    range: rangeAt('optimizer.learningRate'),
    scale: 'log',
    defaultFrom: 1e-4,
    defaultTo: 1,
    integer: false,
  },
  {
    key: 'clip',
    range: rangeAt('gradient.clip.threshold'),
    scale: 'log',
    defaultFrom: 0.01,
    defaultTo: 100,
    integer: false,
  },
  {
    key: 'gscale',
    range: rangeAt('gradient.scale'),
    scale: 'log',
    defaultFrom: 0.01,
    defaultTo: 100,
    integer: false,
  },
  {
    key: 'binit',
    range: rangeAt('init.biasInit'),
    scale: 'linear',
    defaultFrom: -1,
    defaultTo: 1,
    integer: false,
  },
  {
    key: 'l1',
    range: rangeAt('regularization.l1'),
    scale: 'linear',
    defaultFrom: 0,
    defaultTo: 0.1,
    integer: false,
  },
  {
    key: 'l2',
    range: rangeAt('regularization.l2'),
    scale: 'linear',
    defaultFrom: 0,
    defaultTo: 0.1,
    integer: false,
  },
];

const INFO_BY_KEY = new Map(SWEEP_KEYS.map((info) => [info.key as string, info]));

export function sweepKeyInfo(key: SweepKey): SweepKeyInfo {
  return INFO_BY_KEY.get(key) as SweepKeyInfo;
}

/** The default axis of a key: its default span and count. */
export function defaultAxis(key: SweepKey): SweepAxis {
  const info = sweepKeyInfo(key);
  const count = info.integer
    ? Math.min(DEFAULT_SWEEP_COUNT, info.defaultTo - info.defaultFrom + 1)
    : DEFAULT_SWEEP_COUNT;
  return { key, from: info.defaultFrom, to: info.defaultTo, count };
}

/** The values along an axis, `from` first: log or linear spacing, whole numbers for depth. */
export function axisValues(axis: SweepAxis): number[] {
  const info = sweepKeyInfo(axis.key);
  const { from, to, count } = axis;
  const values: number[] = [];
  for (let i = 0; i < count; i++) {
    const t = count === 1 ? 0 : i / (count - 1);
    let x = info.scale === 'log' ? from * (to / from) ** t : from + (to - from) * t;
    // The ends are exact, whatever the rounding of the power on the way.
    if (i === 0) x = from;
    if (i === count - 1) x = to;
    values.push(info.integer ? Math.round(x) : Number(x.toPrecision(6)));
  }
  return values;
}

/** One axis as link text: `gain:0.25..4:13`. */
export function formatAxis(axis: SweepAxis): string {
  return `${axis.key}:${formatNumber(axis.from)}..${formatNumber(axis.to)}:${axis.count}`;
}

/** The `sweep` value of a spec (the axes), canonical. */
export function formatSweep(spec: SweepSpec): string {
  return spec.axes.map(formatAxis).join(',');
}

/** The link suffix of a sweep ('' for none): `&sweep=...`, and `&sweepsteps=K` unless K is 1. */
export function sweepHashSuffix(spec: SweepSpec | null): string {
  if (spec === null || spec.axes.length === 0) return '';
  const steps = spec.steps === 1 ? '' : `&sweepsteps=${spec.steps}`;
  return `&sweep=${formatSweep(spec)}${steps}`;
}

/** A number from axis text, brought into the key's range; the fallback (noted) when not a number. */
function readBound(
  raw: string,
  info: SweepKeyInfo,
  fallback: number,
  repairs: Repair[],
  where: string,
): number {
  const x = parseDecimal(raw.trim());
  if (x === undefined || !Number.isFinite(x)) {
    const params = { text: quoteText(raw), fallback: formatNumber(fallback) };
    repairs.push(repair(where, 'repair.sweepBoundNotNumber', params));
    return fallback;
  }
  return checkNumber(x, where, fallback, repairs, info.range);
}

/**
 * Reads one axis; null (noted) when it cannot be used at all. What concerns the axis itself is
 * noted under `sweep[key]`, the rest under `sweep`.
 */
function readAxis(text: string, repairs: Repair[]): SweepAxis | null {
  const note = (where: string, id: RepairId, params?: RepairParams) =>
    repairs.push(repair(where, id, params));
  const [keyText = '', spanText, countText, ...extra] = text.split(':');
  const keyName = keyText.trim().toLowerCase();
  const info = INFO_BY_KEY.get(keyName);
  if (info === undefined) {
    const keys = SWEEP_KEYS.map((k) => k.key).join(', ');
    note('sweep', 'repair.sweepKeyUnknown', { text: quoteText(keyText), keys });
    return null;
  }
  const key = info.key;
  const where = `sweep[${key}]`;
  const axisNote = (id: RepairId, params?: RepairParams) => note(where, id, params);
  if (extra.length > 0) axisNote('repair.sweepExtraText', { text: quoteText(extra.join(':')) });
  const fallback = defaultAxis(key);
  let from = fallback.from;
  let to = fallback.to;
  if (spanText !== undefined) {
    const parts = spanText.split('..');
    if (parts.length !== 2) {
      const [shownFrom, shownTo] = [formatNumber(fallback.from), formatNumber(fallback.to)];
      const params = { text: quoteText(spanText), from: shownFrom, to: shownTo };
      axisNote('repair.sweepNotSpan', params);
    } else {
      from = readBound(parts[0] as string, info, fallback.from, repairs, where);
      to = readBound(parts[1] as string, info, fallback.to, repairs, where);
    }
  }
  if (info.integer) {
    from = Math.round(from);
    to = Math.round(to);
  }
  if (from > to) {
    axisNote('repair.sweepSwapped', { from: formatNumber(from), to: formatNumber(to) });
    [from, to] = [to, from];
  }
  if (from === to) {
    axisNote('repair.sweepEmptySpan', { from: formatNumber(from) });
    return null;
  }
  let count = fallback.count;
  if (countText !== undefined) {
    const countRange: NumberRange = {
      label: 'repair.label.sweepCount',
      min: MIN_SWEEP_COUNT,
      max: MAX_SWEEP_COUNT,
      integer: true,
    };
    count = readBound(countText, { ...info, range: countRange }, fallback.count, repairs, where);
  }
  if (info.integer && count > to - from + 1) {
    const used = String(to - from + 1);
    axisNote('repair.sweepCountTooLarge', {
      count: String(count),
      from: String(from),
      to: String(to),
      used,
    });
    count = to - from + 1;
  }
  return { key, from, to, count };
}

/** Reads a `sweep` value into axes (at most two, distinct keys), listing every change. */
export function parseSweepAxes(raw: string, repairs: Repair[]): SweepAxis[] {
  const note = (id: RepairId, params?: RepairParams) => repairs.push(repair('sweep', id, params));
  const axes: SweepAxis[] = [];
  const texts = raw.split(',').filter((s) => s.trim() !== '');
  if (texts.length === 0) note('repair.sweepNoAxis');
  for (const [i, text] of texts.entries()) {
    if (axes.length === MAX_SWEEP_AXES) {
      note('repair.sweepTooManyAxes', { max: String(MAX_SWEEP_AXES), more: texts.length - i });
      break;
    }
    const axis = readAxis(text, repairs);
    if (axis === null) continue;
    if (axes.some((a) => a.key === axis.key)) {
      note('repair.sweepAxisTwice', { axis: axis.key });
      continue;
    }
    axes.push(axis);
  }
  return axes;
}

/** Reads `sweepsteps` (whole, 1 to MAX_SWEEP_STEPS), noting any change. */
export function parseSweepSteps(raw: string, repairs: Repair[]): number {
  const stepsRange: NumberRange = {
    label: 'repair.label.sweepSteps',
    min: 1,
    max: MAX_SWEEP_STEPS,
    integer: true,
  };
  const x = parseDecimal(raw.trim());
  if (x === undefined) {
    repairs.push(repair('sweepsteps', 'repair.sweepStepsNotNumber', { text: quoteText(raw) }));
    return 1;
  }
  return checkNumber(x, 'sweepsteps', 1, repairs, stepsRange);
}

/**
 * The sweep a link asks for (null for none), with every repair. `sweepsteps` without `sweep` is
 * noted and ignored. The last value of a repeated key wins, as for every other key.
 */
export function decodeSweep(hash: string): { sweep: SweepSpec | null; repairs: Repair[] } {
  const repairs: Repair[] = [];
  const read = readHashPairs(hash, []);
  if (read.kind === 'refused') return { sweep: null, repairs };
  const values = new Map(read.pairs);
  const axesText = values.get('sweep');
  const stepsText = values.get('sweepsteps');
  const steps = stepsText === undefined ? 1 : parseSweepSteps(stepsText, repairs);
  if (axesText === undefined) {
    if (stepsText !== undefined)
      repairs.push(repair('sweepsteps', 'repair.sweepStepsWithoutSweep'));
    return { sweep: null, repairs };
  }
  const axes = parseSweepAxes(axesText, repairs);
  return { sweep: axes.length > 0 ? { axes, steps } : null, repairs };
}
