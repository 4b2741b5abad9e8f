import { useState } from 'react';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { useEditingRecurrent } from './ModelSelect';
import { CheckboxField } from './CheckboxField';
import { ClipControls } from './ClipControls';
import { ClipStats } from './ClipStats';
import { GradientScaleSlider } from './GradientScaleSlider';
import { LogSlider } from './LogSlider';
import { NumberField } from './NumberField';
import { RANGES } from './ranges';
import { Section } from './Section';
import { useSectionPatch } from './sectionPatch';

/** Max-norm offered when the constraint is first switched on (Srivastava et al. 2014 used 3-4). */
const INITIAL_MAX_NORM = 3;

/** Clipping, gradient scaling, max-norm and pruning: the remedies the lessons compare. */
export function GradientSection() {
  const maxNorm = useConfigStore((s) => s.config.gradient.maxNorm);
  const pruneBelow = useConfigStore((s) => s.config.gradient.pruneBelow);
  const patch = useSectionPatch('gradient');

  // What the max-norm slider comes back to after being switched off and on.
  const [lastMaxNorm, setLastMaxNorm] = useState(INITIAL_MAX_NORM);

  const setMaxNormOn = (on: boolean) => {
    if (!on && maxNorm !== null) setLastMaxNorm(maxNorm);
    patch({ maxNorm: on ? (maxNorm ?? lastMaxNorm) : null });
  };

  // Max-norm and pruning act on feed-forward units; the recurrent engine does not apply them.
  const recurrent = useEditingRecurrent();
  return (
    <Section title={t('controls.section.gradient')}>
      <ClipControls />
      <ClipStats />
      <GradientScaleSlider />
      {recurrent ? (
        <p className="field-help">{t('recurrent.control.gradientNote')}</p>
      ) : (
        <>
          <div className="checkbox-row">
            <CheckboxField
              label={t('controls.maxNormOn')}
              checked={maxNorm !== null}
              onChange={setMaxNormOn}
            />
          </div>
          <LogSlider
            label={t('controls.maxNorm')}
            value={maxNorm ?? lastMaxNorm}
            range={RANGES.maxNorm}
            disabled={maxNorm === null}
            onChange={(value) => patch({ maxNorm: value })}
          />
          <NumberField
            label={t('controls.pruneBelow')}
            value={pruneBelow}
            range={RANGES.pruneBelow}
            step={0.001}
            hint={t('controls.zeroIsOff')}
            onChange={(value) => patch({ pruneBelow: value })}
          />
        </>
      )}
    </Section>
  );
}
