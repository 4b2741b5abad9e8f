import * as tf from '@tensorflow/tfjs';
import { beforeAll } from 'vitest';

/** Every numerical test runs on tfjs's pure-JS cpu backend (float32), as the CLI does. */
export function useCpuBackend(): void {
  beforeAll(async () => {
    tf.enableProdMode();
    await tf.setBackend('cpu');
  });
}
