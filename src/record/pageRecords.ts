/**
 * Run records of the runs a page shows, built from what the page keeps of them, in the CLI's
 * format (runRecord.ts writes both). The page's history is bounded (session/runHistory.ts): a
 * long run keeps its newest steps exactly and one step per bucket of the older ones, so each
 * record says which steps it holds. Plain data in, plain data out: no tfjs, no React.
 */
import { lossKindOf } from '../config/lossKind';
import type { ExperimentConfig } from '../config/schema';
import type { RunLetter } from '../config/variants';
import type { StepMetrics } from '../engine/metrics';
import type { LayerInfo } from '../engine/network';
import type { NonFiniteEvent } from '../engine/nonFinite';
import { buildRunRecord, type RunRecord, type StepCoverage } from './runRecord';

/** One run as the page holds it: its view and its (bounded) history. */
export interface ShownRunData {
  letter: RunLetter;
  config: ExperimentConfig;
  layers: readonly LayerInfo[];
  /** Steps it has trained. */
  step: number;
  event: NonFiniteEvent | null;
  steps: readonly StepMetrics[];
  testLosses: readonly { step: number; loss: number }[];
  markers: readonly { step: number; label: string; kind: 'setting' | 'event' }[];
}

/** The step from which `steps` (ascending) holds every step up to `last`; null if not even last. */
function everyStepFrom(steps: readonly StepMetrics[], last: number): number | null {
  let expected = last;
  for (let i = steps.length - 1; i >= 0; i--) {
    if ((steps[i] as StepMetrics).step !== expected) break;
    expected--;
  }
  return expected === last ? null : expected + 1;
}

/** Which of the `trained` steps `steps` holds, and the setting changes marked on the way. */
export function stepCoverage(
  trained: number,
  steps: readonly StepMetrics[],
  markers: ShownRunData['markers'],
): StepCoverage {
  const from = everyStepFrom(steps, trained);
  const everyStep = trained === 0 || from === 1;
  const note = everyStep
    ? `every step from 1 to ${trained}`
    : from === null
      ? `${steps.length} of ${trained} steps: the steps the page kept`
      : `${steps.length} of ${trained} steps: every step from ${from} to ${trained}; before ` +
        'it, the page kept one step per bucket of steps (the one with the largest global norm)';
  return {
    trained,
    included: steps.length,
    everyStep,
    everyStepFrom: trained === 0 ? null : from,
    note,
    changes: markers
      .filter((m) => m.kind === 'setting')
      .map(({ step, label }) => ({ step, label })),
  };
}

/** The records of the shown runs (A first), as the CLI writes them, with their coverage. */
export function pageRunRecords(
  link: string,
  backend: string,
  runs: readonly ShownRunData[],
): RunRecord[] {
  return runs.map((run) => {
    // The distributions' saturation shares are kept only for the steps trained while their
    // panel was open; a record holds them for every step or not at all (CLI --distributions).
    const steps = run.steps.map(({ saturation: _s, histograms: _h, ...norms }) => norms);
    // The last step the page has drawn: steps trained since then are not in this export.
    const trained = Math.min(run.step, steps.at(-1)?.step ?? 0);
    return buildRunRecord({
      link,
      variant: run.letter,
      config: run.config,
      backend,
      loss: lossKindOf(run.config),
      layers: run.layers,
      steps,
      events: run.event && run.event.step <= trained ? [run.event] : [],
      testLoss: run.testLosses.filter((p) => p.step <= trained),
      coverage: stepCoverage(trained, steps, run.markers),
    });
  });
}
