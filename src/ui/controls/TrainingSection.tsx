import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { NumberField } from './NumberField';
import { RANGES } from './ranges';
import { Section } from './Section';
import { useSectionPatch } from './sectionPatch';

/** When training stops by itself. */
export function TrainingSection() {
  const maxSteps = useConfigStore((s) => s.config.training.maxSteps);
  const patch = useSectionPatch('training');
  return (
    <Section title={t('controls.section.training')}>
      <NumberField
        label={t('controls.maxSteps')}
        value={maxSteps}
        range={RANGES.maxSteps}
        step={100}
        onChange={(value) => patch({ maxSteps: value })}
      />
    </Section>
  );
}
