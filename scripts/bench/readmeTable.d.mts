/** Figures for one network on one backend, as bench/results.json holds them (null = not measured). */
export interface BenchNetworkFigures {
  network?: string;
  bareStepsPerSec?: number | null;
  engineStepsPerSec?: number | null;
  appStepsPerSec?: number | null;
  engineOverBare?: number | null;
  appOverEngine?: number | null;
  appOverBare?: number | null;
  frameP50Ms?: number | null;
  frameP95Ms?: number | null;
  frameP99Ms?: number | null;
  appNote?: string;
  /** Kernels (and WebGL programs; null elsewhere) per training step, bare loop and engine. */
  stepWork?: {
    bareKernels?: number | null;
    engineKernels?: number | null;
    barePrograms?: number | null;
    enginePrograms?: number | null;
  };
  [key: string]: unknown;
}

/** A backend's reference network, its device, and its other networks by id. */
export interface BenchBackendFigures extends BenchNetworkFigures {
  device?: { name?: string; floatBits?: number; renderer?: string | null };
  otherNetworks?: Record<string, BenchNetworkFigures>;
}

/** bench/results.json; unknown keys are allowed and ignored. Backends sit under their names. */
export interface BenchResults {
  date?: string;
  chromium?: string;
  backends?: string[];
  [key: string]: unknown;
}

export declare const BENCH_START: '<!-- bench:start -->';
export declare const BENCH_END: '<!-- bench:end -->';
export declare const TARGETS: {
  readonly engineOverBare: number;
  readonly appOverEngine: number;
  readonly frameP95Ms: number;
  readonly heapRatio: number;
  readonly initialBundleGzipKB: number;
  readonly firstStepMs: number;
};
export declare function performanceMarkdown(results: BenchResults): string;
export declare function replaceReadmeSection(readmeText: string, markdown: string): string;
