import type { KernelBackend, TensorInfo } from '@tensorflow/tfjs-core';

/** What tfjs's wasm backend offers beyond KernelBackend: a view of a tensor in its heap. */
interface HeapBackend {
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}

/**
 * A float32 tensor's values for a host kernel to read (hostSumsOfSquares.ts,
 * hostDistributions.ts). On wasm a view of its heap: readSync there copies the tensor out into
 * a new buffer, which took longer than the pass over the values itself (Node, 127,000 values:
 * about 150 us to sum the squares, 380 us with a copy first). The view is valid until the wasm
 * heap grows, so read it before anything allocates on the backend. On cpu, readSync returns
 * the tensor's own array, uncopied.
 */
export function hostValues(host: KernelBackend, info: TensorInfo): Float32Array {
  const heap = host as Partial<HeapBackend>;
  if (typeof heap.typedArrayFromHeap === 'function') return heap.typedArrayFromHeap(info);
  return host.readSync(info.dataId) as Float32Array;
}
