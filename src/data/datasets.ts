/**
 * Seeded synthetic datasets, generated in the page: TensorFlow Playground's sets (spirals,
 * circles, XOR, Gaussian blobs; sine and plane for regression), rescaled so inputs are O(1).
 * Pure TypeScript: no tfjs, no DOM.
 *
 * Every (seed, kind) owns three independent random streams:
 * - 'points' draws the clean, noise-free samples;
 * - 'noise' draws one standard normal per noisy value, scaled by the noise level;
 * - 'split' decides which samples are held out for the test set.
 * So moving the noise slider jitters the very same samples further and changes nothing else:
 * the only difference between two runs is the change.
 *
 * Portability: the arithmetic is IEEE-exact, but Math.sin/cos (here) and Math.log (in
 * Prng.normal) are implementation-approximated in ECMAScript. V8 engines (Chrome, Edge, Node)
 * agree bit for bit; another engine may differ in the last bit of rare values.
 */

import {
  inputDimOf,
  taskOf,
  trainSampleCount,
  type DataConfig,
  type DatasetKind,
  type Task,
} from '../config/schema';
import { createPrng, deriveSeed, shuffleInPlace, type Prng } from '../random/prng';

export interface Dataset {
  kind: DatasetKind;
  task: Task;
  /** Features per sample (1 for sine, 2 otherwise). */
  inputDim: number;
  /** Training inputs, row-major [trainCount, inputDim]. */
  trainX: Float32Array;
  /** Training targets [trainCount, 1]: labels 0/1 for classification, floats for regression. */
  trainY: Float32Array;
  /** Held-out inputs, row-major [testCount, inputDim]. */
  testX: Float32Array;
  /** Held-out targets [testCount, 1]. */
  testY: Float32Array;
  trainCount: number;
  testCount: number;
}

/**
 * Clean inputs lie in [-DATA_EXTENT, DATA_EXTENT] in every coordinate, except the Gaussian blobs,
 * whose centres sit 3 spreads inside it. Noise jitters classification inputs beyond it.
 */
export const DATA_EXTENT = 1.5;

/** Turns of each spiral arm from the centre to DATA_EXTENT (TF Playground's 1.75). */
const SPIRAL_TURNS = 1.75;
/** Circles, as TF Playground draws them: inner disc r < R/2, outer ring 0.7R <= r <= R. */
const CIRCLE_DISC_MAX_RADIUS = 0.5 * DATA_EXTENT;
const CIRCLE_RING_MIN_RADIUS = 0.7 * DATA_EXTENT;
/** Keeps XOR points off the axes, where the label flips (Playground pads by 6% of its range). */
const XOR_AXIS_GAP = 0.1;
/** Blob centres sit at (±BLOB_CENTRE, ±BLOB_CENTRE), each blob a Gaussian of std BLOB_SPREAD. */
const BLOB_CENTRE = 0.75;
const BLOB_SPREAD = 0.25;
/** The plane's target is PLANE_WEIGHTS · x. */
const PLANE_WEIGHTS = [0.6, -0.4] as const;

/** The clean sine target: one full period across the inputs (x = ±DATA_EXTENT ↦ angle ±π). */
export function sineTarget(x: number): number {
  return Math.sin((Math.PI / DATA_EXTENT) * x);
}

/** The clean plane target, a fixed linear function of the two inputs. */
export function planeTarget(x1: number, x2: number): number {
  return PLANE_WEIGHTS[0] * x1 + PLANE_WEIGHTS[1] * x2;
}

/** Noise-free samples in generation order: inputs row-major [count, inputDim], one target each. */
interface CleanSamples {
  x: Float64Array;
  y: Float64Array;
}

/** Draws one clean 2-D point of the given class. */
type PointSampler = (label: 0 | 1, prng: Prng) => [number, number];

function uniform(prng: Prng, low: number, high: number): number {
  return low + (high - low) * prng.next();
}

function polar(radius: number, angle: number): [number, number] {
  return [radius * Math.cos(angle), radius * Math.sin(angle)];
}

/**
 * Two interleaved Archimedean spirals: the radius grows in proportion to the angle, and class 1
 * is class 0 turned by half a turn. The position along the arm is uniform.
 */
function spiralPoint(label: 0 | 1, prng: Prng): [number, number] {
  const along = prng.next();
  return polar(DATA_EXTENT * along, 2 * Math.PI * SPIRAL_TURNS * along + label * Math.PI);
}

/** Class 1: a disc around the origin; class 0: the ring around it. Radius uniform, as Playground. */
function circlesPoint(label: 0 | 1, prng: Prng): [number, number] {
  const radius =
    label === 1
      ? uniform(prng, 0, CIRCLE_DISC_MAX_RADIUS)
      : uniform(prng, CIRCLE_RING_MIN_RADIUS, DATA_EXTENT);
  return polar(radius, uniform(prng, 0, 2 * Math.PI));
}

/** Class 1 in quadrants I and III (x1 * x2 > 0), class 0 in II and IV. */
function xorPoint(label: 0 | 1, prng: Prng): [number, number] {
  const magnitude1 = uniform(prng, XOR_AXIS_GAP, DATA_EXTENT);
  const magnitude2 = uniform(prng, XOR_AXIS_GAP, DATA_EXTENT);
  const sign = prng.next() < 0.5 ? -1 : 1;
  return [sign * magnitude1, (label === 1 ? sign : -sign) * magnitude2];
}

/** One isotropic Gaussian blob per class, centred on the diagonal at opposite sides. */
function blobPoint(label: 0 | 1, prng: Prng): [number, number] {
  const centre = label === 1 ? BLOB_CENTRE : -BLOB_CENTRE;
  return [centre + BLOB_SPREAD * prng.normal(), centre + BLOB_SPREAD * prng.normal()];
}

/** count 2-D points, half of each class (class 0 takes the odd one out), class 0 first. */
function classificationSamples(count: number, prng: Prng, samplePoint: PointSampler): CleanSamples {
  const x = new Float64Array(count * 2);
  const y = new Float64Array(count);
  const class0Count = count - Math.floor(count / 2);
  for (let i = 0; i < count; i++) {
    const label = i < class0Count ? 0 : 1;
    const [x1, x2] = samplePoint(label, prng);
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = label;
  }
  return { x, y };
}

// Regression inputs are rounded to float32 before the target is computed, so the stored pair
// (x, y) lies on the clean curve to float32 precision when the noise is 0.

/** x uniform over the input range, y = sineTarget(x). */
function sineSamples(count: number, prng: Prng): CleanSamples {
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    x[i] = Math.fround(uniform(prng, -DATA_EXTENT, DATA_EXTENT));
    y[i] = sineTarget(x[i] as number);
  }
  return { x, y };
}

/** x uniform over the input square, y = planeTarget(x). */
function planeSamples(count: number, prng: Prng): CleanSamples {
  const x = new Float64Array(count * 2);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const x1 = Math.fround(uniform(prng, -DATA_EXTENT, DATA_EXTENT));
    const x2 = Math.fround(uniform(prng, -DATA_EXTENT, DATA_EXTENT));
    x[2 * i] = x1;
    x[2 * i + 1] = x2;
    y[i] = planeTarget(x1, x2);
  }
  return { x, y };
}

const CLEAN_SAMPLES: Record<DatasetKind, (count: number, prng: Prng) => CleanSamples> = {
  spiral: (count, prng) => classificationSamples(count, prng, spiralPoint),
  circles: (count, prng) => classificationSamples(count, prng, circlesPoint),
  xor: (count, prng) => classificationSamples(count, prng, xorPoint),
  blobs: (count, prng) => classificationSamples(count, prng, blobPoint),
  sine: sineSamples,
  plane: planeSamples,
};

/**
 * Adds noise * N(0, 1) to every input coordinate for classification (a jittered point keeps the
 * class it was drawn for) or to every target for regression. One draw per value whatever the
 * noise level, so every level scales the same jitter.
 */
function addNoise(samples: CleanSamples, task: Task, noise: number, prng: Prng): void {
  const values = task === 'classification' ? samples.x : samples.y;
  for (let i = 0; i < values.length; i++) values[i] = (values[i] as number) + noise * prng.normal();
}

/**
 * A seeded, stratified train/test split of sample indices. Each stratum (a class; regression has
 * one) is shuffled, then the strata are dealt in turn, so the test set (a prefix of the deal) and
 * the train set (the rest) each hold every class to within one sample of an equal share.
 */
function splitIndices(strata: number[][], testCount: number, prng: Prng) {
  for (const stratum of strata) shuffleInPlace(stratum, prng);
  const dealt: number[] = [];
  const longest = Math.max(0, ...strata.map((stratum) => stratum.length));
  for (let i = 0; i < longest; i++) {
    for (const stratum of strata) if (i < stratum.length) dealt.push(stratum[i] as number);
  }
  // Shuffle each side so rows do not alternate by class.
  return {
    test: shuffleInPlace(dealt.slice(0, testCount), prng),
    train: shuffleInPlace(dealt.slice(testCount), prng),
  };
}

/** Sample indices grouped by class label (classification) or all in one group (regression). */
function strataOf(samples: CleanSamples, task: Task): number[][] {
  const indices = Array.from(samples.y, (_, i) => i);
  if (task === 'regression') return [indices];
  return [0, 1].map((label) => indices.filter((i) => samples.y[i] === label));
}

/** Copies the given rows of a row-major matrix into a new float32 matrix. */
function gatherRows(source: Float64Array, width: number, rows: number[]): Float32Array {
  const out = new Float32Array(rows.length * width);
  rows.forEach((row, i) => out.set(source.subarray(row * width, (row + 1) * width), i * width));
  return out;
}

/**
 * Generates the dataset a config describes: deterministic in the config, and balanced between
 * the classes for classification. testCount = round(samples * testFraction); the rest, counted
 * by trainSampleCount (which also bounds the batch size), is the training set.
 */
export function generateDataset(data: DataConfig): Dataset {
  const { kind, seed } = data;
  const task = taskOf(kind);
  const inputDim = inputDimOf(kind);
  const samples = Math.max(0, Math.floor(data.samples));
  const testCount = samples - trainSampleCount(data);

  const clean = CLEAN_SAMPLES[kind](samples, createPrng(deriveSeed(seed, kind, 'points')));
  addNoise(clean, task, data.noise, createPrng(deriveSeed(seed, kind, 'noise')));
  const split = splitIndices(
    strataOf(clean, task),
    testCount,
    createPrng(deriveSeed(seed, kind, 'split')),
  );

  return {
    kind,
    task,
    inputDim,
    trainX: gatherRows(clean.x, inputDim, split.train),
    trainY: gatherRows(clean.y, 1, split.train),
    testX: gatherRows(clean.x, inputDim, split.test),
    testY: gatherRows(clean.y, 1, split.test),
    trainCount: split.train.length,
    testCount: split.test.length,
  };
}
