import * as tf from './tf';

/**
 * A kernel the engine registers on some backends only (a fused version of work it can also do
 * with plain tfjs ops): run it where it is registered, else the plain ops. A kernel that fails
 * on a device (say, a driver refuses its shader) is turned off on that backend for the page's
 * life and the plain ops answer: it must cost speed, never the run.
 */
const failures = new Map<string, string>();

const key = (kernel: string, backend: string) => `${kernel}@${backend}`;

/** The error that turned `kernel` off on `backend`, or null while it works. */
export function optionalKernelFailure(kernel: string, backend: string): string | null {
  return failures.get(key(kernel, backend)) ?? null;
}

/** Whether `kernel` is registered on the active backend and has not failed there. */
export function optionalKernelAvailable(kernel: string): boolean {
  const backend = tf.getBackend();
  if (failures.has(key(kernel, backend))) return false;
  try {
    return tf.getKernel(kernel, backend) !== undefined;
  } catch {
    return false;
  }
}

/**
 * `kernel` on `tensors` (passed as inputs x0..x{n-1}) with `attrs` where it is available,
 * else `plain()`.
 */
export function runOptionalKernel<T extends tf.Tensor>(
  kernel: string,
  tensors: readonly tf.Tensor[],
  attrs: tf.NamedAttrMap,
  plain: () => T,
): T {
  if (optionalKernelAvailable(kernel)) {
    try {
      const inputs: tf.NamedTensorMap = {};
      tensors.forEach((t, i) => (inputs[`x${i}`] = t));
      return tf.engine().runKernel(kernel, inputs, attrs) as T;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      failures.set(key(kernel, tf.getBackend()), message);
      console.warn(`Gradscope: kernel ${kernel} failed, using plain tfjs ops: ${message}`);
    }
  }
  return plain();
}

/** For kernel implementations: the inputs x0..x{n-1} of a call, in order. */
export function orderedInputs<T>(inputs: Record<string, T>, kernel: string): T[] {
  return Object.keys(inputs).map((_, i) => {
    const input = inputs[`x${i}`];
    if (input === undefined) throw new Error(`${kernel}: input x${i} is missing`);
    return input;
  });
}
