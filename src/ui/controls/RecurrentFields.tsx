import { CELL_KINDS, RECURRENT_INIT_KINDS, type RecurrentModel } from '../../config/modelSchema';
import { updateConfig } from '../../store/pageSession';
import { t } from '../i18n/messages';
import { IntSlider } from './IntSlider';
import { withRecurrent, withRecurrentInitKind } from './modelEdits';
import { NumberField } from './NumberField';
import { RANGES } from './ranges';
import { SelectField } from './SelectField';
import { TimeStepsSlider } from './TimeStepsSlider';

/** Arrow-key step of the recurrent gain and sigma boxes. */
const RECURRENT_PARAM_STEP = 0.05;

const edit = (patch: Parameters<typeof withRecurrent>[1]) =>
  updateConfig((c) => withRecurrent(c, patch));

/** The recurrent network's settings: cell, sequence length T, hidden units, recurrent init. */
export function RecurrentFields({ model }: { model: RecurrentModel }) {
  const init = model.recurrentInit;
  return (
    <>
      <SelectField
        label={t('recurrent.control.cell')}
        value={model.cell}
        options={CELL_KINDS.map((cell) => ({
          value: cell,
          label: t(`recurrent.control.cell.${cell}`),
        }))}
        onChange={(cell) => edit({ cell })}
        help={t(`recurrent.control.cellHelp.${model.cell}`)}
      />
      <TimeStepsSlider />
      <IntSlider
        label={t('recurrent.control.units')}
        value={model.units}
        range={RANGES.units}
        onChange={(units) => edit({ units })}
      />
      <SelectField
        label={t('recurrent.control.recurrentInit')}
        value={init.kind}
        options={RECURRENT_INIT_KINDS.map((kind) => ({
          value: kind,
          label: t(`recurrent.control.recurrentInit.${kind}`),
        }))}
        onChange={(kind) => edit({ recurrentInit: withRecurrentInitKind(model, kind) })}
        help={t(`recurrent.control.recurrentInitHelp.${init.kind}`)}
      />
      {init.kind === 'normal' ? (
        <NumberField
          label={t('recurrent.control.recurrentSigma')}
          value={init.sigma}
          range={RANGES.recurrentSigma}
          step={RECURRENT_PARAM_STEP}
          onChange={(sigma) => edit({ recurrentInit: { kind: 'normal', sigma } })}
        />
      ) : (
        <NumberField
          label={t('recurrent.control.recurrentGain')}
          value={init.gain}
          range={RANGES.recurrentGain}
          step={RECURRENT_PARAM_STEP}
          onChange={(gain) => edit({ recurrentInit: { kind: init.kind, gain } })}
        />
      )}
    </>
  );
}
