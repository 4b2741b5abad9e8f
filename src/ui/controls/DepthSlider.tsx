import { updateConfig } from '../../store/pageSession';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { IntSlider } from './IntSlider';
import { fitDepth } from './networkEdits';
import { RANGES } from './ranges';

/** "Depth" slider (link key `layers`): the number of hidden layers, new ones as wide as the last. */
export function DepthSlider() {
  const depth = useConfigStore((s) => s.config.network.hidden.length);
  return (
    <IntSlider
      label={t('controls.depth')}
      value={depth}
      range={RANGES.depth}
      onChange={(d) => updateConfig((c) => fitDepth(c, d))}
    />
  );
}
