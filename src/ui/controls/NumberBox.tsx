import { useState, type KeyboardEvent } from 'react';
import { clampNote, formatInRange, parseInRange, type ValueRange } from './numberText';

/** Keys with which a number input steps its own value; the stepped value commits at once. */
const STEP_KEYS = new Set(['ArrowUp', 'ArrowDown', 'PageUp', 'PageDown']);

export interface NumberBoxProps {
  id?: string;
  value: number;
  range: ValueRange;
  /** Called with a finite value inside `range`, only when it differs from `value`. */
  onCommit: (value: number) => void;
  /** Accessible name when no <label> points at the box. */
  ariaLabel?: string;
  ariaDescribedBy?: string;
  disabled?: boolean;
  /** Arrow-key step; 'any' for boxes beside a log slider. */
  step?: number | 'any';
}

/**
 * A native number input that edits a draft and commits on Enter, blur or an arrow-key step.
 * Text that is not a finite number reverts to the current value, so NaN never propagates;
 * numbers outside the range are clamped into it, with a note beside the box saying so.
 */
export function NumberBox({
  id,
  value,
  range,
  onCommit,
  ariaLabel,
  ariaDescribedBy,
  disabled,
  step,
}: NumberBoxProps) {
  // null while not editing: the box then shows the config's value, so it never goes stale.
  const [draft, setDraft] = useState<string | null>(null);
  // A clamp note speaks of the value it set: once the value changes otherwise (a new link, a
  // slider, a lesson), it is stale and goes (React's "adjusting state when a prop changes").
  const [note, setNote] = useState<{ text: string; value: number } | null>(null);
  const [valueSeen, setValueSeen] = useState(value);
  if (value !== valueSeen) {
    setValueSeen(value);
    if (note !== null && note.value !== value) setNote(null);
  }

  const commit = (text: string) => {
    setDraft(null);
    const next = parseInRange(text, range);
    const noteText = clampNote(text, range);
    setNote(noteText === null ? null : { text: noteText, value: next ?? value });
    if (next !== null && next !== value) onCommit(next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') commit(event.currentTarget.value);
    else if (event.key === 'Escape') setDraft(null);
  };

  const onKeyUp = (event: KeyboardEvent<HTMLInputElement>) => {
    if (STEP_KEYS.has(event.key)) commit(event.currentTarget.value);
  };

  const input = (
    <input
      id={id}
      className="number-box"
      type="number"
      inputMode="decimal"
      min={range.min}
      max={range.max}
      step={step ?? (range.integer ? 1 : 'any')}
      value={draft ?? formatInRange(value, range)}
      disabled={disabled}
      aria-label={ariaLabel}
      aria-describedby={ariaDescribedBy}
      onChange={(event) => {
        setDraft(event.currentTarget.value);
        setNote(null);
      }}
      onBlur={(event) => commit(event.currentTarget.value)}
      onKeyDown={onKeyDown}
      onKeyUp={onKeyUp}
    />
  );
  if (note === null) return input;
  return (
    <>
      {input}
      <span className="number-note" role="status" data-testid="clamp-note">
        {note.text}
      </span>
    </>
  );
}
