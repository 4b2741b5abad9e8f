import { MODEL_KINDS } from '../../config/modelSchema';
import { useConfigStore } from '../../store/configStore';
import { updateConfig } from '../../store/pageSession';
import { t } from '../i18n/messages';
import { withModelKind } from './modelEdits';
import { SelectField } from './SelectField';

/** Feed-forward or recurrent network (link key `model`); the other kind starts from its defaults. */
export function ModelSelect() {
  const kind = useConfigStore((s) => s.config.model.kind);
  return (
    <SelectField
      label={t('recurrent.control.model')}
      value={kind}
      options={MODEL_KINDS.map((k) => ({ value: k, label: t(`recurrent.control.model.${k}`) }))}
      onChange={(next) => updateConfig((c) => withModelKind(c, next))}
      help={t(`recurrent.control.modelHelp.${kind}`)}
    />
  );
}

/** True while the config being edited is a recurrent network. */
export function useEditingRecurrent(): boolean {
  return useConfigStore((s) => s.config.model.kind === 'rnn');
}
