import { useId, useState } from 'react';
import type { Repair } from '../../config/repairs';
import { dismissLinkRepairs } from '../../store/configStore';
import { repairMessages } from '../i18n/en/repairs';
import { addEnglishMessages, t } from '../i18n/messages';
import { repairMessage } from '../i18n/repairText';

addEnglishMessages(repairMessages);

/**
 * Lines the notice shows before "Show all": enough for the usual one or two typos, few enough
 * that a hostile link's dozens of repairs do not push the charts off a laptop screen.
 */
const FIRST_REPAIR_LINES = 5;

/**
 * What the link said that the page changed, one line per repair, in the page's language. A
 * long list opens with its first lines and a "Show all N" button; the whole list then scrolls
 * within the notice (focusable, so the arrow keys scroll it too).
 */
export default function RepairNotice({ repairs }: { repairs: readonly Repair[] }) {
  const [all, setAll] = useState(false);
  const listId = useId();
  const long = repairs.length > FIRST_REPAIR_LINES;
  const shown = all || !long ? repairs : repairs.slice(0, FIRST_REPAIR_LINES);
  return (
    <div className="banner banner-warn" role="status" data-testid="repair-notice">
      <span id={`${listId}-title`}>{t('notice.repairsTitle')}</span>
      <ul
        id={listId}
        className={all ? 'repair-list repair-list-all' : 'repair-list'}
        // Scrollable once expanded: a keyboard user reaches every line with the arrow keys.
        tabIndex={all ? 0 : undefined}
        aria-labelledby={`${listId}-title`}
      >
        {shown.map((r, i) => (
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
      {long && (
        <button
          type="button"
          aria-expanded={all}
          aria-controls={listId}
          onClick={() => setAll(!all)}
        >
          {all
            ? t('notice.repairsShowFewer')
            : t('notice.repairsShowAll', { count: repairs.length })}
        </button>
      )}{' '}
      <button type="button" onClick={dismissLinkRepairs}>
        {t('notice.dismiss')}
      </button>
    </div>
  );
}
