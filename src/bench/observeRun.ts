/**
 * Watches the real page while it trains, the way a person would: the step counter on the run
 * bar, and how smoothly frames come (requestAnimationFrame deltas). Touches nothing.
 */

/** The run bar's counter (src/ui/run/RunBar.tsx). */
const STEP_COUNTER_SELECTOR = '[data-testid="step-counter"]';
/** Give up when the counter stops moving for this long (the run paused, halted or finished). */
const STALL_TIMEOUT_MS = 30_000;

export interface RunObservation {
  /** Steps the counter advanced over the window. */
  steps: number;
  /** Length of the window, from one counter update to another. */
  ms: number;
  /** Times the counter changed in the window: one per chunk the page trained and showed. */
  counterUpdates: number;
  /** Time between consecutive animation frames during the window. */
  frameDeltasMs: number[];
}

/**
 * Observes at least `windowMs` of training. The window starts and ends on counter updates, so
 * the steps counted are exact (the counter moves a whole chunk at a time).
 */
export function observeRun(windowMs: number): Promise<RunObservation> {
  const counter = document.querySelector(STEP_COUNTER_SELECTOR);
  if (!counter) return Promise.reject(new Error('no step counter on the page'));
  const readStep = () => Number(counter.getAttribute('data-step'));

  return new Promise((resolve, reject) => {
    let start: { time: number; step: number } | null = null;
    let counterUpdates = 0;
    const frameDeltasMs: number[] = [];
    let lastFrame: number | null = null;
    let watching = true;
    const onFrame = (time: number) => {
      if (!watching) return;
      if (lastFrame !== null) frameDeltasMs.push(time - lastFrame);
      lastFrame = time;
      requestAnimationFrame(onFrame);
    };
    const armStallTimer = () =>
      setTimeout(() => stop(new Error('the step counter stopped moving')), STALL_TIMEOUT_MS);
    let stall = armStallTimer();
    function stop(error?: Error): void {
      watching = false;
      observer.disconnect();
      clearTimeout(stall);
      if (error) reject(error);
    }

    const observer = new MutationObserver(() => {
      const time = performance.now();
      const step = readStep();
      clearTimeout(stall);
      stall = armStallTimer();
      if (!start) {
        start = { time, step };
        requestAnimationFrame(onFrame);
        return;
      }
      counterUpdates += 1;
      if (time - start.time < windowMs) return;
      stop();
      resolve({ steps: step - start.step, ms: time - start.time, counterUpdates, frameDeltasMs });
    });
    observer.observe(counter, { attributes: true, attributeFilter: ['data-step'] });
  });
}

export interface FrameObservation {
  /** Steps the counter advanced over the window (0 when no step finished in it). */
  steps: number;
  /** Length of the window. */
  ms: number;
  /** Time between consecutive animation frames during the window. */
  frameDeltasMs: number[];
}

/**
 * Observes exactly `windowMs` of the page, however slowly it trains: frame deltas and the
 * steps the counter advanced. For settings at their limits, where a step can take seconds and
 * observeRun's counter-bounded window would be mostly waiting.
 */
export function observeFrames(windowMs: number): Promise<FrameObservation> {
  const counter = document.querySelector(STEP_COUNTER_SELECTOR);
  if (!counter) return Promise.reject(new Error('no step counter on the page'));
  const readStep = () => Number(counter.getAttribute('data-step'));
  return new Promise((resolve) => {
    const frameDeltasMs: number[] = [];
    const startStep = readStep();
    let started: number | null = null;
    let lastFrame = 0;
    const onFrame = (time: number) => {
      if (started === null) started = time;
      else frameDeltasMs.push(time - lastFrame);
      lastFrame = time;
      if (time - started < windowMs) {
        requestAnimationFrame(onFrame);
        return;
      }
      resolve({ steps: readStep() - startStep, ms: time - started, frameDeltasMs });
    };
    requestAnimationFrame(onFrame);
  });
}
