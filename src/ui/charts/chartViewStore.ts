import { create } from 'zustand';

/**
 * Which per-layer quantity the gradient chart, heatmap and depth profile show. Parameter
 * gradients are what clipping acts on; the backpropagated signal dL/dz is what shows the
 * geometric growth with depth (at batch size 1 in a deep linear net, every layer's weight
 * gradient has the same norm, so only the signal shows it).
 */
export const CHART_QUANTITIES = ['gradNorm', 'clippedGradNorm', 'signalNorm'] as const;
export type ChartQuantity = (typeof CHART_QUANTITIES)[number];

interface ChartViewState {
  quantity: ChartQuantity;
  setQuantity: (quantity: ChartQuantity) => void;
}

export const useChartViewStore = create<ChartViewState>((set) => ({
  quantity: 'gradNorm',
  setQuantity: (quantity) => set({ quantity }),
}));
