/**
 * The regime map's actions: run the sweep the view asks for on the page's session (cells in the
 * training worker, a few per request, see session/sweepRun.ts), cancel it, reuse a finished
 * sweep of the same cells, and load a cell into the experiment as the base or as a variant.
 */
import { encodeConfig } from '../config/codec';
import type { ExperimentConfig } from '../config/schema';
import type { CellMeasure } from '../config/sweepCell';
import { cellConfig, sweepGrid } from '../config/sweepGrid';
import { formatSweep, type SweepKey, type SweepSpec } from '../config/sweepSpec';
import { CachedBackgroundRun } from './cachedBackgroundRun';
import { addVariantFrom, pageSession } from './pageSession';
import { useSessionStore } from './sessionStore';
import { useSweepStore, type SweepResult } from './sweepStore';

/** Finished sweeps kept, by key: reopening a map (or a link) shows it at once. */
const MAX_CACHED_SWEEPS = 8;
const sweeps = new CachedBackgroundRun<CellMeasure, SweepResult>(useSweepStore, MAX_CACHED_SWEEPS);

/**
 * What decides a sweep's numbers: its first and last cells (every other setting of the base is
 * in them, and the spec gives the rest), the spec, the steps and the backend. Loading a cell of
 * the map as the base leaves the key unchanged: its swept values are the map's to set.
 */
export function sweepKey(base: ExperimentConfig, spec: SweepSpec, backend: string): string {
  const corner = (pick: 'first' | 'last') =>
    encodeConfig(
      cellConfig(
        base,
        spec.axes.map((a) => [a.key, pick === 'first' ? a.from : a.to] as const),
      ),
    );
  return [corner('first'), corner('last'), formatSweep(spec), spec.steps, backend].join('|');
}

function currentBackend(): string {
  return useSessionStore.getState().backend?.name ?? '';
}

/**
 * Shows the sweep `spec` of the current base: a cached one at once, the one under way if it is
 * this one, or a new sweep (cancelling any other). `force` measures again even when cached.
 */
export function runSweep(spec: SweepSpec, force = false): void {
  const session = pageSession();
  if (!session) return;
  const base = session.current.base;
  const backend = currentBackend();
  const key = sweepKey(base, spec, backend);
  sweeps.show({
    key,
    force,
    // The cells are the same for any base of this key; the map marks where this base sits.
    fromCache: (cached) => ({ ...cached, base }),
    plan: () => {
      const grid = sweepGrid(base, spec);
      const initial: SweepResult = {
        key,
        spec,
        xs: grid.xs,
        ys: grid.ys,
        base,
        cells: grid.configs.map(() => null),
        done: 0,
        backend,
        elapsedMs: 0,
      };
      return {
        initial,
        measure: (configs, steps) => session.measureCells(configs, steps),
        configs: grid.configs,
        steps: spec.steps,
        withProgress: (done, cells, elapsedMs) => ({
          ...initial,
          cells: [...cells],
          done,
          elapsedMs,
        }),
      };
    },
  });
}

/** Stops the sweep under way at the end of its current request; the cells so far stay. */
export function cancelSweep(): void {
  sweeps.cancel();
}

/** The current base with a cell's swept values. */
function cellOfCurrentBase(result: SweepResult, index: number): ExperimentConfig | null {
  const session = pageSession();
  if (!session) return null;
  const [xAxis, yAxis] = result.spec.axes;
  if (!xAxis) return null;
  const nx = result.xs.length;
  const settings: Array<[SweepKey, number]> = [[xAxis.key, result.xs[index % nx] as number]];
  if (yAxis) settings.push([yAxis.key, result.ys[Math.floor(index / nx)] as number]);
  return cellConfig(session.current.base, settings);
}

/** Loads a cell's setup as the base (A): the swept settings change, everything else stays. */
export function loadCellAsBase(result: SweepResult, index: number): void {
  const config = cellOfCurrentBase(result, index);
  if (config) void pageSession()?.updateBase(() => config);
}

/** Adds a cell's setup as the next free variant, beside the base. */
export function addCellAsVariant(result: SweepResult, index: number): void {
  const config = cellOfCurrentBase(result, index);
  if (config) addVariantFrom(config);
}
