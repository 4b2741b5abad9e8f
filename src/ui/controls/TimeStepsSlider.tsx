import { useConfigStore } from '../../store/configStore';
import { updateConfig } from '../../store/pageSession';
import { t } from '../i18n/messages';
import { IntSlider } from './IntSlider';
import { withRecurrent } from './modelEdits';
import { RANGES } from './ranges';

/**
 * "Sequence length T" slider (link key `T`) of a recurrent network: the number of time steps
 * the gradient crosses back from the loss, the recurrent network's depth. Nothing for a
 * feed-forward one.
 */
export function TimeStepsSlider() {
  const timeSteps = useConfigStore((s) =>
    s.config.model.kind === 'rnn' ? s.config.model.timeSteps : null,
  );
  if (timeSteps === null) return null;
  return (
    <IntSlider
      label={t('recurrent.control.timeSteps')}
      value={timeSteps}
      range={RANGES.timeSteps}
      onChange={(value) => updateConfig((c) => withRecurrent(c, { timeSteps: value }))}
    />
  );
}
