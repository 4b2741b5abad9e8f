import { lazy, Suspense, useState } from 'react';
import { useConfigStore } from '../../store/configStore';
import { useSessionStore } from '../../store/sessionStore';
import { t } from '../i18n/messages';

/**
 * The repair notice, loaded with the words of every repair (en/repairs.ts) the first time a
 * link needs repairing: most links need none, and those words weigh more than the notice.
 */
const RepairNotice = lazy(() => import('./RepairNotice'));

/** Backend, error and link-repair notices. Link text is shown as text, never as HTML. */
export function Notices() {
  const published = useSessionStore((s) => s.backendNotice);
  // Dismissing hides this notice; a later, different one shows again.
  const [dismissed, setDismissed] = useState<string | null>(null);
  const backendNotice = published === dismissed ? null : published;
  const error = useSessionStore((s) => s.error);
  const repairs = useConfigStore((s) => s.linkRepairs);
  return (
    <>
      {backendNotice && (
        <div className="banner banner-warn" role="status" data-testid="backend-notice">
          {backendNoticeText(backendNotice)}{' '}
          <button type="button" onClick={() => setDismissed(published)}>
            {t('notice.dismiss')}
          </button>
        </div>
      )}
      {error && (
        <div className="banner banner-danger" role="alert" data-testid="error-notice">
          {t('notice.error', { message: error })}
        </div>
      )}
      {repairs.length > 0 && (
        <Suspense fallback={null}>
          <RepairNotice repairs={repairs} />
        </Suspense>
      )}
    </>
  );
}

function backendNoticeText(notice: string): string {
  if (notice.startsWith('fallback:')) {
    const [, wanted = 'webgl', actual = 'cpu'] = notice.split(':');
    return t('notice.fallback', { wanted, actual });
  }
  if (notice === 'float16') return t('notice.float16');
  if (notice === 'contextLost') return t('notice.contextLost');
  if (notice === 'contextRestored') return t('notice.contextRestored');
  if (notice === 'workerRestarting') return t('notice.workerRestarting');
  if (notice === 'workerRestarted') return t('notice.workerRestarted');
  return notice;
}
