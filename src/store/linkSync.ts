import { decodeSweep } from '../config/sweepSpec';
import { decodeExperimentLink, encodeExperimentLink } from '../config/variants';
import type { Session } from '../session/session';
import type { Experiment } from '../session/sessionTypes';
import { useConfigStore } from './configStore';
import { useViewStore, viewFromHash, viewToHashSuffix, type ViewState } from './viewStore';

/** The hash is rewritten this long after the last change, so a dragged slider is one update. */
export const HASH_WRITE_DEBOUNCE_MS = 300;

/** The canonical hash of what the page shows: the experiment, then the view flags. */
export function currentLinkHash(): string {
  const { config, variants } = useConfigStore.getState();
  return encodeExperimentLink(config, variants) + viewToHashSuffix(useViewStore.getState());
}

export interface OpenedLink {
  experiment: Experiment;
  view: ViewState;
}

/**
 * Reads a link (the page's hash at start-up, or one entered later): its experiment and view
 * flags, with every repair shown in the page's notice.
 */
export function readLink(hash: string): OpenedLink | null {
  if (hash === '' || hash === '#') return null;
  const { base, variants, repairs } = decodeExperimentLink(hash);
  useConfigStore.setState({ linkRepairs: [...repairs, ...decodeSweep(hash).repairs] });
  return { experiment: { base, variants }, view: viewFromHash(hash) };
}

/**
 * Keeps the URL hash and the experiment in step: every change rewrites the hash with
 * replaceState (no history entry per slider tick), and a hash edited by hand or changed by
 * back/forward is loaded into the session.
 */
export function startLinkSync(session: Session, win: Window = window): () => void {
  /** The hash the page last loaded or wrote; any other hash in the address bar is a new link. */
  let known = win.location.hash;
  const load = () => {
    const hash = win.location.hash;
    known = hash;
    const opened = readLink(hash);
    if (!opened) return;
    const backendBefore = useViewStore.getState().backend;
    useViewStore.setState(opened.view);
    void session.setExperiment(opened.experiment);
    if (opened.view.backend !== backendBefore)
      void session.setBackend(opened.view.backend ?? 'auto');
  };
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
    if (state.config !== prev.config || state.variants !== prev.variants) scheduleWrite();
  });
  // View flags (lesson, embed, backend) travel in the link too.
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
