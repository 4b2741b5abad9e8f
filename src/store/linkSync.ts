import { isOnLesson } from '../config/lessonLink';
import { lessonHeadById } from '../config/lessonHeads';
import type { ExperimentConfig } from '../config/schema';
import { decodeSweep } from '../config/sweepSpec';
import { decodeExperimentLink, encodeExperimentLink, type VariantSpec } from '../config/variants';
import type { Session } from '../session/session';
import type { Experiment } from '../session/sessionTypes';
import { useConfigStore } from './configStore';
import { readViewFromHash, useViewStore, viewToHashSuffix, type ViewState } from './viewStore';

/** The hash is rewritten this long after the last change, so a dragged slider is one update. */
export const HASH_WRITE_DEBOUNCE_MS = 300;

/**
 * The canonical hash of an experiment and view: the experiment, then the view flags. A lesson
 * the experiment no longer matches (the user changed a setting) is left out: the link would
 * otherwise promise a text that its settings contradict.
 */
export function linkHashOf(
  base: ExperimentConfig,
  variants: readonly VariantSpec[],
  view: ViewState,
): string {
  const lesson = view.lesson === null ? undefined : lessonHeadById(view.lesson);
  const onLesson = lesson !== undefined && isOnLesson(lesson, base, variants);
  return (
    encodeExperimentLink(base, variants) +
    viewToHashSuffix({ ...view, lesson: onLesson ? view.lesson : null })
  );
}

/** The canonical hash of what the page shows (what Copy link copies). */
export function currentLinkHash(): string {
  const { config, variants } = useConfigStore.getState();
  return linkHashOf(config, variants, useViewStore.getState());
}

export interface OpenedLink {
  experiment: Experiment;
  view: ViewState;
  /** The link as it should read: canonical, and without what had to be repaired. */
  repairedHash: string | null;
}

/**
 * Reads a link (the page's hash at start-up, or one entered later): its experiment and view
 * flags, with every repair shown in the page's notice.
 */
export function readLink(hash: string): OpenedLink | null {
  if (hash === '' || hash === '#') return null;
  const { base, variants, repairs } = decodeExperimentLink(hash);
  const read = readViewFromHash(hash);
  const allRepairs = [...repairs, ...read.repairs, ...decodeSweep(hash).repairs];
  useConfigStore.setState({ linkRepairs: allRepairs });
  const repairedHash = allRepairs.length > 0 ? linkHashOf(base, variants, read.view) : null;
  return { experiment: { base, variants }, view: read.view, repairedHash };
}

/**
 * Keeps the URL hash and the experiment in step: every change rewrites the hash with
 * replaceState (no history entry per slider tick), and a hash edited by hand or changed by
 * back/forward is loaded into the session. A link that needed repairs is replaced in the
 * address bar by its repaired form, so the link a student copies from there opens cleanly.
 */
export function startLinkSync(
  session: Session,
  win: Window = window,
  opened: OpenedLink | null = null,
): () => void {
  /** The hash the page last loaded or wrote; any other hash in the address bar is a new link. */
  let known = win.location.hash;
  const replaceRepaired = (link: OpenedLink | null) => {
    if (!link?.repairedHash) return;
    win.history.replaceState(win.history.state, '', link.repairedHash);
    known = win.location.hash;
  };
  replaceRepaired(opened);
  const load = () => {
    const hash = win.location.hash;
    known = hash;
    const opened = readLink(hash);
    if (!opened) return;
    replaceRepaired(opened);
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
