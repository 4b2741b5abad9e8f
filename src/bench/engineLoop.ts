/**
 * The engine measured on its own: a trainer's train() with full per-layer metrics, read back every
 * `stepsPerReadback` steps, and no UI. Test-loss requests follow the page's rule, so the work
 * per step is what the page asks of the engine; with `distributions`, what it asks while the
 * distributions panel is open (saturation every step, histograms on each chunk's last).
 */
import type { ExperimentConfig } from '../config/schema';
import type { StepMetrics } from '../engine/metrics';
import type { NormMode } from '../engine/norms';
import { createTrainer, type AnyTrainer } from '../engine/createTrainer';
import { TEST_LOSS_EVERY_STEPS as PAGE_TEST_LOSS_EVERY_STEPS } from '../session/run';

export { PAGE_TEST_LOSS_EVERY_STEPS };

/**
 * What the loop asks of the distributions: none, what the open panel asks (true: saturation
 * every step, histograms on each chunk's last), or histograms on every step too (to tell the
 * two parts' costs apart).
 */
export type DistributionsLoad = boolean | 'everyStep';

/**
 * A trainer (feed-forward or recurrent, as the link says) driven in fixed-size chunks, as the
 * page's training loop drives it.
 */
export class ChunkedTrainer {
  readonly trainer: AnyTrainer;
  private lastTestLossStep = 0;
  private readonly distributions: DistributionsLoad;

  constructor(
    config: ExperimentConfig,
    normMode: NormMode,
    distributions: DistributionsLoad = false,
  ) {
    this.trainer = createTrainer(config, { normMode });
    this.distributions = distributions;
  }

  /**
   * Trains `steps` steps in chunks of `stepsPerReadback` (each one readback), asking for the
   * test loss as the page does. Calls `onChunk` with each chunk's metrics and test loss.
   */
  async train(
    steps: number,
    stepsPerReadback: number,
    onChunk: (steps: StepMetrics[], testLoss: number | null) => void = () => {},
  ): Promise<void> {
    const trainer = this.trainer;
    const target = trainer.step + steps;
    while (trainer.step < target && !trainer.halted) {
      const chunk = Math.min(stepsPerReadback, target - trainer.step);
      const testLoss = trainer.step + chunk - this.lastTestLossStep >= PAGE_TEST_LOSS_EVERY_STEPS;
      const result = await trainer.train(chunk, {
        testLoss,
        distributions: this.distributions !== false,
        histogramsEveryStep: this.distributions === 'everyStep',
      });
      if (testLoss) this.lastTestLossStep = trainer.step;
      onChunk(result.steps, result.testLoss);
    }
    if (trainer.halted) throw new Error(`training halted: ${trainer.halted.what}`);
  }

  dispose(): void {
    this.trainer.dispose();
  }
}

/**
 * Steps to train before timing: enough chunks to run every shader variant once (chunks without
 * the test loss, then one with it), so compilation is not timed.
 */
export function warmUpSteps(stepsPerReadback: number): number {
  return stepsPerReadback * Math.max(1, Math.ceil(PAGE_TEST_LOSS_EVERY_STEPS / stepsPerReadback));
}
