import { useId } from 'react';

/**
 * A segmented choice of one option among a few: native radio buttons in a fieldset (so arrow
 * keys and screen readers work), styled as a row of segments. The charts' quantity toggle and
 * the distributions panel's quantity choice are both this.
 */
export function SegmentedChoice<T extends string>(props: {
  options: readonly T[];
  value: T;
  onChange: (value: T) => void;
  /** Read by screen readers as the group's name. */
  legend: string;
  labelOf: (option: T) => string;
  className?: string;
  /** Id of an element that describes the current choice. */
  describedBy?: string;
}) {
  const { options, value, onChange, legend, labelOf, className, describedBy } = props;
  const groupName = useId();
  return (
    <fieldset
      className={className ? `quantity-toggle ${className}` : 'quantity-toggle'}
      aria-describedby={describedBy}
    >
      <legend className="chart-sr-only">{legend}</legend>
      {options.map((option) => (
        <label key={option} className={option === value ? 'is-active' : undefined}>
          <input
            type="radio"
            name={groupName}
            value={option}
            checked={option === value}
            onChange={() => onChange(option)}
          />
          {labelOf(option)}
        </label>
      ))}
    </fieldset>
  );
}
