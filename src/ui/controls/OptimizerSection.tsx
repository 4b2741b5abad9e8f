import { updateConfig } from '../../store/pageSession';
import { useShallow } from 'zustand/react/shallow';
import { OPTIMIZER_KINDS, type OptimizerConfig, type OptimizerKind } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { CheckboxField } from './CheckboxField';
import { LearningRateSlider } from './LearningRateSlider';
import { LogSlider } from './LogSlider';
import { NumberField } from './NumberField';
import { patchOptimizer, switchOptimizer, type OptimizerOf } from './optimizerEdits';
import { RANGES } from './ranges';
import { Section } from './Section';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

/** Built at render, so the labels are in the language shown. */
const optimizerOptions = () =>
  OPTIMIZER_KINDS.map((kind) => ({
    value: kind,
    label: t(`controls.optimizer.${kind}`),
  }));

/** Arrow-key step of the decay-rate boxes (momentum, beta1, beta2, rho). */
const DECAY_STEP = 0.001;
/** Arrow-key step of the regularization boxes. */
const REGULARIZATION_STEP = 0.0001;

/** Changes fields of the current optimizer kind through the store. */
function useOptimizerPatch() {
  return <K extends OptimizerKind>(kind: K, patch: Partial<Omit<OptimizerOf<K>, 'kind'>>) =>
    updateConfig((c) => ({ ...c, optimizer: patchOptimizer(c.optimizer, kind, patch) }));
}

/** The fields only some optimizer kinds have. */
function KindFields({ optimizer }: { optimizer: OptimizerConfig }) {
  const patch = useOptimizerPatch();
  switch (optimizer.kind) {
    case 'sgd':
      return null;
    case 'momentum':
      return (
        <>
          <NumberField
            label={t('controls.momentum')}
            value={optimizer.momentum}
            range={RANGES.momentum}
            step={DECAY_STEP}
            onChange={(momentum) => patch('momentum', { momentum })}
          />
          <div className="checkbox-row">
            <CheckboxField
              label={t('controls.nesterov')}
              checked={optimizer.nesterov}
              onChange={(nesterov) => patch('momentum', { nesterov })}
            />
          </div>
        </>
      );
    case 'adam':
      return (
        <>
          <NumberField
            label={t('controls.beta1')}
            value={optimizer.beta1}
            range={RANGES.beta1}
            step={DECAY_STEP}
            onChange={(beta1) => patch('adam', { beta1 })}
          />
          <NumberField
            label={t('controls.beta2')}
            value={optimizer.beta2}
            range={RANGES.beta2}
            step={DECAY_STEP}
            onChange={(beta2) => patch('adam', { beta2 })}
          />
          <LogSlider
            label={t('controls.epsilon')}
            value={optimizer.epsilon}
            range={RANGES.epsilon}
            onChange={(epsilon) => patch('adam', { epsilon })}
          />
        </>
      );
    case 'rmsprop':
      return (
        <>
          <NumberField
            label={t('controls.rho')}
            value={optimizer.rho}
            range={RANGES.rho}
            step={DECAY_STEP}
            onChange={(rho) => patch('rmsprop', { rho })}
          />
          <NumberField
            label={t('controls.momentum')}
            value={optimizer.momentum}
            range={RANGES.momentum}
            step={DECAY_STEP}
            onChange={(momentum) => patch('rmsprop', { momentum })}
          />
          <LogSlider
            label={t('controls.epsilon')}
            value={optimizer.epsilon}
            range={RANGES.epsilon}
            onChange={(epsilon) => patch('rmsprop', { epsilon })}
          />
        </>
      );
  }
}

/** Optimizer kind and parameters, learning rate, and L1/L2 regularization. */
export function OptimizerSection() {
  const optimizer = useConfigStore(useShallow((s) => s.config.optimizer));
  const l1 = useConfigStore((s) => s.config.regularization.l1);
  const l2 = useConfigStore((s) => s.config.regularization.l2);
  const patchRegularization = useSectionPatch('regularization');

  return (
    <Section title={t('controls.section.optimizer')}>
      <SelectField
        label={t('controls.optimizer')}
        value={optimizer.kind}
        options={optimizerOptions()}
        onChange={(kind) =>
          updateConfig((c) => ({ ...c, optimizer: switchOptimizer(c.optimizer, kind) }))
        }
      />
      <LearningRateSlider />
      <KindFields optimizer={optimizer} />
      <NumberField
        label={t('controls.l1')}
        value={l1}
        range={RANGES.l1}
        step={REGULARIZATION_STEP}
        hint={t('controls.zeroIsOff')}
        onChange={(value) => patchRegularization({ l1: value })}
      />
      <NumberField
        label={t('controls.l2')}
        value={l2}
        range={RANGES.l2}
        step={REGULARIZATION_STEP}
        hint={t('controls.zeroIsOff')}
        onChange={(value) => patchRegularization({ l2: value })}
      />
      <p className="field-help">{t('controls.regularizationHelp')}</p>
    </Section>
  );
}
