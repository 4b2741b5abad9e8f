import { defineConfig } from 'vite';
import { TFJS_ESM_ALIASES } from './tfjsEsmAliases.ts';

// Bundles the headless CLI into one Node ES module (dist-cli/simulate.mjs), with tfjs inside it
// as ES modules so Node loads exactly one copy of tfjs-core (see tfjsEsmAliases.ts).
export default defineConfig({
  resolve: { alias: TFJS_ESM_ALIASES },
  ssr: { noExternal: true },
  logLevel: 'warn',
  build: {
    ssr: 'src/cli/simulate.ts',
    outDir: 'dist-cli',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    rollupOptions: { output: { entryFileNames: 'simulate.mjs' } },
  },
});
