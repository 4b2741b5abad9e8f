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
  /** The hash the page last loaded or wrote; any other hash in the address bar is a new link. */
  let known = win.location.hash;
  const load = () => {
    const hash = win.location.hash;
    known = hash;
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
      // A link entered since the last load waits for its hashchange event, which may still be
      // queued behind this timer: writing now would replace it before it is read.
      if (win.location.hash !== known) return;
      const hash = currentLinkHash();
      if (hash !== known) {
        win.history.replaceState(win.history.state, '', hash);
        known = hash;
      }
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
