import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { VitePWA } from 'vite-plugin-pwa';

/** Dark slate of the icon, the installed app's title bar and splash screen. */
const THEME_COLOR = '#1f2937';

/**
 * An installable app that opens and trains offline after the first visit: Workbox precaches
 * every file of the build, the tfjs wasm binaries included (the wasm backend fetches them from
 * the worker, whose requests the page's service worker answers too). The service worker, the
 * manifest and every URL in them are relative, so the app installs from any sub-path. A new
 * version waits until the page's notice is accepted (src/ui/run/UpdateNotice.tsx), so a class
 * is never reloaded mid-lesson; only the very first install takes the open page at once
 * (clientsClaim), which is what makes that first visit enough.
 */
const pwa = VitePWA({
  registerType: 'prompt',
  // Registered from src/pwa/registerServiceWorker.ts, a lazy chunk: an inline script would
  // need the Content-Security-Policy in index.html to allow inline scripts.
  injectRegister: false,
  includeAssets: ['favicon.svg'],
  manifest: {
    name: 'Gradscope: watch gradients explode and vanish',
    short_name: 'Gradscope',
    description:
      'Train small deep networks in your browser and watch per-layer gradient norms explode or vanish.',
    start_url: '.',
    scope: '.',
    display: 'standalone',
    theme_color: THEME_COLOR,
    background_color: '#f8fafc',
    icons: [
      { src: 'icon-192.png', sizes: '192x192', type: 'image/png' },
      { src: 'icon-512.png', sizes: '512x512', type: 'image/png' },
      { src: 'icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
  },
  workbox: {
    globPatterns: ['**/*.{js,css,html,svg,png,wasm,webmanifest}'],
    // The training worker's chunk holds tfjs and its backends (~1.2 MB).
    maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
    navigateFallback: 'index.html',
    clientsClaim: true,
    cleanupOutdatedCaches: true,
  },
});

// base './' makes every asset URL relative, so the built site loads from any sub-path
// (a course page, a slide deck folder) and from file-like static hosting.
export default defineConfig({
  base: './',
  plugins: [react(), pwa],
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
