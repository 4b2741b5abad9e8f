/**
 * The page's one Session: created at start-up with the link's experiment, publishing into the
 * stores, training where startTrainerHost puts it. The page's controls call the functions here
 * (or the session's actions directly); none of them touch the stores the session writes.
 */
import type { BackendPreference } from '../config/backends';
import type { ExperimentConfig } from '../config/schema';
import { VARIANT_LETTERS, variantOverridesFrom } from '../config/variants';
import { startTrainerHost } from '../host/startTrainerHost';
import { Session } from '../session/session';
import type { Experiment, RunLetter } from '../session/sessionTypes';
import { exposeDiagnostics } from './diagnostics';
import { useSessionStore } from './sessionStore';
import { createStoreSink } from './storeSink';
import { useViewStore } from './viewStore';

let session: Session | null = null;

/** The page's session; null until startPageSession has run. */
export function pageSession(): Session | null {
  return session;
}

/**
 * Creates the session and starts its backend (compiling shaders while React draws the page).
 * Safe to call more than once: the first call wins.
 */
export function startPageSession(experiment: Experiment, backend: BackendPreference): Session {
  if (session) return session;
  const created = new Session({
    sink: createStoreSink(),
    startHost: startTrainerHost,
    experiment,
    backend,
  });
  session = created;
  exposeDiagnostics({
    backend: () => useSessionStore.getState().backend?.name ?? '',
    trainingThread: () => useSessionStore.getState().thread,
    numTensors: () => created.numTensors(),
    loseWebglContext: () => created.loseWebglContext(),
    terminateTrainingWorker: () => created.terminateWorker(),
    history: (letter: RunLetter = 'a') => created.history(letter)?.steps ?? [],
  });
  void created.start();
  return created;
}

/** Edits the base config (A); variants follow where they do not override. */
export function updateConfig(updater: (config: ExperimentConfig) => ExperimentConfig): void {
  void session?.updateBase(updater);
}

/** Trains on another backend from the same seeds; the choice travels in the link. */
export function chooseBackend(name: BackendPreference): void {
  useViewStore.setState({ backend: name === 'auto' ? null : name });
  void session?.setBackend(name);
}

/** Adds `config` as the next free variant (B, C, D), as overrides of the base. */
export function addVariantFrom(config: ExperimentConfig): void {
  if (!session) return;
  const { base, variants } = session.current;
  const letter = VARIANT_LETTERS.find((l) => !variants.some((v) => v.letter === l));
  if (!letter) return;
  void session.addVariant({ letter, overrides: variantOverridesFrom(base, config) });
}

/** Measure saturation and histograms while a view shows them (they cost nothing otherwise). */
export function showDistributions(on: boolean): void {
  session?.setDistributions(on);
}
