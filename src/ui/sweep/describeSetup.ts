import type { ExperimentConfig } from '../../config/schema';

/** The init scheme and gain in link words: "glorotNormal × 1.5", "normal:0.1". */
export function describeInit(config: ExperimentConfig): string {
  const { scheme, gain } = config.init;
  const param =
    'sigma' in scheme
      ? `:${scheme.sigma}`
      : 'limit' in scheme
        ? `:${scheme.limit}`
        : 'gain' in scheme
          ? `:${scheme.gain}`
          : 'value' in scheme
            ? `:${scheme.value}`
            : '';
  return `${scheme.kind}${param}${gain !== 1 ? ` × gain ${gain}` : ''}`;
}
