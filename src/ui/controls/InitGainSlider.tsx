import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { LogSlider } from './LogSlider';
import { RANGES } from './ranges';
import { useSectionPatch } from './sectionPatch';

/**
 * "Init gain" log slider (link key `gain`): every initial kernel times this; for a recurrent
 * network the input and readout kernels only (the recurrent init sets W_h), as its label says.
 */
export function InitGainSlider() {
  const gain = useConfigStore((s) => s.config.init.gain);
  const recurrent = useConfigStore((s) => s.config.model.kind === 'rnn');
  const patch = useSectionPatch('init');
  return (
    <LogSlider
      label={t(recurrent ? 'recurrent.control.initGain' : 'controls.initGain')}
      value={gain}
      range={RANGES.initGain}
      onChange={(value) => patch({ gain: value })}
    />
  );
}
