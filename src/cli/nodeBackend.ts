import '@tensorflow/tfjs-backend-cpu';
import { registerHostDistributions } from '../backend/hostDistributions';
import { registerHostSumsOfSquares } from '../backend/hostSumsOfSquares';
import * as tf from '../engine/tf';

/**
 * Runs the engine on tfjs's pure-JS cpu backend in Node (the native tfjs-node backend downloads
 * a binary at install time, which this project never depends on). PROD mode skips debug checks
 * and silences tfjs's advice to install tfjs-node.
 */
export async function startNodeCpuBackend(): Promise<string> {
  tf.enableProdMode();
  registerHostSumsOfSquares('cpu');
  registerHostDistributions('cpu');
  await tf.setBackend('cpu');
  return tf.getBackend();
}
