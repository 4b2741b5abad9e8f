/**
 * Which layer the page singles out: the one under the pointer (highlighted, the others dimmed)
 * and the one isolated from a legend (the only one drawn). Page view state shared by every
 * per-layer chart (gradient norms, weight norms, depth profile, heatmap), so pointing at a layer
 * in one chart shows it in all. Not part of the link: it follows the pointer. Layers are named by
 * their series key (chartData.layerKey).
 */
import { create } from 'zustand';

export interface LayerFocus {
  /** The layer under the pointer, or null. */
  hovered: string | null;
  /** The layer shown alone, or null for all layers. */
  isolated: string | null;
}

export const useLayerFocus = create<LayerFocus>(() => ({ hovered: null, isolated: null }));

export function hoverLayer(key: string | null): void {
  if (useLayerFocus.getState().hovered !== key) useLayerFocus.setState({ hovered: key });
}

/** Shows only `key`; the same key again shows every layer. */
export function toggleIsolatedLayer(key: string): void {
  const { isolated } = useLayerFocus.getState();
  useLayerFocus.setState({ isolated: isolated === key ? null : key });
}

export function showAllLayers(): void {
  useLayerFocus.setState({ isolated: null });
}

/** The layer singled out among `keys`: the isolated one, else the hovered one, else null. */
export function focusedLayer(focus: LayerFocus, keys: readonly string[]): string | null {
  if (focus.isolated !== null && keys.includes(focus.isolated)) return focus.isolated;
  if (focus.hovered !== null && keys.includes(focus.hovered)) return focus.hovered;
  return null;
}
