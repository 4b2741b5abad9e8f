/**
 * In-page checks of the WebGL-only code paths for the browser tests (Node has no WebGL): the
 * fused sums-of-squares kernel against an exact oracle, the engine's metrics on WebGL against
 * the same run on the CPU backend, and the distributions' counting against a direct count. Reached through window.__gradscope.loadBench().
 */
import { startBackend } from '../backend/tfBackend';
import {
  BINS_PER_DECADE,
  HISTOGRAM_BINS,
  HISTOGRAM_MIN_EXPONENT,
  MAGNITUDE_BINS,
  histogramBinOf,
} from '../config/distributionBins';
import { SATURATION_THRESHOLD, saturationShares } from '../engine/distributions';
import { flatConcat, histogramCounts } from '../engine/histograms';
import { segmentCountsFailure } from '../engine/segmentCounts';
import { configOf } from './benchConfig';
import type { StepMetrics } from '../engine/metrics';
import { fusedKernelFailure, SUMS_OF_SQUARES_KERNEL, sumsOfSquares } from '../engine/sumsOfSquares';
import { Trainer } from '../engine/trainer';
import * as tf from '../engine/tf';

export interface SumsOfSquaresCase {
  label: string;
  shape: number[];
  /** How the tensor was stored on the GPU when the kernel read it. */
  packed: boolean;
  /** sum(x^2) in float64 from the values read back, rounded to float32; non-finite ones as
   * strings ('NaN', 'Infinity'), which JSON cannot carry as numbers. */
  expected: number | string;
  fused: number | string;
}

export interface SegmentCase {
  segment: number[];
  /** The L2 norm over the segment's tensors, from float64 sums rounded to float32. */
  expected: number | string;
  fused: number | string;
}

export interface SumsOfSquaresCheck {
  backend: string;
  kernelRegistered: boolean;
  /** Why the kernel was turned off (plain ops ran instead), or null. */
  kernelFailure: string | null;
  cases: SumsOfSquaresCase[];
  /** The same tensors through segments with root (norms of unions of tensors). */
  segments: SegmentCase[];
  tensorsLeaked: number;
}

/** Deterministic values in [-2, 2), with a few exact specials spliced in by the caller. */
function values(size: number, seed: number): Float32Array {
  const out = new Float32Array(size);
  let s = seed >>> 0;
  for (let i = 0; i < size; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = (s / 2 ** 32) * 4 - 2;
  }
  return out;
}

/** Non-finite numbers as strings so they survive the trip to the test through JSON. */
function jsonNumber(x: number): number | string {
  return Number.isFinite(x) ? x : String(x);
}

/**
 * Builds tensors of many shapes, some stored packed (outputs of matMul and of binary ops) and
 * some unpacked (uploads, reductions), interleaved so that the kernel needs several groups and
 * its reassembly; runs the kernel once on all of them and compares with float64 sums.
 */
export async function checkSumsOfSquares(maxTextures?: number): Promise<SumsOfSquaresCheck> {
  await startBackend('webgl');
  // A lower texture limit than this device's forces more groups than one program can sample,
  // as on a WebGL 1 device with 8 texture units, and with that the kernel's staged merging.
  const flag = 'WEBGL_MAX_TEXTURES_IN_SHADER';
  const deviceMaxTextures = tf.env().getNumber(flag);
  if (maxTextures !== undefined) tf.env().set(flag, maxTextures);
  try {
    return await checkOnTensors();
  } finally {
    tf.env().set(flag, deviceMaxTextures);
  }
}

async function checkOnTensors(): Promise<SumsOfSquaresCheck> {
  const before = tf.memory().numTensors;
  const labels: string[] = [];
  // Kept by tidy: only the tensors under test survive, not the inputs they were made from.
  const tensors = tf.tidy(() => buildCheckTensors(labels));
  const built = tensors.map((tensor, i) => ({ label: labels[i] as string, tensor }));
  const backend = tf.backend() as unknown as {
    texData: { get: (id: object) => { isPacked?: boolean } | undefined };
  };
  const packed = built.map(({ tensor }) => backend.texData.get(tensor.dataId)?.isPacked === true);
  const fusedTensor = sumsOfSquares(tensors);
  const fused = await fusedTensor.data();
  // Pairs across storages (as a layer's packed kernel and unpacked bias), overlaps, an empty
  // segment and all of them at once.
  const segmentList = [
    ...tensors.map((_, i) => [i, (i + 1) % tensors.length]),
    [],
    [3, 3, 40, 7],
    tensors.map((_, i) => i).filter((i) => !labels[i]!.startsWith('NaN')),
  ];
  const segmentTensor = sumsOfSquares(tensors, { segments: segmentList, root: true });
  const segmentNorms = await segmentTensor.data();
  const sums: number[] = [];
  const cases: SumsOfSquaresCase[] = [];
  for (const [i, { label, tensor }] of built.entries()) {
    let expected = 0;
    for (const v of await tensor.data()) expected += v * v;
    sums.push(expected);
    cases.push({
      label,
      shape: tensor.shape,
      packed: packed[i] === true,
      // Rounded to float32, where a sum beyond 3.4e38 is Infinity, as on the device.
      expected: jsonNumber(Math.fround(expected)),
      fused: jsonNumber(fused[i] as number),
    });
  }
  const segments = segmentList.map((segment, j) => {
    const total = segment.reduce((sum, i) => sum + sums[i]!, 0);
    return {
      segment,
      expected: jsonNumber(Math.fround(Math.sqrt(Math.fround(total)))),
      fused: jsonNumber(segmentNorms[j] as number),
    };
  });
  tf.dispose([fusedTensor, segmentTensor, ...tensors]);
  return {
    backend: tf.getBackend(),
    kernelRegistered: tf.getKernel(SUMS_OF_SQUARES_KERNEL, 'webgl') !== undefined,
    kernelFailure: fusedKernelFailure('webgl'),
    cases,
    segments,
    tensorsLeaked: tf.memory().numTensors - before,
  };
}

/** The tensors checkSumsOfSquares measures; their labels are pushed onto `labels`. */
function buildCheckTensors(labels: string[]): tf.Tensor[] {
  const built: tf.Tensor[] = [];
  const add = (label: string, tensor: tf.Tensor) => {
    labels.push(label);
    built.push(tensor);
  };
  let seed = 1;
  const upload = (shape: number[]) => {
    const size = shape.reduce((a, b) => a * b, 1);
    return tf.tensor(values(size, seed++), shape);
  };
  const matMul = (rows: number, inner: number, cols: number) =>
    tf.matMul(upload([rows, inner]), upload([inner, cols]));
  const shapes2d: [number, number, number][] = [
    [64, 32, 32],
    [3, 5, 7],
    [1, 4, 9],
    [64, 32, 1],
    [5, 2, 1],
    [2, 3, 32],
  ];
  for (let round = 0; round < 3; round++) {
    for (const [rows, inner, cols] of shapes2d) {
      add(`matMul [${rows},${cols}]`, matMul(rows, inner, cols));
      add(`upload [${rows},${cols}]`, upload([rows, cols]));
    }
    add('add [33]', tf.add(upload([33]), upload([33])));
    add('upload [33]', upload([33]));
    add('row sums [7]', tf.sum(matMul(7, 3, 5), 1));
    add('upload [1]', upload([1]));
  }
  const withNaN = values(15, seed++);
  withNaN[4] = NaN;
  add('NaN [3,5]', tf.tensor2d(withNaN, [3, 5]));
  const withInf = values(6, seed++);
  withInf[5] = -Infinity;
  add('-Infinity [6] packed', tf.add(tf.tensor1d(withInf), tf.zeros([6])));
  add('overflowing square [2,2]', tf.mul(tf.ones([2, 2]), 3e20));

  return built;
}

/**
 * The same run's first `steps` steps of metrics on the CPU backend and on WebGL; with
 * `distributions`, saturation and histograms on every step too.
 */
export async function engineOnCpuAndWebgl(
  hash: string,
  steps: number,
  distributions = false,
): Promise<{
  cpu: StepMetrics[];
  webgl: StepMetrics[];
  webglBackend: string;
  kernelFailure: string | null;
}> {
  const config = configOf(hash);
  const trainOn = async (name: 'cpu' | 'webgl') => {
    await startBackend(name);
    const trainer = new Trainer(config);
    try {
      return (await trainer.train(steps, { distributions, histogramsEveryStep: distributions }))
        .steps;
    } finally {
      trainer.dispose();
    }
  };
  const cpu = await trainOn('cpu');
  const webgl = await trainOn('webgl');
  return { cpu, webgl, webglBackend: tf.getBackend(), kernelFailure: fusedKernelFailure('webgl') };
}

export interface DistributionsCheck {
  backend: string;
  /** Why the segment-counting kernel was turned off (tf.bincount ran instead), or null. */
  kernelFailure: string | null;
  /** Per tensor, the histogram counts on this backend and from the values read back. */
  counts: number[][];
  expected: number[][];
  /** tanh saturation shares per tensor on this backend, and counted from the values. */
  saturation: number[];
  expectedSaturation: number[];
  /** The tensors laid end to end by flatConcat, and as read back one by one. */
  flat: number[];
  expectedFlat: number[];
  /** ReLU dead-unit shares of the matrices, every third column non-positive, and counted. */
  dead: number[];
  expectedDead: number[];
  tensorsLeaked: number;
}

/**
 * The distributions' counting on WebGL (src/backend/webglSegmentCounts.ts) against a direct
 * count of the same values read back: tensors of many sizes (one element up to a [64, 32]
 * matMul output, stored packed), with values in the middle of every magnitude bin (clear of
 * the edges, where the GPU's float32 log and JavaScript's may round apart), exact zeros, NaN
 * and infinities.
 */
export async function checkDistributionsOnWebgl(): Promise<DistributionsCheck> {
  await startBackend('webgl');
  const before = tf.memory().numTensors;
  const shapes = [[64, 32], [1], [3, 5], [64, 1], [7], [2, 3], [64, 32], [1, 1]];
  let seed = 7;
  const tensors = tf.tidy(() =>
    shapes.map((shape, t) => {
      const size = shape.reduce((a, b) => a * b, 1);
      const v = values(size, seed++);
      const data = Array.from(v, (r, i) => {
        const special = [0, -0, NaN, Infinity, -Infinity][(i + t) % 41];
        if (special !== undefined) return special;
        // r in [-2, 2): a bin from its magnitude, a sign from its sign, jitter from the rest.
        const bin = 1 + Math.floor(((Math.abs(r) * 1000) % 1) * MAGNITUDE_BINS);
        const jitter = ((Math.abs(r) * 1e6) % 1) * 0.3 - 0.15;
        const exponent = HISTOGRAM_MIN_EXPONENT + (bin - 0.5 + jitter) / BINS_PER_DECADE;
        return Math.sign(r || 1) * 10 ** exponent;
      });
      const raw = tf.tensor(data, shape);
      // Even tensors come out of a matMul by the identity: stored packed, as a layer's z is.
      return t % 2 === 0 && shape.length === 2 ? tf.matMul(raw, tf.eye(shape[1]!)) : raw;
    }),
  );
  const counted = tf.tidy(() => histogramCounts(tensors));
  const saturated = tf.tidy(() => saturationShares(tensors, 'tanh'));
  // Dead ReLU units: the matrices, every third column made non-positive (a NaN stays NaN, and
  // a column holding one is not dead).
  const reluInputs = tf.tidy(() =>
    tensors
      .filter((t) => t.rank === 2)
      .map((t) => {
        const columns = t.shape[1]!;
        const sign = Array.from({ length: columns }, (_, j) => (j % 3 === 0 ? -1 : 1));
        return tf.mul(tf.abs(t), tf.tensor2d(sign, [1, columns]));
      }),
  );
  const dead = tf.tidy(() => saturationShares(reluInputs, 'relu'));
  const flat = tf.tidy(() => flatConcat(tensors));
  const counts = (await counted.array()) as number[][];
  const saturation = Array.from(await saturated.data());
  const read = await Promise.all(tensors.map((t) => t.data()));
  const reluRead = await Promise.all(reluInputs.map((t) => t.data()));
  const deadShares = Array.from(await dead.data());
  const flatValues = Array.from(await flat.data());
  const threshold = SATURATION_THRESHOLD.tanh as number;
  const result = {
    backend: tf.getBackend(),
    kernelFailure: segmentCountsFailure('webgl'),
    counts,
    expected: read.map((v) => {
      const direct = new Array<number>(HISTOGRAM_BINS).fill(0);
      for (const x of v) direct[histogramBinOf(x)]!++;
      return direct;
    }),
    saturation,
    expectedSaturation: read.map(
      (v) => Array.from(v).filter((x) => Math.abs(x) > threshold).length / v.length,
    ),
    flat: flatValues,
    expectedFlat: read.flatMap((v) => Array.from(v)),
    dead: deadShares,
    expectedDead: reluInputs.map((t, m) => {
      const [rows, columns] = t.shape as [number, number];
      const v = reluRead[m]!;
      let deadColumns = 0;
      for (let j = 0; j < columns; j++) {
        let alive = false;
        for (let r = 0; r < rows; r++) if (!((v[r * columns + j] as number) <= 0)) alive = true;
        if (!alive) deadColumns++;
      }
      return deadColumns / columns;
    }),
  };
  tf.dispose([...tensors, ...reluInputs, counted, saturated, dead, flat]);
  return { ...result, tensorsLeaked: tf.memory().numTensors - before };
}
