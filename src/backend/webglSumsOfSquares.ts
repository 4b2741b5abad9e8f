/**
 * The WebGL kernel behind engine/sumsOfSquares.ts: the sums of squares of many tensors in one
 * or a few shader programs instead of 3-5 programs per tensor.
 *
 * A WebGL program samples either packed textures (2x2 values per texel) or unpacked ones, and
 * tfjs converts every input that does not match, one program per tensor. Gradients of kernels
 * come out of packed matMuls while bias gradients come out of unpacked reductions, so the
 * inputs are grouped by how they are stored: one program per group of at most
 * WEBGL_MAX_TEXTURES_IN_SHADER inputs, in which each output value loops over one whole tensor.
 * A last small program adds the sums of each segment (e.g. a layer's kernel and bias) and puts
 * them in the order asked for; it is skipped when one group already gives that.
 */
import { registerKernel, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs-core';
import type { GPGPUProgram, MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import {
  readSumsOfSquaresCall,
  SUMS_OF_SQUARES_KERNEL,
  type SumsOfSquaresKernelArgs,
} from '../engine/sumsOfSquares';
import * as tf from '../engine/tf';

/** One input of a group program: its sampler name and logical shape. */
export interface GroupInput {
  name: string;
  shape: number[];
}

/**
 * GLSL that adds one input's contribution to `total` (declared 0.0 before it, returned after
 * it), sampling the input packed or not: what a group program reduces each input to.
 */
export type InputReduction = (input: GroupInput, packed: boolean) => string;

/** GLSL that returns the sum of squares of one input, sampled as tfjs generates it. */
function sumSquaresBody(input: GroupInput, packed: boolean): string {
  const get = `get${input.name}`;
  const [rows, cols] = input.shape.length === 1 ? [1, input.shape[0]!] : input.shape;
  if (!packed) {
    if (input.shape.length === 1) {
      return `for (int i = 0; i < ${cols}; i++) { float v = ${get}(i); total += v * v; }`;
    }
    return `for (int r = 0; r < ${rows}; r++) {
        for (int c = 0; c < ${cols}; c++) { float v = ${get}(r, c); total += v * v; }
      }`;
  }
  // A packed texel holds (r, c), (r, c+1), (r+1, c), (r+1, c+1); entries past the tensor's edge
  // hold whatever the producing program wrote, so they are skipped, never multiplied by zero
  // (0 * NaN would be NaN).
  const sample = input.shape.length === 1 ? `${get}(c)` : `${get}(r, c)`;
  return `for (int r = 0; r < ${rows}; r += 2) {
      bool hasRow2 = r + 1 < ${rows};
      for (int c = 0; c < ${cols}; c += 2) {
        vec4 v = ${sample};
        bool hasCol2 = c + 1 < ${cols};
        total += v.x * v.x;
        if (hasCol2) total += v.y * v.y;
        if (hasRow2) total += v.z * v.z;
        if (hasRow2 && hasCol2) total += v.w * v.w;
      }
    }`;
}

// Generated GLSL stays flat, independent `if` statements and one addition per statement: a
// chain of `else if`s or one long sum nests as deep as a network has layers, and ANGLE refuses
// such shaders ("Expression too complex") for deep networks.

/** main() of a program with a 1-D output: `cases` set `result` for output index `i`. */
function mainByOutputIndex(cases: string[], root: boolean): string {
  return `
    void main() {
      int i = getOutputCoords();
      float result = 0.0;
      ${cases.join('\n      ')}
      setOutput(${root ? 'sqrt(result)' : 'result'});
    }`;
}

/** Output [k]: entry i is the sum of squares of input i. */
class GroupSumsOfSquaresProgram implements GPGPUProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  packedInputs: boolean;
  // Loop bounds are baked into the shader; a network's tensors keep their shapes for a run.
  enableShapeUniforms = false;

  constructor(shapes: number[][], packed: boolean, root: boolean, reduce: InputReduction) {
    const inputs = shapes.map((shape, i) => ({ name: `T${i}`, shape }));
    this.variableNames = inputs.map((input) => input.name);
    this.outputShape = [shapes.length];
    this.packedInputs = packed;
    const functions = inputs
      .map(
        (input, i) => `float sumSquares${i}() {
      float total = 0.0;
      ${reduce(input, packed)}
      return total;
    }`,
      )
      .join('\n');
    const dispatch = inputs.map((_, i) => `if (i == ${i}) result = sumSquares${i}();`);
    this.userCode = `
    ${functions}
    ${mainByOutputIndex(dispatch, root)}`;
  }
}

/** Where one input's sum of squares sits: entry `index` of part `part`. */
interface Position {
  part: number;
  index: number;
}

/**
 * Output [k]: entry j is the sum of the entries at `sums[j]` (an empty list gives 0), or its
 * square root when `root`.
 */
class SumEntriesProgram implements GPGPUProgram {
  variableNames: string[];
  outputShape: number[];
  userCode: string;
  enableShapeUniforms = false;

  constructor(partCount: number, sums: Position[][], root: boolean) {
    this.variableNames = Array.from({ length: partCount }, (_, p) => `P${p}`);
    this.outputShape = [sums.length];
    const cases = sums.map((entries, j) => {
      const terms = entries.map(({ part, index }) => `result += getP${part}(${index});`);
      return `if (i == ${j}) {\n        ${terms.join('\n        ')}\n      }`;
    });
    this.userCode = mainByOutputIndex(cases, root);
  }
}

interface Group {
  packed: boolean;
  /** Input positions, ascending. */
  members: number[];
}

/** Splits inputs by storage, in order, into groups of at most `maxPerGroup`. */
function groupInputs(packedFlags: boolean[], maxPerGroup: number): Group[] {
  const groups: Group[] = [];
  for (const packed of [false, true]) {
    const members = packedFlags.flatMap((p, i) => (p === packed ? [i] : []));
    for (let start = 0; start < members.length; start += maxPerGroup) {
      groups.push({ packed, members: members.slice(start, start + maxPerGroup) });
    }
  }
  return groups;
}

function sumsOfSquaresWebgl(args: SumsOfSquaresKernelArgs<TensorInfo>): TensorInfo {
  const { inputs: tensors, segments, root } = readSumsOfSquaresCall(args);
  return reduceInputsWebgl(
    args.backend as MathBackendWebGL,
    tensors,
    segments,
    root,
    sumSquaresBody,
  );
}

/**
 * Output [segments.length]: entry j the sum over the inputs in segments[j] of what `reduce`
 * makes of each (or its square root, with `root`), in one program per group of inputs stored
 * alike plus at most a few that gather the segments.
 */
export function reduceInputsWebgl(
  webgl: MathBackendWebGL,
  tensors: TensorInfo[],
  segments: number[][],
  root: boolean,
  reduce: InputReduction,
): TensorInfo {
  // A tensor not yet on the GPU is uploaded unpacked by an unpacked program.
  const packedFlags = tensors.map((t) => webgl.texData.get(t.dataId)?.isPacked === true);
  const maxTextures = tf.env().getNumber('WEBGL_MAX_TEXTURES_IN_SHADER');
  const groups = groupInputs(packedFlags, maxTextures);

  const inOrderSingletons =
    segments.length === tensors.length &&
    segments.every((seg, j) => seg.length === 1 && seg[0] === j);
  // One group that already gives the segments in order is the whole answer.
  const groupIsFinal = groups.length === 1 && inOrderSingletons;
  let parts = groups.map((group) =>
    webgl.runWebGLProgram(
      new GroupSumsOfSquaresProgram(
        group.members.map((i) => tensors[i]!.shape),
        group.packed,
        root && groupIsFinal,
        reduce,
      ),
      group.members.map((i) => tensors[i]!),
      'float32',
    ),
  );
  if (groupIsFinal) return parts[0]!;
  // Input i's sum is entry positions[i].index of parts[positions[i].part].
  const positions = new Array<Position>(tensors.length);
  groups.forEach((group, g) =>
    group.members.forEach((member, index) => (positions[member] = { part: g, index })),
  );
  // More parts than one program can sample (many inputs, or WebGL 1's 8 textures): copy
  // them, maxTextures at a time, into fewer parts first.
  while (parts.length > maxTextures) {
    const merged = parts.slice(0, maxTextures);
    const held: { input: number; position: Position }[] = [];
    positions.forEach((position, input) => {
      if (position.part < maxTextures) held.push({ input, position });
    });
    const copy = webgl.runWebGLProgram(
      new SumEntriesProgram(
        merged.length,
        held.map(({ position }) => [position]),
        false,
      ),
      merged,
      'float32',
    );
    for (const part of merged) webgl.disposeIntermediateTensorInfo(part);
    positions.forEach((position, input) => {
      positions[input] = { part: position.part - maxTextures + 1, index: position.index };
    });
    held.forEach(({ input }, index) => (positions[input] = { part: 0, index }));
    parts = [copy, ...parts.slice(maxTextures)];
  }
  const result = webgl.runWebGLProgram(
    new SumEntriesProgram(
      parts.length,
      segments.map((seg) =>
        seg.map((i) => {
          const position = positions[i];
          if (!position) throw new Error(`${SUMS_OF_SQUARES_KERNEL}: no input ${i}`);
          return position;
        }),
      ),
      root,
    ),
    parts,
    'float32',
  );
  for (const part of parts) webgl.disposeIntermediateTensorInfo(part);
  return result;
}
const kernelConfig: KernelConfig = {
  kernelName: SUMS_OF_SQUARES_KERNEL,
  backendName: 'webgl',
  kernelFunc: sumsOfSquaresWebgl as unknown as KernelConfig['kernelFunc'],
};

/** Registers the kernel once (tfjs warns about registering a name twice). */
export function registerWebglSumsOfSquares(): void {
  if (tf.getKernel(SUMS_OF_SQUARES_KERNEL, 'webgl') === undefined) registerKernel(kernelConfig);
}
