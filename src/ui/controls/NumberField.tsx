import { useId } from 'react';
import { NumberBox } from './NumberBox';
import type { ValueRange } from './numberText';

export interface NumberFieldProps {
  label: string;
  value: number;
  range: ValueRange;
  onChange: (value: number) => void;
  /** Short text after the box, e.g. "0 = off"; also read out as the box's description. */
  hint?: string;
  step?: number;
  disabled?: boolean;
}

/** A labelled number box on one row: label, box, optional hint. */
export function NumberField({
  label,
  value,
  range,
  onChange,
  hint,
  step,
  disabled,
}: NumberFieldProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  return (
    <div className="field-row">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <NumberBox
        id={id}
        value={value}
        range={range}
        onCommit={onChange}
        step={step}
        disabled={disabled}
        ariaDescribedBy={hint === undefined ? undefined : hintId}
      />
      {hint !== undefined && (
        <span id={hintId} className="field-hint">
          {hint}
        </span>
      )}
    </div>
  );
}
