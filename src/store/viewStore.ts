import { create } from 'zustand';
import { isBackendName, type BackendName } from '../config/backends';
import { parseHashParams } from '../config/codec';
import { languageSuffix, readLinkedLanguage, type Language } from '../config/languageKey';
import { repair, type Repair } from '../config/repairs';
import { readSeedsKey, seedsHashSuffix } from '../config/seedsKey';
import { decodeSweep, sweepHashSuffix, type SweepSpec } from '../config/sweepSpec';
import { linkedViewSuffix, readLinkedView, type GradientView } from '../config/viewKeys';

/** Sliders an embedded page can show, named by their link keys. */
export const EMBED_CONTROLS = ['lr', 'clip', 'gain', 'gscale', 'layers', 'act', 'init'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];

/**
 * Page settings that travel in the link but are not part of the experiment:
 * - embed: `embed=1` hides every control but play/reset; `embed=lr,clip` also shows those.
 * - lesson: the id of the lesson the link came from, to show its explanation.
 * - backend: `backend=webgl`, `wasm` or `cpu` trains there instead of on the automatic choice
 *   (the default, null here; `backend=auto` says so explicitly). The numbers are the same maths
 *   on another device, so it is not part of the experiment.
 * - gradientView: `view=clipped` or `view=signal`: what the per-layer charts show.
 * - atStep: `at=1`: the step the depth profile shows (null: the latest).
 * - smoothing: `smooth=0.6`: EMA weight of the gradient chart's lines (0, the default: off).
 * - sweep: `sweep=gain:0.25..4:13,depth:2..48:12` (and `sweepsteps=K`) opens the regime map of
 *   the experiment over those settings (config/sweepSpec.ts).
 * - seeds: `seeds=8` opens the seed bands: the runs on screen with that many seeds each
 *   (config/seedBands.ts). One of the two at a time: a link with both opens the regime map.
 * - lang: `lang=zh-CN` or `lang=en` shows the page in that language (config/languageKey.ts);
 *   null: the link names none, and the page follows the viewer's choice. It is set by a link
 *   that carries it or by picking a language in the page, so Copy link carries it exactly then.
 */
export interface ViewState {
  embed: EmbedControl[] | null;
  lesson: string | null;
  backend: BackendName | null;
  gradientView: GradientView;
  atStep: number | null;
  smoothing: number;
  sweep: SweepSpec | null;
  /** Seeds per run of the seed-band view, or null when it is closed. */
  seeds: number | null;
  lang: Language | null;
}

export const DEFAULT_VIEW: ViewState = {
  embed: null,
  lesson: null,
  backend: null,
  gradientView: 'gradNorm',
  atStep: null,
  smoothing: 0,
  sweep: null,
  seeds: null,
  lang: null,
};

export const useViewStore = create<ViewState>(() => DEFAULT_VIEW);

/**
 * Reads the view flags of a hash. Unknown embed and backend names are ignored; a gradient
 * view, step or lesson that cannot be used is repaired with a notice (config/viewKeys.ts). The
 * sweep's repairs are listed with the link's (store/linkSync.ts readLink).
 */
export function readViewFromHash(hash: string): { view: ViewState; repairs: Repair[] } {
  const params = parseHashParams(hash);
  const embedText = params.get('embed');
  let embed: EmbedControl[] | null = null;
  if (embedText !== undefined && embedText !== '0' && embedText.toLowerCase() !== 'off') {
    const names = embedText.split(',').map((s) => s.trim());
    embed = EMBED_CONTROLS.filter((c) => names.includes(c));
  }
  // The automatic choice is the default and is never written; unknown names are ignored like
  // unknown keys.
  const backendText = params.get('backend');
  const backend = isBackendName(backendText) ? backendText : null;
  const { sweep } = decodeSweep(hash);
  const { view, repairs } = readLinkedView(params);
  const { language, repairs: languageRepairs } = readLinkedLanguage(params);
  const { seeds, repairs: seedRepairs } = readSeedsKey(params);
  if (seeds !== null && sweep !== null) {
    seedRepairs.push(repair('seeds', 'repair.seedsWithSweep'));
  }
  return {
    view: { embed, backend, sweep, seeds: sweep === null ? seeds : null, ...view, lang: language },
    repairs: [...repairs, ...languageRepairs, ...seedRepairs],
  };
}

/** The view flags of a hash, without the repairs. */
export function viewFromHash(hash: string): ViewState {
  return readViewFromHash(hash).view;
}

/** The view flags as a hash suffix ('' when none), written after the config's keys. */
export function viewToHashSuffix(view: ViewState): string {
  let suffix = linkedViewSuffix(view);
  if (view.embed) suffix += `&embed=${view.embed.length > 0 ? view.embed.join(',') : '1'}`;
  if (view.backend) suffix += `&backend=${view.backend}`;
  return (
    suffix + sweepHashSuffix(view.sweep) + seedsHashSuffix(view.seeds) + languageSuffix(view.lang)
  );
}
