import { t } from '../i18n/messages';
import { useChartViewStore } from './chartViewStore';

/**
 * The step a depth profile shows, beside its title; when the link pins a step (`at=`), says so
 * and offers to follow the latest step instead.
 */
export function ShownStepAside({ step, pinned }: { step: number | null; pinned: boolean }) {
  const followLatest = useChartViewStore((s) => s.followLatest);
  if (step === null && !pinned) return null;
  return (
    <span className="chart-title-aside" data-testid="shown-step" data-step={step ?? ''}>
      {step === null ? '' : t(pinned ? 'chart.depthStepPinned' : 'chart.depthStep', { step })}
      {pinned && (
        <>
          {' '}
          <button type="button" className="link-button" onClick={followLatest}>
            {t('chart.followLatest')}
          </button>
        </>
      )}
    </span>
  );
}
