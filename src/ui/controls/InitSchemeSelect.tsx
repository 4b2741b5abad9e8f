import { defaultInitScheme, INIT_KINDS } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

/** Built at render, so the labels are in the language shown. */
const schemeOptions = () =>
  INIT_KINDS.map((kind) => ({
    value: kind,
    label: t(`controls.initScheme.${kind}`),
  }));

/**
 * "Initialization" select (link key `init`), with the scheme's formula as its description.
 * Another kind starts from its default parameter; the parameter's own field is in InitSection.
 * For a recurrent network it sets the input and readout kernels (W_x, W_y), as its label says.
 */
export function InitSchemeSelect() {
  const kind = useConfigStore((s) => s.config.init.scheme.kind);
  const recurrent = useConfigStore((s) => s.config.model.kind === 'rnn');
  const patch = useSectionPatch('init');
  return (
    <SelectField
      label={t(recurrent ? 'recurrent.control.initScheme' : 'controls.initScheme')}
      value={kind}
      options={schemeOptions()}
      onChange={(next) => {
        if (next !== kind) patch({ scheme: defaultInitScheme(next) });
      }}
      help={t('controls.initHelpGain', { formula: t(`controls.initHelp.${kind}`) })}
    />
  );
}
