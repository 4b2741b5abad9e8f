import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { exposeDiagnostics } from './store/diagnostics';
import { startLinkSync } from './store/linkSync';
import { startSession } from './store/session';
import { App } from './ui/App';
import './ui/styles.css';

// `npm run bench` (scripts/bench.mjs) loads its in-page harness through this hook; it is a
// separate chunk, fetched only when called.
exposeDiagnostics({ loadBench: () => import('./bench/pageBench') });

// The link is read before the first render, so the page never shows other settings first.
startLinkSync();
// The training backend starts (and compiles its shaders) while React draws the page, not after.
void startSession();

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
