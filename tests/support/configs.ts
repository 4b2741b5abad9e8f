import {
  DEFAULT_CONFIG,
  type ExperimentConfig,
  type GradientControlConfig,
  type InitConfig,
  type NetworkConfig,
  type OptimizerConfig,
} from '../../src/config/schema';
import type { ModelConfig } from '../../src/config/modelSchema';

export interface ConfigOverrides {
  model?: ModelConfig;
  data?: Partial<ExperimentConfig['data']>;
  network?: Partial<NetworkConfig>;
  init?: Partial<InitConfig>;
  optimizer?: OptimizerConfig;
  regularization?: Partial<ExperimentConfig['regularization']>;
  gradient?: Partial<GradientControlConfig>;
  training?: Partial<ExperimentConfig['training']>;
}

/** The default config with some sections overridden: keeps test setups short and readable. */
export function configWith(o: ConfigOverrides): ExperimentConfig {
  const d = DEFAULT_CONFIG;
  return {
    version: d.version,
    model: o.model ?? d.model,
    data: { ...d.data, ...o.data },
    network: { ...d.network, ...o.network },
    init: { ...d.init, ...o.init },
    optimizer: o.optimizer ?? d.optimizer,
    regularization: { ...d.regularization, ...o.regularization },
    gradient: { ...d.gradient, ...o.gradient },
    training: { ...d.training, ...o.training },
  };
}
