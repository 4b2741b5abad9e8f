/**
 * How much to ask per round, and how fast the runs go: the round size that keeps readbacks
 * about TARGET_CHUNK_MS apart, and lockstep steps per second over a sliding window.
 */

/**
 * Aim for rounds of about this long between readbacks: the step counter still moves ~10 times a
 * second, and each round's fixed costs (a message to the worker and back, a readback, a run-bar
 * update) stay small next to its training. (At 40 ms, wasm chunks were 1-2 steps and the app
 * trained at under half the engine's speed.)
 */
const TARGET_CHUNK_MS = 100;
const MAX_STEPS_PER_CHUNK = 128;
/**
 * On WebGL every readback is a GPU sync (~15-20 ms here), and reading every step halves
 * throughput while reading every ~10 steps recovers it.
 */
const MIN_WEBGL_STEPS_PER_CHUNK = 10;
/** Steps per second are measured over this window. */
const RATE_WINDOW_MS = 2000;

export class RoundSizer {
  /** The first round is one step, so the counter moves as soon as possible after Play. */
  stepsPerRound = 1;
  private lastLandedAt = 0;

  /**
   * Takes in a round of `steps` steps asked at `requestedAt` that has just landed; a round asked
   * ahead started when the one before it landed, not when it was asked.
   */
  landed(steps: number, requestedAt: number, onWebgl: boolean, runs: number): void {
    const now = performance.now();
    const elapsedMs = now - Math.max(requestedAt, this.lastLandedAt);
    this.lastLandedAt = now;
    if (elapsedMs <= 0) return;
    // Each run's chunk keeps about TARGET_CHUNK_MS of its own work, so a chunk's fixed costs
    // (a message, a readback) stay as small a share with 4 runs as with one; the counter then
    // moves less often.
    const ideal = Math.round((TARGET_CHUNK_MS * Math.max(1, runs)) / (elapsedMs / steps));
    const floor = onWebgl ? MIN_WEBGL_STEPS_PER_CHUNK : 1;
    this.stepsPerRound = Math.max(floor, Math.min(MAX_STEPS_PER_CHUNK, ideal));
  }
}

export class StepRate {
  private window: { time: number; step: number }[] = [];

  reset(): void {
    this.window = [];
  }

  /**
   * Counts from now, at `step` (Play): the rate then includes the wait for the first steps, as a
   * person timing the step counter would see it.
   */
  start(step: number): void {
    this.window = [{ time: performance.now(), step }];
  }

  /** Steps per second over the last RATE_WINDOW_MS, now that the runs stand at `step`. */
  measure(step: number): number {
    const now = performance.now();
    this.window.push({ time: now, step });
    while (this.window.length > 2 && now - this.window[0]!.time > RATE_WINDOW_MS)
      this.window.shift();
    const first = this.window[0]!;
    const seconds = (now - first.time) / 1000;
    return seconds > 0 ? (step - first.step) / seconds : 0;
  }
}
