/**
 * The link keys that say what the page shows rather than what it trains: which per-layer
 * gradient view the charts open on (`view`), the step the depth profile shows (`at`), and the
 * lesson whose text is open (`lesson`). A lesson's link uses them to open the view and step its
 * text talks about. Read like every other key: a value that cannot be used is repaired to the
 * default with a notice. Pure: no tfjs, no React.
 */
import { lessonById } from './lessons';
import { quoteText, type Repair } from './repairs';
import { LIMITS } from './schema';

/**
 * Which per-layer quantity the gradient chart, heatmap and depth profile show. Parameter
 * gradients are what clipping acts on; the backpropagated signal dL/dz is what shows the
 * geometric growth with depth (at batch size 1 in a deep linear net, every layer's weight
 * gradient has the same norm, so only the signal shows it).
 */
export const GRADIENT_VIEWS = ['gradNorm', 'clippedGradNorm', 'signalNorm'] as const;
export type GradientView = (typeof GRADIENT_VIEWS)[number];

/** Each view's link value; `grad` is the default and is never written. */
export const GRADIENT_VIEW_LINK_VALUES: Readonly<Record<GradientView, string>> = {
  gradNorm: 'grad',
  clippedGradNorm: 'clipped',
  signalNorm: 'signal',
};
const VIEW_BY_LINK_VALUE = new Map(
  GRADIENT_VIEWS.map((view) => [GRADIENT_VIEW_LINK_VALUES[view], view] as const),
);

export interface LinkedView {
  gradientView: GradientView;
  /** The step the depth profile shows (1-based), or null for the latest step. */
  atStep: number | null;
  /** The open lesson's id, or null. */
  lesson: string | null;
}

export const DEFAULT_LINKED_VIEW: LinkedView = {
  gradientView: 'gradNorm',
  atStep: null,
  lesson: null,
};

const VIEW_VALUES_TEXT = GRADIENT_VIEWS.map((v) => GRADIENT_VIEW_LINK_VALUES[v]).join(', ');

/** Reads `view`, `at` and `lesson` from a link's parameters, repairing what cannot be used. */
export function readLinkedView(params: ReadonlyMap<string, string>): {
  view: LinkedView;
  repairs: Repair[];
} {
  const repairs: Repair[] = [];
  const view: LinkedView = { ...DEFAULT_LINKED_VIEW };

  const viewText = params.get('view');
  if (viewText !== undefined) {
    const found = VIEW_BY_LINK_VALUE.get(viewText);
    if (found) view.gradientView = found;
    else {
      repairs.push({
        path: 'view',
        reason: `${quoteText(viewText)} is not a gradient view (${VIEW_VALUES_TEXT}); showing grad`,
      });
    }
  }

  const atText = params.get('at');
  if (atText !== undefined) {
    const step = /^\d{1,7}$/.test(atText) ? Number(atText) : NaN;
    if (Number.isInteger(step) && step >= 1 && step <= LIMITS.MAX_STEPS) view.atStep = step;
    else {
      repairs.push({
        path: 'at',
        reason:
          `${quoteText(atText)} is not a step from 1 to ${LIMITS.MAX_STEPS}; ` +
          'the depth profile shows the latest step',
      });
    }
  }

  const lessonText = params.get('lesson');
  if (lessonText !== undefined && lessonText !== '') {
    if (lessonById(lessonText)) view.lesson = lessonText;
    else {
      repairs.push({
        path: 'lesson',
        reason: `there is no lesson ${quoteText(lessonText)}; opened the settings without one`,
      });
    }
  }
  return { view, repairs };
}

/** The view keys as a hash suffix ('' for the defaults), in link order. */
export function linkedViewSuffix(view: LinkedView): string {
  let suffix = '';
  if (view.gradientView !== 'gradNorm') {
    suffix += `&view=${GRADIENT_VIEW_LINK_VALUES[view.gradientView]}`;
  }
  if (view.atStep !== null) suffix += `&at=${view.atStep}`;
  if (view.lesson) suffix += `&lesson=${view.lesson}`;
  return suffix;
}
