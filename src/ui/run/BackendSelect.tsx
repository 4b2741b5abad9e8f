import { PAGE_BACKENDS, type BackendName } from '../../config/backends';
import { chooseBackend } from '../../store/pageSession';
import { useSessionStore } from '../../store/sessionStore';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';

/**
 * Which tfjs backend trains. WebGL is the default; for small networks wasm or the CPU can be
 * faster (the steps/s beside it shows it). Switching starts the run afresh from the same seed.
 */
export function BackendSelect() {
  const active = useSessionStore((s) => s.backend?.name ?? null);
  const chosen = useViewStore((s) => s.backend ?? 'webgl');
  // Named for screen readers rather than labelled on screen: the run bar has no width to spare
  // at 1366 px, and the badge beside it says what the menu is.
  return (
    <select
      className="backend-select"
      aria-label={t('run.backendSelect')}
      title={t('run.backendSelectTitle')}
      value={active ?? chosen}
      disabled={active === null}
      onChange={(e) => chooseBackend(e.target.value as BackendName)}
    >
      {PAGE_BACKENDS.map((name) => (
        <option key={name} value={name}>
          {t(`run.backendName.${name}`)}
        </option>
      ))}
    </select>
  );
}
