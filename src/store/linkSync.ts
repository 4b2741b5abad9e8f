import { decodeConfig, encodeConfig } from '../config/codec';
import { useConfigStore } from './configStore';
import { useViewStore, viewFromHash, viewToHashSuffix } from './viewStore';

/** The hash is rewritten this long after the last change, so a dragged slider is one update. */
export const HASH_WRITE_DEBOUNCE_MS = 300;

/** The canonical hash of what the page shows: the config, then the view flags. */
export function currentLinkHash(): string {
  return encodeConfig(useConfigStore.getState().config) + viewToHashSuffix(useViewStore.getState());
}

/**
 * Keeps the URL hash and the config in step: the page opens with the link's config (repaired
 * when needed, with a notice), every change rewrites the hash with replaceState (no history entry
 * per slider tick), and a hash edited by hand or changed by back/forward is loaded.
 */
export function startLinkSync(win: Window = window): () => void {
  const load = () => {
    const hash = win.location.hash;
    if (hash === '' || hash === '#') return;
    const { config, repairs } = decodeConfig(hash);
    useViewStore.setState(viewFromHash(hash));
    useConfigStore.getState().loadFromLink(config, repairs);
  };
  load();
  let timer: ReturnType<typeof setTimeout> | null = null;
  const scheduleWrite = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      const hash = currentLinkHash();
      if (hash !== win.location.hash) win.history.replaceState(win.history.state, '', hash);
    }, HASH_WRITE_DEBOUNCE_MS);
  };
  const unsubscribeConfig = useConfigStore.subscribe((state, prev) => {
    if (state.config !== prev.config) scheduleWrite();
  });
  // View flags (lesson, embed) travel in the link too.
  const unsubscribeView = useViewStore.subscribe(scheduleWrite);
  // replaceState never fires hashchange, so this only sees hand edits and back/forward.
  const onHashChange = () => load();
  win.addEventListener('hashchange', onHashChange);
  return () => {
    unsubscribeConfig();
    unsubscribeView();
    win.removeEventListener('hashchange', onHashChange);
    if (timer) clearTimeout(timer);
  };
}
