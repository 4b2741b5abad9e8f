/**
 * The seed bands' actions: measure every run on screen (A and its variants) with N seeds at
 * step 1, in the training worker a few seeds per request like a sweep (session/sweepRun.ts),
 * cancel it, and reuse a finished band of the same runs, seeds and backend.
 */
import { seedConfigs } from '../config/seedBands';
import type { CellProfile } from '../config/sweepCell';
import { encodeExperimentLink } from '../config/variants';
import { resolveRuns } from '../session/experimentRuns';
import type { Experiment } from '../session/sessionTypes';
import { CachedBackgroundRun } from './cachedBackgroundRun';
import { pageSession } from './pageSession';
import { useSeedBandStore, type SeedBandResult, type SeedBandRun } from './seedBandStore';
import { useSessionStore } from './sessionStore';

/** Finished bands kept, by key: reopening the view (or a link) shows them at once. */
const MAX_CACHED_BANDS = 8;
const bands = new CachedBackgroundRun<CellProfile, SeedBandResult>(
  useSeedBandStore,
  MAX_CACHED_BANDS,
);

/** What decides the bands' numbers: the experiment's link, the seed count and the backend. */
export function seedBandKey(experiment: Experiment, count: number, backend: string): string {
  return [encodeExperimentLink(experiment.base, experiment.variants), count, backend].join('|');
}

/** The runs' cells, split back out of the flat list the sweep measured (run by run). */
function withCells(runs: readonly SeedBandRun[], cells: readonly (CellProfile | null)[]) {
  let offset = 0;
  return runs.map((run) => {
    const mine = cells.slice(offset, offset + run.seeds.length);
    offset += run.seeds.length;
    return { ...run, cells: mine };
  });
}

/**
 * Shows the bands of the current experiment with `count` seeds per run: cached ones at once,
 * the ones under way if they are these, or new ones (cancelling any other).
 */
export function runSeedBands(count: number, force = false): void {
  const session = pageSession();
  if (!session) return;
  const experiment = session.current;
  const backend = useSessionStore.getState().backend?.name ?? '';
  const key = seedBandKey(experiment, count, backend);
  bands.show({
    key,
    force,
    plan: () => {
      const perRun = resolveRuns(experiment).map(({ letter, config }) => ({
        letter,
        config,
        configs: seedConfigs(config, count),
      }));
      const runs: SeedBandRun[] = perRun.map(({ letter, config, configs }) => ({
        letter,
        config,
        seeds: configs.map((c) => c.init.seed),
        cells: configs.map(() => null),
      }));
      const configs = perRun.flatMap((run) => run.configs);
      const initial: SeedBandResult = {
        key,
        count,
        runs,
        done: 0,
        total: configs.length,
        backend,
        elapsedMs: 0,
      };
      return {
        initial,
        measure: (batch, steps) => session.measureCells(batch, steps),
        configs,
        steps: 1,
        withProgress: (done, cells, elapsedMs) => ({
          ...initial,
          runs: withCells(runs, cells),
          done,
          elapsedMs,
        }),
      };
    },
  });
}

/** Stops the bands under way at the end of the current request; the seeds so far stay. */
export function cancelSeedBands(): void {
  bands.cancel();
}
