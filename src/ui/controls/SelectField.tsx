import { useId } from 'react';

export interface SelectOption<T extends string> {
  value: T;
  label: string;
  /** Options with the same group, listed together, are shown under that heading. */
  group?: string;
}

export interface SelectFieldProps<T extends string> {
  label: string;
  value: T;
  options: readonly SelectOption<T>[];
  onChange: (value: T) => void;
  /** One line of help under the select, read out as its description. */
  help?: string;
}

/** Consecutive options grouped by their `group` heading (undefined = no heading). */
function groupRuns<T extends string>(options: readonly SelectOption<T>[]) {
  const runs: { group: string | undefined; options: SelectOption<T>[] }[] = [];
  for (const option of options) {
    const last = runs[runs.length - 1];
    if (last !== undefined && last.group === option.group) last.options.push(option);
    else runs.push({ group: option.group, options: [option] });
  }
  return runs;
}

/** A labelled native select over a fixed set of string values. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  help,
}: SelectFieldProps<T>) {
  const id = useId();
  const helpId = `${id}-help`;
  const renderOption = (option: SelectOption<T>) => (
    <option key={option.value} value={option.value}>
      {option.label}
    </option>
  );
  return (
    <>
      <div className="field-row">
        <label className="field-label" htmlFor={id}>
          {label}
        </label>
        <select
          id={id}
          className="field-select"
          value={value}
          aria-describedby={help === undefined ? undefined : helpId}
          onChange={(event) => {
            // Look the value up rather than cast it: only a listed option is ever reported.
            const picked = options.find((option) => option.value === event.currentTarget.value);
            if (picked !== undefined) onChange(picked.value);
          }}
        >
          {groupRuns(options).map((run, i) =>
            run.group === undefined ? (
              run.options.map(renderOption)
            ) : (
              <optgroup key={`${run.group}-${i}`} label={run.group}>
                {run.options.map(renderOption)}
              </optgroup>
            ),
          )}
        </select>
      </div>
      {help !== undefined && (
        <p id={helpId} className="field-help">
          {help}
        </p>
      )}
    </>
  );
}
