import {
  exposeBackendDiagnostics,
  restartAfterContextLoss,
  startBackend,
  watchWebglContext,
  type BackendChoice,
} from '../backend/tfBackend';
import { runHistory } from './historyStore';
import { useConfigStore } from './configStore';
import { useRunStore } from './runStore';
import { TrainingLoop } from './trainingLoop';

let loop: TrainingLoop | null = null;

/** The page's training loop; null until startSession has run. */
export function trainingLoop(): TrainingLoop | null {
  return loop;
}

function applyBackend(choice: BackendChoice): void {
  useRunStore.setState({ backend: choice.info, backendNotice: choice.notice });
}

/**
 * Starts the backend and the training loop for the current config, and keeps the loop in step
 * with the config store. Safe to call more than once (React StrictMode runs effects twice).
 */
export async function startSession(): Promise<void> {
  if (loop) return;
  const created = new TrainingLoop(useConfigStore.getState().config);
  loop = created;
  try {
    applyBackend(await startBackend('webgl'));
  } catch (error) {
    useRunStore.setState({ error: error instanceof Error ? error.message : String(error) });
    return;
  }
  exposeBackendDiagnostics();
  // The run's numbers, for the browser tests (what the charts draw, as data).
  window.__gradscope = { ...window.__gradscope!, history: () => runHistory.steps };
  await created.start();
  useConfigStore.subscribe((state, prev) => {
    if (state.config !== prev.config) void created.setConfig(state.config);
  });
  let stopWatching = watchWebglContext(onContextLost);
  function onContextLost(): void {
    stopWatching();
    useRunStore.setState({ backendNotice: 'contextLost' });
    void created
      .recover({
        prepareBackend: async () => {
          const choice = await restartAfterContextLoss();
          applyBackend({ ...choice, notice: 'contextLost' });
          stopWatching = watchWebglContext(onContextLost);
        },
      })
      // Say "rebuilt" only once the run is back where it was.
      .then(() => useRunStore.setState({ backendNotice: 'contextRestored' }));
  }
}
