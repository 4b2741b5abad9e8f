import * as tf from '../engine/tf';
import { registerHostDistributions } from './hostDistributions';
import { registerHostSumsOfSquares } from './hostSumsOfSquares';
// `?url` makes Vite copy each binary into the build as a hashed asset and hand back its URL
// (in dev, a URL the dev server answers), so the page never fetches tfjs from a CDN. Only the
// two single-threaded binaries are imported: the threaded one is never emitted (see below).
import plainWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm?url';
import simdWasmUrl from '@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm-simd.wasm?url';

let registration: Promise<void> | null = null;

/**
 * Registers tfjs's WebAssembly backend under the name 'wasm' and points it at the binaries the
 * build ships; afterwards tf.setBackend('wasm') starts it. Idempotent: every call shares one
 * load, and a failed load (say, the chunk could not be fetched) may be retried.
 *
 * The package is imported dynamically, so its JavaScript is a chunk of its own that only
 * visitors who pick wasm download.
 */
export async function registerWasmBackend(): Promise<void> {
  registration ??= loadWasmBackend().catch((error: unknown) => {
    registration = null;
    throw error;
  });
  return registration;
}

async function loadWasmBackend(): Promise<void> {
  // The package's ES module entry, the file Vite's browser build picks anyway (package.json
  // "module"). Naming it keeps Node on it too: the bare name resolves there to the CommonJS
  // bundle, which requires a second tfjs-core copy (see tfjsEsmAliases.ts).
  const wasm = await import('@tensorflow/tfjs-backend-wasm/dist/index.js');
  registerHostSumsOfSquares('wasm');
  registerHostDistributions('wasm');

  // Multithreaded wasm needs SharedArrayBuffer, i.e. COOP/COEP headers we do not serve, and
  // it hung in a minified Vite build here (../shared/machine.md). With the flag false tfjs
  // picks tfjs-backend-wasm-simd.wasm, or tfjs-backend-wasm.wasm where SIMD is missing. The
  // flag is registered by the import above, so it can only be set after it.
  tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);

  // In Node the Emscripten loader reads the binaries next to itself in node_modules, and the
  // URLs above would be web paths it cannot open.
  if (tf.env().getBool('IS_NODE')) return;
  wasm.setWasmPaths({
    'tfjs-backend-wasm.wasm': plainWasmUrl,
    'tfjs-backend-wasm-simd.wasm': simdWasmUrl,
    // setWasmPaths insists on an entry for every binary. The threaded one is never chosen
    // with the flag above false; mapping it to a file we ship rather than importing it keeps
    // its 435 kB out of the build, and were it ever chosen, instantiating the wrong binary
    // would fail loudly instead of fetching anything from elsewhere.
    'tfjs-backend-wasm-threaded-simd.wasm': simdWasmUrl,
  });
}
