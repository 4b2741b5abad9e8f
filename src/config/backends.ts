/**
 * The tfjs backends the page offers, as link data (`&backend=`), without loading tfjs (the page's own bundle stays free of
 * it; training loads it in the worker). WebGL is the default; for tiny networks wasm and even
 * the CPU beat software WebGL, so the user may pick.
 */
export const PAGE_BACKENDS = ['webgl', 'wasm', 'cpu'] as const;
export type BackendName = (typeof PAGE_BACKENDS)[number];

export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (PAGE_BACKENDS as readonly string[]).includes(value);
}

export interface BackendInfo {
  name: BackendName;
  /** Float bits the backend computes with (WebGL may be limited to 16). */
  floatBits: 16 | 32;
}
