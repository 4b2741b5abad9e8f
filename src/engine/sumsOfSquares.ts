import * as tf from './tf';

/**
 * Sums of squares of many tensors at once, the heart of every norm the engine reports.
 *
 * With plain tfjs ops each tensor costs a square, a reduction and a stack slot, and combining
 * them into layer norms costs reshapes and more reductions: on WebGL that came to 3-5 shader
 * programs per tensor (packing conversions and multi-pass reductions included), about 230 per
 * step for the 8 x 32 reference network, which nearly halved the step rate on software WebGL.
 * A backend may register a kernel under this name that does it all in a few programs
 * (src/backend/webglSumsOfSquares.ts); elsewhere plain ops run.
 *
 * The kernel's contract: inputs named x0..x{n-1}, float32, rank 1 or 2, each of at most
 * FUSED_MAX_ELEMENTS elements; attr `segments`, lists of input indices (they may overlap);
 * output float32 [segments.length], entry j the sum of squares of all elements of the inputs in
 * segments[j], or its square root when attr `root` is true (the L2 norm of the segment).
 * Non-finite values propagate as through square-then-sum in float32.
 */
export const SUMS_OF_SQUARES_KERNEL = 'GradscopeSumsOfSquares';
/** What a kernel implementation receives, as tfjs passes it to a kernel function. */
export interface SumsOfSquaresKernelArgs<T> {
  inputs: Record<string, T>;
  backend: unknown;
  attrs?: Record<string, unknown>;
}

/** A kernel call read back into the contract's terms: inputs in order, segments, root. */
export interface SumsOfSquaresCall<T> {
  inputs: T[];
  segments: number[][];
  root: boolean;
}

/** For kernel implementations: the call's inputs x0..x{n-1} in order, segments and root. */
export function readSumsOfSquaresCall<T>({
  inputs,
  attrs,
}: SumsOfSquaresKernelArgs<T>): SumsOfSquaresCall<T> {
  const ordered = Object.keys(inputs).map((_, i) => {
    const input = inputs[`x${i}`];
    if (input === undefined) throw new Error(`${SUMS_OF_SQUARES_KERNEL}: input x${i} is missing`);
    return input;
  });
  const segments = attrs?.segments as number[][] | undefined;
  return {
    inputs: ordered,
    segments: segments ?? ordered.map((_, i) => [i]),
    root: attrs?.root === true,
  };
}

/** One shader invocation loops over a whole tensor; bigger ones are better reduced by tfjs. */
export const FUSED_MAX_ELEMENTS = 1 << 16;

/**
 * Why the fused kernel failed on a backend, which then uses plain ops for the rest of the
 * page's life. A kernel that cannot run on some device (e.g. a GPU driver that refuses its
 * shader) must cost speed, never the run.
 */
const kernelFailures = new Map<string, string>();

/** The error that turned the fused kernel off on `backend`, or null while it works. */
export function fusedKernelFailure(backend: string): string | null {
  return kernelFailures.get(backend) ?? null;
}

/** Whether the active backend has the fused kernel and it may take these tensors. */
function fusedKernelTakes(tensors: readonly tf.Tensor[]): boolean {
  if (tensors.length === 0 || !fusedKernelRegistered()) return false;
  if (kernelFailures.has(tf.getBackend())) return false;
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

export interface SumsOfSquaresOptions {
  /** Lists of tensor indices to sum together; one entry per tensor when left out. */
  segments?: readonly (readonly number[])[];
  /** Square root of each sum: the L2 norm of each segment. */
  root?: boolean;
}

/**
 * Entry j: the sum of squares of every element of the tensors listed in segments[j] (or its
 * square root, with `root`); without segments, one entry per tensor in order.
 */
export function sumsOfSquares(
  tensors: readonly tf.Tensor[],
  { segments, root = false }: SumsOfSquaresOptions = {},
): tf.Tensor1D {
  for (const segment of segments ?? []) {
    for (const i of segment) {
      if (!Number.isInteger(i) || i < 0 || i >= tensors.length) {
        throw new Error(`segment index ${i} is not one of the ${tensors.length} tensors`);
      }
    }
  }
  if (fusedKernelTakes(tensors)) {
    try {
      return tf.tidy(() => {
        const inputs: tf.NamedTensorMap = {};
        // Scalars go in as [1] (a free reshape) so the kernel only meets ranks 1 and 2.
        tensors.forEach((t, i) => (inputs[`x${i}`] = t.rank === 0 ? tf.reshape(t, [1]) : t));
        const attrs: tf.NamedAttrMap = { root };
        if (segments) attrs.segments = segments.map((s) => [...s]);
        return tf.engine().runKernel(SUMS_OF_SQUARES_KERNEL, inputs, attrs) as tf.Tensor1D;
      });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      kernelFailures.set(tf.getBackend(), message);
      console.warn(`Gradscope: fused norm kernel failed, using plain tfjs ops: ${message}`);
    }
  }
  return tf.tidy(() => {
    const sums = plainSumsOfSquares(tensors, segments);
    return root ? tf.sqrt(sums) : sums;
  });
}

function plainSumsOfSquares(
  tensors: readonly tf.Tensor[],
  segments: readonly (readonly number[])[] | undefined,
): tf.Tensor1D {
  const perTensor = tf.stack(tensors.map((t) => tf.sum(tf.square(t)))) as tf.Tensor1D;
  if (!segments) return perTensor;
  // Each segment's sums gathered into a row, padded with a zero entry, and summed along the
  // row: a NaN stays in the segments that hold its tensor. (unsortedSegmentSum would be one
  // op, but the wasm backend has no kernel for it.)
  const width = Math.max(1, ...segments.map((segment) => segment.length));
  const zeroAt = tensors.length;
  const rows = segments.flatMap((segment) => [
    ...segment,
    ...new Array<number>(width - segment.length).fill(zeroAt),
  ]);
  const padded = tf.concat([perTensor, tf.zeros([1])]);
  const gathered = tf.gather(padded, tf.tensor2d(rows, [segments.length, width], 'int32'));
  return tf.sum(gathered, 1) as tf.Tensor1D;
}
