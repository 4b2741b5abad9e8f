import { useMemo, type KeyboardEvent } from 'react';
import type { CellMeasure } from '../../config/sweepCell';
import { sweepKeyInfo, type SweepAxis, type SweepKey } from '../../config/sweepSpec';
import { t } from '../i18n/messages';
import { formatSignificant } from '../i18n/numberFormat';
import { cellColor, logRange, metricValue, type SweepMetric } from './regimeColor';

/** The SVG's own coordinate system; it scales to the panel's width. */
const VIEW_WIDTH = 720;
const MAP_HEIGHT = 380;
/** A one-axis sweep is a single row of cells (its curves are drawn below it). */
const ROW_HEIGHT = 110;
const MARGIN = { left: 78, right: 12, top: 8, bottom: 44 };
const MAX_TICKS = 8;

export interface MapMark {
  /** Continuous cell positions (0 = first value's centre), or null off the map. */
  x: number | null;
  y: number | null;
}

interface Props {
  axes: SweepAxis[];
  xs: number[];
  ys: number[];
  cells: readonly (CellMeasure | null)[];
  metric: SweepMetric;
  selected: number | null;
  onSelect: (index: number) => void;
  onLoad: (index: number) => void;
  current: MapMark;
  /** The boundary as continuous positions (x, y), in order; empty for none. */
  boundary: Array<[number, number]>;
}

/** A swept setting's name, marked "(log)" when its axis is logarithmic. */
export function axisTitle(key: SweepKey): string {
  const name = t(`sweep.key.${key}`);
  return sweepKeyInfo(key).scale === 'log' ? t('chart.axis.log', { what: name }) : name;
}

export function formatAxisValue(value: number): string {
  return formatSignificant(value, 3);
}

/** Where `value` sits along an axis, in cells (0 = the first value's centre); null outside. */
export function axisPosition(axis: SweepAxis, count: number, value: number | null): number | null {
  if (value === null || count < 2) return count === 1 && value !== null ? 0 : null;
  const log = sweepKeyInfo(axis.key).scale === 'log';
  if (log && value <= 0) return null;
  const t = log
    ? Math.log(value / axis.from) / Math.log(axis.to / axis.from)
    : (value - axis.from) / (axis.to - axis.from);
  const position = t * (count - 1);
  return position < -0.5 || position > count - 0.5 ? null : position;
}

/**
 * The regime map: one rectangle per cell, coloured by the metric, the first axis across and the
 * second upward; the current setup as a ring, the theoretical boundary as a dashed line. A
 * click selects a cell, a double click loads it; arrow keys and Enter do the same.
 */
export function RegimeMap(props: Props) {
  const { axes, xs, ys, cells, metric, selected, onSelect, onLoad, current, boundary } = props;
  const [xAxis, yAxis] = axes;
  const nx = xs.length;
  const ny = Math.max(1, ys.length);
  const plotW = VIEW_WIDTH - MARGIN.left - MARGIN.right;
  const VIEW_HEIGHT = yAxis ? MAP_HEIGHT : ROW_HEIGHT;
  const plotH = VIEW_HEIGHT - MARGIN.top - MARGIN.bottom;
  const cw = plotW / Math.max(1, nx);
  const ch = plotH / ny;
  const cx = (i: number) => MARGIN.left + (i + 0.5) * cw;
  const cy = (j: number) => MARGIN.top + plotH - (j + 0.5) * ch;
  const range = useMemo(
    () =>
      metric === 'logSlope'
        ? null
        : logRange(cells.map((c) => (c ? metricValue(c, metric) : null))),
    [cells, metric],
  );
  if (!xAxis) return null;

  const xStep = Math.ceil(nx / MAX_TICKS);
  const yStep = Math.ceil(ny / MAX_TICKS);
  const onKeyDown = (event: KeyboardEvent<SVGSVGElement>) => {
    const index = selected ?? 0;
    const i = index % nx;
    const j = Math.floor(index / nx);
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [-1, 0],
      ArrowRight: [1, 0],
      ArrowUp: [0, 1],
      ArrowDown: [0, -1],
    };
    const move = moves[event.key];
    if (move) {
      event.preventDefault();
      const ni = Math.min(nx - 1, Math.max(0, i + (selected === null ? 0 : move[0])));
      const nj = Math.min(ny - 1, Math.max(0, j + (selected === null ? 0 : move[1])));
      onSelect(nj * nx + ni);
    } else if (event.key === 'Enter' && selected !== null) {
      event.preventDefault();
      onLoad(selected);
    }
  };
  const label = t('sweep.mapLabel', {
    x: t(`sweep.key.${xAxis.key}`),
    y: yAxis ? t(`sweep.key.${yAxis.key}`) : t('sweep.noAxis'),
  });
  return (
    <svg
      className="regime-map"
      data-testid="regime-map"
      viewBox={`0 0 ${VIEW_WIDTH} ${VIEW_HEIGHT}`}
      role="img"
      aria-label={label}
      tabIndex={0}
      onKeyDown={onKeyDown}
    >
      <g>
        {cells.map((cell, index) => {
          const i = index % nx;
          const j = Math.floor(index / nx);
          return (
            <rect
              key={index}
              data-testid="regime-cell"
              data-index={index}
              data-measured={cell ? '1' : '0'}
              x={MARGIN.left + i * cw}
              y={MARGIN.top + plotH - (j + 1) * ch}
              width={cw + 0.5}
              height={ch + 0.5}
              fill={cellColor(cell, metric, range)}
              onClick={() => onSelect(index)}
              onDoubleClick={() => onLoad(index)}
            />
          );
        })}
      </g>
      {boundary.length > 0 && (
        <polyline
          className="regime-boundary"
          data-testid="regime-boundary"
          points={boundary.map(([x, y]) => `${cx(x)},${cy(y)}`).join(' ')}
        />
      )}
      {current.x !== null && current.y !== null && (
        <circle
          className="regime-current"
          data-testid="regime-current"
          cx={cx(current.x)}
          cy={cy(current.y)}
          r={Math.max(5, Math.min(cw, ch) * 0.32)}
        />
      )}
      {selected !== null && selected < cells.length && (
        <rect
          className="regime-selected"
          x={MARGIN.left + (selected % nx) * cw + 1}
          y={MARGIN.top + plotH - (Math.floor(selected / nx) + 1) * ch + 1}
          width={Math.max(1, cw - 2)}
          height={Math.max(1, ch - 2)}
        />
      )}
      <g className="regime-axis">
        {xs.map((x, i) =>
          i % xStep === 0 || i === nx - 1 ? (
            <text key={i} x={cx(i)} y={MARGIN.top + plotH + 16} textAnchor="middle">
              {formatAxisValue(x)}
            </text>
          ) : null,
        )}
        <text
          x={MARGIN.left + plotW / 2}
          y={VIEW_HEIGHT - 6}
          textAnchor="middle"
          className="regime-axis-title"
        >
          {axisTitle(xAxis.key)}
        </text>
        {yAxis &&
          ys.map((y, j) =>
            j % yStep === 0 || j === ny - 1 ? (
              <text key={j} x={MARGIN.left - 6} y={cy(j) + 4} textAnchor="end">
                {formatAxisValue(y)}
              </text>
            ) : null,
          )}
        {yAxis && (
          <text
            className="regime-axis-title"
            textAnchor="middle"
            transform={`translate(14 ${MARGIN.top + plotH / 2}) rotate(-90)`}
          >
            {axisTitle(yAxis.key)}
          </text>
        )}
      </g>
    </svg>
  );
}
