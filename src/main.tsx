import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { DEFAULT_CONFIG } from './config/schema';
import { exposeDiagnostics } from './store/diagnostics';
import { readLink, startLinkSync } from './store/linkSync';
import { startPageSession } from './store/pageSession';
import { useViewStore } from './store/viewStore';
import { Page } from './ui/App';
import { startLanguage } from './ui/i18n/language';
import './ui/styles.css';

// `npm run bench` (scripts/bench.mjs) loads its in-page harness through this hook; it is a
// separate chunk, fetched only when called.
exposeDiagnostics({ loadBench: () => import('./bench/pageBench') });

// The link is read before the first render, so the page never shows other settings first.
const opened = readLink(window.location.hash);
if (opened) useViewStore.setState(opened.view);
// The training backend starts (and compiles its shaders) while React draws the page, not after.
const session = startPageSession(
  opened?.experiment ?? { base: DEFAULT_CONFIG, variants: [] },
  opened?.view.backend ?? 'auto',
);
startLinkSync(session, window, opened);

// The service worker (offline use, installing) registers once the page has loaded, from a chunk
// of its own; the dev server has none (vite-plugin-pwa builds it with the production build).
if (import.meta.env.PROD && 'serviceWorker' in navigator) {
  window.addEventListener(
    'load',
    () => void import('./pwa/registerServiceWorker').then((m) => m.registerServiceWorker()),
    { once: true },
  );
}

// The page's language (the link's, the viewer's or the browser's) is ready before the first
// render: English at once, another language once its catalogue chunk has arrived.
const root = document.getElementById('root');
void startLanguage().then(() => {
  if (root) {
    createRoot(root).render(
      <StrictMode>
        <Page />
      </StrictMode>,
    );
  }
});
