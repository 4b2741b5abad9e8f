import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { startLinkSync } from './store/linkSync';
import { App } from './ui/App';
import './ui/styles.css';

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
