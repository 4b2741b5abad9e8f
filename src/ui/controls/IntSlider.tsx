import { useMemo } from 'react';
import { clamp, type ValueRange } from './numberText';
import { SliderField, type SliderScale } from './SliderField';

export interface IntSliderProps {
  label: string;
  value: number;
  range: ValueRange;
  onChange: (value: number) => void;
  disabled?: boolean;
}

/** A linear slider over whole numbers with an editable number box beside it. */
export function IntSlider({ label, value, range, onChange, disabled }: IntSliderProps) {
  const { min, max } = range;
  const scale = useMemo<SliderScale>(
    () => ({
      min,
      max,
      step: 1,
      toPosition: (v) => v,
      fromPosition: (p) => clamp(Math.round(p), min, max),
    }),
    [min, max],
  );
  return (
    <SliderField
      label={label}
      value={value}
      range={{ ...range, integer: true }}
      scale={scale}
      onChange={onChange}
      disabled={disabled}
    />
  );
}
