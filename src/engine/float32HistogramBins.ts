/**
 * Histogram counts by histogramBinOf (config/distributionBins.ts) for float32 values, without
 * a logarithm. Every histogrammed value is a float32 (tensors are float32, and what is read
 * back is a Float32Array), and one binary octave [2^e, 2^(e+1)) spans log10(2) ~ 0.3 decades,
 * less than one bin (half a decade), so it holds at most one bin start. A value's bin is then
 * its octave's first bin, plus one at or past the start in that octave: two table reads and an
 * integer comparison on the float's bits (positive floats order as their bit patterns do). The
 * same tables hold the zero bin (octave 0 starts with +0, then the subnormals, all in the
 * lowest magnitude bin) and the non-finite bin (octave 255: the infinities and NaNs).
 *
 * The tables are made once from histogramBinOf itself (the start by bisection over the float32s
 * of the octave), so the counts are histogramBinOf's for every float32, its bin being
 * non-decreasing in the magnitude as floor(2 (log10 m + 8)) is; the unit tests check every
 * float32 near each bin start. A Math.log10 per value and the branches around it made binning
 * the 8 x 32 network's 57,000 values most of a histogram's cost on cpu and wasm.
 */
import { histogramBinOf } from '../config/distributionBins';

const scratchBits = new Uint32Array(1);
const scratchFloat = new Float32Array(scratchBits.buffer);
const floatWithBits = (pattern: number): number => {
  scratchBits[0] = pattern;
  return scratchFloat[0] as number;
};

/** Biased float32 exponents: 0 for zero and the subnormals, 255 for infinities and NaNs. */
const OCTAVES = 256;
const MANTISSA_BITS = 23;
const MAGNITUDE_MASK = 0x7fffffff;
/** Past every magnitude's bits: an octave without a bin start. */
const NO_START = 0xffffffff;

/** Per octave: the bin of its smallest magnitude. */
const OCTAVE_BIN = new Uint8Array(OCTAVES);
/** Per octave: the bits of the first float32 in the next bin, or NO_START. */
const OCTAVE_START_BITS = new Uint32Array(OCTAVES);

for (let octave = 0; octave < OCTAVES; octave++) {
  const lowest = octave << MANTISSA_BITS;
  const highest = (octave << MANTISSA_BITS) | ((1 << MANTISSA_BITS) - 1);
  const bin = histogramBinOf(floatWithBits(lowest));
  const top = histogramBinOf(floatWithBits(highest));
  if (top > bin + 1) throw new Error(`octave ${octave} spans more than two histogram bins`);
  OCTAVE_BIN[octave] = bin;
  let start = NO_START;
  if (top > bin) {
    let below = lowest;
    start = highest;
    while (start - below > 1) {
      const middle = below + Math.floor((start - below) / 2);
      if (histogramBinOf(floatWithBits(middle)) > bin) start = middle;
      else below = middle;
    }
  }
  OCTAVE_START_BITS[octave] = start;
}

/**
 * Adds each value's histogramBinOf bin to `counts[offset + bin]`, for the float32 `values`.
 */
export function addFloat32BinCounts(
  values: Float32Array,
  counts: Float32Array | number[],
  offset = 0,
): void {
  const patterns = new Uint32Array(values.buffer, values.byteOffset, values.length);
  for (let k = 0; k < patterns.length; k++) {
    const magnitude = (patterns[k] as number) & MAGNITUDE_MASK;
    const octave = magnitude >>> MANTISSA_BITS;
    const bin =
      (OCTAVE_BIN[octave] as number) + (magnitude >= (OCTAVE_START_BITS[octave] as number) ? 1 : 0);
    counts[offset + bin]!++;
  }
}
