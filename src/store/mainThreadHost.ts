/** Training on the page's main thread: the fallback where a worker cannot run WebGL. */
import {
  loseWebglContext,
  restartAfterContextLoss,
  startBackend,
  watchWebglContext,
  type BackendName,
} from '../backend/tfBackend';
import type { ExperimentConfig } from '../config/schema';
import * as tf from '../engine/tf';
import { Trainer } from '../engine/trainer';
import { WarmUpCache } from '../engine/warmUp';
import type { TrainerHost } from './trainerHost';
import { yieldToPage } from './yieldToPage';

export function createMainThreadHost(): TrainerHost {
  let floatBits: 16 | 32 = 32;
  let stopWatching: () => void = () => {};
  const warmUps = new WarmUpCache();
  return {
    thread: 'main',
    async startBackend(preferred: BackendName) {
      const choice = await startBackend(preferred);
      floatBits = choice.info.floatBits;
      warmUps.clear();
      return choice;
    },
    async restartAfterContextLoss() {
      const choice = await restartAfterContextLoss();
      floatBits = choice.info.floatBits;
      warmUps.clear();
      return choice;
    },
    async createTrainer(config: ExperimentConfig) {
      // Devices whose WebGL floats are 16-bit need overflow-safe norms (see engine/norms.ts).
      const normMode = floatBits === 16 ? 'scaled' : 'plain';
      // Compile the shaders now, while the page is still starting, not after Play.
      await warmUps.ensure(config, { normMode });
      return new Trainer(config, {
        normMode,
        // Frames are drawn on this thread too: let them in between steps.
        betweenSteps: yieldToPage,
      });
    },
    watchContextLoss(onLost) {
      stopWatching();
      stopWatching = watchWebglContext(() => {
        stopWatching();
        onLost();
      });
    },
    async numTensors() {
      return tf.memory().numTensors;
    },
    async loseWebglContext() {
      return loseWebglContext();
    },
    dispose() {
      stopWatching();
    },
  };
}
