import { updateConfig } from '../../store/pageSession';
import { useState } from 'react';
import { CLIP_MODES, type ClipMode } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { switchClipMode, thresholdOf, withThreshold } from './clipEdits';
import { LogSlider } from './LogSlider';
import { RANGES } from './ranges';
import { SelectField } from './SelectField';
import { useSectionPatch } from './sectionPatch';

/** Threshold the slider offers before any clipping has been chosen (clipnorm=1 is common). */
const INITIAL_CLIP_THRESHOLD = 1;

/** Built at render, so the labels are in the language shown. */
const clipOptions = () =>
  CLIP_MODES.map((mode) => ({
    value: mode,
    label: t(`controls.clipMode.${mode}`),
  }));

/**
 * "Clip mode" select and "Clip threshold" log slider (link key `clip`). The threshold stays on
 * the slider while clipping is off, so switching clipping back on restores it.
 */
export function ClipControls() {
  const clip = useConfigStore((s) => s.config.gradient.clip);
  const patch = useSectionPatch('gradient');
  const [lastThreshold, setLastThreshold] = useState(INITIAL_CLIP_THRESHOLD);

  const setMode = (mode: ClipMode) => {
    const threshold = thresholdOf(clip, lastThreshold);
    setLastThreshold(threshold);
    patch({ clip: switchClipMode(clip, mode, threshold) });
  };

  return (
    <>
      <SelectField
        label={t('controls.clipMode')}
        value={clip.mode}
        options={clipOptions()}
        onChange={setMode}
        help={t(`controls.clipHelp.${clip.mode}`)}
      />
      <LogSlider
        label={t('controls.clipThreshold')}
        value={thresholdOf(clip, lastThreshold)}
        range={RANGES.clipThreshold}
        disabled={clip.mode === 'none'}
        onChange={(threshold) =>
          updateConfig((c) => ({
            ...c,
            gradient: { ...c.gradient, clip: withThreshold(c.gradient.clip, threshold) },
          }))
        }
      />
    </>
  );
}
