/**
 * A recharts line chart that takes new rows several times a second without redrawing recharts.
 *
 * Why: a recharts 3 chart draws through its own redux store, and a new `data` prop makes every
 * part of it (axes, grid, tooltip, reference lines) re-check its selectors and re-render. In
 * profiles of the page training at full speed that was most of the main thread's work (about
 * 13 ms per chart refresh, a third of a core with five charts), and it slowed training itself,
 * since the page shares the machine's cores with the worker and the GPU process.
 *
 * So the rows bypass recharts: they reach SeriesLines through a React context, and recharts
 * (memoized as ChartFrame) re-renders only when its frame changes: the axes' domains (explicit,
 * and chosen to change rarely while training: see stepAxisEnd), the series, or the overlay.
 * recharts gets the rows as `data` only while the pointer or keyboard focus is in the chart,
 * since its tooltip is the one part of it that needs them.
 */
import { memo, useMemo, useState, type FocusEvent, type ReactNode } from 'react';
import { CartesianGrid, LineChart, Tooltip, XAxis, YAxis, type XAxisProps } from 'recharts';
import { CHART_MARGIN, CHART_STYLE, type logYAxisProps } from './axes';
import type { ChartRow } from './chartData';
import type { useTooltipContent } from './ChartTooltip';
import { LiveRowsContext, type LiveRows } from './liveRows';
import { SeriesLines, TooltipRowSource, type SeriesLook } from './SeriesLines';
import { yAxisTitle } from './YAxisTitle';

/** An X axis with an explicit numeric domain (recharts does not see the rows to derive one). */
export type LiveXAxis = XAxisProps & { domain: [number, number] };

/** What each axis measures, with its scale: every chart says what it shows. */
export interface AxisTitles {
  x: string;
  y: string;
}

/** Room for the axis titles beside the tick labels, in px. */
const X_TITLE_PX = 14;
const Y_TITLE_PX = 16;
const AXIS_TITLE_STYLE = { fontSize: 11, fill: 'var(--muted, #6b7280)' } as const;

interface FrameProps {
  /** Keep every prop below the same object between refreshes (useMemo): a new one redraws. */
  xAxis: LiveXAxis;
  yAxis: ReturnType<typeof logYAxisProps>;
  series: readonly SeriesLook[];
  renderTooltip: ReturnType<typeof useTooltipContent>;
  /** recharts elements drawn over the lines (reference lines, markers). */
  overlay?: ReactNode;
  axisTitles: AxisTitles;
}

interface Props extends FrameProps {
  rows: readonly ChartRow[];
}

const NO_ROWS: ChartRow[] = [];

export function LiveLineChart({ rows, ...frame }: Props) {
  const [inspected, setInspected] = useState(false);
  const [lo, hi] = frame.xAxis.domain;
  const live = useMemo<LiveRows>(() => ({ rows, xDomain: [lo, hi] }), [rows, lo, hi]);
  const leaveFocus = (event: FocusEvent) => {
    if (!event.currentTarget.contains(event.relatedTarget)) setInspected(false);
  };
  return (
    <div
      className="chart-live"
      onPointerEnter={() => setInspected(true)}
      onPointerLeave={() => setInspected(false)}
      onFocus={() => setInspected(true)}
      onBlur={leaveFocus}
    >
      <LiveRowsContext.Provider value={live}>
        <ChartFrame {...frame} data={inspected ? (rows as ChartRow[]) : NO_ROWS} />
      </LiveRowsContext.Provider>
    </div>
  );
}

/** recharts' part of the chart: axes, grid, tooltip, overlay, and the lines' place. */
const ChartFrame = memo(function ChartFrame(props: FrameProps & { data: ChartRow[] }) {
  const { x, y } = props.axisTitles;
  const xLabel = useMemo(
    () => ({ value: x, position: 'insideBottom' as const, offset: 3, style: AXIS_TITLE_STYLE }),
    [x],
  );
  const xHeight = (typeof props.xAxis.height === 'number' ? props.xAxis.height : 20) + X_TITLE_PX;
  const yLabel = useMemo(
    () => ({
      value: y,
      position: 'insideLeft' as const,
      offset: 8,
      content: yAxisTitle(AXIS_TITLE_STYLE.fontSize, CHART_MARGIN.top, xHeight, AXIS_TITLE_STYLE),
    }),
    [y, xHeight],
  );
  return (
    <LineChart data={props.data} margin={CHART_MARGIN} responsive style={CHART_STYLE}>
      <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
      <XAxis {...props.xAxis} height={xHeight} label={xLabel} />
      <YAxis {...props.yAxis} width={props.yAxis.width + Y_TITLE_PX} label={yLabel} />
      <Tooltip content={props.renderTooltip} isAnimationActive={false} includeHidden />
      <TooltipRowSource />
      <SeriesLines series={props.series} />
      {props.overlay}
    </LineChart>
  );
});
