import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerHostSumsOfSquares } from '../../../src/backend/hostSumsOfSquares';
import { segmentNorms } from '../../../src/engine/norms';
import { SUMS_OF_SQUARES_KERNEL, sumsOfSquares } from '../../../src/engine/sumsOfSquares';
import * as tf from '../../../src/engine/tf';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

// Hand-checkable: sum of squares 25, 144 and 4.
const A = [3, 4];
const B = [[0, 0, 12]];
const C = [2];

function run(
  values: (number[] | number[][])[],
  options: Parameters<typeof sumsOfSquares>[1] = {},
): number[] {
  return tf.tidy(() =>
    Array.from(
      sumsOfSquares(
        values.map((v) => tf.tensor(v)),
        options,
      ).dataSync(),
    ),
  );
}

/**
 * The same cases through the kernel the cpu and wasm backends register (hostSumsOfSquares.ts)
 * and through plain tfjs ops, the path of any backend without the kernel.
 */
describe.each([
  ['the host kernel', true],
  ['plain ops', false],
])('sumsOfSquares through %s', (_, withKernel) => {
  beforeAll(() => {
    if (!withKernel) tf.unregisterKernel(SUMS_OF_SQUARES_KERNEL, 'cpu');
  });
  afterAll(() => registerHostSumsOfSquares('cpu'));

  it('uses the path it is meant to test', () => {
    const registered = tf.getKernel(SUMS_OF_SQUARES_KERNEL, 'cpu') !== undefined;
    expect(registered).toBe(withKernel);
  });

  it('gives one sum per tensor without segments', () => {
    expect(run([A, B, C])).toEqual([25, 144, 4]);
  });

  it('sums segments, which may overlap, repeat a tensor or be empty', () => {
    expect(run([A, B, C], { segments: [[0, 1], [2], [0, 1, 2], [], [1, 1]] })).toEqual([
      169, 4, 173, 0, 288,
    ]);
  });

  it('takes square roots with root: the L2 norm of each segment', () => {
    expect(run([A, B, C], { segments: [[0], [0, 1]], root: true })).toEqual([5, 13]);
  });

  it('keeps a NaN in the segments that hold its tensor', () => {
    const out = run([A, [NaN, 1], C], { segments: [[0], [1, 2], [2], [0, 2]] });
    expect(out[0]).toBe(25);
    expect(out[1]).toBeNaN();
    expect(out[2]).toBe(4);
    expect(out[3]).toBe(29);
  });

  it('refuses an index that names no tensor', () => {
    expect(() => run([A], { segments: [[1]] })).toThrow(/segment index 1/);
  });

  it('leaves no tensor behind', () => {
    const before = tf.memory().numTensors;
    const inputs = [tf.tensor(A), tf.tensor(B)];
    sumsOfSquares(inputs, { segments: [[0, 1]], root: true }).dispose();
    tf.dispose(inputs);
    expect(tf.memory().numTensors).toBe(before);
  });
});

describe('segmentNorms', () => {
  it.each(['plain', 'scaled'] as const)('%s: the norm of a union of tensors', (mode) => {
    const out = tf.tidy(() =>
      Array.from(segmentNorms([tf.tensor(A), tf.tensor(B)], [[0], [1], [0, 1]], mode).dataSync()),
    );
    out.forEach((n, i) => expect(n).toBeCloseTo([5, 12, 13][i]!, 5));
  });

  it('scaled survives values whose squares overflow float32, where plain cannot', () => {
    const of = (mode: 'plain' | 'scaled') =>
      tf.tidy(
        () => segmentNorms([tf.tensor([3e20]), tf.tensor([4e20])], [[0, 1]], mode).dataSync()[0],
      );
    expect(of('scaled')! / 5e20).toBeCloseTo(1, 5);
    expect(of('plain')).toBe(Infinity);
  });
});
