/**
 * The one parameter some init schemes carry (constant value, normal sigma, uniform limit,
 * orthogonal gain), read and written generically so one number field serves all four.
 */
import type { InitScheme } from '../../config/schema';
import type { ValueRange } from './numberText';
import { RANGES } from './ranges';

export type SchemeParamName = 'value' | 'sigma' | 'limit' | 'gain';

export interface SchemeParam {
  name: SchemeParamName;
  value: number;
  range: ValueRange;
}

/** The scheme's own parameter, or null for schemes without one (zeros, Glorot, He, LeCun). */
export function schemeParam(scheme: InitScheme): SchemeParam | null {
  switch (scheme.kind) {
    case 'constant':
      return { name: 'value', value: scheme.value, range: RANGES.schemeValue };
    case 'normal':
      return { name: 'sigma', value: scheme.sigma, range: RANGES.schemeSigma };
    case 'uniform':
      return { name: 'limit', value: scheme.limit, range: RANGES.schemeLimit };
    case 'orthogonal':
      return { name: 'gain', value: scheme.gain, range: RANGES.schemeGain };
    default:
      return null;
  }
}

/** The scheme with its parameter set to `value`; schemes without one are returned unchanged. */
export function withSchemeParam(scheme: InitScheme, value: number): InitScheme {
  switch (scheme.kind) {
    case 'constant':
      return { ...scheme, value };
    case 'normal':
      return { ...scheme, sigma: value };
    case 'uniform':
      return { ...scheme, limit: value };
    case 'orthogonal':
      return { ...scheme, gain: value };
    default:
      return scheme;
  }
}
