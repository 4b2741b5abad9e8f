import * as tf from '../../../src/engine/tf';
import { describe, expect, it } from 'vitest';
import {
  BINS_PER_DECADE,
  DISTRIBUTION_QUANTITIES,
  HISTOGRAM_BINS,
  HISTOGRAM_MIN_EXPONENT,
  MAGNITUDE_BINS,
  NON_FINITE_BIN,
  ZERO_BIN,
  histogramBinOf,
} from '../../../src/config/distributionBins';
import { addFloat32BinCounts } from '../../../src/engine/float32HistogramBins';
import { HISTOGRAM_COUNTS_KERNEL, histogramCounts } from '../../../src/engine/histograms';
import { readHistogramSection } from '../../../src/engine/histogramSection';
import { createPrng } from '../../../src/random/prng';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

const bits = new Uint32Array(1);
const asFloat = new Float32Array(bits.buffer);
const floatWithBits = (pattern: number) => {
  bits[0] = pattern;
  return asFloat[0] as number;
};
const bitsOf = (value: number) => {
  asFloat[0] = value;
  return bits[0] as number;
};

/** The bin of one float32, through the counting under test. */
function float32BinOf(value: number): number {
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  addFloat32BinCounts(Float32Array.of(value), counts);
  return counts.indexOf(1);
}

/** Each magnitude bin's first float32, by bisection over the float32s with the definition. */
const BIN_STARTS = Array.from({ length: MAGNITUDE_BINS - 1 }, (_, k) => {
  let below = 0;
  let atOrAbove = 0x7f7fffff;
  while (atOrAbove - below > 1) {
    const middle = below + Math.floor((atOrAbove - below) / 2);
    if (histogramBinOf(floatWithBits(middle)) >= k + 2) atOrAbove = middle;
    else below = middle;
  }
  return floatWithBits(atOrAbove);
});

/** Every float32 within `ulps` of each bin start, and of each decade and half decade. */
function valuesAroundEdges(ulps: number): number[] {
  const centres = [
    ...BIN_STARTS,
    ...Array.from({ length: MAGNITUDE_BINS + 1 }, (_, k) =>
      Math.fround(10 ** (HISTOGRAM_MIN_EXPONENT + k / BINS_PER_DECADE)),
    ),
  ];
  return centres.flatMap((centre) =>
    Array.from({ length: 2 * ulps + 1 }, (_, i) => floatWithBits(bitsOf(centre) - ulps + i)),
  );
}

function directCounts(values: readonly number[]): number[] {
  const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
  for (const v of values) counts[histogramBinOf(v)]!++;
  return counts;
}

describe('addFloat32BinCounts', () => {
  it('finds the bin edges where the definition puts them: within one float32 step of 10^(-8 + k/2)', () => {
    BIN_STARTS.forEach((start, k) => {
      const edge = 10 ** (HISTOGRAM_MIN_EXPONENT + (k + 1) / BINS_PER_DECADE);
      // A float32 step is at most 2^-23 of the value.
      expect(Math.abs(start - edge) / edge).toBeLessThanOrEqual(2 ** -23);
    });
  });

  it('gives the direct definition’s bin for every float32 within 1,000 steps of a bin edge, either sign', () => {
    const values = valuesAroundEdges(1000);
    const wrong = values.flatMap((v) =>
      [v, -v].flatMap((x) =>
        float32BinOf(x) === histogramBinOf(x)
          ? []
          : [`${x}: ${float32BinOf(x)} vs ${histogramBinOf(x)}`],
      ),
    );
    expect(wrong).toEqual([]);
  });

  it('gives the direct definition’s bin for zeros, non-finite values, the extremes and random float32s', () => {
    expect(float32BinOf(0)).toBe(ZERO_BIN);
    expect(float32BinOf(-0)).toBe(ZERO_BIN);
    for (const v of [NaN, Infinity, -Infinity]) expect(float32BinOf(v)).toBe(NON_FINITE_BIN);
    const extremes = [floatWithBits(1), floatWithBits(0x007fffff), floatWithBits(0x7f7fffff)];
    for (const v of extremes) expect(float32BinOf(v)).toBe(histogramBinOf(v));
    const random = createPrng(7).next;
    const many = Float32Array.from({ length: 100_000 }, () =>
      // Uniform over the bit patterns of float32s: every exponent alike, non-finite ones too.
      floatWithBits(Math.floor(random() * 0x100000000)),
    );
    const counts = new Array<number>(HISTOGRAM_BINS).fill(0);
    addFloat32BinCounts(many, counts);
    expect(counts).toEqual(directCounts([...many]));

    expect([...many].filter((v) => float32BinOf(v) !== histogramBinOf(v))).toEqual([]);
  });
});

describe('histograms of values exactly on bin edges', () => {
  // The float32s at each bin start and one step either side.
  const edgeValues = valuesAroundEdges(1).flatMap((v, i) => (i % 2 === 0 ? [v] : [-v]));

  it('the host kernel counts them as the direct definition does', () => {
    expect(tf.getKernel(HISTOGRAM_COUNTS_KERNEL, 'cpu')).toBeDefined();
    const counts = tf.tidy(() => histogramCounts([tf.tensor1d(edgeValues)]).arraySync());
    expect(counts).toEqual([directCounts(edgeValues)]);
  });

  it('the host binning of values read back counts them as the direct definition does', () => {
    const layers = 1;
    const groups = DISTRIBUTION_QUANTITIES.length * layers;
    const sizes = [edgeValues.length, ...new Array<number>(groups - 1).fill(0)];
    // A values section (histogramSection.ts): [VALUES = 1, sizes..., values...], as read back.
    const data = Float32Array.from([1, ...sizes, ...edgeValues]);
    const { histograms, end } = readHistogramSection(data, 0, layers);
    expect(end).toBe(data.length);
    expect(histograms[DISTRIBUTION_QUANTITIES[0]]).toEqual([directCounts(edgeValues)]);
  });
});
