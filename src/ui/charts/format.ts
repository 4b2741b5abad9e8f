/**
 * Wording of measured values and layer names for tooltips, labels and summaries. Every value a
 * chart shows goes through formatMeasured, so one tooltip never mixes "3.299e-7" with
 * "0.000001710" (what Number#toPrecision does on either side of 1e-6).
 */
import type { NonFiniteEvent } from '../../engine/nonFinite';
import { t } from '../i18n/messages';

/** Significant digits of every measured value shown. */
export const MEASURED_DIGITS = 4;
/**
 * Magnitudes in [PLAIN_FROM, PLAIN_BELOW) are written plainly ("0.01234", "1235"); the rest in
 * scientific notation ("3.299e-7", "1.710e-6", "2.500e5"). Gradient norms span dozens of decades,
 * and a plain 0.0000001710 is hard to read at a glance.
 */
const PLAIN_FROM = 1e-3;
const PLAIN_BELOW = 1e4;

/**
 * A finite number with MEASURED_DIGITS significant digits: plain between 1e-3 and 1e4, else
 * mantissa and exponent ("1.710e-6"; no "+" in the exponent).
 */
export function formatNumber(value: number): string {
  if (value === 0) return '0';
  const magnitude = Math.abs(value);
  if (magnitude >= PLAIN_FROM && magnitude < PLAIN_BELOW) {
    const plain = value.toPrecision(MEASURED_DIGITS);
    // toPrecision rounds 9999.5 up to "1.000e+4": keep one format by falling through.
    if (!plain.includes('e')) return plain;
  }
  return value.toExponential(MEASURED_DIGITS - 1).replace('e+', 'e');
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
