/** Clip-mode switching for the Gradient control section, as pure functions. */
import { defaultClip, type ClipConfig, type ClipMode } from '../../config/schema';

/**
 * The threshold a clip config uses, or `remembered` when clipping is off ({mode: 'none'} has no
 * threshold, but the slider still shows the one the user will get back).
 */
export function thresholdOf(clip: ClipConfig, remembered: number): number {
  return clip.mode === 'none' ? remembered : clip.threshold;
}

/** Clipping in `mode`, keeping the current threshold (or the remembered one when it was off). */
export function switchClipMode(clip: ClipConfig, mode: ClipMode, remembered: number): ClipConfig {
  return defaultClip(mode, thresholdOf(clip, remembered));
}

/** Clipping with a new threshold; clipping that is off stays off. */
export function withThreshold(clip: ClipConfig, threshold: number): ClipConfig {
  return clip.mode === 'none' ? clip : { ...clip, threshold };
}
