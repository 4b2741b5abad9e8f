import { t } from '../i18n/messages';
import { useInsideViewStore } from './insideViewStore';

/** The button that opens and closes the distributions panel. */
export function DistributionsToggle() {
  const open = useInsideViewStore((s) => s.distributionsOpen);
  const setOpen = useInsideViewStore((s) => s.setDistributionsOpen);
  return (
    <button
      type="button"
      className="dist-toggle"
      aria-pressed={open}
      data-testid="distributions-toggle"
      onClick={() => setOpen(!open)}
    >
      {t('inside.distToggle')}
    </button>
  );
}
