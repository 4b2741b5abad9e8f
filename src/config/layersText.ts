/**
 * Hidden layer widths as link text, with a run-length shorthand: `64,32x6,16` is one layer of
 * 64, six of 32 and one of 16; `none` (or nothing) is no hidden layer.
 */
import type { Note } from './keyCodecs';
import { formatNumber, parseDecimal } from './numberText';
import { quoteText } from './repairs';
import { LIMITS } from './schema';

/** Hidden widths with runs of equal widths as `width x count` where that is shorter. */
export function formatLayers(hidden: readonly number[]): string {
  if (hidden.length === 0) return 'none';
  const parts: string[] = [];
  for (let i = 0; i < hidden.length;) {
    const width = hidden[i];
    let run = 1;
    while (hidden[i + run] === width) run++;
    const one = formatNumber(width ?? 0);
    const plain = Array<string>(run).fill(one).join(',');
    const short = `${one}x${run}`;
    parts.push(short.length < plain.length ? short : plain);
    i += run;
  }
  return parts.join(',');
}

const LAYER_TOKEN = /^([^x*]*)(?:[x*](\d+))?$/i;

/** Bad layer entries quoted one by one in the repair; any beyond are counted. */
const MAX_QUOTED_LAYER_ENTRIES = 3;

/**
 * Parses `64,32x6,16` (also `32*6`, `none` or empty for no hidden layer); entries that are not
 * `width` or `width x count` are skipped, and when none is usable the value is not used at all
 * (undefined). Never builds more than MAX_HIDDEN_LAYERS entries, however large a repeat count
 * is. Widths are range-checked later by validateConfig.
 */
export function parseLayers(raw: string, note: Note): number[] | undefined {
  if (raw === '' || raw.toLowerCase() === 'none') return [];
  const max = LIMITS.MAX_HIDDEN_LAYERS;
  const widths: number[] = [];
  const bad: string[] = [];
  let requested = 0;
  for (const token of raw.split(',')) {
    const match = LAYER_TOKEN.exec(token.trim());
    const width = match === null ? undefined : parseDecimal((match[1] ?? '').trim());
    if (match === null || width === undefined) {
      bad.push(token);
      continue;
    }
    const count = match[2] === undefined ? 1 : Number(match[2]);
    requested += count;
    for (let k = 0; k < count && widths.length < max; k++) widths.push(width);
  }
  if (bad.length > 0) {
    const entries = bad.slice(0, MAX_QUOTED_LAYER_ENTRIES).map(quoteText).join(', ');
    const more = bad.length - MAX_QUOTED_LAYER_ENTRIES;
    if (requested > 0) {
      if (more > 0) note('repair.layersBadIgnoredMore', { entries, more });
      else note('repair.layersBadIgnored', { entries });
    } else {
      if (more > 0) note('repair.layersBadDefaultMore', { entries, more });
      else note('repair.layersBadDefault', { entries });
      return undefined;
    }
  }
  if (requested > max) {
    if (Number.isFinite(requested)) {
      note('repair.layersTooMany', { count: String(requested), max: String(max) });
    } else {
      note('repair.layersFarTooMany', { max: String(max) });
    }
  }
  return widths;
}
