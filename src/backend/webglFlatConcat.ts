/**
 * The flat-concatenation kernel (engine/histograms.ts) on WebGL: every element of many tensors,
 * laid end to end, in one program per group of inputs stored alike. With plain ops each packed
 * tensor (a matMul's output) is first reshaped to 1-D by a program of its own, then unpacked
 * by another for the concatenation, which itself runs in several programs past the texture
 * limit: about a hundred programs for a step's histogram values on the 8 x 32 network.
 */
import { registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { FLAT_CONCAT_KERNEL } from '../engine/histograms';
import { orderedInputs } from '../engine/optionalKernel';
import * as tf from '../engine/tf';

/** [rows, cols] of an input of rank 1 or 2: a rank-1 input is one row. */
function matrixShape(shape: number[]): [number, number] {
  return shape.length === 1 ? [1, shape[0]!] : [shape[0]!, shape[1]!];
}

/** Output [sum of sizes]: the inputs' elements in row-major order, one input after another. */
class FlatConcatProgram implements GPGPUProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs: boolean;
  enableShapeUniforms = false;

  constructor(shapes: number[][], packed: boolean) {
    this.variableNames = shapes.map((_, i) => `T${i}`);
    this.packedInputs = packed;
    let start = 0;
    // Flat, independent `if`s (see webglSumsOfSquares.ts: ANGLE refuses deep `else if` chains).
    const cases = shapes.map((shape, i) => {
      const [, cols] = matrixShape(shape);
      const size = shape.reduce((a, b) => a * b, 1);
      const get = `getT${i}`;
      const sample = shape.length === 1 ? `${get}(c)` : `${get}(r, c)`;
      // A packed texel holds (r, c), (r, c+1), (r+1, c), (r+1, c+1) of the block r, c is in.
      const value = packed
        ? `vec4 v = ${sample};
          int corner = 2 * (r - 2 * (r / 2)) + (c - 2 * (c / 2));
          result = corner == 0 ? v.x : corner == 1 ? v.y : corner == 2 ? v.z : v.w;`
        : `result = ${sample};`;
      const line = `if (o >= ${start} && o < ${start + size}) {
          int k = o - ${start};
          int r = k / ${cols};
          int c = k - r * ${cols};
          ${value}
        }`;
      start += size;
      return line;
    });
    this.outputShape = [start];
    this.userCode = `
    void main() {
      int o = getOutputCoords();
      float result = 0.0;
      ${cases.join('\n      ')}
      setOutput(result);
    }`;
  }
}

function flatConcatWebgl(args: {
  inputs: Record<string, TensorInfo>;
  backend: unknown;
}): TensorInfo {
  const webgl = args.backend as MathBackendWebGL;
  const tensors = orderedInputs(args.inputs, FLAT_CONCAT_KERNEL);
  const maxTextures = tf.env().getNumber('WEBGL_MAX_TEXTURES_IN_SHADER');
  // Runs of consecutive inputs stored alike, at most maxTextures each: order is kept.
  const runs: { packed: boolean; members: TensorInfo[] }[] = [];
  for (const t of tensors) {
    const packed = webgl.texData.get(t.dataId)?.isPacked === true;
    const last = runs.at(-1);
    if (last && last.packed === packed && last.members.length < maxTextures) last.members.push(t);
    else runs.push({ packed, members: [t] });
  }
  let parts = runs.map(({ packed, members }) =>
    webgl.runWebGLProgram(
      new FlatConcatProgram(
        members.map((t) => t.shape),
        packed,
      ),
      members,
      'float32',
    ),
  );
  // The parts are unpacked 1-D: the same program lays them end to end, maxTextures at a time.
  while (parts.length > 1) {
    const merged: TensorInfo[] = [];
    for (let i = 0; i < parts.length; i += maxTextures) {
      const some = parts.slice(i, i + maxTextures);
      if (some.length === 1) {
        merged.push(some[0]!);
        continue;
      }
      merged.push(
        webgl.runWebGLProgram(
          new FlatConcatProgram(
            some.map((t) => t.shape),
            false,
          ),
          some,
          'float32',
        ),
      );
      for (const part of some) webgl.disposeIntermediateTensorInfo(part);
    }
    parts = merged;
  }
  return parts[0]!;
}

const kernelConfig: KernelConfig = {
  kernelName: FLAT_CONCAT_KERNEL,
  backendName: 'webgl',
  kernelFunc: flatConcatWebgl as unknown as KernelConfig['kernelFunc'],
};

/** Registers the kernel once (tfjs warns about registering a name twice). */
export function registerWebglFlatConcat(): void {
  if (tf.getKernel(FLAT_CONCAT_KERNEL, 'webgl') === undefined) registerKernel(kernelConfig);
}
