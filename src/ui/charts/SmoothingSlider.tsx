import { useId } from 'react';
import { MAX_SMOOTHING } from '../../config/viewKeys';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';

const setSmoothing = (smoothing: number) => useViewStore.setState({ smoothing });

/**
 * How much the gradient chart's lines are smoothed (link key `smooth`): 0 draws the measured
 * lines; above, each line is its debiased EMA (smoothing.ts) with the measured line faint behind.
 */
export function SmoothingSlider() {
  const smoothing = useViewStore((s) => s.smoothing);
  const id = useId();
  return (
    <span className="chart-smoothing">
      <label htmlFor={id}>{t('chart.smoothing')}</label>
      <input
        id={id}
        type="range"
        min={0}
        max={MAX_SMOOTHING}
        step={0.01}
        value={smoothing}
        onChange={(e) => setSmoothing(Number(e.target.value))}
        aria-valuetext={smoothing > 0 ? String(smoothing) : t('chart.smoothingOff')}
        title={t('chart.smoothingHint')}
      />
      <output htmlFor={id}>{smoothing > 0 ? smoothing.toFixed(2) : t('chart.smoothingOff')}</output>
    </span>
  );
}
