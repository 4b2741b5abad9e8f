import '@tensorflow/tfjs-backend-cpu';
import { registerHostDistributions } from '../../src/backend/hostDistributions';
import { registerHostSumsOfSquares } from '../../src/backend/hostSumsOfSquares';
import * as tf from '../../src/engine/tf';
import { beforeAll } from 'vitest';

/**
 * Every numerical test runs on tfjs's pure-JS cpu backend (float32) with the engine's own norm
 * kernel registered, as the CLI does (src/cli/nodeBackend.ts).
 */
export function setupCpuBackend(): void {
  beforeAll(async () => {
    tf.enableProdMode();
    registerHostSumsOfSquares('cpu');
    registerHostDistributions('cpu');
    await tf.setBackend('cpu');
  });
}
