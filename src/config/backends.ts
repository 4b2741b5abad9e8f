/**
 * The tfjs backends the page offers, as link data (`&backend=`), without loading tfjs (the
 * page's own bundle stays free of it; training loads it in the worker). A link without the key
 * trains on the automatic choice (see backend/autoBackend.ts); `backend=webgl|wasm|cpu` keeps
 * its own.
 */
export const PAGE_BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof PAGE_BACKENDS)[number];

/** What a link or the Backend menu asks for: a backend, or the automatic choice. */
export const BACKEND_PREFERENCES = ['auto', ...PAGE_BACKENDS] as const;
export type BackendPreference = (typeof BACKEND_PREFERENCES)[number];

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (PAGE_BACKENDS as readonly string[]).includes(value);
}

/**
 * Why the automatic choice picked its backend: WebGL drawn by a software renderer (SwiftShader,
 * llvmpipe: as on machines whose GPU the browser blocklists) is slower than wasm, a hardware
 * WebGL is used, and without WebGL there is wasm.
 */
export type AutoBackendReason = 'softwareWebgl' | 'hardwareWebgl' | 'noWebgl';

export interface BackendInfo {
  name: BackendName;
  /** Float bits the backend computes with (WebGL may be limited to 16). */
  floatBits: 16 | 32;
}
