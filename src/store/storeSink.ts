/** The page's SessionSink: what the session publishes goes into the zustand stores. */
import type { SessionSink } from '../session/sessionTypes';
import { useConfigStore } from './configStore';
import { HistoryPublisher } from './historyStore';
import { useSessionStore } from './sessionStore';
import { shownRuns } from './shownRuns';

export function createStoreSink(): SessionSink {
  const histories = new HistoryPublisher();
  return {
    experiment: ({ base, variants }) => useConfigStore.setState({ config: base, variants }),
    session: (patch) => useSessionStore.setState(patch),
    runs: (runs) => {
      const before = useSessionStore.getState().runs;
      const next = shownRuns(before, runs);
      const runSteps = Object.fromEntries(runs.map((r) => [r.letter, r.step]));
      useSessionStore.setState(next === before ? { runSteps } : { runs: next, runSteps });
    },
    histories: (map, immediate) => histories.publish(map, immediate),
  };
}
