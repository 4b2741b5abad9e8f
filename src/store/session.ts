import type { BackendChoice } from '../backend/tfBackend';
import { useConfigStore } from './configStore';
import { exposeDiagnostics } from './diagnostics';
import { runHistory } from './historyStore';
import { useRunStore } from './runStore';
import { startTrainerHost, type TrainerHost } from './trainerHost';
import { TrainingLoop } from './trainingLoop';
import { useViewStore } from './viewStore';

let loop: TrainingLoop | null = null;

/** The page's training loop; null until startSession has run. */
export function trainingLoop(): TrainingLoop | null {
  return loop;
}

function applyBackend(choice: BackendChoice): void {
  useRunStore.setState({ backend: choice.info, backendNotice: choice.notice });
}

/**
 * Starts the backend (in the training worker where possible) and the training loop for the
 * current config, and keeps the loop in step with the config store. Safe to call more than once
 * (React StrictMode runs effects twice).
 */
export async function startSession(): Promise<void> {
  if (loop) return;
  let host: TrainerHost | null = null;
  let hostStarted: (started: TrainerHost) => void = () => {};
  const hostReady = new Promise<TrainerHost>((resolve) => (hostStarted = resolve));
  // Anything queued before the backend is up (a setting changed while the page loads) waits
  // for it here.
  const created = new TrainingLoop(useConfigStore.getState().config, async (config) =>
    (await hostReady).createTrainer(config),
  );
  loop = created;
  exposeDiagnostics({
    backend: () => useRunStore.getState().backend?.name ?? '',
    trainingThread: () => host?.thread ?? null,
    numTensors: () => host?.numTensors() ?? Promise.resolve(0),
    loseWebglContext: () => host?.loseWebglContext() ?? Promise.resolve(false),
    history: () => runHistory.steps,
  });
  // Subscribed first, so no setting changed while the backend starts and the shaders compile
  // is lost; the loop queues every change after what is in progress.
  useConfigStore.subscribe((state, prev) => {
    if (state.config !== prev.config) void created.setConfig(state.config);
  });
  useViewStore.subscribe((state, prev) => {
    if (state.backend === prev.backend) return;
    const preferred = state.backend ?? 'webgl';
    void created.switchBackend(async () => {
      const running = await hostReady;
      applyBackend(await running.startBackend(preferred));
      running.watchContextLoss(onContextLost);
    });
  });
  try {
    const started = await startTrainerHost(useViewStore.getState().backend ?? 'webgl');
    host = started.host;
    applyBackend(started.choice);
  } catch (error) {
    useRunStore.setState({ error: error instanceof Error ? error.message : String(error) });
    return;
  }
  const running = host;
  hostStarted(running);
  await created.start();
  running.watchContextLoss(onContextLost);
  function onContextLost(): void {
    useRunStore.setState({ backendNotice: 'contextLost' });
    void created
      .recover({
        prepareBackend: async () => {
          const choice = await running.restartAfterContextLoss();
          applyBackend({ ...choice, notice: 'contextLost' });
          running.watchContextLoss(onContextLost);
        },
      })
      // Say "rebuilt" only once the run is back where it was.
      .then(() => useRunStore.setState({ backendNotice: 'contextRestored' }));
  }
}
