import { updateConfig } from '../../store/pageSession';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { LogSlider } from './LogSlider';
import { withLearningRate } from './optimizerEdits';
import { RANGES } from './ranges';

/** "Learning rate" log slider (link key `lr`), whatever the optimizer kind. */
export function LearningRateSlider() {
  const learningRate = useConfigStore((s) => s.config.optimizer.learningRate);
  return (
    <LogSlider
      label={t('controls.learningRate')}
      value={learningRate}
      range={RANGES.learningRate}
      onChange={(lr) =>
        updateConfig((c) => ({ ...c, optimizer: withLearningRate(c.optimizer, lr) }))
      }
    />
  );
}
