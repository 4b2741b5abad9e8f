/** Training in a Web Worker (see trainingWorker.ts); the page keeps its main thread for drawing. */
import type { TrainerHost } from './hostTypes';
import { RemoteTrainer, TrainingWorkerClient } from './workerClient';

export function createWorkerHost(): TrainerHost {
  const client = new TrainingWorkerClient();
  return {
    thread: 'worker',
    // The worker answers requests strictly in order (trainingWorker.ts).
    queuesChunks: true,
    dropQueuedChunks: () => client.request('dropQueuedTrains', {}).catch(() => undefined),
    startBackend: (preferred) => client.request('startBackend', { preferred }),
    restartAfterContextLoss: () => client.request('restartAfterContextLoss', {}),
    createTrainer: (config) => RemoteTrainer.create(client, config),
    watchContextLoss(onLost) {
      client.onContextLost = () => {
        client.onContextLost = () => {};
        onLost();
      };
    },
    watchDeath(onDied) {
      client.onDeath = onDied;
    },
    measureCells: (configs, steps) => client.request('measureCells', { configs, steps }),
    numTensors: () => client.request('numTensors', {}),
    loseWebglContext: () => client.request('loseWebglContext', {}),
    terminateWorker: () => client.die('terminated'),
    dispose: () => client.terminate(),
  };
}
