/**
 * The mapping behind LogSlider: the range input's position is log10 of the value, so every
 * decade gets the same track length (a learning rate of 1e-4 is as easy to reach as 1).
 */
import { clamp, roundSignificant } from './numberText';

/** Slider resolution: a hundredth of a decade, about 2.3 % per step. */
export const LOG_STEP_DECADES = 0.01;

/** A value picked by dragging keeps this many significant digits: 0.0513, not 0.05128613839. */
export const SLIDER_SIGNIFICANT_DIGITS = 3;

/** Slider position (log10 of the value) of `value`, clamped into [min, max]; min must be > 0. */
export function toLogPosition(value: number, min: number, max: number): number {
  return Math.log10(clamp(value, min, max));
}

/** The value at a slider position, rounded to a readable number and clamped into [min, max]. */
export function fromLogPosition(position: number, min: number, max: number): number {
  return clamp(roundSignificant(10 ** position, SLIDER_SIGNIFICANT_DIGITS), min, max);
}
