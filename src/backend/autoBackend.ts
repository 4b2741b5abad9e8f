/**
 * The automatic backend: a documented rule, decided before tfjs starts, so the first step is not
 * delayed by racing backends. Measured here (README, Performance): software WebGL (SwiftShader)
 * trains the 8 x 32 network at 66-90 steps/s and wasm at 484-488, so a software renderer means
 * wasm. A hardware WebGL is kept: it is the browser's own answer that the GPU works, and wide
 * networks gain most from it.
 */
import type { AutoBackendReason, BackendName } from '../config/backends';

/** Renderer strings of WebGL implementations that draw on the CPU. */
const SOFTWARE_RENDERER = /swiftshader|llvmpipe|softpipe|software|basic render driver/i;

export interface AutoChoice {
  name: BackendName;
  reason: AutoBackendReason;
}

/** The rule: no WebGL or a software renderer gives wasm; a hardware renderer, WebGL. */
export function chooseAutoBackend(renderer: string | null): AutoChoice {
  if (renderer === null) return { name: 'wasm', reason: 'noWebgl' };
  if (SOFTWARE_RENDERER.test(renderer)) return { name: 'wasm', reason: 'softwareWebgl' };
  return { name: 'webgl', reason: 'hardwareWebgl' };
}

/**
 * The renderer behind WebGL 2 on this thread (OffscreenCanvas in a worker, a canvas on the
 * page), or null without WebGL 2. The probe's context is released at once.
 */
export function probeWebglRenderer(): string | null {
  let canvas: OffscreenCanvas | HTMLCanvasElement | null = null;
  if (typeof OffscreenCanvas !== 'undefined') canvas = new OffscreenCanvas(1, 1);
  else if (typeof document !== 'undefined') canvas = document.createElement('canvas');
  if (!canvas) return null;
  let gl: WebGL2RenderingContext | null;
  try {
    gl = canvas.getContext('webgl2') as WebGL2RenderingContext | null;
  } catch {
    return null;
  }
  if (!gl) return null;
  const debug = gl.getExtension('WEBGL_debug_renderer_info');
  const renderer = String(
    gl.getParameter(debug ? debug.UNMASKED_RENDERER_WEBGL : gl.RENDERER) ?? '',
  );
  gl.getExtension('WEBGL_lose_context')?.loseContext();
  return renderer;
}
