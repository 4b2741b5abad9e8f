/** Clip-mode switching for the Gradient control section, as pure functions. */
import {
  DEFAULT_CLIP_PERCENTILE,
  defaultClip,
  type ClipConfig,
  type ClipMode,
} from '../../config/schema';

/**
 * The threshold a clip config uses, or `remembered` when it has none (no clipping, or AutoClip,
 * whose threshold follows its percentile): the slider still shows the one the user gets back.
 */
export function thresholdOf(clip: ClipConfig, remembered: number): number {
  return 'threshold' in clip ? clip.threshold : remembered;
}

/** AutoClip's percentile, or `remembered` in any other mode. */
export function percentileOf(clip: ClipConfig, remembered = DEFAULT_CLIP_PERCENTILE): number {
  return clip.mode === 'auto' ? clip.percentile : remembered;
}

/**
 * Clipping in `mode`, keeping the current threshold and percentile (or the remembered ones
 * where the current mode has none).
 */
export function switchClipMode(
  clip: ClipConfig,
  mode: ClipMode,
  rememberedThreshold: number,
  rememberedPercentile = DEFAULT_CLIP_PERCENTILE,
): ClipConfig {
  return defaultClip(
    mode,
    thresholdOf(clip, rememberedThreshold),
    percentileOf(clip, rememberedPercentile),
  );
}

/** Clipping with a new threshold; modes without one (none, AutoClip) stay as they are. */
export function withThreshold(clip: ClipConfig, threshold: number): ClipConfig {
  return 'threshold' in clip ? { ...clip, threshold } : clip;
}

/** AutoClip with a new percentile; other modes stay as they are. */
export function withPercentile(clip: ClipConfig, percentile: number): ClipConfig {
  return clip.mode === 'auto' ? { mode: 'auto', percentile } : clip;
}
