import { useViewStore } from '../store/viewStore';
import { ChartsPanel } from './charts/ChartsPanel';
import { ControlsPanel } from './controls/ControlsPanel';
import { EmbedControls } from './embed/EmbedControls';
import { LessonPanel } from './lessons/LessonPanel';
import { Orientation } from './lessons/Orientation';
import { ExplosionBanner } from './run/ExplosionBanner';
import { Notices } from './run/Notices';
import { RunBar } from './run/RunBar';
import { useKeyboardShortcuts } from './run/useKeyboardShortcuts';

/**
 * The page: run bar and notices on top, the settings column beside the charts, the open
 * lesson above them. Embedded (`embed=` in the link) it keeps a slim run bar, the controls the
 * link names in one strip, and the charts at full width.
 */
export function App() {
  useKeyboardShortcuts();
  const embedded = useViewStore((s) => s.embed !== null);
  return (
    <div className="app" data-embed={embedded ? '1' : undefined}>
      <RunBar />
      {embedded && <EmbedControls />}
      <Notices />
      <ExplosionBanner />
      <main className="workspace">
        {!embedded && <ControlsPanel />}
        <div className="charts-column">
          {!embedded && <LessonPanel />}
          {!embedded && <Orientation />}
          <ChartsPanel embedded={embedded} />
        </div>
      </main>
    </div>
  );
}
