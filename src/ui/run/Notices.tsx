import { useConfigStore } from '../../store/configStore';
import { useRunStore } from '../../store/runStore';
import { t } from '../i18n/messages';

/** Backend, error and link-repair notices. Link text is shown as text, never as HTML. */
export function Notices() {
  const backendNotice = useRunStore((s) => s.backendNotice);
  const error = useRunStore((s) => s.error);
  const repairs = useConfigStore((s) => s.linkRepairs);
  const dismissRepairs = useConfigStore((s) => s.dismissRepairs);
  return (
    <>
      {backendNotice && (
        <div className="banner banner-warn" role="status" data-testid="backend-notice">
          {backendNoticeText(backendNotice)}{' '}
          <button type="button" onClick={() => useRunStore.setState({ backendNotice: null })}>
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
                <code>{r.path}</code>: {r.reason}
              </li>
            ))}
          </ul>
          <button type="button" onClick={dismissRepairs}>
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
  return notice;
}
