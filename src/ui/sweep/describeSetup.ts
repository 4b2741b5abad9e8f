import type { ExperimentConfig } from '../../config/schema';
import { t } from '../i18n/messages';
import { formatValue } from '../controls/numberText';

/**
 * The init scheme by its name in the page's language, with its parameter and gain:
 * "Glorot / Xavier normal × 1.5", "Normal (σ) 0.1".
 */
export function describeInit(config: ExperimentConfig): string {
  const { scheme, gain } = config.init;
  const param =
    'sigma' in scheme
      ? scheme.sigma
      : 'limit' in scheme
        ? scheme.limit
        : 'gain' in scheme
          ? scheme.gain
          : 'value' in scheme
            ? scheme.value
            : null;
  const name = t(`controls.initScheme.${scheme.kind}`);
  const withParam = param === null ? name : `${name} ${formatValue(param)}`;
  return gain !== 1 ? `${withParam} × ${formatValue(gain)}` : withParam;
}
