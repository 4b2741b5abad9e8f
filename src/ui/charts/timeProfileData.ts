/**
 * The rows of the time profile: ||dL/dh_t|| against t = 1..T at one training step, with the
 * g^(T-t) theory line where it applies (timeTheory.ts). Pure: no React.
 */
import type { RecurrentModel } from '../../config/modelSchema';
import type { Activation } from '../../config/schema';
import type { StepMetrics } from '../../engine/metrics';
import type { ChartRow, OverflowMark } from './chartData';
import { isNonFinite, logDomain, toLogSafe, type LogDomain } from './logScale';
import { predictTimeSignal, timeTheoryApplies } from './timeTheory';

export const MEASURED_KEY = 'measured';
export const THEORY_KEY = 'theory';

export interface TimeProfile {
  rows: ChartRow[];
  overflow: OverflowMark[];
  /** The training step shown, or null before the first. */
  step: number | null;
  theoryApplies: boolean;
  domain: LogDomain;
}

/** The step shown: the first at or after `atStep` once it has run, else the newest. */
function shownStep(steps: readonly StepMetrics[], atStep: number | null) {
  const pinned = atStep === null ? undefined : steps.find((m) => m.step >= atStep);
  return pinned ?? steps[steps.length - 1];
}

export function buildTimeProfile(
  steps: readonly StepMetrics[],
  atStep: number | null,
  model: RecurrentModel,
  activation: Activation,
): TimeProfile {
  const shown = shownStep(steps, atStep);
  const values = shown?.timeSignalNorm ?? [];
  const prediction = predictTimeSignal(model, activation, values[values.length - 1] ?? NaN);
  const rows = values.map((v, i) => {
    const row: ChartRow = {
      x: i + 1,
      y: { [MEASURED_KEY]: toLogSafe(v) },
      raw: { [MEASURED_KEY]: v },
    };
    const p = prediction?.[i];
    if (p !== undefined && prediction?.length === values.length) {
      row.y[THEORY_KEY] = toLogSafe(p);
      row.raw[THEORY_KEY] = p;
    }
    return row;
  });
  return {
    rows,
    overflow: rows
      .filter((r) => isNonFinite(r.raw[MEASURED_KEY] as number))
      .map((r) => ({ x: r.x, keys: [MEASURED_KEY] })),
    step: shown?.step ?? null,
    theoryApplies: timeTheoryApplies(model, activation),
    // Over every step kept, so the frame stays steady while the profile moves (as DepthProfile).
    domain: logDomain(steps.flatMap((m) => m.timeSignalNorm ?? []).concat(prediction ?? [])),
  };
}
