/**
 * Where the page trains: a Web Worker when the browser can run WebGL there (OffscreenCanvas),
 * otherwise the main thread, yielding between steps. Both give the session the same
 * TrainerHost. Each host is loaded only when needed, so the page's own bundle carries no tfjs.
 */
import type { BackendPreference } from '../config/backends';
import type { StartedHost } from './hostTypes';

/** Whether this browser can train with WebGL inside a worker. */
export function canTrainInWorker(): boolean {
  return typeof Worker !== 'undefined' && typeof OffscreenCanvas !== 'undefined';
}

/**
 * Starts the preferred backend in a worker, or on the main thread when a worker cannot be used
 * or cannot give the preferred backend while the main thread can. The automatic choice is made
 * where training runs, and whatever it picks there is kept.
 */
export async function startTrainerHost(preferred: BackendPreference): Promise<StartedHost> {
  if (canTrainInWorker()) {
    const { createWorkerHost } = await import('./workerHost');
    const host = createWorkerHost();
    try {
      const choice = await host.startBackend(preferred);
      if (preferred === 'auto' || choice.info.name === preferred) return { host, choice };
      const main = await startMainThreadHost(preferred);
      if (main.choice.info.name === preferred) {
        host.dispose();
        return main;
      }
      main.host.dispose();
      return { host, choice };
    } catch {
      host.dispose();
    }
  }
  return startMainThreadHost(preferred);
}

async function startMainThreadHost(preferred: BackendPreference): Promise<StartedHost> {
  const { createMainThreadHost } = await import('./mainThreadHost');
  const host = createMainThreadHost();
  return { host, choice: await host.startBackend(preferred) };
}
