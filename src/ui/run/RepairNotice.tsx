import type { Repair } from '../../config/repairs';
import { dismissLinkRepairs } from '../../store/configStore';
import { repairMessages } from '../i18n/en/repairs';
import { addEnglishMessages, t } from '../i18n/messages';
import { repairMessage } from '../i18n/repairText';

addEnglishMessages(repairMessages);

/** What the link said that the page changed, one line per repair, in the page's language. */
export default function RepairNotice({ repairs }: { repairs: readonly Repair[] }) {
  return (
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
  );
}
