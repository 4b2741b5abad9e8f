import { BACKEND_PREFERENCES, type BackendPreference } from '../../config/backends';
import { chooseBackend } from '../../store/pageSession';
import { useSessionStore } from '../../store/sessionStore';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';

/**
 * Which tfjs backend trains: Automatic (the default: the fastest kind for this machine, see the
 * badge beside it for what it picked and why), or WebGL, wasm or the CPU by hand. Switching
 * starts the run afresh from the same seed.
 */
export function BackendSelect() {
  const started = useSessionStore((s) => s.backend !== null);
  const chosen = useViewStore((s) => s.backend ?? 'auto');
  // Named for screen readers rather than labelled on screen: the run bar has no width to spare
  // at 1366 px, and the badge beside it says what the menu is.
  return (
    <select
      className="backend-select"
      aria-label={t('run.backendSelect')}
      title={t('run.backendSelectTitle')}
      value={chosen}
      disabled={!started}
      onChange={(e) => chooseBackend(e.target.value as BackendPreference)}
    >
      {BACKEND_PREFERENCES.map((name) => (
        <option key={name} value={name}>
          {t(`run.backendName.${name}`)}
        </option>
      ))}
    </select>
  );
}
