import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';

// base './' makes every asset URL relative, so the built site loads from any sub-path
// (a course page, a slide deck folder) and from file-like static hosting.
export default defineConfig({
  base: './',
  plugins: [react()],
  build: {
    target: 'es2022',
    sourcemap: false,
  },
  // Module workers: the training worker (src/worker) loads backends lazily with import().
  worker: { format: 'es' },
  // In dev, Vite's dependency optimizer bundled tfjs-core and its gradient registrations as two
  // entries with two copies of tfjs's flag registry, and the page died with "Cannot evaluate flag
  // 'DEBUG'". tfjs ships ES modules, so it is served as is; only its CommonJS dependencies are
  // pre-bundled. (The production build resolves one copy either way.)
  optimizeDeps: {
    exclude: [
      '@tensorflow/tfjs-core',
      '@tensorflow/tfjs-backend-cpu',
      '@tensorflow/tfjs-backend-webgl',
    ],
    include: [
      // Its ES entry imports CommonJS Emscripten glue, so it is pre-bundled; tfjs-core stays
      // external to it (excluded above), hence still one copy.
      '@tensorflow/tfjs-backend-wasm/dist/index.js',
      '@tensorflow/tfjs-core > long',
      '@tensorflow/tfjs-core > seedrandom',
      '@tensorflow/tfjs-backend-cpu > seedrandom',
      '@tensorflow/tfjs-backend-webgl > seedrandom',
    ],
  },
  server: { host: '127.0.0.1' },
  preview: { host: '127.0.0.1' },
});
