/**
 * The cells of a sweep: the base config with the swept settings set to each grid point. Every
 * cell keeps the base's seeds, so cells that share a network shape start from the same unit
 * draws (scaled by their gain) and train on the same batches.
 */
import { defaultClip, type ExperimentConfig } from './schema';
import { axisValues, type SweepKey, type SweepSpec } from './sweepSpec';
import { validateConfig } from './validate';

/** Width of the layers of a depth sweep when the base has no hidden layer. */
const FALLBACK_WIDTH = 32;

/** The base with one swept setting set to `value` (not yet validated). */
function withValue(config: ExperimentConfig, key: SweepKey, value: number): ExperimentConfig {
  switch (key) {
    case 'gain':
      return { ...config, init: { ...config.init, gain: value } };
    case 'binit':
      return { ...config, init: { ...config.init, biasInit: value } };
    case 'lr':
      return { ...config, optimizer: { ...config.optimizer, learningRate: value } };
    case 'l1':
      return { ...config, regularization: { ...config.regularization, l1: value } };
    case 'l2':
      return { ...config, regularization: { ...config.regularization, l2: value } };
    case 'gscale':
      return { ...config, gradient: { ...config.gradient, scale: value } };
    case 'clip': {
      // A threshold needs a clip mode with one: the base's, or global-norm clipping when it has
      // none (or AutoClip, whose threshold follows its percentile instead).
      const base = config.gradient.clip.mode;
      const mode = base === 'none' || base === 'auto' ? 'globalNorm' : base;
      return { ...config, gradient: { ...config.gradient, clip: defaultClip(mode, value) } };
    }
    case 'depth': {
      const width = config.network.hidden[0] ?? FALLBACK_WIDTH;
      const hidden = new Array<number>(value).fill(width);
      return { ...config, network: { ...config.network, hidden } };
    }
  }
}

/** The setup of one cell: the base with each axis's value, validated (limits still hold). */
export function cellConfig(
  base: ExperimentConfig,
  settings: ReadonlyArray<readonly [SweepKey, number]>,
): ExperimentConfig {
  let config = base;
  for (const [key, value] of settings) config = withValue(config, key, value);
  return validateConfig(config).config;
}

export interface SweepGrid {
  /** Values along x (the first axis) and y (the second; [] for a one-axis sweep). */
  xs: number[];
  ys: number[];
  /** One config per cell, row by row: cell (i, j) at j * xs.length + i. */
  configs: ExperimentConfig[];
}

export function sweepGrid(base: ExperimentConfig, spec: SweepSpec): SweepGrid {
  const [xAxis, yAxis] = spec.axes;
  if (!xAxis) return { xs: [], ys: [], configs: [] };
  const xs = axisValues(xAxis);
  const ys = yAxis ? axisValues(yAxis) : [];
  const configs: ExperimentConfig[] = [];
  for (const y of yAxis ? ys : [null]) {
    for (const x of xs) {
      const settings: Array<[SweepKey, number]> = [[xAxis.key, x]];
      if (yAxis && y !== null) settings.push([yAxis.key, y]);
      configs.push(cellConfig(base, settings));
    }
  }
  return { xs, ys, configs };
}

/** The base's own value of a swept setting, where the map marks the current setup. */
export function currentValue(config: ExperimentConfig, key: SweepKey): number | null {
  switch (key) {
    case 'gain':
      return config.init.gain;
    case 'binit':
      return config.init.biasInit;
    case 'lr':
      return config.optimizer.learningRate;
    case 'l1':
      return config.regularization.l1;
    case 'l2':
      return config.regularization.l2;
    case 'gscale':
      return config.gradient.scale;
    case 'clip':
      return 'threshold' in config.gradient.clip ? config.gradient.clip.threshold : null;
    case 'depth':
      return config.network.hidden.length;
  }
}
