/**
 * The lines of a step chart (one per layer, or train and test loss), drawn as one SVG path per
 * series inside a recharts chart (on its scales, clipped to its plot area), plus a dot per series
 * at the hovered step.
 *
 * Why not one recharts <Line> per series: on every refresh a Line rebuilds, per point, a point
 * object and a label-list entry (even with no labels), measures its path, and re-checks its store
 * selectors. In profiles of a refresh that was the largest single cost of the 9-layer charts
 * (about a third of their time) and most of the loss chart's; a path string costs ~0.3 ms per
 * 400-point series.
 *
 * The drawing matches recharts' own Line: straight segments, a gap at every null value, the
 * same class names (`recharts-line` per series, `recharts-line-curve` on its path) and the same
 * hover dots. Tooltips still come from recharts: see TooltipRowSource. The rows come from the
 * LiveLineChart around the lines, not through recharts (see LiveLineChart.tsx).
 */
import { memo, useId, useState } from 'react';
import {
  Line,
  useActiveTooltipLabel,
  useIsTooltipActive,
  usePlotArea,
  useXAxisDomain,
  useXAxisScale,
  useYAxisScale,
} from 'recharts';
import { useRunStore } from '../../store/runStore';
import type { ChartRow } from './chartData';
import { useLiveRows } from './liveRows';
import { seriesGeometry, type Scale, type SeriesGeometry, type SeriesLook } from './seriesGeometry';

export type { SeriesLook };

/** Hover dot radius and ring, as recharts draws a Line's active dot. */
const ACTIVE_DOT = { r: 4, stroke: '#fff', strokeWidth: 2 } as const;

interface Props {
  series: readonly SeriesLook[];
}

/** What the lines show: these rows and series on these scales. */
interface Drawn {
  rows: readonly ChartRow[];
  series: readonly SeriesLook[];
  x: Scale;
  y: Scale;
  geometry: SeriesGeometry[];
}

export const SeriesLines = memo(function SeriesLines({ series }: Props) {
  const { rows, xDomain: wanted } = useLiveRows();
  const xScale = useXAxisScale() as Scale | undefined;
  const yScale = useYAxisScale() as Scale | undefined;
  const plot = usePlotArea();
  const clipId = useId();
  // When the x axis changes, the rows reach this component one render before recharts' scale does
  // (the chart's store takes the new axis in an effect). Drawn on the old scale they would be
  // wrong, and drawing them twice doubles the cost of a refresh; so until the x axis spans the
  // wanted domain, the lines drawn last stay as they are.
  const xDomain = useXAxisDomain();
  const inStep = xDomain?.[0] === wanted[0] && xDomain?.[xDomain.length - 1] === wanted[1];
  const [drawn, setDrawn] = useState<Drawn | null>(null);
  const running = useRunStore((s) => s.status === 'running');
  if (
    inStep &&
    xScale &&
    yScale &&
    (drawn?.rows !== rows || drawn.series !== series || drawn.x !== xScale || drawn.y !== yScale)
  ) {
    // Derived state, set while rendering: React renders again at once with it.
    setDrawn({
      rows,
      series,
      x: xScale,
      y: yScale,
      geometry: series.map((s) => seriesGeometry(rows, s, xScale, yScale)),
    });
  }
  if (!drawn || !plot) return null;
  return (
    // While training runs the lines are drawn without anti-aliasing: on a machine rendering
    // in software, rasterising hundreds of smooth polylines several times a second was the
    // page's largest cost (frame p95 117-200 ms on the CPU backend, 32 x 16, against 33-50 ms
    // without). Paused, halted or finished, they are drawn smooth again.
    <g className="chart-series-lines" shapeRendering={running ? 'optimizeSpeed' : undefined}>
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.x} y={plot.y} width={plot.width} height={plot.height} />
        </clipPath>
      </defs>
      {drawn.series.map((s, i) => {
        const { d = '', dots = [], lonePoints = [] } = drawn.geometry[i] ?? {};
        return (
          <g key={s.key} className={s.className ? `recharts-line ${s.className}` : 'recharts-line'}>
            <path
              className="recharts-line-curve"
              clipPath={`url(#${clipId})`}
              d={d}
              fill="none"
              stroke={s.color}
              strokeWidth={s.strokeWidth}
              strokeDasharray={s.strokeDasharray}
            />
            {/* Not clipped: a dot on the plot's edge stays whole, as recharts draws it. */}
            {dots.length > 0 ? (
              <g className="recharts-line-dots">
                {dots.map(([cx, cy, row], j) => (
                  <circle
                    key={j}
                    cx={cx}
                    cy={cy}
                    r={s.dotRadius}
                    fill={s.dotColors?.[row] ?? s.color}
                  />
                ))}
              </g>
            ) : null}
            {/* A value with no drawn neighbour, as a dot (unclipped, like the dots above). */}
            {lonePoints.map(([cx, cy], j) => (
              <circle
                key={`lone${j}`}
                className="chart-lone-point"
                cx={cx}
                cy={cy}
                r={Math.max(3, s.strokeWidth * 2)}
                fill={s.color}
              />
            ))}
          </g>
        );
      })}
      <ActiveDots rows={drawn.rows} series={drawn.series} x={drawn.x} y={drawn.y} />
    </g>
  );
});

/** A dot on every series at the step the tooltip shows. */
function ActiveDots(props: {
  rows: readonly ChartRow[];
  series: readonly SeriesLook[];
  x: Scale;
  y: Scale;
}) {
  const active = useIsTooltipActive();
  const label = useActiveTooltipLabel();
  if (!active || label === undefined) return null;
  const row = props.rows.find((r) => r.x === Number(label));
  const cx = row ? props.x(row.x) : undefined;
  if (!row || cx === undefined) return null;
  return props.series.map((s) => {
    const value = row.y[s.key];
    const cy = value === null || value === undefined ? undefined : props.y(value);
    if (cy === undefined || !Number.isFinite(cy)) return null;
    return (
      <circle
        key={s.key}
        className="recharts-active-dot"
        cx={cx}
        cy={cy}
        fill={s.color}
        {...ACTIVE_DOT}
      />
    );
  });
}

/** The row's step: the hidden tooltip line's value (any finite value would do). */
const rowStep = (row: ChartRow) => row.x;

/**
 * A hidden recharts Line that draws nothing but gives the chart's Tooltip its payload (recharts
 * fills a tooltip only from graphical items): the hovered row, which ChartTooltip reads. Needs
 * `includeHidden` on the Tooltip, and on the X axis when its domain comes from the data.
 */
export function TooltipRowSource() {
  return <Line dataKey={rowStep} hide isAnimationActive={false} activeDot={false} />;
}
