import { ACTIVATIONS } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

/** Built at render, so the labels are in the language shown. */
const activationOptions = () =>
  ACTIVATIONS.map((a) => ({
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
      options={activationOptions()}
      onChange={(value) => patch({ activation: value })}
    />
  );
}
