/**
 * How a LiveLineChart hands its rows to the lines it draws without passing them through recharts
 * (see LiveLineChart.tsx).
 */
import { createContext, useContext } from 'react';
import type { ChartRow } from './chartData';

/** What SeriesLines draws: these rows, once recharts' x axis spans `xDomain`. */
export interface LiveRows {
  rows: readonly ChartRow[];
  xDomain: readonly [number, number];
}

export const LiveRowsContext = createContext<LiveRows>({ rows: [], xDomain: [0, 1] });

/** The rows of the LiveLineChart around the caller. */
export function useLiveRows(): LiveRows {
  return useContext(LiveRowsContext);
}
