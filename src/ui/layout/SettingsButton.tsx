import { t } from '../i18n/messages';
import { SETTINGS_PANEL_ID, SETTINGS_TOGGLE_ID, useSettingsDrawer } from './settingsDrawer';

/** Opens and closes the settings drawer; drawn only on narrow screens (smallScreens.css). */
export function SettingsButton() {
  const open = useSettingsDrawer((s) => s.open);
  const setOpen = useSettingsDrawer((s) => s.setOpen);
  return (
    <button
      type="button"
      id={SETTINGS_TOGGLE_ID}
      className="settings-toggle"
      aria-expanded={open}
      aria-controls={SETTINGS_PANEL_ID}
      onClick={() => setOpen(!open)}
    >
      {t('layout.settings')}
    </button>
  );
}
