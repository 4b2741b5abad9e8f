import { updateConfig } from '../../store/pageSession';
import { useConfigStore } from '../../store/configStore';
import { pageSession } from '../../store/pageSession';
import { useSessionStore, type Speed } from '../../store/sessionStore';
import { useViewStore } from '../../store/viewStore';
import type { BackendName } from '../../config/backends';
import { t } from '../i18n/messages';
import { LIMITS } from '../../config/schema';
import { SettingsButton } from '../layout/SettingsButton';
import { LessonMenu } from '../lessons/LessonMenu';
import { BackendSelect } from './BackendSelect';
import { CopyLinkButton } from './CopyLinkButton';
import { LanguageSelect } from './LanguageSelect';

const SPEEDS: Speed[] = ['slow', 'medium', 'max'];

/**
 * The page's banner landmark (not an ARIA toolbar: its controls are ordinary Tab stops).
 * Play/pause, stepping, reset, new seed, link, speed, lessons, and what the run is doing. An
 * embedded page (slides, iframes) keeps only play/pause, reset, the step and the backend.
 */
export function RunBar() {
  const embedded = useViewStore((s) => s.embed !== null);
  const status = useSessionStore((s) => s.status);
  const step = useSessionStore((s) => s.step);
  const rate = useSessionStore((s) => s.stepsPerSecond);
  const speed = useSessionStore((s) => s.speed);
  const backend = useSessionStore((s) => s.backend);
  const auto = useSessionStore((s) => s.backendAuto);
  const maxSteps = useConfigStore((s) => s.config.training.maxSteps);
  const running = status === 'running';
  const stuck = status === 'halted' || status === 'finished';
  const chosenBackend = useViewStore((s) => s.backend);
  // Before the first step the backend is still starting or compiling its shaders (seconds on
  // WebGL): say so rather than "Training · 0 steps/s" over an empty chart.
  const preparing = !backend || (running && step === 0);
  const shownRate = Math.round(rate);

  const newSeed = () =>
    updateConfig((c) => ({
      ...c,
      init: { ...c.init, seed: 1 + Math.floor(Math.random() * LIMITS.MAX_SEED) },
    }));

  const playButton = (
    <button
      type="button"
      className="primary"
      onClick={() => pageSession()?.toggle()}
      disabled={stuck || !backend}
      aria-keyshortcuts="Space"
    >
      {running ? t('run.pause') : t('run.play')}
    </button>
  );
  const resetButton = (
    <button
      type="button"
      onClick={() => void pageSession()?.reset()}
      disabled={!backend}
      aria-keyshortcuts="R"
    >
      {t('run.reset')}
    </button>
  );
  const stepCounter = (
    <output className="step-counter" data-testid="step-counter" data-step={step}>
      {t('run.stepCounter', { step, max: maxSteps })}
    </output>
  );
  const backendBadge = (
    <span
      className="backend-badge"
      data-testid="backend-badge"
      data-backend={backend?.name ?? ''}
      data-auto={auto ?? undefined}
      title={auto ? t(`run.autoReason.${auto}`) : undefined}
    >
      {backend
        ? t(auto ? 'run.backendAuto' : 'run.backend', {
            name: backend.name,
            bits: backend.floatBits,
            why: auto ? t(`run.autoShort.${auto}`) : '',
          })
        : t('run.backendStarting')}
    </span>
  );

  if (embedded) {
    return (
      <header className="run-bar" aria-label={t('run.controls')}>
        <h1 className="sr-only">{t('app.title')}</h1>
        {playButton}
        {resetButton}
        {stepCounter}
        {backendBadge}
      </header>
    );
  }

  return (
    <header className="run-bar" aria-label={t('run.controls')}>
      <h1 className="app-title">
        {t('app.title')} <span className="tagline">{t('app.tagline')}</span>
      </h1>
      <SettingsButton />
      {playButton}
      <button
        type="button"
        onClick={() => void pageSession()?.stepBy(1)}
        disabled={stuck || !backend}
        aria-keyshortcuts="ArrowRight"
      >
        {t('run.step')}
      </button>
      <button
        type="button"
        onClick={() => void pageSession()?.stepBy(10)}
        disabled={stuck || !backend}
      >
        {t('run.step10')}
      </button>
      {resetButton}
      <button type="button" onClick={newSeed} disabled={!backend}>
        {t('run.newSeed')}
      </button>
      <CopyLinkButton />
      <label className="speed">
        {t('run.speed')}{' '}
        <select value={speed} onChange={(e) => pageSession()?.setSpeed(e.target.value as Speed)}>
          {SPEEDS.map((s) => (
            <option key={s} value={s}>
              {t(`run.speed.${s}`)}
            </option>
          ))}
        </select>
      </label>
      <LessonMenu />
      <span
        className="run-status"
        data-testid="run-status"
        data-status={status}
        data-preparing={preparing ? '1' : undefined}
      >
        {preparing ? preparingText(backend?.name ?? chosenBackend) : t(`run.status.${status}`)}
      </span>
      {stepCounter}
      <output className="rate" data-testid="steps-per-second">
        {t(shownRate === 1 ? 'run.stepPerSecond' : 'run.stepsPerSecond', { rate: shownRate })}
      </output>
      <BackendSelect />
      {backendBadge}
      <LanguageSelect />
    </header>
  );
}

/** "Preparing wasm…" once the backend is known (or named by the link), else a general word. */
function preparingText(backend: BackendName | null): string {
  return backend
    ? t('run.preparing', { backend: t(`run.backendName.${backend}`) })
    : t('run.preparingAny');
}
