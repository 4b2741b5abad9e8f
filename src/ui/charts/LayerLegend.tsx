/**
 * The legend of the per-layer charts (gradient norms, weight norms): one entry per layer in depth
 * colours, each a button that shows that layer alone (again, or "Show all layers", shows every
 * layer), and that singles the layer out on every chart while pointed at or focused
 * (layerFocusStore.ts). Up to LEGEND_NAMES_UP_TO layers the entries are named; deeper networks,
 * or a `compact` legend, get a strip of colour cells, named at both ends and, for the cell
 * pointed at, beside the strip. The strip is one tab stop; arrow keys, Home and End move along it.
 */
import { memo, useMemo, type KeyboardEvent } from 'react';
import { t } from '../i18n/messages';
import { layerKey } from './chartData';
import { layerPlaceName } from './format';
import {
  focusedLayer,
  hoverLayer,
  showAllLayers,
  toggleIsolatedLayer,
  useLayerFocus,
} from './layerFocusStore';

/** Above this many layers the legend is a strip of colour cells. */
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
  /** A strip of colour cells whatever the depth (for small charts). */
  compact?: boolean;
}

/** Pointer and focus handlers that single out `key` while it is pointed at or focused. */
function pointAt(key: string) {
  return {
    onPointerEnter: () => hoverLayer(key),
    onPointerLeave: () => hoverLayer(null),
    onFocus: () => hoverLayer(key),
    onBlur: () => hoverLayer(null),
    onClick: () => toggleIsolatedLayer(key),
  };
}

export const LayerLegend = memo(function LayerLegend(props: Props) {
  const { names, colors, extras = [], compact = false } = props;
  const keys = useMemo(() => names.map((_, i) => layerKey(i)), [names]);
  const focus = useLayerFocus();
  const isolated = focus.isolated !== null && keys.includes(focus.isolated) ? focus.isolated : null;
  // The legend names the layer pointed at (or focused) even while another is isolated.
  const hovered = focus.hovered !== null && keys.includes(focus.hovered) ? focus.hovered : null;
  const focusedIndex = keys.indexOf(hovered ?? focusedLayer(focus, keys) ?? '');
  const strip = names.length > 0 && (compact || names.length > LEGEND_NAMES_UP_TO);
  return (
    <ul className="chart-legend" aria-label={names.length > 0 ? t('chart.legendLabel') : undefined}>
      {strip ? (
        <LayerStrip
          names={names}
          colors={colors}
          keys={keys}
          isolated={isolated}
          focusedIndex={focusedIndex}
        />
      ) : (
        names.map((name, i) => {
          const key = keys[i] ?? '';
          return (
            <li key={key}>
              <button
                type="button"
                className={
                  i === focusedIndex ? 'chart-legend-layer is-focused' : 'chart-legend-layer'
                }
                aria-pressed={isolated === key}
                {...pointAt(key)}
              >
                <span
                  className="chart-swatch"
                  style={{ background: colors[i] }}
                  aria-hidden="true"
                />
                {name}
              </button>
            </li>
          );
        })
      )}
      {isolated !== null ? (
        <li>
          <button type="button" className="chart-legend-show-all" onClick={showAllLayers}>
            {t('chart.showAllLayers')}
          </button>
        </li>
      ) : null}
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

const STRIP_KEYS: Record<string, (index: number, count: number) => number> = {
  ArrowRight: (i, n) => Math.min(n - 1, i + 1),
  ArrowDown: (i, n) => Math.min(n - 1, i + 1),
  ArrowLeft: (i) => Math.max(0, i - 1),
  ArrowUp: (i) => Math.max(0, i - 1),
  Home: () => 0,
  End: (_, n) => n - 1,
};

function LayerStrip(props: {
  names: readonly string[];
  colors: readonly string[];
  keys: readonly string[];
  isolated: string | null;
  focusedIndex: number;
}) {
  const { names, colors, keys, isolated, focusedIndex } = props;
  // Named once per network, not on every render: two translated names per cell on each render
  // took 110-320 ms of the main thread in 10 s of a 64-layer page training (a language change
  // remounts the page, so the names follow it).
  const placeNames = useMemo(() => names.map((_, i) => layerPlaceName(names, i)), [names]);
  const isolatedIndex = isolated === null ? -1 : keys.indexOf(isolated);
  const tabIndex = isolatedIndex >= 0 ? isolatedIndex : Math.max(0, focusedIndex);
  const onKeyDown = (event: KeyboardEvent<HTMLSpanElement>) => {
    const move = STRIP_KEYS[event.key];
    const cells = [...event.currentTarget.querySelectorAll<HTMLButtonElement>('button')];
    const from = cells.indexOf(document.activeElement as HTMLButtonElement);
    if (!move || from < 0) return;
    event.preventDefault();
    cells[move(from, cells.length)]?.focus();
  };
  return (
    <li className="chart-legend-strip-item">
      <span className="chart-legend-end">{names[0]}</span>
      <span
        className="chart-legend-strip"
        role="group"
        aria-label={t('chart.legendStripLabel')}
        onKeyDown={onKeyDown}
      >
        {keys.map((key, i) => (
          <button
            key={key}
            type="button"
            className={i === focusedIndex ? 'chart-legend-cell is-focused' : 'chart-legend-cell'}
            style={{ background: colors[i] }}
            aria-label={placeNames[i]}
            title={placeNames[i]}
            aria-pressed={isolated === key}
            tabIndex={i === tabIndex ? 0 : -1}
            {...pointAt(key)}
          />
        ))}
      </span>
      <span className="chart-legend-end">{names[names.length - 1]}</span>
      <span className="chart-legend-strip-name" data-testid="legend-focused-name">
        {focusedIndex >= 0 ? placeNames[focusedIndex] : ''}
      </span>
    </li>
  );
}
