/** The page's SessionSink: what the session publishes goes into the zustand stores. */
import type { SessionSink } from '../session/sessionTypes';
import { useConfigStore } from './configStore';
import { HistoryPublisher } from './historyStore';
import { useSessionStore } from './sessionStore';

export function createStoreSink(): SessionSink {
  const histories = new HistoryPublisher();
  return {
    experiment: ({ base, variants }) => useConfigStore.setState({ config: base, variants }),
    session: (patch) => useSessionStore.setState(patch),
    runs: (runs) => useSessionStore.setState({ runs: [...runs] }),
    histories: (map, immediate) => histories.publish(map, immediate),
  };
}
