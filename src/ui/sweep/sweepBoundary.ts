/**
 * The theoretical boundary as a line over the regime map: where the gain axis crosses
 * chi_1 = 1, along the other axis (a bias axis moves it; any other axis leaves it straight).
 */
import type { ExperimentConfig } from '../../config/schema';
import type { SweepAxis } from '../../config/sweepSpec';
import { axisPosition } from './RegimeMap';
import { criticalGain, noBoundaryReason } from './sweepTheory';

/** Bias values at which the boundary is solved along a bias axis; between them it is linear. */
const MAX_BOUNDARY_SAMPLES = 8;

/** Points (x, y) in cell positions, or [] when there is no boundary on this map. */
export function boundaryPoints(
  base: ExperimentConfig,
  axes: readonly SweepAxis[],
  xs: readonly number[],
  ys: readonly number[],
): Array<[number, number]> {
  const gainIndex = axes.findIndex((a) => a.key === 'gain');
  if (gainIndex < 0 || noBoundaryReason(base) !== null) return [];
  const gainAxis = axes[gainIndex] as SweepAxis;
  const gainCount = gainIndex === 0 ? xs.length : ys.length;
  const other = axes[1 - gainIndex];
  const otherValues = other ? (gainIndex === 0 ? ys : xs) : [];
  const along = (k: number, position: number): [number, number] =>
    gainIndex === 0 ? [position, k] : [k, position];

  if (other?.key !== 'binit') {
    const gain = criticalGain(base, base.init.biasInit);
    const position = axisPosition(gainAxis, gainCount, gain);
    if (position === null) return [];
    const span = Math.max(1, otherValues.length);
    return [along(-0.5, position), along(span - 0.5, position)];
  }
  // Along a bias axis: solve at a few biases, interpolate between them.
  const n = otherValues.length;
  const sampleAt = Array.from(
    new Set(
      Array.from({ length: Math.min(n, MAX_BOUNDARY_SAMPLES) }, (_, s) =>
        Math.round((s * (n - 1)) / Math.max(1, Math.min(n, MAX_BOUNDARY_SAMPLES) - 1)),
      ),
    ),
  );
  const solved = sampleAt.map((k) => criticalGain(base, otherValues[k] as number));
  const points: Array<[number, number]> = [];
  for (let k = 0; k < n; k++) {
    const s = sampleAt.findIndex((at) => at >= k);
    const hi = sampleAt[s] as number;
    const lo = sampleAt[Math.max(0, s - 1)] as number;
    const gHi = solved[s];
    const gLo = solved[Math.max(0, s - 1)];
    if (gHi === null || gLo === null || gHi === undefined || gLo === undefined) continue;
    const f = hi === lo ? 0 : (k - lo) / (hi - lo);
    const gain = Math.exp(Math.log(gLo) + f * (Math.log(gHi) - Math.log(gLo)));
    const position = axisPosition(gainAxis, gainCount, gain);
    if (position !== null) points.push(along(k, position));
  }
  return points;
}
