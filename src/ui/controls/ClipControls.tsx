import { updateConfig } from '../../store/pageSession';
import { useState } from 'react';
import { CLIP_MODES, type ClipConfig, type ClipMode } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import {
  percentileOf,
  switchClipMode,
  thresholdOf,
  withPercentile,
  withThreshold,
} from './clipEdits';
import { IntSlider } from './IntSlider';
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

/** Sets the clip config of the edited run, as a live change (no restart). */
function editClip(edit: (clip: ClipConfig) => ClipConfig) {
  updateConfig((c) => ({ ...c, gradient: { ...c.gradient, clip: edit(c.gradient.clip) } }));
}

/**
 * "Clip mode" select, then the mode's number (link key `clip`): the "Clip threshold" log
 * slider, or for AutoClip the "Clip percentile p" slider. The threshold stays on the slider
 * while clipping is off, so switching clipping back on restores it; the percentile likewise.
 */
export function ClipControls() {
  const clip = useConfigStore((s) => s.config.gradient.clip);
  const patch = useSectionPatch('gradient');
  const [lastThreshold, setLastThreshold] = useState(INITIAL_CLIP_THRESHOLD);
  const [lastPercentile, setLastPercentile] = useState(() => percentileOf(clip));

  const setMode = (mode: ClipMode) => {
    const threshold = thresholdOf(clip, lastThreshold);
    const percentile = percentileOf(clip, lastPercentile);
    setLastThreshold(threshold);
    setLastPercentile(percentile);
    patch({ clip: switchClipMode(clip, mode, threshold, percentile) });
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
      {clip.mode === 'auto' ? (
        <IntSlider
          label={t('controls.clipPercentile')}
          value={clip.percentile}
          range={RANGES.clipPercentile}
          onChange={(percentile) => editClip((c) => withPercentile(c, percentile))}
        />
      ) : (
        <LogSlider
          label={t('controls.clipThreshold')}
          value={thresholdOf(clip, lastThreshold)}
          range={RANGES.clipThreshold}
          disabled={clip.mode === 'none'}
          onChange={(threshold) => editClip((c) => withThreshold(c, threshold))}
        />
      )}
    </>
  );
}
