import { describe, expect, it } from 'vitest';
import {
  DATA_EXTENT,
  generateDataset,
  planeTarget,
  sineTarget,
  type Dataset,
} from '../../../src/data/datasets';
import {
  DATASET_KINDS,
  LIMITS,
  inputDimOf,
  taskOf,
  type DataConfig,
  type DatasetKind,
} from '../../../src/config/schema';

const CLASSIFICATION_KINDS = DATASET_KINDS.filter((kind) => taskOf(kind) === 'classification');
const REGRESSION_KINDS = DATASET_KINDS.filter((kind) => taskOf(kind) === 'regression');

function config(kind: DatasetKind, overrides: Partial<DataConfig> = {}): DataConfig {
  return { kind, samples: 400, noise: 0.1, testFraction: 0.2, seed: 1, ...overrides };
}

interface Samples {
  x: number[][];
  y: number[];
}

/** The train or the test samples: rows of inputs and their targets. */
function samplesOf(dataset: Dataset, part: 'train' | 'test'): Samples {
  const [inputs, targets, count] =
    part === 'train'
      ? [dataset.trainX, dataset.trainY, dataset.trainCount]
      : [dataset.testX, dataset.testY, dataset.testCount];
  const { inputDim } = dataset;
  return {
    x: Array.from({ length: count }, (_, i) =>
      Array.from(inputs.subarray(i * inputDim, (i + 1) * inputDim)),
    ),
    y: Array.from(targets.subarray(0, count)),
  };
}

/** Every sample, train then test. */
function allSamples(dataset: Dataset): Samples {
  const train = samplesOf(dataset, 'train');
  const test = samplesOf(dataset, 'test');
  return { x: [...train.x, ...test.x], y: [...train.y, ...test.y] };
}

function pointsOfClass(dataset: Dataset, label: number): number[][] {
  const { x, y } = allSamples(dataset);
  return x.filter((_, i) => y[i] === label);
}

function mean(values: number[]): number {
  return values.reduce((sum, v) => sum + v, 0) / values.length;
}

function std(values: number[]): number {
  const m = mean(values);
  return Math.sqrt(values.reduce((sum, v) => sum + (v - m) ** 2, 0) / values.length);
}

function differences(a: Float32Array, b: Float32Array): number[] {
  return Array.from(a, (v, i) => v - (b[i] as number));
}

function bytesOf(dataset: Dataset): Uint8Array[] {
  return [dataset.trainX, dataset.trainY, dataset.testX, dataset.testY].map(
    (array) => new Uint8Array(array.buffer, array.byteOffset, array.byteLength),
  );
}

/** Wraps an angle difference into (-pi, pi]. */
function wrapAngle(angle: number): number {
  return angle - 2 * Math.PI * Math.round(angle / (2 * Math.PI));
}

describe('generateDataset: shapes and counts', () => {
  it('holds round(samples * testFraction) test rows and the rest as train, for every kind', () => {
    for (const kind of DATASET_KINDS) {
      for (const samples of [LIMITS.MIN_SAMPLES, 21, 101, 400, LIMITS.MAX_SAMPLES]) {
        for (const testFraction of [0, 0.1, 0.2, 0.33, LIMITS.MAX_TEST_FRACTION]) {
          const dataset = generateDataset(config(kind, { samples, testFraction }));
          const inputDim = inputDimOf(kind);
          const testCount = Math.round(samples * testFraction);
          expect(dataset.kind).toBe(kind);
          expect(dataset.task).toBe(taskOf(kind));
          expect(dataset.inputDim).toBe(inputDim);
          expect(dataset.testCount).toBe(testCount);
          expect(dataset.trainCount).toBe(samples - testCount);
          expect(dataset.trainX.length).toBe(dataset.trainCount * inputDim);
          expect(dataset.trainY.length).toBe(dataset.trainCount);
          expect(dataset.testX.length).toBe(testCount * inputDim);
          expect(dataset.testY.length).toBe(testCount);
        }
      }
    }
  });

  it('has only finite values, from no noise up to the maximum noise', () => {
    for (const kind of DATASET_KINDS) {
      for (const noise of [0, 0.5, LIMITS.MAX_NOISE]) {
        for (const array of bytesOf(generateDataset(config(kind, { noise })))) {
          const values = new Float32Array(array.buffer, array.byteOffset, array.byteLength / 4);
          expect(values.every(Number.isFinite)).toBe(true);
        }
      }
    }
  });
});

describe('generateDataset: determinism', () => {
  it('gives bit-identical arrays for the same config', () => {
    for (const kind of DATASET_KINDS) {
      expect(bytesOf(generateDataset(config(kind)))).toEqual(
        bytesOf(generateDataset(config(kind))),
      );
    }
  });

  it('gives different samples for a different seed, seed 0 included', () => {
    for (const kind of DATASET_KINDS) {
      const [zero, one, two] = [0, 1, 2].map((seed) => generateDataset(config(kind, { seed })));
      expect(zero!.trainX).not.toEqual(one!.trainX);
      expect(one!.trainX).not.toEqual(two!.trainX);
    }
  });

  it('draws each kind from its own stream: sine and plane inputs of one seed are uncorrelated', () => {
    const sine = generateDataset(config('sine', { samples: 2000 })).trainX;
    const plane = allSamples(generateDataset(config('plane', { samples: 2000 }))).x;
    const planeX1 = plane.slice(0, sine.length).map((row) => row[0] as number);
    const sineX = Array.from(sine);
    const covariance =
      mean(sineX.map((v, i) => v * (planeX1[i] as number))) - mean(sineX) * mean(planeX1);
    // Independent samples: |correlation| ~ 1/sqrt(1600) = 0.025.
    expect(Math.abs(covariance / (std(sineX) * std(planeX1)))).toBeLessThan(0.12);
  });
});

describe('generateDataset: classification labels', () => {
  it('uses labels exactly 0 and 1, half each, in the train and the test set alike', () => {
    for (const kind of CLASSIFICATION_KINDS) {
      for (const samples of [LIMITS.MIN_SAMPLES, 21, 101, 400]) {
        for (const testFraction of [0, 0.1, 0.33, 0.5]) {
          const dataset = generateDataset(config(kind, { samples, testFraction }));
          for (const labels of [dataset.trainY, dataset.testY]) {
            const ones = labels.filter((label) => label === 1).length;
            const zeros = labels.filter((label) => label === 0).length;
            expect(ones + zeros).toBe(labels.length);
            expect(Math.abs(ones - zeros)).toBeLessThanOrEqual(1);
          }
          const all = allSamples(dataset).y;
          expect(all.filter((label) => label === 1).length).toBe(Math.floor(samples / 2));
        }
      }
    }
  });

  it('is learnable at low noise: 1-nearest-neighbour labels over 90% of the test set right', () => {
    for (const kind of CLASSIFICATION_KINDS) {
      const dataset = generateDataset(
        config(kind, { samples: 1000, noise: 0.05, testFraction: 0.3 }),
      );
      const train = samplesOf(dataset, 'train');
      const test = samplesOf(dataset, 'test');
      let correct = 0;
      test.x.forEach(([t1, t2], i) => {
        let best = Infinity;
        let predicted = -1;
        train.x.forEach(([x1, x2], j) => {
          const distance = (x1! - t1!) ** 2 + (x2! - t2!) ** 2;
          if (distance < best) [best, predicted] = [distance, train.y[j]!];
        });
        if (predicted === test.y[i]) correct++;
      });
      expect(correct / test.x.length, kind).toBeGreaterThan(0.9);
    }
  });
});

describe('generateDataset: noise-free geometry', () => {
  const clean = (kind: DatasetKind) => generateDataset(config(kind, { samples: 2000, noise: 0 }));

  it('keeps clean inputs of the bounded sets within ±DATA_EXTENT', () => {
    for (const kind of DATASET_KINDS.filter((k) => k !== 'blobs')) {
      const dataset = clean(kind);
      for (const value of [...dataset.trainX, ...dataset.testX]) {
        expect(Math.abs(value)).toBeLessThanOrEqual(DATA_EXTENT);
      }
    }
  });

  it('xor: the label is 1 exactly where x1 * x2 > 0, and every quadrant is populated', () => {
    const { x, y } = allSamples(clean('xor'));
    x.forEach(([x1, x2], i) => expect(y[i]).toBe(x1! * x2! > 0 ? 1 : 0));
    const quadrants = new Set(x.map(([x1, x2]) => `${Math.sign(x1!)},${Math.sign(x2!)}`));
    expect(quadrants).toEqual(new Set(['1,1', '-1,-1', '1,-1', '-1,1']));
  });

  it('circles: every inner-disc point is closer to the origin than every outer-ring point', () => {
    const radii = (label: number) =>
      pointsOfClass(clean('circles'), label).map(([a, b]) => Math.hypot(a!, b!));
    const disc = radii(1);
    const ring = radii(0);
    expect(Math.max(...disc)).toBeLessThan(Math.min(...ring));
    // Both classes surround the origin, so no straight line separates them.
    for (const label of [0, 1]) {
      const points = pointsOfClass(clean('circles'), label);
      expect(Math.abs(mean(points.map((p) => p[0]!)))).toBeLessThan(0.15);
      expect(Math.abs(mean(points.map((p) => p[1]!)))).toBeLessThan(0.15);
    }
  });

  it('spiral: each arm is Archimedean (angle grows in proportion to radius), arms half a turn apart', () => {
    const arms = [0, 1].map((label) => {
      const polar = pointsOfClass(clean('spiral'), label)
        .map(([a, b]) => ({ radius: Math.hypot(a!, b!), angle: Math.atan2(b!, a!) }))
        .sort((p, q) => p.radius - q.radius);
      // Unwrap the angle along the arm, then fit angle = intercept + slope * radius.
      let unwrapped = polar[0]!.angle;
      const angles = polar.map((p, i) => {
        if (i > 0) unwrapped += wrapAngle(p.angle - polar[i - 1]!.angle);
        return unwrapped;
      });
      const radii = polar.map((p) => p.radius);
      const rMean = mean(radii);
      const aMean = mean(angles);
      const slope =
        radii.reduce((s, r, i) => s + (r - rMean) * (angles[i]! - aMean), 0) /
        radii.reduce((s, r) => s + (r - rMean) ** 2, 0);
      const intercept = aMean - slope * rMean;
      const maxResidual = Math.max(
        ...radii.map((r, i) => Math.abs(angles[i]! - intercept - slope * r)),
      );
      return { slope, intercept, maxResidual, maxRadius: Math.max(...radii) };
    });
    for (const arm of arms) {
      expect(arm.slope).toBeGreaterThan(0);
      expect(arm.maxResidual).toBeLessThan(1e-3);
      // More than a full turn, so the arms interleave.
      expect(arm.slope * arm.maxRadius).toBeGreaterThan(2 * Math.PI);
    }
    expect(arms[0]!.slope).toBeCloseTo(arms[1]!.slope, 3);
    expect(Math.abs(wrapAngle(arms[1]!.intercept - arms[0]!.intercept))).toBeCloseTo(Math.PI, 3);
  });

  it('blobs: the class means lie apart by more than 4 within-class standard deviations', () => {
    const [blob0, blob1] = [0, 1].map((label) => pointsOfClass(clean('blobs'), label));
    const centre = (points: number[][]) => [0, 1].map((d) => mean(points.map((p) => p[d]!)));
    const [c0, c1] = [centre(blob0!), centre(blob1!)];
    const gap = Math.hypot(c1[0]! - c0[0]!, c1[1]! - c0[1]!);
    // Spread of each blob along the line joining the means.
    const direction = [(c1[0]! - c0[0]!) / gap, (c1[1]! - c0[1]!) / gap];
    for (const points of [blob0!, blob1!]) {
      const along = points.map((p) => p[0]! * direction[0]! + p[1]! * direction[1]!);
      expect(gap).toBeGreaterThan(4 * std(along));
    }
  });

  it('sine: every target equals the clean sine of its input, exactly at float32 precision', () => {
    const { x, y } = allSamples(clean('sine'));
    x.forEach(([input], i) => expect(y[i]).toBe(Math.fround(sineTarget(input!))));
  });

  it('sine: the clean curve spans one full period across the input range', () => {
    expect(sineTarget(-DATA_EXTENT)).toBeCloseTo(0, 12);
    expect(sineTarget(0)).toBe(0);
    expect(sineTarget(DATA_EXTENT / 2)).toBeCloseTo(1, 12);
    expect(sineTarget(-DATA_EXTENT / 2)).toBeCloseTo(-1, 12);
    expect(sineTarget(DATA_EXTENT)).toBeCloseTo(0, 12);
  });

  it('plane: every target equals the clean linear function of its inputs', () => {
    const { x, y } = allSamples(clean('plane'));
    x.forEach(([x1, x2], i) => expect(y[i]).toBe(Math.fround(planeTarget(x1!, x2!))));
    // planeTarget is linear: f(0) = 0 and f(a + b) = f(a) + f(b).
    expect(planeTarget(0, 0)).toBe(0);
    expect(planeTarget(0.3 + 0.5, -0.2 + 0.7)).toBeCloseTo(
      planeTarget(0.3, -0.2) + planeTarget(0.5, 0.7),
      12,
    );
  });
});

describe('generateDataset: noise', () => {
  const NOISE = 0.3;
  const noisyAndClean = (kind: DatasetKind) =>
    [NOISE, 0].map((noise) => generateDataset(config(kind, { samples: 5000, noise }))) as [
      Dataset,
      Dataset,
    ];

  it('jitters each classification point by Gaussian noise of std = noise, keeping its label', () => {
    // 10,000 coordinates: the standard error of the std is 0.7%; tolerance 4%.
    for (const kind of CLASSIFICATION_KINDS) {
      const [noisy, clean] = noisyAndClean(kind);
      expect(noisy.trainY).toEqual(clean.trainY);
      expect(noisy.testY).toEqual(clean.testY);
      const jitter = [
        ...differences(noisy.trainX, clean.trainX),
        ...differences(noisy.testX, clean.testX),
      ];
      expect(Math.abs(mean(jitter))).toBeLessThan(0.04 * NOISE);
      expect(Math.abs(std(jitter) / NOISE - 1)).toBeLessThan(0.04);
    }
  });

  it('adds Gaussian noise of std = noise to regression targets, keeping the inputs', () => {
    // 5,000 targets: the standard error of the std is 1%; tolerance 5%.
    for (const kind of REGRESSION_KINDS) {
      const [noisy, clean] = noisyAndClean(kind);
      expect(noisy.trainX).toEqual(clean.trainX);
      expect(noisy.testX).toEqual(clean.testX);
      const { x, y } = allSamples(noisy);
      const cleanY = x.map(([x1, x2]) =>
        kind === 'sine' ? sineTarget(x1!) : planeTarget(x1!, x2!),
      );
      const residuals = y.map((value, i) => value - cleanY[i]!);
      expect(Math.abs(mean(residuals))).toBeLessThan(0.05 * NOISE);
      expect(Math.abs(std(residuals) / NOISE - 1)).toBeLessThan(0.05);
    }
  });

  it('changes nothing but the jitter when the noise level changes: the split stays the same', () => {
    for (const kind of DATASET_KINDS) {
      const [a, b] = [0.1, 0.2].map((noise) => generateDataset(config(kind, { noise })));
      const jitterA = differences(a!.trainX, generateDataset(config(kind, { noise: 0 })).trainX);
      const jitterB = differences(b!.trainX, generateDataset(config(kind, { noise: 0 })).trainX);
      if (taskOf(kind) === 'classification') {
        // Doubling the noise doubles every sample's own jitter.
        jitterA.forEach((value, i) => expect(jitterB[i]).toBeCloseTo(2 * value, 5));
      } else {
        expect(a!.trainX).toEqual(b!.trainX);
      }
    }
  });
});
