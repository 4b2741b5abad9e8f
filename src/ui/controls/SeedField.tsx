import { useId } from 'react';
import { t } from '../i18n/messages';
import { NumberBox } from './NumberBox';
import type { ValueRange } from './numberText';

export interface SeedFieldProps {
  label: string;
  value: number;
  range: ValueRange;
  onChange: (value: number) => void;
  onNewSeed: () => void;
}

/** A seed box with a "New seed" button beside it. */
export function SeedField({ label, value, range, onChange, onNewSeed }: SeedFieldProps) {
  const id = useId();
  return (
    <div className="field-row seed-row">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <NumberBox id={id} value={value} range={range} onCommit={onChange} />
      <button type="button" className="text-button" onClick={onNewSeed}>
        {t('controls.newSeed')}
      </button>
    </div>
  );
}
