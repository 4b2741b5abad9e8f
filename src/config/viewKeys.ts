/**
 * The link keys that say what the page shows rather than what it trains: which per-layer
 * gradient view the charts open on (`view`), the step the depth profile shows (`at`), the
 * lesson whose text is open (`lesson`), and how much the gradient lines are smoothed (`smooth`). A lesson's link uses them to open the view and step its
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
  /**
   * EMA weight of the gradient chart's smoothed lines, 0 (off: the measured lines) to
   * MAX_SMOOTHING, in steps of 0.01 (ui/charts/smoothing.ts).
   */
  smoothing: number;
}

/** Above this the smoothed line hardly moves: 0.99 averages over about 100 steps. */
export const MAX_SMOOTHING = 0.99;
/** Smoothing is written and kept with two decimals, the slider's step. */
const SMOOTHING_DECIMALS = 2;

export const DEFAULT_LINKED_VIEW: LinkedView = {
  gradientView: 'gradNorm',
  atStep: null,
  lesson: null,
  smoothing: 0,
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
  const smoothText = params.get('smooth');
  if (smoothText !== undefined) {
    const read = readSmoothing(smoothText);
    view.smoothing = read.value;
    if (read.reason) repairs.push({ path: 'smooth', reason: read.reason });
  }
  return { view, repairs };
}

/**
 * `smooth=` by the links' one clamping rule: text that is not a number turns smoothing off (the
 * default); a number beyond a limit is set to it; more than two decimals are rounded.
 */
function readSmoothing(text: string): { value: number; reason: string | null } {
  const x = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) || /^-\d/.test(text) ? Number(text) : NaN;
  if (Number.isNaN(x)) {
    return { value: 0, reason: `${quoteText(text)} is not a number; smoothing is off (0)` };
  }
  if (x < 0) return { value: 0, reason: `${quoteText(text)} is below the minimum 0; set to 0` };
  if (x > MAX_SMOOTHING) {
    return {
      value: MAX_SMOOTHING,
      reason: `${quoteText(text)} is above the maximum ${MAX_SMOOTHING}; set to ${MAX_SMOOTHING}`,
    };
  }
  const rounded = Number(x.toFixed(SMOOTHING_DECIMALS)) + 0;
  return rounded === x
    ? { value: x + 0, reason: null }
    : {
        value: rounded,
        reason: `${quoteText(text)} has more than two decimals; rounded to ${rounded}`,
      };
}

/** The view keys as a hash suffix ('' for the defaults), in link order. */
export function linkedViewSuffix(view: LinkedView): string {
  let suffix = '';
  if (view.gradientView !== 'gradNorm') {
    suffix += `&view=${GRADIENT_VIEW_LINK_VALUES[view.gradientView]}`;
  }
  if (view.atStep !== null) suffix += `&at=${view.atStep}`;
  if (view.lesson) suffix += `&lesson=${view.lesson}`;
  if (view.smoothing > 0) suffix += `&smooth=${view.smoothing}`;
  return suffix;
}
