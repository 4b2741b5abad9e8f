/**
 * The trainer for a config's model: the feed-forward Trainer or the RecurrentTrainer, both
 * behind RunTrainer, so the record, the CLI and the bench run either without knowing which. The
 * recurrent one also measures the spectral radius of W_h once a chunk (radiusMeasuringTrainer.ts).
 */
import type { ExperimentConfig } from '../config/schema';
import { RadiusMeasuringTrainer } from './recurrent/radiusMeasuringTrainer';
import type { RecurrentTrainer } from './recurrent/recurrentTrainer';
import { Trainer, type TrainerOptions } from './trainer';

export type AnyTrainer = Trainer | RecurrentTrainer;

export function createTrainer(config: ExperimentConfig, options: TrainerOptions = {}): AnyTrainer {
  return config.model.kind === 'rnn'
    ? new RadiusMeasuringTrainer(config, options)
    : new Trainer(config, options);
}
