import { useHistorySnapshot } from '../charts/hooks';
import { formatMeasured } from '../charts/format';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';

/**
 * What clipping did in the shown run: the share of steps it changed so far, and at the newest
 * step the clip factor (global norm after / before clipping), the cosine between the raw and
 * the clipped gradient, and the threshold used. The cosine tells global-norm clipping (and
 * AutoClip), which only shortens the gradient (cosine 1, PyTorch clip_grad_norm_), from
 * per-tensor and by-value clipping, which also turn it (Keras clipnorm, clipvalue).
 */
export function ClipStats() {
  const clip = useShownConfig().gradient.clip;
  const history = useHistorySnapshot();
  const latest = history.steps[history.steps.length - 1];
  if (clip.mode === 'none' || !latest || history.trainedSteps === 0) return null;
  const share = history.clippedSteps / history.trainedSteps;
  const factor = latest.globalNorm > 0 ? latest.clippedGlobalNorm / latest.globalNorm : 1;
  return (
    <div className="clip-stats" data-testid="clip-stats" aria-live="off">
      <p>
        {t('controls.clipStatsShare', {
          clipped: history.clippedSteps,
          steps: history.trainedSteps,
          share: `${(100 * share).toFixed(share > 0 && share < 0.01 ? 1 : 0)}%`,
        })}
      </p>
      <p>
        {t('controls.clipStatsStep', {
          step: latest.step,
          factor: formatMeasured(factor),
          cosine: formatMeasured(latest.clipCosine),
        })}
        {latest.clipThreshold !== null &&
          clip.mode === 'auto' &&
          ' ' +
            t('controls.clipStatsThreshold', { threshold: formatMeasured(latest.clipThreshold) })}
      </p>
      <p className="clip-stats-why">{t('controls.clipStatsWhy')}</p>
    </div>
  );
}
