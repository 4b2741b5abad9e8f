import { useState } from 'react';
import { dismissLinkRepairs, useConfigStore } from '../../store/configStore';
import { useSessionStore } from '../../store/sessionStore';
import { t } from '../i18n/messages';
import { repairMessage } from '../i18n/repairText';

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
        <div className="banner banner-warn" role="status" data-testid="repair-notice">
          <span>{t('notice.repairsTitle')}</span>
          <ul>
            {repairs.slice(0, 12).map((r, i) => (
              <li key={i}>
                {r.path === '' ? null : (
                  <>
                    <code>{r.path}</code>:{' '}
                  </>
                )}
                {repairMessage(r)}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismissLinkRepairs}>
            {t('notice.dismiss')}
          </button>
        </div>
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
