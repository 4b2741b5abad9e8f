/**
 * The RecurrentTrainer that also measures the spectral radius of W_h (vanilla cell) once a
 * chunk: before the chunk's first step, on the host copy of W_h, so the number belongs to that
 * step ("step k's numbers are measured on the weights before update k"). One small readback per
 * chunk, taken while the device is idle between chunks.
 */
import type { TrainOptions, ChunkResult } from '../trainer';
import { RecurrentTrainer } from './recurrentTrainer';
import { spectralRadius } from './spectralRadius';

export class RadiusMeasuringTrainer extends RecurrentTrainer {
  override async train(steps: number, options: TrainOptions = {}): Promise<ChunkResult> {
    const kernel = steps > 0 && !this.halted ? await this.readRecurrentKernel() : null;
    const result = await super.train(steps, options);
    const first = result.steps[0];
    if (kernel && first) first.spectralRadius = spectralRadius(kernel, this.model.units);
    return result;
  }
}
