import { ACTIVATIONS } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

const ACTIVATION_OPTIONS = ACTIVATIONS.map((a) => ({
  value: a,
  label: t(`controls.activation.${a}`),
}));

/** "Activation" select (link key `act`) of every hidden layer. */
export function ActivationSelect() {
  const activation = useConfigStore((s) => s.config.network.activation);
  const patch = useSectionPatch('network');
  return (
    <SelectField
      label={t('controls.activation')}
      value={activation}
      options={ACTIVATION_OPTIONS}
      onChange={(value) => patch({ activation: value })}
    />
  );
}
