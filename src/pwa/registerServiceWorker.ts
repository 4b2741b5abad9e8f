/// <reference types="vite-plugin-pwa/vanillajs" />
/**
 * Registers the Workbox service worker that vite-plugin-pwa generates (vite.config.ts), which
 * precaches the whole build so that the app opens and trains offline after the first visit.
 * A lazy chunk, loaded after the page has loaded, so it costs the first load nothing.
 */
import { registerSW } from 'virtual:pwa-register';
import { useAppUpdateStore } from '../store/appUpdateStore';

export function registerServiceWorker(): void {
  const updateSW = registerSW({
    immediate: true,
    // A new version has installed and waits: the page offers to reload into it (UpdateNotice).
    onNeedRefresh: () => useAppUpdateStore.setState({ reloadToUpdate: () => void updateSW(true) }),
  });
}
