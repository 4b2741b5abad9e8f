/**
 * The obvious variants to compare the current setup with, as configs: the remedy or change a
 * lesson would try next. Pure: the menu turns each into link overrides.
 */
import {
  clipSummary,
  defaultClip,
  defaultInitScheme,
  defaultOptimizer,
  type ExperimentConfig,
} from '../../config/schema';

export type SuggestionId = 'clip' | 'init' | 'gain' | 'lr' | 'act' | 'optimizer' | 'control';

export interface VariantSuggestion {
  id: SuggestionId;
  /** Parameters for its label. */
  params: Record<string, string | number>;
  config: ExperimentConfig;
}

const RELU_LIKE = new Set(['relu', 'leakyRelu', 'elu', 'gelu', 'swish', 'softplus']);

export function variantSuggestions(base: ExperimentConfig): VariantSuggestion[] {
  const clip = base.gradient.clip;
  const clipped: ExperimentConfig['gradient']['clip'] =
    clip.mode === 'none' ? defaultClip('globalNorm', 1) : { mode: 'none' };
  const initKind = RELU_LIKE.has(base.network.activation)
    ? base.init.scheme.kind === 'heNormal'
      ? 'glorotNormal'
      : 'heNormal'
    : base.init.scheme.kind === 'glorotNormal'
      ? 'heNormal'
      : 'glorotNormal';
  const gain = base.init.gain >= 2 ? base.init.gain / 4 : base.init.gain * 2;
  const lr = base.optimizer.learningRate / 10;
  const act = base.network.activation === 'tanh' ? 'relu' : 'tanh';
  const optimizerKind = base.optimizer.kind === 'adam' ? 'sgd' : 'adam';
  // Adam's usual step size; SGD's the default link's.
  const optimizer = defaultOptimizer(optimizerKind, optimizerKind === 'adam' ? 0.001 : 0.05);
  return [
    {
      id: 'clip',
      params: { clip: clipSummary(clipped) },
      config: { ...base, gradient: { ...base.gradient, clip: clipped } },
    },
    {
      id: 'init',
      params: { init: initKind },
      config: { ...base, init: { ...base.init, scheme: defaultInitScheme(initKind) } },
    },
    { id: 'gain', params: { gain }, config: { ...base, init: { ...base.init, gain } } },
    {
      id: 'lr',
      params: { lr },
      config: { ...base, optimizer: { ...base.optimizer, learningRate: lr } },
    },
    {
      id: 'act',
      params: { act },
      config: { ...base, network: { ...base.network, activation: act } },
    },
    { id: 'optimizer', params: { optimizer: optimizerKind }, config: { ...base, optimizer } },
    { id: 'control', params: {}, config: base },
  ];
}
