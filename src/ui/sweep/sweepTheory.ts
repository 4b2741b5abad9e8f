/**
 * The order/chaos boundary (config/meanField.ts) in the map's own units: the init gain at which
 * chi_1 = 1 for the setup's activation, init scheme, width and bias. Null where mean-field theory
 * does not describe the network (constant or zero kernels, skip connections, normalization).
 */
import { chi1, criticalSigmaW } from '../../config/meanField';
import type { ExperimentConfig } from '../../config/schema';
import { initWeightVariance } from '../charts/theory';

/** Why there is no boundary for a setup, or null when there is one. */
export type NoBoundaryReason = 'residual' | 'normalization' | 'init' | 'noHidden' | null;

export function noBoundaryReason(config: ExperimentConfig): NoBoundaryReason {
  if (config.network.hidden.length === 0) return 'noHidden';
  if (config.network.residual) return 'residual';
  if (config.network.normalization !== 'none') return 'normalization';
  const width = config.network.hidden[0] as number;
  const variance = initWeightVariance(config.init.scheme, width, width, 1);
  if (variance === null || variance <= 0) return 'init';
  return null;
}

/** sigma_w at gain 1: sqrt(fanIn * Var(w)) of the scheme on a hidden layer of the setup's width. */
function sigmaWAtGainOne(config: ExperimentConfig): number | null {
  if (noBoundaryReason(config) !== null) return null;
  const width = config.network.hidden[0] as number;
  const variance = initWeightVariance(config.init.scheme, width, width, 1) as number;
  return Math.sqrt(width * variance);
}

/** The gain on the boundary for bias `bias`, or null (no boundary in range, or no theory). */
export function criticalGain(config: ExperimentConfig, bias: number): number | null {
  const unit = sigmaWAtGainOne(config);
  if (unit === null) return null;
  const sigma = criticalSigmaW(config.network.activation, bias);
  return sigma === null ? null : sigma / unit;
}

/** chi_1 of the setup itself, and the step-1 log slope it predicts (log(chi_1) / 2). */
export function setupChi1(config: ExperimentConfig): { chi1: number; logSlope: number } | null {
  const unit = sigmaWAtGainOne(config);
  if (unit === null) return null;
  const chi = chi1(config.network.activation, unit * config.init.gain, config.init.biasInit);
  return { chi1: chi, logSlope: Math.log(chi) / 2 };
}
