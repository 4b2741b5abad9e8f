import * as tf from './tf';

/**
 * sum(x^2) of many tensors at once, the heart of every norm the engine reports.
 *
 * With plain tfjs ops each tensor costs a square, a reduction and a stack slot: on WebGL that is
 * 3-5 shader programs per tensor (packing conversions and multi-pass reductions included), about
 * 230 per step for the 8 x 32 reference network, which doubled the step time on software WebGL.
 * A backend may register a kernel under this name that does many tensors in one program
 * (src/backend/webglSumsOfSquares.ts); elsewhere the plain ops run.
 *
 * The kernel's contract: inputs named x0..x{n-1}, float32, rank 1 or 2, each at most
 * FUSED_MAX_ELEMENTS elements, n at most FUSED_MAX_TENSORS; output float32 of shape [n], entry
 * i the sum of squares of x{i}, with non-finite values propagating as they would through
 * square-then-sum. Longer lists are split into calls of FUSED_MAX_TENSORS and concatenated.
 */
export const SUMS_OF_SQUARES_KERNEL = 'GradscopeSumsOfSquares';
/** Small enough that a WebGL 1 device (8 textures per program) can assemble one call's groups. */
export const FUSED_MAX_TENSORS = 48;
/** One shader invocation loops over a whole tensor; bigger ones are better reduced by tfjs. */
export const FUSED_MAX_ELEMENTS = 1 << 16;

/** Whether the active backend's fused kernel may take these tensors. */
function fusedKernelTakes(tensors: readonly tf.Tensor[]): boolean {
  if (tensors.length === 0 || !fusedKernelRegistered()) return false;
  return tensors.every(
    (t) => t.dtype === 'float32' && t.rank <= 2 && t.size > 0 && t.size <= FUSED_MAX_ELEMENTS,
  );
}

function fusedKernelRegistered(): boolean {
  try {
    return tf.getKernel(SUMS_OF_SQUARES_KERNEL, tf.getBackend()) !== undefined;
  } catch {
    return false;
  }
}

/** The sum of squares of each tensor, stacked into a 1-D tensor in the same order. */
export function sumsOfSquares(tensors: readonly tf.Tensor[]): tf.Tensor1D {
  if (!fusedKernelTakes(tensors)) {
    return tf.stack(tensors.map((t) => tf.sum(tf.square(t)))) as tf.Tensor1D;
  }
  return tf.tidy(() => {
    const parts: tf.Tensor1D[] = [];
    for (let start = 0; start < tensors.length; start += FUSED_MAX_TENSORS) {
      parts.push(runFusedKernel(tensors.slice(start, start + FUSED_MAX_TENSORS)));
    }
    return parts.length === 1 ? (parts[0] as tf.Tensor1D) : tf.concat(parts);
  });
}

function runFusedKernel(tensors: readonly tf.Tensor[]): tf.Tensor1D {
  const inputs: tf.NamedTensorMap = {};
  // Scalars go in as [1] (a free reshape) so the kernel only meets ranks 1 and 2.
  tensors.forEach((t, i) => (inputs[`x${i}`] = t.rank === 0 ? tf.reshape(t, [1]) : t));
  return tf.engine().runKernel(SUMS_OF_SQUARES_KERNEL, inputs, {}) as tf.Tensor1D;
}
