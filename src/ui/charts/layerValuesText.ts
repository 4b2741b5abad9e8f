/** Words for a chart's latest per-layer values: what a screen reader hears instead of the lines. */
import { t } from '../i18n/messages';
import { formatMeasured } from './format';

/** The latest value of each layer a chart draws, input layer first. */
export interface LayerValues {
  step: number;
  /** What the values are, in running text (e.g. "gradient norm"). */
  quantity: string;
  names: readonly string[];
  values: readonly number[];
  /** The rows are a recurrent run's time steps (t = 1 first), not layers. */
  timeSteps?: boolean;
}

/** A ratio with 2 significant digits ("3,400"), a power of ten from a million on ("4.9e10"). */
export function formatRatio(ratio: number): string {
  if (ratio >= 1e6) return ratio.toExponential(1).replace('e+', 'e');
  return new Intl.NumberFormat(undefined, { maximumSignificantDigits: 2 }).format(ratio);
}

/**
 * A value as a sentence says it: 3 significant digits ("0.0408", "987"), or a power of ten
 * with 2 below 0.001 and from 10,000 on ("1.2e-5"); zero, NaN and infinities in words.
 */
export function formatSpoken(value: number): string {
  if (!Number.isFinite(value) || value === 0) return formatMeasured(value);
  const size = Math.abs(value);
  if (size < 1e-3 || size >= 1e4) return value.toExponential(1).replace('e+', 'e');
  return String(Number(value.toPrecision(3)));
}

/**
 * "8 layers at step 120; input layer hidden1's gradient norm 1.2e-5, 3,400 × smaller than the
 * output layer's (0.0408)." The input-to-output ratio is the number that tells vanishing (input
 * far smaller) from exploding (input far larger); it is left out when either end is zero or not
 * finite, where no ratio exists.
 */
export function describeLayerValues(layerValues: LayerValues): string {
  const { step, quantity, names, values } = layerValues;
  const count = values.length;
  if (layerValues.timeSteps)
    return t('recurrent.summary', {
      count,
      step,
      quantity,
      first: formatSpoken(values[0] ?? NaN),
      last: formatSpoken(values[count - 1] ?? NaN),
    });
  const head = t(count === 1 ? 'access.summaryOneLayer' : 'access.summaryLayers', { count, step });
  if (count < 2) return head;
  const first = values[0] as number;
  const last = values[count - 1] as number;
  const ends = {
    quantity,
    input: names[0] ?? '',
    inputValue: formatSpoken(first),
    outputValue: formatSpoken(last),
  };
  const comparable = Number.isFinite(first) && Number.isFinite(last) && first > 0 && last > 0;
  if (!comparable) return `${head} ${t('access.summaryEnds', ends)}`;
  const key =
    first < last
      ? 'access.summarySmaller'
      : first > last
        ? 'access.summaryLarger'
        : 'access.summaryEqual';
  const ratio = formatRatio(first < last ? last / first : first / last);
  return `${head} ${t(key, { ...ends, ratio })}`;
}
