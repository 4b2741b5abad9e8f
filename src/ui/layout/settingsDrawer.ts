import { create } from 'zustand';

/** The id the Settings button's aria-controls names: the settings column. */
export const SETTINGS_PANEL_ID = 'settings-panel';
/** The Settings button's id, where focus returns when the drawer closes. */
export const SETTINGS_TOGGLE_ID = 'settings-toggle';

interface SettingsDrawerState {
  /** Whether the settings drawer is open. Only narrow screens draw it as a drawer. */
  open: boolean;
  setOpen: (open: boolean) => void;
}

/**
 * On phones and tablets the settings column is a drawer over the charts, opened from the run
 * bar; on wider screens it is always shown beside them and this state changes nothing drawn.
 */
export const useSettingsDrawer = create<SettingsDrawerState>((set) => ({
  open: false,
  setOpen: (open) => set({ open }),
}));

/** Closes the drawer and gives focus back to the button that opened it. */
export function closeSettingsDrawer(): void {
  useSettingsDrawer.getState().setOpen(false);
  document.getElementById(SETTINGS_TOGGLE_ID)?.focus();
}
