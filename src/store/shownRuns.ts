/**
 * The runs as the page shows them (sessionStore.ts): the session's views without their step,
 * each kept as the same object while nothing in it changed. The session publishes its runs on
 * every chunk it takes in (about ten times a second while training), and every component that
 * reads the runs used to render again each time; now they render when a run really changes.
 */
import type { RunView as SessionRunView } from '../session/sessionTypes';
import type { RunView } from './sessionStore';

function sameView(a: RunView, b: RunView): boolean {
  const keys = Object.keys(b) as (keyof RunView)[];
  return keys.length === Object.keys(a).length && keys.every((key) => a[key] === b[key]);
}

/** `published` as shown runs, reusing `before` (itself when nothing changed). */
export function shownRuns(before: RunView[], published: readonly SessionRunView[]): RunView[] {
  const next = published.map((view, i) => {
    // eslint-disable-next-line @typescript-eslint/no-unused-vars -- the step is kept apart
    const { step, ...shown } = view;
    const kept = before[i];
    return kept && sameView(kept, shown) ? kept : shown;
  });
  const unchanged = next.length === before.length && next.every((view, i) => view === before[i]);
  return unchanged ? before : next;
}
