import { useEffect } from 'react';
import { startSession } from '../store/session';
import { ChartsPanel } from './charts/ChartsPanel';
import { ControlsPanel } from './controls/ControlsPanel';
import { ExplosionBanner } from './run/ExplosionBanner';
import { Notices } from './run/Notices';
import { RunBar } from './run/RunBar';
import { useKeyboardShortcuts } from './run/useKeyboardShortcuts';

export function App() {
  useEffect(() => {
    void startSession();
  }, []);
  useKeyboardShortcuts();
  return (
    <div className="app">
      <RunBar />
      <Notices />
      <ExplosionBanner />
      <main className="workspace">
        <ControlsPanel />
        <ChartsPanel />
      </main>
    </div>
  );
}
