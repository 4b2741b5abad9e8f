/**
 * How a step's histograms travel in the chunk's packed metrics (metrics.ts). Counting the bins
 * of tens of thousands of values on software WebGL takes one shader pass per bin over every
 * value: about 180 ms for the 8 x 32 network's histograms, five to ten of its steps (measured
 * with `npm run bench -- --dist`). Where the backend has no histogram kernel of its own
 * (HISTOGRAM_COUNTS_KERNEL; cpu and wasm have one), the step's values themselves come back in
 * the same readback, up to HOST_BINNING_MAX_VALUES of them, and are binned here on the host
 * by histogramBinOf (by addFloat32BinCounts, its equal without a logarithm, when they are read
 * back as float32). Larger networks still count on the device. The section says which:
 *
 *   counts:  [COUNTS, groups * HISTOGRAM_BINS counts]
 *   values:  [VALUES, one size per group, the groups' values laid end to end]
 *
 * groups = DISTRIBUTION_QUANTITIES x layers, in that order.
 */
import {
  DISTRIBUTION_QUANTITIES,
  HISTOGRAM_BINS,
  histogramBinOf,
  type DistributionQuantity,
} from '../config/distributionBins';
import { addFloat32BinCounts } from './float32HistogramBins';
import { flatConcat, HISTOGRAM_COUNTS_KERNEL, histogramCounts } from './histograms';
import { optionalKernelAvailable } from './optionalKernel';
import * as tf from './tf';

/** Past this many values a step's histograms are counted on the device (4 MB of float32). */
export const HOST_BINNING_MAX_VALUES = 1 << 20;

const COUNTS = 0;
const VALUES = 1;

type Group = tf.Tensor | readonly tf.Tensor[];

const sizeOf = (group: Group) =>
  group instanceof tf.Tensor ? group.size : group.reduce((sum, t) => sum + t.size, 0);

/** The packed section for `groups` (quantities x layers, in order). */
export function histogramSection(groups: readonly Group[]): tf.Tensor1D {
  const sizes = groups.map(sizeOf);
  const total = sizes.reduce((a, b) => a + b, 0);
  const onHost =
    !optionalKernelAvailable(HISTOGRAM_COUNTS_KERNEL) && total <= HOST_BINNING_MAX_VALUES;
  if (!onHost) {
    return tf.concat([
      tf.tensor1d([COUNTS]),
      tf.reshape(histogramCounts(groups), [-1]),
    ]) as tf.Tensor1D;
  }
  const members = groups.flatMap((group) => (group instanceof tf.Tensor ? [group] : group));
  return tf.concat([tf.tensor1d([VALUES, ...sizes]), flatConcat(members)]) as tf.Tensor1D;
}

/** Reads a section at `start`: the counts per quantity and layer, and where the section ends. */
export function readHistogramSection(
  data: ArrayLike<number>,
  start: number,
  layerCount: number,
): { histograms: Record<DistributionQuantity, number[][]>; end: number } {
  const groups = DISTRIBUTION_QUANTITIES.length * layerCount;
  const counts: number[][] = [];
  let at = start + 1;
  if (data[start] === COUNTS) {
    for (let g = 0; g < groups; g++) {
      counts.push(Array.from({ length: HISTOGRAM_BINS }, (_, b) => data[at + b] as number));
      at += HISTOGRAM_BINS;
    }
  } else {
    const sizes = Array.from({ length: groups }, (_, g) => data[start + 1 + g] as number);
    at += groups;
    for (const size of sizes) {
      const group = new Array<number>(HISTOGRAM_BINS).fill(0);
      if (data instanceof Float32Array) addFloat32BinCounts(data.subarray(at, at + size), group);
      else for (let k = 0; k < size; k++) group[histogramBinOf(data[at + k] as number)]!++;
      counts.push(group);
      at += size;
    }
  }
  const histograms = {} as Record<DistributionQuantity, number[][]>;
  DISTRIBUTION_QUANTITIES.forEach((q, i) => {
    histograms[q] = counts.slice(i * layerCount, (i + 1) * layerCount);
  });
  return { histograms, end: at };
}
