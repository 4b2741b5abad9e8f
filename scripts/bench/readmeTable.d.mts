/** Figures for one network on one backend, as bench/results.json holds them (null = not measured). */
export interface BenchNetworkFigures {
  network?: string;
  bareStepsPerSec?: number | null;
  engineStepsPerSec?: number | null;
  appStepsPerSec?: number | null;
  engineOverBare?: number | null;
  appOverEngine?: number | null;
  appOverBare?: number | null;
  /** The engine with the distributions on (the panel open), over the bare loop. */
  distributionsOverBare?: number | null;
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

/** One compare page: the reference network as `runs` runs in lockstep. */
export interface BenchComparePage {
  runs: number;
  /** The variants added to the base link (`&b.clip=globalNorm:1`), '' for A alone. */
  variants?: string;
  lockstepStepsPerSec?: number | null;
  /** lockstep steps/s x runs. */
  totalStepsPerSec?: number | null;
  /** totalStepsPerSec over the 1-run page's. */
  totalOverSingle?: number | null;
  frameP50Ms?: number | null;
  frameP95Ms?: number | null;
  /** Live tensors in the worker, read while paused at lockstep `step`. */
  tensors?: { step: number; count: number }[];
  /** Every reading equal; null with fewer than two. */
  tensorsFlat?: boolean | null;
  [key: string]: unknown;
}

/** A backend's compare pages, or a note saying why they were not measured. */
export interface BenchCompareFigures {
  network?: string;
  pages?: BenchComparePage[];
  note?: string;
  [key: string]: unknown;
}

/** bench/results.json; unknown keys are allowed and ignored. Backends sit under their names. */
export interface BenchResults {
  date?: string;
  chromium?: string;
  backends?: string[];
  /** Comparing runs, by backend. */
  compare?: Record<string, BenchCompareFigures>;
  [key: string]: unknown;
}

export declare const BENCH_START: '<!-- bench:start -->';
export declare const BENCH_END: '<!-- bench:end -->';
export declare const TARGETS: {
  readonly engineOverBare: number;
  readonly appOverEngine: number;
  readonly frameP95Ms: number;
  readonly compareTotalOverSingle: number;
  readonly heapRatio: number;
  readonly heapSteps: number;
  readonly initialBundleGzipKB: number;
  readonly firstStepMs: number;
};
export declare function performanceMarkdown(results: BenchResults): string;
export declare function replaceReadmeSection(readmeText: string, markdown: string): string;
