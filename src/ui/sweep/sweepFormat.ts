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
