import * as tf from '../../../src/engine/tf';
import { describe, expect, it } from 'vitest';
import type { ClipConfig } from '../../../src/config/schema';
import { clipGradients } from '../../../src/engine/clipGradients';
import { directionCosine } from '../../../src/engine/measureStep';
import { segmentNorms, type NormMode } from '../../../src/engine/norms';
import { setupCpuBackend } from '../../support/tfCpu';

setupCpuBackend();

// Two gradient tensors with hand-checkable norms: ||[3, 4]|| = 5, ||[0, 0, 12]|| = 12, and the
// global norm sqrt(25 + 144) = 13.
const G1 = [3, 4];
const G2 = [0, 0, 12];

/** The norm of each tensor on its own. */
const tensorNorms = (tensors: tf.Tensor[], mode: NormMode) =>
  segmentNorms(
    tensors,
    tensors.map((_, i) => [i]),
    mode,
  );

function clip(values: number[][], config: ClipConfig, mode: NormMode = 'plain') {
  return tf.tidy(() => {
    const grads = values.map((v) => tf.tensor1d(v));
    const norms = tensorNorms(grads, mode);
    const everything = grads.map((_, i) => i);
    const global = tf.reshape(segmentNorms(grads, [everything], mode), []) as tf.Scalar;
    const out = clipGradients(grads, norms, global, config);
    return {
      grads: out.grads.map((g) => Array.from(g.dataSync())),
      // Norms of what clipping returns.
      norms: Array.from(tensorNorms(out.grads, mode).dataSync()),
      changed: out.changed.dataSync()[0] as number,
      global: global.dataSync()[0] as number,
    };
  });
}

describe('clipGradients', () => {
  it('measures the global norm as sqrt of the summed squared tensor norms', () => {
    expect(clip([G1, G2], { mode: 'none' }).global).toBeCloseTo(13, 5);
  });

  it('none leaves every gradient untouched and reports no clipping', () => {
    const r = clip([G1, G2], { mode: 'none' });
    expect(r.grads).toEqual([G1, G2]);
    expect(r.changed).toBe(0);
  });

  it('by value clamps every element to [-c, c]', () => {
    const r = clip([[3, -4], G2], { mode: 'value', threshold: 3.5 });
    expect(r.grads).toEqual([
      [3, -3.5],
      [0, 0, 3.5],
    ]);
    expect(r.norms[0]).toBeCloseTo(Math.hypot(3, 3.5), 5);
    expect(r.norms[1]).toBeCloseTo(3.5, 5);
    expect(r.changed).toBe(1);
  });

  it('by value with c above every element changes nothing', () => {
    const r = clip([G1, G2], { mode: 'value', threshold: 100 });
    expect(r.grads).toEqual([G1, G2]);
    expect(r.changed).toBe(0);
  });

  it('per-tensor norm scales only tensors whose norm exceeds c, by c/||g||', () => {
    const r = clip([G1, G2], { mode: 'tensorNorm', threshold: 6 });
    expect(r.grads[0]).toEqual(G1);
    expect(r.grads[1]![2]).toBeCloseTo(6, 5);
    expect(r.norms[0]).toBeCloseTo(5, 5);
    expect(r.norms[1]).toBeCloseTo(6, 5);
    expect(r.changed).toBe(1);
  });

  it('per-tensor norm with c above every norm changes nothing', () => {
    const r = clip([G1, G2], { mode: 'tensorNorm', threshold: 20 });
    expect(r.grads).toEqual([G1, G2]);
    expect(r.changed).toBe(0);
  });

  it('global-norm clipping scales every gradient by c/(G+1e-6)', () => {
    const c = 6.5;
    const scale = c / (13 + 1e-6);
    const r = clip([G1, G2], { mode: 'globalNorm', threshold: c });
    r.grads.flat().forEach((v, i) => expect(v).toBeCloseTo([...G1, ...G2][i]! * scale, 5));
    expect(Math.hypot(...r.norms)).toBeCloseTo(c, 4);
    expect(r.changed).toBe(1);
  });

  it('global-norm clipping with c above G changes nothing', () => {
    const r = clip([G1, G2], { mode: 'globalNorm', threshold: 20 });
    expect(r.grads).toEqual([G1, G2]);
    expect(r.changed).toBe(0);
  });

  it.each(['value', 'tensorNorm', 'globalNorm'] as const)(
    '%s clipping keeps zero gradients at zero without NaN',
    (mode) => {
      const r = clip(
        [
          [0, 0],
          [0, 0, 0],
        ],
        { mode, threshold: 1 },
      );
      expect(r.grads.flat().every((v) => v === 0)).toBe(true);
      expect(r.changed).toBe(0);
    },
  );

  it('a non-finite global norm makes the clipped gradients non-finite instead of silently finite', () => {
    const r = clip([[Infinity, 1], G2], { mode: 'globalNorm', threshold: 1 });
    expect(Number.isFinite(r.global)).toBe(false);
    expect(r.grads.flat().some((v) => !Number.isFinite(v))).toBe(true);
  });

  it('scaled norms equal plain norms and survive values whose squares overflow float32', () => {
    const plain = clip([G1, G2], { mode: 'tensorNorm', threshold: 6 }, 'plain');
    const scaled = clip([G1, G2], { mode: 'tensorNorm', threshold: 6 }, 'scaled');
    scaled.norms.forEach((n, i) => expect(n).toBeCloseTo(plain.norms[i]!, 4));
    const huge = clip([[3e20, 4e20]], { mode: 'none' }, 'scaled');
    expect(huge.global! / 5e20).toBeCloseTo(1, 5);
    expect(clip([[3e20, 4e20]], { mode: 'none' }, 'plain').global).toBe(Infinity);
  });
});

/** The engine's cosine between the raw and the clipped gradients of `values` under `config`. */
function cosineOf(values: number[][], config: ClipConfig): number {
  return tf.tidy(() => {
    const grads = values.map((v) => tf.tensor1d(v));
    const norms = tensorNorms(grads, 'plain');
    const everything = grads.map((_, i) => i);
    const global = tf.reshape(segmentNorms(grads, [everything], 'plain'), []) as tf.Scalar;
    const out = clipGradients(grads, norms, global, config);
    const clippedGlobal = segmentNorms(out.grads, [everything], 'plain');
    return directionCosine(grads, out.grads, global, clippedGlobal).dataSync()[0] as number;
  });
}

describe('the cosine between the raw and the clipped gradient', () => {
  it('is 1 for global-norm clipping (every tensor scaled alike)', () => {
    expect(cosineOf([G1, G2], { mode: 'globalNorm', threshold: 6.5 })).toBeCloseTo(1, 6);
  });

  it('per-tensor norm at c = 6: [3,4],[0,0,12] -> [3,4],[0,0,6], cosine 97 / (13 sqrt 61)', () => {
    // <g, c> = 9 + 16 + 12 * 6 = 97; ||g|| = 13; ||c|| = sqrt(25 + 36)
    expect(cosineOf([G1, G2], { mode: 'tensorNorm', threshold: 6 })).toBeCloseTo(
      97 / (13 * Math.sqrt(61)),
      6,
    );
  });

  it('by value at c = 3.5: [3,-4],[0,0,12] -> [3,-3.5],[0,0,3.5], cosine 65 / (13 sqrt 33.5)', () => {
    // <g, c> = 9 + 14 + 42 = 65; ||g|| = 13; ||c|| = sqrt(9 + 12.25 + 12.25)
    expect(cosineOf([[3, -4], G2], { mode: 'value', threshold: 3.5 })).toBeCloseTo(
      65 / (13 * Math.sqrt(33.5)),
      6,
    );
  });

  it('is 1 for a zero gradient, which clipping cannot turn', () => {
    expect(cosineOf([[0, 0], [0]], { mode: 'value', threshold: 1 })).toBe(1);
  });
});
