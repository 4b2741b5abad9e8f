import { useAppUpdateStore } from '../../store/appUpdateStore';
import { t } from '../i18n/messages';

/**
 * "A new version is ready": shown when the installed app has downloaded an update. It never
 * reloads by itself, so a lesson in progress is not cut off; Reload switches when it suits.
 */
export function UpdateNotice() {
  const reload = useAppUpdateStore((s) => s.reloadToUpdate);
  if (!reload) return null;
  return (
    <div className="banner banner-info" role="status" data-testid="update-notice">
      {t('notice.updateReady')}{' '}
      <button type="button" onClick={reload}>
        {t('notice.updateReload')}
      </button>
    </div>
  );
}
