/**
 * The link keys that say what the page shows rather than what it trains: which per-layer
 * gradient view the charts open on (`view`), the step the depth profile shows (`at`), the
 * lesson whose text is open (`lesson`), and how much the gradient lines are smoothed (`smooth`). A lesson's link uses them to open the view and step its
 * text talks about. Read like every other key: a value that cannot be used is repaired to the
 * default with a notice. Pure: no tfjs, no React.
 */
import { lessonHeadById } from './lessonHeads';
import { quoteText, repair, type Repair, type RepairId, type RepairParams } from './repairs';
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
      const params = { text: quoteText(viewText), views: VIEW_VALUES_TEXT };
      repairs.push(repair('view', 'repair.notGradientView', params));
    }
  }

  const atText = params.get('at');
  if (atText !== undefined) {
    const step = /^\d{1,7}$/.test(atText) ? Number(atText) : NaN;
    if (Number.isInteger(step) && step >= 1 && step <= LIMITS.MAX_STEPS) view.atStep = step;
    else {
      const params = { text: quoteText(atText), max: String(LIMITS.MAX_STEPS) };
      repairs.push(repair('at', 'repair.notStep', params));
    }
  }

  const lessonText = params.get('lesson');
  if (lessonText !== undefined && lessonText !== '') {
    if (lessonHeadById(lessonText)) view.lesson = lessonText;
    else {
      repairs.push(repair('lesson', 'repair.noLesson', { text: quoteText(lessonText) }));
    }
  }
  const smoothText = params.get('smooth');
  if (smoothText !== undefined) {
    const read = readSmoothing(smoothText);
    view.smoothing = read.value;
    if (read.problem) repairs.push(repair('smooth', read.problem.id, read.problem.params));
  }
  return { view, repairs };
}

/**
 * `smooth=` by the links' one clamping rule: text that is not a number turns smoothing off (the
 * default); a number beyond a limit is set to it; more than two decimals are rounded.
 */
function readSmoothing(text: string): {
  value: number;
  problem: { id: RepairId; params: RepairParams } | null;
} {
  const x = /^(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(text) || /^-\d/.test(text) ? Number(text) : NaN;
  const quoted = quoteText(text);
  if (Number.isNaN(x)) {
    return { value: 0, problem: { id: 'repair.smoothingNotNumber', params: { text: quoted } } };
  }
  if (x < 0) {
    return { value: 0, problem: { id: 'repair.smoothingBelowMin', params: { text: quoted } } };
  }
  if (x > MAX_SMOOTHING) {
    const params = { text: quoted, max: String(MAX_SMOOTHING) };
    return { value: MAX_SMOOTHING, problem: { id: 'repair.smoothingAboveMax', params } };
  }
  const rounded = Number(x.toFixed(SMOOTHING_DECIMALS)) + 0;
  if (rounded === x) return { value: x + 0, problem: null };
  const params = { text: quoted, rounded: String(rounded) };
  return { value: rounded, problem: { id: 'repair.smoothingDecimals', params } };
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
