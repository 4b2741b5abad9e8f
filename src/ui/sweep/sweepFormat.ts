import { formatFixed, formatSignificant } from '../i18n/numberFormat';
/** Number wording of the regime map's side panel. */
import type { SweepResult } from '../../store/sweepStore';
import { t } from '../i18n/messages';
import { formatAxisValue } from './RegimeMap';

/** A log slope with its sign, to 3 decimals ("+0.120", "-0.347", "0.000"). */
export function formatSlope(slope: number): string {
  if (Number(slope.toFixed(3)) === 0) return formatFixed(0, 3);
  const text = formatFixed(slope, 3);
  return slope > 0 ? `+${text}` : text;
}

/** Three significant digits; non-finite values as JavaScript writes them. */
export function format3(value: number): string {
  return formatSignificant(value, 3);
}

/**
 * The advisor's line about the norms run A has shown: "... (0.32 to 5.02e15)." in the page's
 * number format (huge norms in exponent form, never 16 digits); null before any norm.
 */
export function observedRangeText(norms: readonly number[]): string | null {
  let lo = Infinity;
  let hi = -Infinity;
  for (const g of norms) {
    lo = Math.min(lo, g);
    hi = Math.max(hi, g);
  }
  if (lo === Infinity) return null;
  return t('sweep.advisorRange', { from: format3(lo), to: format3(hi) });
}

/** The cell's settings in words: "init gain 1.41 · depth 18". */
export function cellSettings(result: SweepResult, index: number): string {
  const [xAxis, yAxis] = result.spec.axes;
  const nx = result.xs.length;
  const parts = [`${t(`sweep.key.${xAxis!.key}`)} ${formatAxisValue(result.xs[index % nx]!)}`];
  if (yAxis) {
    const y = result.ys[Math.floor(index / nx)]!;
    parts.push(`${t(`sweep.key.${yAxis.key}`)} ${formatAxisValue(y)}`);
  }
  return parts.join(' · ');
}
