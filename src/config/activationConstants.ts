/**
 * Fixed constants of the activations in schema.ts's ACTIVATIONS that are not settings in a link.
 * They live in config, not engine, because the UI needs them too (the initialization theory in
 * ui/charts/theory.ts) and engine modules import tfjs: a UI import from engine would pull tfjs
 * into the page's first-load chunk.
 */

/** Slope for negative inputs of leaky ReLU: PyTorch's default (tfjs layers default to 0.2). */
export const LEAKY_RELU_ALPHA = 0.01;
