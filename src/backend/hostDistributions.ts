/**
 * The distributions' kernels (engine/histograms.ts, engine/distributions.ts) for backends whose
 * tensors live in memory the page's JavaScript can read: tfjs's cpu backend (JS arrays) and
 * wasm (its heap). One pass of plain JavaScript over each tensor replaces a chain of a dozen
 * elementwise kernels over the concatenated tensors, an upload of segment offsets and a
 * bincount, each of which allocates and walks the whole batch again.
 *
 * Each value's bin is histogramBinOf, the direct definition in float64 (the ops path takes a
 * float32 log, which may put a value within float32 rounding of a bin edge on the other side),
 * counted without a logarithm by addFloat32BinCounts;
 * a saturation share is a float64 count over the layer's size, stored as float32.
 */
import {
  registerKernel,
  type KernelBackend,
  type KernelConfig,
  type TensorInfo,
} from '@tensorflow/tfjs-core';
import { HISTOGRAM_BINS } from '../config/distributionBins';
import { SATURATION_SHARES_KERNEL, type SaturationRule } from '../engine/distributions';
import { addFloat32BinCounts } from '../engine/float32HistogramBins';
import { HISTOGRAM_COUNTS_KERNEL } from '../engine/histograms';
import { orderedInputs } from '../engine/optionalKernel';
import * as tf from '../engine/tf';
import type { HostBackendName } from './hostSumsOfSquares';
import { hostValues } from './hostValues';

interface KernelArgs {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
  attrs?: Record<string, unknown>;
}

function written(host: KernelBackend, out: Float32Array): TensorInfo {
  const shape = [out.length];
  return { dataId: host.write(out, shape, 'float32'), shape, dtype: 'float32' };
}

function histogramCountsOnHost({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const host = backend as KernelBackend;
  const tensors = orderedInputs(inputs, HISTOGRAM_COUNTS_KERNEL);
  const groupSizes = (attrs?.groupSizes as number[] | undefined) ?? tensors.map(() => 1);
  const out = new Float32Array(groupSizes.length * HISTOGRAM_BINS);
  let next = 0;
  groupSizes.forEach((size, group) => {
    const base = group * HISTOGRAM_BINS;
    for (const input of tensors.slice(next, next + size)) {
      addFloat32BinCounts(hostValues(host, input), out, base);
    }
    next += size;
  });
  return written(host, out);
}

function saturationSharesOnHost({ inputs, backend, attrs }: KernelArgs): TensorInfo {
  const host = backend as KernelBackend;
  const tensors = orderedInputs(inputs, SATURATION_SHARES_KERNEL);
  const rule = attrs?.rule as SaturationRule;
  const threshold = attrs?.threshold as number;
  const shares = tensors.map((input) => {
    const values = hostValues(host, input);
    if (rule === 'magnitude') {
      let saturated = 0;
      for (let k = 0; k < values.length; k++)
        if (Math.abs(values[k] as number) > threshold) saturated++;
      return saturated / values.length;
    }
    // Row-major [batch, units]: unit j is dead when every row's entry j is <= 0.
    const units = input.shape[1] ?? 1;
    const rows = values.length / units;
    let dead = 0;
    for (let j = 0; j < units; j++) {
      let alive = false;
      for (let r = 0; r < rows && !alive; r++) alive = !((values[r * units + j] as number) <= 0);
      if (!alive) dead++;
    }
    return dead / units;
  });
  return written(host, Float32Array.from(shares));
}

const KERNELS: [string, (args: KernelArgs) => TensorInfo][] = [
  [HISTOGRAM_COUNTS_KERNEL, histogramCountsOnHost],
  [SATURATION_SHARES_KERNEL, saturationSharesOnHost],
];

/** Registers both kernels for `backendName` once (tfjs warns about registering a name twice). */
export function registerHostDistributions(backendName: HostBackendName): void {
  for (const [kernelName, kernelFunc] of KERNELS) {
    if (tf.getKernel(kernelName, backendName) !== undefined) continue;
    const config: KernelConfig = {
      kernelName,
      backendName,
      kernelFunc: kernelFunc as unknown as KernelConfig['kernelFunc'],
    };
    registerKernel(config);
  }
}
