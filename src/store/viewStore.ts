import { create } from 'zustand';
import { isBackendName, type BackendName } from '../config/backends';
import { parseHashParams } from '../config/codec';
import type { Repair } from '../config/repairs';
import { linkedViewSuffix, readLinkedView, type GradientView } from '../config/viewKeys';

/** Sliders an embedded page can show, named by their link keys. */
export const EMBED_CONTROLS = ['lr', 'clip', 'gain', 'gscale', 'layers', 'act', 'init'] as const;
export type EmbedControl = (typeof EMBED_CONTROLS)[number];

/**
 * Page settings that travel in the link but are not part of the experiment:
 * - embed: `embed=1` hides every control but play/reset; `embed=lr,clip` also shows those.
 * - lesson: the id of the lesson the link came from, to show its explanation.
 * - backend: `backend=wasm` or `backend=cpu` trains there instead of on WebGL (the default).
 *   The numbers are the same maths on another device, so it is not part of the experiment.
 * - gradientView: `view=clipped` or `view=signal`: what the per-layer charts show.
 * - atStep: `at=1`: the step the depth profile shows (null: the latest).
 */
export interface ViewState {
  embed: EmbedControl[] | null;
  lesson: string | null;
  backend: BackendName | null;
  gradientView: GradientView;
  atStep: number | null;
}

export const DEFAULT_VIEW: ViewState = {
  embed: null,
  lesson: null,
  backend: null,
  gradientView: 'gradNorm',
  atStep: null,
};

export const useViewStore = create<ViewState>(() => DEFAULT_VIEW);

/**
 * Reads the view flags of a hash. Unknown embed and backend names are ignored; a gradient
 * view, step or lesson that cannot be used is repaired with a notice (config/viewKeys.ts).
 */
export function readViewFromHash(hash: string): { view: ViewState; repairs: Repair[] } {
  const params = parseHashParams(hash);
  const embedText = params.get('embed');
  let embed: EmbedControl[] | null = null;
  if (embedText !== undefined && embedText !== '0' && embedText.toLowerCase() !== 'off') {
    const names = embedText.split(',').map((s) => s.trim());
    embed = EMBED_CONTROLS.filter((c) => names.includes(c));
  }
  // WebGL is the default and is never written; unknown names are ignored like unknown keys.
  const backendText = params.get('backend');
  const backend = isBackendName(backendText) && backendText !== 'webgl' ? backendText : null;
  const { view, repairs } = readLinkedView(params);
  return { view: { embed, backend, ...view }, repairs };
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
  return suffix;
}
