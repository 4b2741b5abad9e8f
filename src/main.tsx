import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLinkSync } from './store/linkSync';
import { App } from './ui/App';
import './ui/styles.css';

// `npm run bench` (scripts/bench.mjs) loads its in-page harness through this hook; it is a
// separate chunk, fetched only when called. Set before the app starts: session.ts spreads this
// object when it adds the diagnostics (hence the cast: they are not there yet), so neither
// overwrites the other.
window.__gradscope = {
  ...window.__gradscope,
  loadBench: () => import('./bench/pageBench'),
} as Window['__gradscope'];

// The link is read before the first render, so the page never shows other settings first.
startLinkSync();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
