import '@tensorflow/tfjs-backend-cpu';
import { MathBackendWebGL } from '@tensorflow/tfjs-backend-webgl';
import * as tf from '../engine/tf';
import {
  PAGE_BACKENDS,
  type AutoBackendReason,
  type BackendInfo,
  type BackendName,
  type BackendPreference,
} from '../config/backends';
import { chooseAutoBackend, probeWebglRenderer } from './autoBackend';
import { registerHostDistributions } from './hostDistributions';
import { registerHostSumsOfSquares } from './hostSumsOfSquares';
import { registerWasmBackend } from './wasmBackend';
import { registerWebglFlatConcat } from './webglFlatConcat';
import { registerWebglSaturationShares } from './webglSaturationShares';
import { registerWebglSegmentCounts } from './webglSegmentCounts';
import { registerWebglSumsOfSquares } from './webglSumsOfSquares';

// The engine's norms in one kernel call per backend (wasm's is registered with its backend),
// and on WebGL the distributions' counting on the GPU (engine/segmentCounts.ts).
registerWebglSumsOfSquares();
registerWebglSegmentCounts();
registerWebglSaturationShares();
registerWebglFlatConcat();
registerHostSumsOfSquares('cpu');
registerHostDistributions('cpu');

export { PAGE_BACKENDS, type BackendName };

export interface BackendChoice {
  info: BackendInfo;
  /** Why the backend is not the one asked for, or a precision warning; null when all is well. */
  notice: string | null;
  /** When the automatic choice was asked for: why it picked this backend. */
  auto?: AutoBackendReason;
}

/**
 * Starts the preferred tfjs backend ('auto': the rule in autoBackend.ts), falling back in
 * PAGE_BACKENDS order. Software WebGL (SwiftShader and the like) is accepted when asked for:
 * tfjs would otherwise refuse it; the page shows steps/s so the user can compare.
 */
export async function startBackend(preferred: BackendPreference = 'auto'): Promise<BackendChoice> {
  if (preferred === 'auto') {
    const auto = chooseAutoBackend(probeWebglRenderer());
    return { ...(await startBackend(auto.name)), auto: auto.reason };
  }
  tf.env().set('SOFTWARE_WEBGL_ENABLED', true);
  // Shapes as uniforms rather than constants: one compiled program serves an op at every shape,
  // so far fewer shaders compile before the first step (measured here: first step 2.4 s vs
  // 2.7 s after load), at the same steps/s.
  tf.env().set('WEBGL_USE_SHAPES_UNIFORMS', true);
  const order = [preferred, ...PAGE_BACKENDS.filter((b) => b !== preferred)];
  for (const name of order) {
    if (!(await trySetBackend(name))) continue;
    const info: BackendInfo = { name, floatBits: floatBitsOf(name) };
    if (name !== preferred) return { info, notice: `fallback:${preferred}:${name}` };
    if (info.floatBits === 16) return { info, notice: 'float16' };
    return { info, notice: null };
  }
  throw new Error('no tfjs backend could start');
}

/** Whether tfjs could start the backend; a throwing backend counts as unavailable. */
async function trySetBackend(name: BackendName): Promise<boolean> {
  try {
    // The wasm backend's code and binary are fetched only when someone picks it.
    if (name === 'wasm') await registerWasmBackend();
    const ok = await tf.setBackend(name);
    if (ok) await tf.ready();
    return ok;
  } catch {
    return false;
  }
}

/**
 * Float width the backend computes with. On WebGL this is whether tfjs renders to float32
 * textures; tfjs's own backend.floatPrecision() answers 16 exactly when that flag is on
 * (tensorflow/tfjs#6980), so it is not used.
 */
function floatBitsOf(name: BackendName): 16 | 32 {
  if (name !== 'webgl') return 32;
  return tf.env().getBool('WEBGL_RENDER_FLOAT32_ENABLED') ? 32 : 16;
}

/**
 * Calls `onLost` when the WebGL context behind tfjs is lost (driver reset, GPU process crash,
 * too many contexts). Returns a function that stops listening.
 */
export function watchWebglContext(onLost: () => void): () => void {
  if (tf.getBackend() !== 'webgl') return () => {};
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  const canvas = backend.gpgpu?.gl?.canvas;
  if (!canvas || !('addEventListener' in canvas)) return () => {};
  const handler = (event: Event) => {
    event.preventDefault();
    onLost();
  };
  canvas.addEventListener('webglcontextlost', handler as EventListener);
  return () => canvas.removeEventListener('webglcontextlost', handler as EventListener);
}

/**
 * After a lost context the WebGL backend cannot be used again: drop it and start afresh (a
 * new context when the GPU is back, otherwise the CPU).
 */
export async function restartAfterContextLoss(): Promise<BackendChoice> {
  try {
    tf.removeBackend('webgl');
  } catch {
    // Already gone.
  }
  tf.registerBackend('webgl', () => new MathBackendWebGL(), 2);
  return startBackend('webgl');
}

/**
 * Loses tfjs's WebGL context on purpose, as a driver reset would (WEBGL_lose_context), so tests
 * can check the recovery. False when the backend is not WebGL.
 */
export function loseWebglContext(): boolean {
  if (tf.getBackend() !== 'webgl') return false;
  const backend = tf.backend() as unknown as { gpgpu?: { gl?: WebGL2RenderingContext } };
  const extension = backend.gpgpu?.gl?.getExtension('WEBGL_lose_context');
  extension?.loseContext();
  return extension != null;
}
