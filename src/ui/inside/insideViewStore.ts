import { create } from 'zustand';
import type { DistributionQuantity } from '../../config/distributionBins';

/** What the views inside the network show: page state, not part of the experiment. */
interface InsideViewState {
  /** The distributions panel is open (the runs measure distributions only then). */
  distributionsOpen: boolean;
  quantity: DistributionQuantity;
  setDistributionsOpen: (open: boolean) => void;
  setQuantity: (quantity: DistributionQuantity) => void;
}

export const useInsideViewStore = create<InsideViewState>((set) => ({
  distributionsOpen: false,
  quantity: 'activation',
  setDistributionsOpen: (distributionsOpen) => set({ distributionsOpen }),
  setQuantity: (quantity) => set({ quantity }),
}));
