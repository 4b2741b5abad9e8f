/**
 * The WebGL kernel behind engine/segmentCounts.ts: one shader program in which each output
 * value (segment s, value b) loops over segment s alone and counts the elements equal to b, so
 * the work is bins x elements, with no readback and no program per segment. Segment bounds are
 * baked into the shader as flat, independent `if`s (see webglSumsOfSquares.ts for why not a
 * chain of `else if`s); a network's tensors keep their shapes for a run, so the program is
 * compiled once per layout.
 */
import { registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import { SEGMENT_COUNTS_KERNEL } from '../engine/segmentCounts';
import * as tf from '../engine/tf';

class SegmentCountsProgram implements GPGPUProgram {
  variableNames = ['X'];
  outputShape: number[];
  userCode: string;
  packedInputs = false;
  enableShapeUniforms = false;

  constructor(sizes: readonly number[], bins: number) {
    this.outputShape = [sizes.length * bins];
    let start = 0;
    const bounds = sizes.map((size, s) => {
      const line = `if (s == ${s}) { start = ${start}; end = ${start + size}; }`;
      start += size;
      return line;
    });
    this.userCode = `
    void main() {
      int o = getOutputCoords();
      int s = o / ${bins};
      float b = float(o - s * ${bins});
      int start = 0;
      int end = 0;
      ${bounds.join('\n      ')}
      float count = 0.0;
      for (int i = start; i < end; i++) {
        if (getX(i) == b) count += 1.0;
      }
      setOutput(count);
    }`;
  }
}

function segmentCountsWebgl(args: {
  inputs: { x: TensorInfo };
  backend: unknown;
  attrs: { sizes: number[]; bins: number };
}): TensorInfo {
  const webgl = args.backend as MathBackendWebGL;
  const { sizes, bins } = args.attrs;
  return webgl.runWebGLProgram(new SegmentCountsProgram(sizes, bins), [args.inputs.x], 'float32');
}

const kernelConfig: KernelConfig = {
  kernelName: SEGMENT_COUNTS_KERNEL,
  backendName: 'webgl',
  kernelFunc: segmentCountsWebgl as unknown as KernelConfig['kernelFunc'],
};

/** Registers the kernel once (tfjs warns about registering a name twice). */
export function registerWebglSegmentCounts(): void {
  if (tf.getKernel(SEGMENT_COUNTS_KERNEL, 'webgl') === undefined) registerKernel(kernelConfig);
}
