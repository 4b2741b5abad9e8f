import { fileURLToPath } from 'node:url';

/**
 * tfjs's gradient registrations ship only as ES modules, but in Node the tfjs packages resolve
 * to their CommonJS bundles, so tests and the CLI would load two copies of tfjs-core (one
 * without its op handlers). These aliases point every bare tfjs import at the ES module entry
 * the browser build uses, giving Node exactly one copy.
 */
const esm = (pkg: string) =>
  fileURLToPath(new URL(`./node_modules/${pkg}/dist/index.js`, import.meta.url));

export const TFJS_ESM_ALIASES = [
  { find: /^@tensorflow\/tfjs-core$/, replacement: esm('@tensorflow/tfjs-core') },
  { find: /^@tensorflow\/tfjs-backend-cpu$/, replacement: esm('@tensorflow/tfjs-backend-cpu') },
];
