import { useMemo } from 'react';
import { fromLogPosition, LOG_STEP_DECADES, toLogPosition } from './logScale';
import type { ValueRange } from './numberText';
import { SliderField, type SliderScale } from './SliderField';

export interface LogSliderProps {
  label: string;
  value: number;
  /** Positive bounds (from LIMITS): the track spans log10(min) to log10(max). */
  range: ValueRange;
  onChange: (value: number) => void;
  disabled?: boolean;
}

/** A slider over log10(value) with an exact, editable number box beside it. */
export function LogSlider({ label, value, range, onChange, disabled }: LogSliderProps) {
  const { min, max } = range;
  const scale = useMemo<SliderScale>(
    () => ({
      min: Math.log10(min),
      max: Math.log10(max),
      step: LOG_STEP_DECADES,
      toPosition: (v) => toLogPosition(v, min, max),
      fromPosition: (p) => fromLogPosition(p, min, max),
    }),
    [min, max],
  );
  return (
    <SliderField
      label={label}
      value={value}
      range={range}
      scale={scale}
      onChange={onChange}
      disabled={disabled}
      boxStep="any"
      logScale
    />
  );
}
