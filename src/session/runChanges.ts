/**
 * The one place that decides, when the experiment changes, which runs keep training with new
 * live settings and when every run starts again from its seed. Pure: configs in, a plan out.
 */
import { needsRestart } from '../config/liveSettings';
import type { ExperimentConfig } from '../config/schema';
import type { RunLetter } from './sessionTypes';

export interface PlannedRun {
  letter: RunLetter;
  config: ExperimentConfig;
}

export type RunChangePlan =
  /** Nothing any run trains on changed. */
  | { kind: 'none' }
  /** The runs go on; `live` get new live settings, `removed` are dropped. */
  | { kind: 'live'; live: RunLetter[]; removed: RunLetter[] }
  /** Every run starts again from step 0 on its own seed, `removed` dropped first. */
  | { kind: 'restart'; removed: RunLetter[]; reason: 'config' | 'added' };

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Runs train in lockstep, one step counter for all, so a change that restarts one run (a new
 * network, initial weights, data or batch order: needsRestart) restarts them all, and so does an
 * added run: a comparison starts every run at step 0.
 */
export function planRunChanges(
  current: readonly PlannedRun[],
  next: readonly PlannedRun[],
): RunChangePlan {
  const before = new Map(current.map((run) => [run.letter, run.config]));
  const removed = current.filter((r) => !next.some((n) => n.letter === r.letter));
  const added = next.filter((n) => !before.has(n.letter));
  const removedLetters = removed.map((r) => r.letter);
  const kept = next.filter((n) => before.has(n.letter));
  if (kept.some((n) => needsRestart(before.get(n.letter)!, n.config)))
    return { kind: 'restart', removed: removedLetters, reason: 'config' };
  if (added.length > 0) return { kind: 'restart', removed: removedLetters, reason: 'added' };
  const live = kept.filter((n) => !same(before.get(n.letter), n.config)).map((n) => n.letter);
  if (live.length === 0 && removed.length === 0) return { kind: 'none' };
  return { kind: 'live', live, removed: removedLetters };
}
