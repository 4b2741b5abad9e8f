import { GRADIENT_VIEWS, type GradientView } from '../../config/viewKeys';
import { useViewStore } from '../../store/viewStore';

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
