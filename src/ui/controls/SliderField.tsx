import { useId } from 'react';
import { t } from '../i18n/messages';
import { NumberBox } from './NumberBox';
import { formatInRange, type ValueRange } from './numberText';

/** How a value maps onto the range input's track. */
export interface SliderScale {
  /** Track ends and step, in track positions. */
  min: number;
  max: number;
  step: number;
  toPosition: (value: number) => number;
  /** A value inside the field's range for any track position. */
  fromPosition: (position: number) => number;
}

export interface SliderFieldProps {
  label: string;
  value: number;
  range: ValueRange;
  scale: SliderScale;
  onChange: (value: number) => void;
  disabled?: boolean;
  /** Arrow-key step of the number box. */
  boxStep?: number | 'any';
  /** Whether the track is logarithmic: the value text says so, since each arrow key step multiplies. */
  logScale?: boolean;
}

/**
 * One row: visible label, range input, number box. The label names the slider; the box is
 * named "<label> value". The slider reports the value (not its track position) as its
 * aria-valuetext, so a screen reader says "0.05, log scale", not "-1.3".
 */
export function SliderField({
  label,
  value,
  range,
  scale,
  onChange,
  disabled,
  boxStep,
  logScale = false,
}: SliderFieldProps) {
  const id = useId();
  const valueText = formatInRange(value, range);
  const spokenValue = logScale ? t('access.logSliderValue', { value: valueText }) : valueText;
  return (
    <div className="field-row">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="field-slider"
        type="range"
        min={scale.min}
        max={scale.max}
        step={scale.step}
        value={scale.toPosition(value)}
        disabled={disabled}
        aria-valuetext={spokenValue}
        onChange={(event) => {
          const position = Number(event.currentTarget.value);
          if (!Number.isFinite(position)) return;
          const next = scale.fromPosition(position);
          if (next !== value) onChange(next);
        }}
      />
      <NumberBox
        value={value}
        range={range}
        onCommit={onChange}
        disabled={disabled}
        step={boxStep}
        ariaLabel={t('controls.valueOf', { label })}
      />
    </div>
  );
}
