import { GRADIENT_VIEWS, type GradientView } from '../../config/viewKeys';
import { useViewStore } from '../../store/viewStore';
import { useShownConfig } from '../shownRun';

/**
 * Which per-layer quantity the gradient chart, heatmap and depth profile show, and the step the
 * depth profile shows. Both travel in the link (`view=`, `at=`), so they live in the view store;
 * this is the charts' handle on them.
 */
export const CHART_QUANTITIES = GRADIENT_VIEWS;
export type ChartQuantity = GradientView;

interface ChartViewState {
  quantity: ChartQuantity;
  /** The step the depth profile shows, or null for the latest. */
  atStep: number | null;
  setQuantity: (quantity: ChartQuantity) => void;
  /** Shows the latest step again in the depth profile. */
  followLatest: () => void;
}

const setQuantity = (quantity: ChartQuantity) => useViewStore.setState({ gradientView: quantity });
const followLatest = () => useViewStore.setState({ atStep: null });

export function useChartViewStore<T>(selector: (state: ChartViewState) => T): T {
  return useViewStore((view) =>
    selector({ quantity: view.gradientView, atStep: view.atStep, setQuantity, followLatest }),
  );
}

/** The per-layer quantities a recurrent run has (its signal is per time step, not per tensor). */
export type TensorQuantity = Exclude<ChartQuantity, 'signalNorm'>;
export const TENSOR_QUANTITIES: readonly TensorQuantity[] = ['gradNorm', 'clippedGradNorm'];

/**
 * The quantity the per-layer charts of the shown run draw. A recurrent run measures its signal
 * per time step (the time profile and heatmap draw it), so there the signal view draws the
 * parameter gradients per tensor.
 */
export function useShownQuantity(): { quantity: ChartQuantity; recurrent: boolean } {
  const chosen = useChartViewStore((s) => s.quantity);
  const recurrent = useShownConfig().model.kind === 'rnn';
  return { quantity: recurrent && chosen === 'signalNorm' ? 'gradNorm' : chosen, recurrent };
}
