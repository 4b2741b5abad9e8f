/**
 * What one training step asks of the backend: tfjs kernels by name (tf.profile) and, on WebGL,
 * the shader programs actually run. On software WebGL every program run is a dispatch of fixed
 * cost, so programs per step explain most of the gap between the engine and the bare loop.
 */
import * as tf from '../engine/tf';

export interface StepProfile {
  /** Steps profiled (the figures below are per step). */
  steps: number;
  kernelsPerStep: number;
  /**
   * WebGL programs run per step, counted in a separate run without tf.profile (whose own
   * readbacks add programs); null on other backends. A kernel can run several programs
   * (multi-pass reductions, packing conversions, uploads of scalars) or none (reshape).
   */
  programsPerStep: number | null;
  /** Program class -> runs per step (class names are minified in a production build). */
  programsByClass: Record<string, number>;
  /** Kernel name -> calls per step, most frequent first. */
  kernelsByName: Record<string, number>;
}

interface WebglInternals {
  runWebGLProgram: (program: object, ...rest: unknown[]) => unknown;
}

function perStep(counts: Map<string, number>, steps: number): Record<string, number> {
  return Object.fromEntries(
    [...counts].sort((a, b) => b[1] - a[1]).map(([name, n]) => [name, n / steps]),
  );
}

/** Runs `run(steps)` and counts the WebGL programs it runs, by class. */
async function countPrograms(
  steps: number,
  run: (steps: number) => Promise<unknown>,
): Promise<Map<string, number> | null> {
  const backend = tf.backend() as unknown as Partial<WebglInternals>;
  const original = backend.runWebGLProgram;
  if (!original) return null;
  const counts = new Map<string, number>();
  backend.runWebGLProgram = function (this: WebglInternals, program, ...rest) {
    const name = program.constructor.name;
    counts.set(name, (counts.get(name) ?? 0) + 1);
    return original.call(this, program, ...rest);
  };
  try {
    await run(steps);
  } finally {
    backend.runWebGLProgram = original;
  }
  return counts;
}

/** Profiles `steps` steps run by `run` (which may read back once at its end), twice. */
export async function profileSteps(
  steps: number,
  run: (steps: number) => Promise<unknown>,
): Promise<StepProfile> {
  const programs = await countPrograms(steps, run);
  const info = await tf.profile(() => run(steps) as Promise<tf.TensorContainer>);
  const kernels = new Map<string, number>();
  for (const k of info.kernels) kernels.set(k.name, (kernels.get(k.name) ?? 0) + 1);
  let programCount = 0;
  for (const n of programs?.values() ?? []) programCount += n;
  return {
    steps,
    kernelsPerStep: info.kernels.length / steps,
    programsPerStep: programs ? programCount / steps : null,
    programsByClass: programs ? perStep(programs, steps) : {},
    kernelsByName: perStep(kernels, steps),
  };
}
