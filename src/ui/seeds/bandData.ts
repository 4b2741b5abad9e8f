/**
 * What the seed-band chart and table draw: per run, each layer's median and band of the chosen
 * step-1 quantity over the seeds measured so far, and Hanin's beta of the run's network.
 */
import {
  haninBeta,
  layerBands,
  logSpread,
  type BandQuantity,
  type LayerBand,
} from '../../config/seedBands';
import type { RunLetter } from '../../session/sessionTypes';
import type { SeedBandRun } from '../../store/seedBandStore';

export type { BandQuantity };

export interface RunBands {
  letter: RunLetter;
  bands: LayerBand[];
  /** Seeds measured (the bands are over these). */
  measured: number;
  beta: number;
  /** Standard deviation over the seeds of ln of the input layer's number. */
  inputLogSpread: number;
}

export function runBands(run: SeedBandRun, quantity: BandQuantity): RunBands {
  const perSeed = run.cells
    .filter((c) => c !== null)
    .map((c) => (quantity === 'gradNorm' ? c.step1GradNorm : c.step1SignalNorm));
  return {
    letter: run.letter,
    bands: layerBands(perSeed),
    measured: perSeed.length,
    beta: haninBeta(run.config.network.hidden),
    inputLogSpread: logSpread(perSeed.map((values) => values[0] as number)),
  };
}
