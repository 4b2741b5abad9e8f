import '@tensorflow/tfjs-backend-cpu';
import * as tf from '../../src/engine/tf';
import { beforeAll } from 'vitest';

/** Every numerical test runs on tfjs's pure-JS cpu backend (float32), as the CLI does. */
export function setupCpuBackend(): void {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
  });
}
