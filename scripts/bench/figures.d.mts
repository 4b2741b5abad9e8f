import type { BenchComparePage } from './readmeTable.mjs';

/** One app measurement (appRun.mjs measureAppOnce): steps/s and the frame deltas seen. */
export interface AppSample {
  stepsPerSec: number;
  frameDeltasMs: number[];
  [key: string]: unknown;
}

/** What bench.mjs passes per network on a backend; see networkFigures in figures.mjs. */
export declare function networkFigures(
  network: { label: string; hash: string },
  stepsPerMeasurement: number,
  samples: {
    bare: Record<string, unknown>[];
    engine: Record<string, Record<string, unknown>[]>;
    app: AppSample[];
  },
  appNote?: string,
): Record<string, unknown>;

export declare function compareFigures(
  network: { label: string; hash: string },
  pages: {
    runs: number;
    variants: string;
    samples: AppSample[];
    tensors: { step: number; count: number }[];
  }[],
): {
  network: string;
  hash: string;
  repetitions: number;
  pages: (BenchComparePage & { samples: number[] })[];
  [ratio: `total${number}Over1`]: number | null;
};
