/**
 * The saturation-shares kernel (engine/distributions.ts) on WebGL: every layer's share in the
 * programs of the fused norm kernel's reduction (webglSumsOfSquares.ts: one program per group of
 * inputs stored alike, each output value looping over one whole input, sampled packed or not),
 * where plain ops cost about twenty programs per step: a reshape of each packed z, a
 * concatenation, abs, compare, cast, the counting program, slices and a division.
 */
import { registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs-core';
import type { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { SATURATION_SHARES_KERNEL, type SaturationRule } from '../engine/distributions';
import { orderedInputs } from '../engine/optionalKernel';
import * as tf from '../engine/tf';
import { reduceInputsWebgl, type GroupInput, type InputReduction } from './webglSumsOfSquares';

/** A float literal GLSL accepts (it needs a decimal point or an exponent). */
function glslFloat(value: number): string {
  const text = String(Math.fround(value));
  return /[.e]/.test(text) ? text : `${text}.0`;
}

/** [rows, cols] of an input: a rank-1 input is one row. */
function matrixShape(input: GroupInput): [number, number] {
  return input.shape.length === 1 ? [1, input.shape[0]!] : [input.shape[0]!, input.shape[1]!];
}

/** The share of elements with |u| > threshold. */
function magnitudeShare(threshold: number): InputReduction {
  const t = glslFloat(threshold);
  return (input, packed) => {
    const get = `get${input.name}`;
    const [rows, cols] = matrixShape(input);
    const size = `${glslFloat(rows * cols)}`;
    if (!packed) {
      const sample = input.shape.length === 1 ? `${get}(c)` : `${get}(r, c)`;
      return `for (int r = 0; r < ${rows}; r++) {
        for (int c = 0; c < ${cols}; c++) { if (abs(${sample}) > ${t}) total += 1.0; }
      }
      total = total / ${size};`;
    }
    // A packed texel holds (r, c), (r, c+1), (r+1, c), (r+1, c+1); entries past the edge are
    // skipped.
    const sample = input.shape.length === 1 ? `${get}(c)` : `${get}(r, c)`;
    return `for (int r = 0; r < ${rows}; r += 2) {
        bool hasRow2 = r + 1 < ${rows};
        for (int c = 0; c < ${cols}; c += 2) {
          vec4 v = abs(${sample});
          bool hasCol2 = c + 1 < ${cols};
          if (v.x > ${t}) total += 1.0;
          if (hasCol2 && v.y > ${t}) total += 1.0;
          if (hasRow2 && v.z > ${t}) total += 1.0;
          if (hasRow2 && hasCol2 && v.w > ${t}) total += 1.0;
        }
      }
      total = total / ${size};`;
  };
}

/** The share of columns (units) whose every entry is <= 0 (dead ReLU units). */
const deadShare: InputReduction = (input, packed) => {
  const get = `get${input.name}`;
  const [rows, cols] = matrixShape(input);
  const sample = input.shape.length === 1 ? `${get}(c)` : `${get}(r, c)`;
  if (!packed) {
    return `for (int c = 0; c < ${cols}; c++) {
        bool alive = false;
        for (int r = 0; r < ${rows}; r++) { if (!(${sample} <= 0.0)) alive = true; }
        if (!alive) total += 1.0;
      }
      total = total / ${glslFloat(cols)};`;
  }
  return `for (int c = 0; c < ${cols}; c += 2) {
        bool hasCol2 = c + 1 < ${cols};
        bool alive1 = false;
        bool alive2 = false;
        for (int r = 0; r < ${rows}; r += 2) {
          bool hasRow2 = r + 1 < ${rows};
          vec4 v = ${sample};
          if (!(v.x <= 0.0)) alive1 = true;
          if (hasRow2 && !(v.z <= 0.0)) alive1 = true;
          if (hasCol2 && !(v.y <= 0.0)) alive2 = true;
          if (hasCol2 && hasRow2 && !(v.w <= 0.0)) alive2 = true;
        }
        if (!alive1) total += 1.0;
        if (hasCol2 && !alive2) total += 1.0;
      }
      total = total / ${glslFloat(cols)};`;
};

function saturationSharesWebgl(args: {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
  attrs?: Record<string, unknown>;
}): TensorInfo {
  const tensors = orderedInputs(args.inputs, SATURATION_SHARES_KERNEL);
  const rule = args.attrs?.rule as SaturationRule;
  const reduce = rule === 'dead' ? deadShare : magnitudeShare(args.attrs?.threshold as number);
  const singletons = tensors.map((_, i) => [i]);
  return reduceInputsWebgl(args.backend as MathBackendWebGL, tensors, singletons, false, reduce);
}

const kernelConfig: KernelConfig = {
  kernelName: SATURATION_SHARES_KERNEL,
  backendName: 'webgl',
  kernelFunc: saturationSharesWebgl as unknown as KernelConfig['kernelFunc'],
};

/** Registers the kernel once (tfjs warns about registering a name twice). */
export function registerWebglSaturationShares(): void {
  if (tf.getKernel(SATURATION_SHARES_KERNEL, 'webgl') === undefined) registerKernel(kernelConfig);
}
