/** Wording of measured values and layer names for tooltips, labels and summaries. */
import type { NonFiniteEvent } from '../../engine/nonFinite';
import { t } from '../i18n/messages';
import { formatExact } from './logScale';

/** A measured value with 4 significant digits; NaN and +-Infinity in words. */
export function formatMeasured(value: number): string {
  const exact = formatExact(value);
  if (exact !== null) return value === 0 ? t('chart.valueZero') : exact;
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

/** Label of the red line at the first non-finite step, e.g. "overflow: gradient in hidden3". */
export function eventLabel(event: NonFiniteEvent, names: readonly string[]): string {
  const what = t(`chart.what.${event.what}`);
  return event.layer === null
    ? t('chart.eventLabelNoLayer', { what })
    : t('chart.eventLabel', { what, layer: layerName(names, event.layer) });
}
