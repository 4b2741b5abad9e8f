import { lazy, Suspense } from 'react';
import { useViewStore } from '../store/viewStore';
import { useLanguageStore } from './i18n/language';
import { ChartsPanel } from './charts/ChartsPanel';
import { ControlsPanel } from './controls/ControlsPanel';
import { EmbedControls } from './embed/EmbedControls';
import { ExportMenu } from './export/ExportMenu';
import { LazyLessonPanel } from './lessons/LazyLessonPanel';
import { Orientation } from './lessons/Orientation';
import { ExplosionBanner } from './run/ExplosionBanner';
import { Notices } from './run/Notices';
import { RunBar } from './run/RunBar';
import { UpdateNotice } from './run/UpdateNotice';
import { useKeyboardShortcuts } from './run/useKeyboardShortcuts';
import { ViewTabs } from './sweep/ViewTabs';
import { useConfigStore } from '../store/configStore';
// After every other stylesheet: its narrow-screen rules override the desktop layout.
import './layout/smallScreens.css';
import './layout/reducedMotion.css';

/** The regime map is its own chunk, loaded when a link or the tab opens it. */
const SweepPanel = lazy(() => import('./sweep/SweepPanel'));
/** The seed bands likewise (`seeds=` in the link, or the tab). */
const SeedBandPanel = lazy(() => import('./seeds/SeedBandPanel'));

/**
 * The page in the language shown. Switching language draws it afresh (components, memoised
 * charts included, read their words at render); what it shows lives in the stores and the
 * session, so nothing else changes.
 */
export function Page() {
  const language = useLanguageStore((s) => s.shown);
  return <App key={language} />;
}

/**
 * The page: run bar and notices on top, the settings column beside the charts, the open
 * lesson above them. Embedded (`embed=` in the link) it keeps a slim run bar, the controls the
 * link names in one strip, and the charts at full width.
 */
export function App() {
  useKeyboardShortcuts();
  const embedded = useViewStore((s) => s.embed !== null);
  // The regime map sweeps feed-forward networks only (ViewTabs says so in recurrent mode).
  const recurrent = useConfigStore((s) => s.config.model.kind === 'rnn');
  const mapOpen = useViewStore((s) => s.sweep !== null && s.embed === null) && !recurrent;
  const bandsOpen = useViewStore((s) => s.seeds !== null && s.embed === null) && !recurrent;
  return (
    <div className="app" data-embed={embedded ? '1' : undefined}>
      <RunBar />
      {embedded && <EmbedControls />}
      <Notices />
      <UpdateNotice />
      <ExplosionBanner />
      <main className="workspace">
        {!embedded && <ControlsPanel />}
        <div className="charts-column">
          {!embedded && <LazyLessonPanel />}
          {!embedded && <Orientation />}
          {!embedded && (
            <div className="view-bar">
              <ViewTabs />
              <ExportMenu />
            </div>
          )}
          {mapOpen ? (
            <Suspense fallback={null}>
              <SweepPanel />
            </Suspense>
          ) : bandsOpen ? (
            <Suspense fallback={null}>
              <SeedBandPanel />
            </Suspense>
          ) : (
            <ChartsPanel embedded={embedded} />
          )}
        </div>
      </main>
    </div>
  );
}
