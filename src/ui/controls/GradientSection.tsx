import { useState } from 'react';
import { CLIP_MODES, type ClipMode } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { CheckboxField } from './CheckboxField';
import { switchClipMode, thresholdOf, withThreshold } from './clipEdits';
import { LogSlider } from './LogSlider';
import { NumberField } from './NumberField';
import { RANGES } from './ranges';
import { Section } from './Section';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

/** Threshold the slider offers before any clipping has been chosen (clipnorm=1 is common). */
const INITIAL_CLIP_THRESHOLD = 1;
/** Max-norm offered when the constraint is first switched on (Srivastava et al. 2014 used 3-4). */
const INITIAL_MAX_NORM = 3;

const CLIP_OPTIONS = CLIP_MODES.map((mode) => ({
  value: mode,
  label: t(`controls.clipMode.${mode}`),
}));

/** Clipping, gradient scaling, max-norm and pruning: the remedies the lessons compare. */
export function GradientSection() {
  const clip = useConfigStore((s) => s.config.gradient.clip);
  const scale = useConfigStore((s) => s.config.gradient.scale);
  const maxNorm = useConfigStore((s) => s.config.gradient.maxNorm);
  const pruneBelow = useConfigStore((s) => s.config.gradient.pruneBelow);
  const patch = useSectionPatch('gradient');
  const update = useConfigStore((s) => s.update);

  // What the threshold and max-norm sliders come back to after being switched off and on.
  const [lastThreshold, setLastThreshold] = useState(INITIAL_CLIP_THRESHOLD);
  const [lastMaxNorm, setLastMaxNorm] = useState(INITIAL_MAX_NORM);

  const setMode = (mode: ClipMode) => {
    const threshold = thresholdOf(clip, lastThreshold);
    setLastThreshold(threshold);
    patch({ clip: switchClipMode(clip, mode, threshold) });
  };

  const setMaxNormOn = (on: boolean) => {
    if (!on && maxNorm !== null) setLastMaxNorm(maxNorm);
    patch({ maxNorm: on ? (maxNorm ?? lastMaxNorm) : null });
  };

  return (
    <Section title={t('controls.section.gradient')}>
      <SelectField
        label={t('controls.clipMode')}
        value={clip.mode}
        options={CLIP_OPTIONS}
        onChange={setMode}
        help={t(`controls.clipHelp.${clip.mode}`)}
      />
      <LogSlider
        label={t('controls.clipThreshold')}
        value={thresholdOf(clip, lastThreshold)}
        range={RANGES.clipThreshold}
        disabled={clip.mode === 'none'}
        onChange={(threshold) =>
          update((c) => ({
            ...c,
            gradient: { ...c.gradient, clip: withThreshold(c.gradient.clip, threshold) },
          }))
        }
      />
      <LogSlider
        label={t('controls.gradScale')}
        value={scale}
        range={RANGES.gradScale}
        onChange={(value) => patch({ scale: value })}
      />
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
    </Section>
  );
}
