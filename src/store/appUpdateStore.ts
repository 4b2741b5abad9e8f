import { create } from 'zustand';

/**
 * Whether a new version of the installed app is waiting (its service worker installed, the
 * page still on the old one), and how to switch to it. Written by src/pwa.
 */
interface AppUpdateState {
  /** Activates the waiting version and reloads the page; null while none waits. */
  reloadToUpdate: (() => void) | null;
}

export const useAppUpdateStore = create<AppUpdateState>(() => ({ reloadToUpdate: null }));
