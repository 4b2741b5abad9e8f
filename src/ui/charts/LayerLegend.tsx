import { memo } from 'react';
import { t } from '../i18n/messages';

/** Above this many layers the legend is a colour ramp from the first to the last name. */
const LEGEND_NAMES_UP_TO = 10;

export interface LegendExtra {
  key: string;
  label: string;
  color: string;
  /** How the swatch is drawn: a line, a dashed line, or the overflow triangle. */
  kind: 'line' | 'dashed' | 'overflow';
}

interface Props {
  names: readonly string[];
  colors: readonly string[];
  extras?: readonly LegendExtra[];
}

/** Layer colours by depth (input first) plus extra series such as the global norm. */
export const LayerLegend = memo(function LayerLegend({ names, colors, extras = [] }: Props) {
  const ramp = names.length > LEGEND_NAMES_UP_TO;
  return (
    <ul className="chart-legend">
      {ramp ? (
        <li>
          <span
            className="chart-legend-ramp"
            style={{ background: `linear-gradient(to right, ${colors.join(', ')})` }}
            aria-hidden="true"
          />
          {t('chart.legendRamp', { first: names[0] ?? '', last: names[names.length - 1] ?? '' })}
        </li>
      ) : (
        names.map((name, i) => (
          <li key={`${i}-${name}`}>
            <span className="chart-swatch" style={{ background: colors[i] }} aria-hidden="true" />
            {name}
          </li>
        ))
      )}
      {extras.map((e) => (
        <li key={e.key} className={`chart-legend-extra is-${e.kind}`}>
          {e.kind === 'overflow' ? (
            <span className="chart-legend-overflow" style={{ color: e.color }} aria-hidden="true">
              ▲
            </span>
          ) : (
            <span
              className="chart-legend-line"
              style={{ borderColor: e.color }}
              aria-hidden="true"
            />
          )}
          {e.label}
        </li>
      ))}
    </ul>
  );
});
