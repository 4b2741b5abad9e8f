import * as tf from './tf';

/**
 * How often each small integer value occurs in each segment of a flat vector: the counting
 * step of the histograms and saturation shares (distributions.ts, histograms.ts).
 *
 * On cpu and wasm, tf.bincount over `segment * bins + value` is one pass. WebGL's Bincount
 * reads its input back to the CPU instead (a GPU sync per call), and its UnsortedSegmentSum
 * compares every element with every slot (5 s for the 8 x 32 network's 702 slots on software
 * WebGL), so a backend may register a kernel under this name that counts on the device
 * (src/backend/webglSegmentCounts.ts).
 *
 * The kernel's contract: input `x`, float32 rank 1, every element an integer in [0, bins);
 * attrs `sizes`, the lengths of consecutive segments (summing to x's size, each at most
 * KERNEL_MAX_SEGMENT), and `bins`; output float32 [sizes.length * bins], entry s * bins + b the
 * number of elements of segment s equal to b (exact: sums of 1s, up to 2^24).
 */
export const SEGMENT_COUNTS_KERNEL = 'GradscopeSegmentCounts';

/** One shader invocation loops over one segment; longer ones are counted by tf.bincount. */
export const KERNEL_MAX_SEGMENT = 1 << 18;

/** Backends on which the kernel failed (say, a driver refused its shader), with the error. */
const kernelFailures = new Map<string, string>();

/** The error that turned the kernel off on `backend`, or null while it works. */
export function segmentCountsFailure(backend: string): string | null {
  return kernelFailures.get(backend) ?? null;
}

function kernelTakes(sizes: readonly number[]): boolean {
  const backend = tf.getBackend();
  if (kernelFailures.has(backend) || tf.getKernel(SEGMENT_COUNTS_KERNEL, backend) === undefined)
    return false;
  return sizes.every((size) => size > 0 && size <= KERNEL_MAX_SEGMENT);
}

/** Each element's segment index times `stride`, for segments of `sizes` laid end to end. */
function segmentOffsets(sizes: readonly number[], stride: number): tf.Tensor1D {
  const total = sizes.reduce((sum, size) => sum + size, 0);
  const offsets = new Int32Array(total);
  let at = 0;
  sizes.forEach((size, index) => {
    offsets.fill(index * stride, at, at + size);
    at += size;
  });
  return tf.tensor1d(offsets, 'int32');
}

/**
 * Counts per segment and value: entry s * bins + b is how many elements of segment s (the
 * `sizes[s]` elements after those of the segments before it) equal b. `values` holds integers
 * in [0, bins) as float32.
 */
export function segmentCounts(
  values: tf.Tensor1D,
  sizes: readonly number[],
  bins: number,
): tf.Tensor1D {
  if (kernelTakes(sizes)) {
    try {
      return tf
        .engine()
        .runKernel(
          SEGMENT_COUNTS_KERNEL,
          { x: values },
          { sizes: [...sizes], bins },
        ) as tf.Tensor1D;
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      kernelFailures.set(tf.getBackend(), message);
      console.warn(`Gradscope: segment counting kernel failed, using tf.bincount: ${message}`);
    }
  }
  return tf.tidy(() => {
    const slots = tf.add(tf.cast(values, 'int32'), segmentOffsets(sizes, bins)) as tf.Tensor1D;
    return tf.bincount(slots, tf.tensor1d([], 'float32'), sizes.length * bins);
  });
}
