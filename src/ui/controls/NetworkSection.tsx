import { updateConfig } from '../../store/pageSession';
import { LIMITS, NORMALIZATIONS, parameterCount } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { formatCount } from '../i18n/numberFormat';
import { ActivationSelect } from './ActivationSelect';
import { CheckboxField } from './CheckboxField';
import { DepthSlider } from './DepthSlider';
import { IntSlider } from './IntSlider';
import { LayerList } from './LayerList';
import { ModelSelect } from './ModelSelect';
import { RecurrentFields } from './RecurrentFields';
import { fitUniformWidth, NEW_LAYER_WIDTH, nearParameterLimit } from './networkEdits';
import { RANGES } from './ranges';
import { Section } from './Section';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

/** Built at render, so the labels are in the language shown. */
const normalizationOptions = () =>
  NORMALIZATIONS.map((n) => ({
    value: n,
    label: t(`controls.normalization.${n}`),
  }));

/**
 * The model kind, then depth, widths (uniform and per layer), activation and the architectural
 * remedies; for a recurrent network its cell, T, units and recurrent init instead.
 */
export function NetworkSection() {
  const depth = useConfigStore((s) => s.config.network.hidden.length);
  // The width slider shows the last layer's width; it sets every layer to one width.
  const width = useConfigStore((s) => s.config.network.hidden.at(-1) ?? NEW_LAYER_WIDTH);
  const bias = useConfigStore((s) => s.config.network.bias);
  const residual = useConfigStore((s) => s.config.network.residual);
  const normalization = useConfigStore((s) => s.config.network.normalization);
  const parameters = useConfigStore((s) => parameterCount(s.config));
  const patch = useSectionPatch('network');
  const nearLimit = nearParameterLimit(parameters);
  const model = useConfigStore((s) => s.config.model);
  const biasBox = (
    <CheckboxField
      label={t('controls.bias')}
      checked={bias}
      onChange={(on) => patch({ bias: on })}
    />
  );

  if (model.kind === 'rnn')
    return (
      <Section title={t('controls.section.network')}>
        <ModelSelect />
        <RecurrentFields model={model} />
        <ActivationSelect />
        <div className="checkbox-row">{biasBox}</div>
        <p className="field-help">{t('recurrent.control.layersNote')}</p>
        <p className="parameter-count">
          {t('controls.parameters', { count: formatCount(parameters) })}
        </p>
      </Section>
    );
  return (
    <Section title={t('controls.section.network')}>
      <ModelSelect />
      <DepthSlider />
      <IntSlider
        label={t('controls.width')}
        value={width}
        range={RANGES.width}
        disabled={depth === 0}
        onChange={(w) => updateConfig((c) => fitUniformWidth(c, w))}
      />
      <LayerList />
      <ActivationSelect />
      <SelectField
        label={t('controls.normalization')}
        value={normalization}
        options={normalizationOptions()}
        onChange={(value) => patch({ normalization: value })}
      />
      <div className="checkbox-row">
        {biasBox}
        <CheckboxField
          label={t('controls.residual')}
          checked={residual}
          onChange={(on) => patch({ residual: on })}
        />
      </div>
      <p className={nearLimit ? 'parameter-count warn' : 'parameter-count'}>
        {nearLimit
          ? t('controls.parametersNearLimit', {
              count: formatCount(parameters),
              max: formatCount(LIMITS.MAX_PARAMETERS),
            })
          : t('controls.parameters', { count: formatCount(parameters) })}
      </p>
    </Section>
  );
}
