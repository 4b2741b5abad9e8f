/**
 * Edits to the list of hidden-layer widths behind the Network section, as pure functions.
 * The list edits clamp to LIMITS; the config edits (fit*) also keep the network within
 * LIMITS.MAX_PARAMETERS by giving the user as much of the request as fits, so the store's
 * validator never has to drop layers behind the user's back.
 */
import { DEFAULT_CONFIG, LIMITS, parameterCount, type ExperimentConfig } from '../../config/schema';
import { clamp } from './numberText';

/** Width of a layer added to an empty network (there is no last layer to copy). */
export const NEW_LAYER_WIDTH = DEFAULT_CONFIG.network.hidden[0] ?? 32;

/** Share of MAX_PARAMETERS at which the parameter count is shown as a warning. */
export const PARAMETER_WARNING_SHARE = 0.8;

function clampDepth(depth: number): number {
  return clamp(Math.round(depth), LIMITS.MIN_HIDDEN_LAYERS, LIMITS.MAX_HIDDEN_LAYERS);
}

function clampWidth(width: number): number {
  return clamp(Math.round(width), LIMITS.MIN_WIDTH, LIMITS.MAX_WIDTH);
}

function lastWidth(hidden: readonly number[]): number {
  return hidden[hidden.length - 1] ?? NEW_LAYER_WIDTH;
}

/** `depth` hidden layers: existing widths kept, new layers as wide as the last one. */
export function setDepth(hidden: readonly number[], depth: number): number[] {
  const target = clampDepth(depth);
  const kept = hidden.slice(0, target);
  const fill = lastWidth(hidden);
  while (kept.length < target) kept.push(fill);
  return kept;
}

/** Every hidden layer set to one width. */
export function setUniformWidth(hidden: readonly number[], width: number): number[] {
  return hidden.map(() => clampWidth(width));
}

/** Layer `index` (0 = nearest the input) set to `width`; an index outside the list is a no-op. */
export function setLayerWidth(hidden: readonly number[], index: number, width: number): number[] {
  return hidden.map((w, i) => (i === index ? clampWidth(width) : w));
}

/** Layer `index` removed; an index outside the list is a no-op. */
export function removeLayer(hidden: readonly number[], index: number): number[] {
  return hidden.filter((_, i) => i !== index);
}

/** One more layer, as wide as the last; unchanged at MAX_HIDDEN_LAYERS. */
export function addLayer(hidden: readonly number[]): number[] {
  return setDepth(hidden, hidden.length + 1);
}

/** True when every hidden layer has the same width (also for no layers). */
export function isUniform(hidden: readonly number[]): boolean {
  return hidden.every((w) => w === hidden[0]);
}

export function withHidden(config: ExperimentConfig, hidden: number[]): ExperimentConfig {
  return { ...config, network: { ...config.network, hidden } };
}

export function fitsBudget(config: ExperimentConfig): boolean {
  return parameterCount(config) <= LIMITS.MAX_PARAMETERS;
}

export function nearParameterLimit(count: number): boolean {
  return count >= PARAMETER_WARNING_SHARE * LIMITS.MAX_PARAMETERS;
}

/**
 * Largest n in [lo, hi] for which `fits(n)` holds, by bisection; `fits` must hold at lo and be
 * monotone (true up to some n, false beyond), as parameter counts grow with depth and width.
 */
export function largestFitting(lo: number, hi: number, fits: (n: number) => boolean): number {
  if (fits(hi)) return hi;
  let good = lo;
  let bad = hi;
  while (bad - good > 1) {
    const mid = Math.floor((good + bad) / 2);
    if (fits(mid)) good = mid;
    else bad = mid;
  }
  return good;
}

/** The hidden list `edit(n)` gives, for the largest n up to `requested` within the budget. */
function fitEdit(
  config: ExperimentConfig,
  lowest: number,
  requested: number,
  edit: (n: number) => number[],
): ExperimentConfig {
  const hi = Math.max(lowest, requested);
  const n = largestFitting(lowest, hi, (k) => fitsBudget(withHidden(config, edit(k))));
  return withHidden(config, edit(n));
}

/** `depth` hidden layers (see setDepth), fewer if the parameter budget runs out first. */
export function fitDepth(config: ExperimentConfig, depth: number): ExperimentConfig {
  const hidden = config.network.hidden;
  return fitEdit(config, LIMITS.MIN_HIDDEN_LAYERS, clampDepth(depth), (d) => setDepth(hidden, d));
}

/** Every layer `width` wide, narrower if the parameter budget runs out first. */
export function fitUniformWidth(config: ExperimentConfig, width: number): ExperimentConfig {
  const hidden = config.network.hidden;
  return fitEdit(config, LIMITS.MIN_WIDTH, clampWidth(width), (w) => setUniformWidth(hidden, w));
}

/** Layer `index` set to `width`, narrower if the parameter budget runs out first. */
export function fitLayerWidth(
  config: ExperimentConfig,
  index: number,
  width: number,
): ExperimentConfig {
  const hidden = config.network.hidden;
  return fitEdit(config, LIMITS.MIN_WIDTH, clampWidth(width), (w) =>
    setLayerWidth(hidden, index, w),
  );
}

/** True when one more layer (as wide as the last) fits both the depth and parameter limits. */
export function canAddLayer(config: ExperimentConfig): boolean {
  const hidden = config.network.hidden;
  return (
    hidden.length < LIMITS.MAX_HIDDEN_LAYERS && fitsBudget(withHidden(config, addLayer(hidden)))
  );
}

/** One more layer when it fits (see canAddLayer); otherwise the config unchanged. */
export function appendLayer(config: ExperimentConfig): ExperimentConfig {
  return canAddLayer(config) ? withHidden(config, addLayer(config.network.hidden)) : config;
}

/** Layer `index` removed. */
export function dropLayer(config: ExperimentConfig, index: number): ExperimentConfig {
  return withHidden(config, removeLayer(config.network.hidden, index));
}
