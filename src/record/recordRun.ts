import * as tf from '../engine/tf';
import { encodeConfig } from '../config/codec';
import type { ExperimentConfig } from '../config/schema';
import type { RunLetter } from '../config/variants';
import type { StepMetrics } from '../engine/metrics';
import type { NonFiniteEvent } from '../engine/nonFinite';
import { createTrainer, type AnyTrainer } from '../engine/createTrainer';
import { RecurrentTrainer } from '../engine/recurrent/recurrentTrainer';
import type { TrainerOptions } from '../engine/trainer';
import {
  buildRunRecord,
  TEST_LOSS_EVERY_STEPS,
  type InitialState,
  type RunRecord,
} from './runRecord';

/** Steps per readback when running headless; any value gives identical numbers. */
export const HEADLESS_STEPS_PER_READBACK = 50;

export interface RecordRunOptions extends TrainerOptions {
  steps: number;
  /** The experiment's link, variants included (default: the config's own canonical link). */
  link?: string;
  /** Which run of the experiment this is (default 'a', the base). */
  variant?: RunLetter;
  /** Include the initial weights and step 1's batch in the record. */
  dump?: boolean;
  /** Every step also records saturation and histograms (engine/distributions.ts); feed-forward
   * runs only. */
  distributions?: boolean;
  stepsPerReadback?: number;
  onProgress?: (stepsDone: number, steps: number) => void;
}

/** The weights before step 1 and step 1's batch, of either kind of trainer. */
async function initialState(trainer: AnyTrainer): Promise<InitialState> {
  if (trainer instanceof RecurrentTrainer) {
    return { weights: await trainer.readWeights(), batch: trainer.peekNextBatch() };
  }
  return { weights: await trainer.readWeights(), batch: trainer.peekNextBatch() };
}

/**
 * Runs a config for `steps` steps on the current tfjs backend and returns its run record.
 * Stops early at a non-finite event, which the record lists.
 */
export async function recordRun(
  config: ExperimentConfig,
  options: RecordRunOptions,
): Promise<RunRecord> {
  if (options.distributions === true && config.model.kind !== 'mlp') {
    throw new Error('distributions are measured for feed-forward runs only');
  }
  const trainer = createTrainer(config, options);
  try {
    const initial = options.dump ? await initialState(trainer) : undefined;
    const chunk = Math.max(1, options.stepsPerReadback ?? HEADLESS_STEPS_PER_READBACK);
    const steps: StepMetrics[] = [];
    const events: NonFiniteEvent[] = [];
    const testLoss: { step: number; loss: number }[] = [];
    while (trainer.step < options.steps) {
      // Chunks end at every multiple of TEST_LOSS_EVERY_STEPS, where the test loss is taken
      // (the chunk size does not change the numbers).
      const toNextTest = TEST_LOSS_EVERY_STEPS - (trainer.step % TEST_LOSS_EVERY_STEPS);
      const count = Math.min(chunk, options.steps - trainer.step, toNextTest);
      const result = await trainer.train(count, {
        testLoss: (trainer.step + count) % TEST_LOSS_EVERY_STEPS === 0,
        distributions: options.distributions === true,
        // The record keeps every step's figures, not only those a view would draw.
        histogramsEveryStep: true,
      });
      steps.push(...result.steps);
      const last = result.steps.at(-1);
      if (result.testLoss !== null && last)
        testLoss.push({ step: last.step, loss: result.testLoss });
      options.onProgress?.(steps.at(-1)?.step ?? 0, options.steps);
      if (result.event) {
        events.push(result.event);
        break;
      }
    }
    return buildRunRecord({
      link: options.link ?? encodeConfig(config),
      variant: options.variant ?? 'a',
      config,
      backend: tf.getBackend(),
      loss: trainer.loss,
      layers: trainer.layers,
      steps,
      events,
      testLoss,
      initial,
      distributions: options.distributions === true,
    });
  } finally {
    trainer.dispose();
  }
}
