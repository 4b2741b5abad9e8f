import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { LogSlider } from './LogSlider';
import { RANGES } from './ranges';
import { useSectionPatch } from './sectionPatch';

/** "Init gain" log slider (link key `gain`): every initial kernel times this. */
export function InitGainSlider() {
  const gain = useConfigStore((s) => s.config.init.gain);
  const patch = useSectionPatch('init');
  return (
    <LogSlider
      label={t('controls.initGain')}
      value={gain}
      range={RANGES.initGain}
      onChange={(value) => patch({ gain: value })}
    />
  );
}
