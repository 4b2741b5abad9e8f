/**
 * Which run a chart draws. A chart inside <ShownRun letter="b"> draws run B: its history, its
 * layers, its event and the config it really trains, never the config being edited.
 */
import { createContext, useContext, type ReactNode } from 'react';
import type { ExperimentConfig } from '../config/schema';
import { useConfigStore } from '../store/configStore';
import { useSessionStore, type RunLetter, type RunView } from '../store/sessionStore';

const ShownRunContext = createContext<RunLetter>('a');

export function ShownRun({ letter, children }: { letter: RunLetter; children: ReactNode }) {
  return <ShownRunContext.Provider value={letter}>{children}</ShownRunContext.Provider>;
}

export function useShownLetter(): RunLetter {
  return useContext(ShownRunContext);
}

/** The shown run as last published, or undefined before the session has published it. */
export function useShownRun(): RunView | undefined {
  const letter = useShownLetter();
  return useSessionStore((s) => s.runs.find((r) => r.letter === letter));
}

/** The config the shown run trains (the base as set, before the session has published runs). */
export function useShownConfig(): ExperimentConfig {
  const run = useShownRun();
  const base = useConfigStore((s) => s.config);
  return run?.config ?? base;
}
