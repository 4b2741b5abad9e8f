import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { LogSlider } from './LogSlider';
import { RANGES } from './ranges';
import { useSectionPatch } from './sectionPatch';

/** "Gradient scale" log slider (link key `gscale`): every gradient times this before the update. */
export function GradientScaleSlider() {
  const scale = useConfigStore((s) => s.config.gradient.scale);
  const patch = useSectionPatch('gradient');
  return (
    <LogSlider
      label={t('controls.gradScale')}
      value={scale}
      range={RANGES.gradScale}
      onChange={(value) => patch({ scale: value })}
    />
  );
}
