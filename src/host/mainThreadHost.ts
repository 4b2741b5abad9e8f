/** Training on the page's main thread: the fallback where a worker cannot run WebGL. */
import { loseWebglContext } from '../backend/tfBackend';
import * as tf from '../engine/tf';
import type { TrainerHost } from './hostTypes';
import { LocalTrainers } from './localTrainers';
import { yieldToPage } from './yieldToPage';

export function createMainThreadHost(): TrainerHost {
  // Frames are drawn on this thread too: let them in between steps.
  const local = new LocalTrainers({ betweenSteps: yieldToPage });
  return {
    thread: 'main',
    // Chunks on this thread are awaited one at a time; there is no queue to drop from.
    queuesChunks: false,
    dropQueuedChunks: () => {},
    startBackend: (preferred) => local.startBackend(preferred),
    restartAfterContextLoss: () => local.restartAfterContextLoss(),
    createTrainer: (config) => local.createTrainer(config),
    watchContextLoss: (onLost) => local.watchContextLoss(onLost),
    // The page's own thread cannot die under the page.
    watchDeath: () => {},
    measureCells: (configs, steps) => local.measureCells(configs, steps),
    numTensors: async () => tf.memory().numTensors,
    loseWebglContext: async () => loseWebglContext(),
    terminateWorker: () => false,
    dispose: () => local.dispose(),
  };
}
