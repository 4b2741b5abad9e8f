/**
 * The sums-of-squares kernel (engine/sumsOfSquares.ts) for backends whose tensors live in
 * memory the page's JavaScript can read: tfjs's cpu backend (JS arrays) and wasm (its heap).
 * One pass over each tensor in plain JavaScript replaces a square, a sum and a stack slot per
 * tensor plus the segment gathers: on the 32 x 16 network about 480 of the engine's 1,180
 * kernels per step, each with its fixed dispatch cost.
 *
 * Numbers behave as in tfjs's own square-then-sum on the cpu backend: each square is a float32
 * (Infinity past float32's range), sums run in float64 and are stored as float32, and a norm
 * is the root of that float32 sum. A run must explode at the same step here as on WebGL, or a
 * share link's explosion would not reproduce in the CLI.
 */
import {
  registerKernel,
  type KernelBackend,
  type KernelConfig,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import {
  readSumsOfSquaresCall,
  SUMS_OF_SQUARES_KERNEL,
  type SumsOfSquaresKernelArgs,
} from '../engine/sumsOfSquares';
import * as tf from '../engine/tf';
import { hostValues } from './hostValues';

export type HostBackendName = 'cpu' | 'wasm';

/** Each square rounded to float32, added in order in float64; the total stored as float32. */
function sumOfSquares(values: Float32Array): number {
  let total = 0;
  const count = values.length;
  for (let k = 0; k < count; k++) {
    const v = values[k] as number;
    total += Math.fround(v * v);
  }
  return Math.fround(total);
}

function sumsOfSquaresOnHost(args: SumsOfSquaresKernelArgs<TensorInfo>): TensorInfo {
  const host = args.backend as KernelBackend;
  const { inputs, segments, root } = readSumsOfSquaresCall(args);
  const sums = inputs.map((input) => sumOfSquares(hostValues(host, input)));
  const out = new Float32Array(segments.length);
  segments.forEach((segment, j) => {
    let total = 0;
    for (const i of segment) total += sums[i] as number;
    out[j] = root ? Math.sqrt(Math.fround(total)) : total;
  });
  const shape = [segments.length];
  return { dataId: host.write(out, shape, 'float32'), shape, dtype: 'float32' };
}

/** Registers the kernel for `backendName` once (tfjs warns about registering a name twice). */
export function registerHostSumsOfSquares(backendName: HostBackendName): void {
  if (tf.getKernel(SUMS_OF_SQUARES_KERNEL, backendName) !== undefined) return;
  const config: KernelConfig = {
    kernelName: SUMS_OF_SQUARES_KERNEL,
    backendName,
    kernelFunc: sumsOfSquaresOnHost as unknown as KernelConfig['kernelFunc'],
  };
  registerKernel(config);
}
