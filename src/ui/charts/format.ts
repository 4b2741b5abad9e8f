/**
 * Wording of measured values and layer names for tooltips, labels and summaries. Every value a
 * chart shows goes through formatMeasured, so one tooltip never mixes "3.299e-7" with
 * "0.000001710" (what Number#toPrecision does on either side of 1e-6); it switches to exponent
 * form where every other number of the page does (numberFormat.ts exponentForm).
 */
import type { NonFiniteEvent } from '../../engine/nonFinite';
import { t } from '../i18n/messages';
import { exponentForm } from '../i18n/numberFormat';

/** Significant digits of every measured value shown. */
export const MEASURED_DIGITS = 4;

/**
 * A finite number with MEASURED_DIGITS significant digits, trailing zeros kept so a column of
 * values lines up: plain between 1e-3 and 1e4 ("0.01234", "1235"), else mantissa and exponent
 * ("1.710e-6", "2.500e5"; no "+"), by the page's one exponent rule (i18n/numberFormat.ts).
 */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const exponential = exponentForm(value, MEASURED_DIGITS);
  if (exponential === null) return value.toPrecision(MEASURED_DIGITS);
  return `${exponential.mantissa}e${exponential.exponent}`;
}

/** A measured value (formatNumber); NaN and +-Infinity in words. */
export function formatMeasured(value: number): string {
  if (Number.isFinite(value)) return value === 0 ? t('chart.valueZero') : formatNumber(value);
  if (Number.isNaN(value)) return t('chart.valueNaN');
  return value > 0 ? t('chart.valueInfinity') : t('chart.valueNegInfinity');
}

/** The name of layer `index` (0-based), falling back to "layer N" before the run store knows. */
export function layerName(names: readonly string[], index: number): string {
  const name = names[index];
  return name === undefined ? t('chart.layerFallback', { index: index + 1 }) : shownLayerName(name);
}

/**
 * A layer's name as the page shows it: the engine names its layers `hidden1`, `hidden2`, ...
 * and `output` (the run record keeps those); the page says them in its language.
 */
export function shownLayerName(name: string): string {
  const hidden = /^hidden(\d+)$/.exec(name);
  if (hidden) return t('chart.layerHidden', { n: hidden[1]! });
  return name === 'output' ? t('chart.layerOutput') : name;
}

/** A layer named with its place in the network, e.g. "hidden5 · layer 5 of 9". */
export function layerPlaceName(names: readonly string[], index: number): string {
  return t('chart.layerOf', {
    name: layerName(names, index),
    index: index + 1,
    count: names.length,
  });
}

/** Label of the red line at the first non-finite step, e.g. "overflow: gradient in hidden3". */
export function eventLabel(event: NonFiniteEvent, names: readonly string[]): string {
  const what = t(`chart.what.${event.what}`);
  // A recurrent signal's index is a time step, not a layer.
  if (event.what === 'timeSignalNorm' && event.layer !== null)
    return t('recurrent.eventLabelTime', { what, t: event.layer + 1 });
  return event.layer === null
    ? t('chart.eventLabelNoLayer', { what })
    : t('chart.eventLabel', { what, layer: layerName(names, event.layer) });
}
