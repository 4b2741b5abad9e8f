import { formatFixed } from '../i18n/numberFormat';
import type { SweepResult, SweepStatus } from '../../store/sweepStore';
import { t } from '../i18n/messages';

/** The progress bar and what the sweep is doing (or why it stopped), and whether it is stale. */
export function SweepProgress(props: {
  status: SweepStatus;
  result: SweepResult | null;
  error: string | null;
  backend: string;
  stale: boolean;
}) {
  const { status, result, error, backend, stale } = props;
  const total = result?.cells.length ?? 0;
  const done = result?.done ?? 0;
  return (
    <div className="sweep-status" role="status">
      <progress
        data-testid="sweep-progress"
        aria-label={t('sweep.progressLabel')}
        max={Math.max(1, total)}
        value={done}
      />
      <span data-testid="sweep-progress-text">
        {status === 'cancelled'
          ? t('sweep.cancelled', { done, total })
          : status === 'error'
            ? t('sweep.error', { error: error ?? '' })
            : t('sweep.progress', {
                done,
                total,
                seconds: formatFixed((result?.elapsedMs ?? 0) / 1000, 1),
                backend: result?.backend ?? backend,
              })}
      </span>
      {stale && status !== 'running' && <span className="sweep-stale">{t('sweep.stale')}</span>}
    </div>
  );
}
