import { useMemo, type ReactNode } from 'react';
import type { RunView } from '../../store/sessionStore';
import { useChartViewStore } from '../charts/chartViewStore';
import { GradHeatmap } from '../charts/GradHeatmap';
import { GradNormChart } from '../charts/GradNormChart';
import { logDomain } from '../charts/logScale';
import { QuantityToggle } from '../charts/QuantityToggle';
import { DistributionsToggle } from '../inside/DistributionsToggle';
import { LazyDistributionsPanel } from '../inside/LazyDistributionsPanel';
import { useInsideViewStore } from '../inside/insideViewStore';
import { PredictionMap } from '../inside/PredictionMap';
import { ShownRun } from '../shownRun';
import { CompareDepthProfile } from './CompareDepthProfile';
import { RunOverlayChart } from './RunOverlayChart';
import { RunsLegend } from './RunsLegend';
import { runLook } from './runLook';
import { useRunSnapshots } from './useRunSnapshots';

/**
 * Runs side by side: the per-layer gradient chart and the heatmap as small multiples (one per
 * run, on one shared log scale, so equal heights mean equal norms), and overlays where
 * overlaying teaches: the global norm and the loss over steps, and the depth profile at one step.
 * With the distributions open, each run's histograms and saturation, on the same bins and scale.
 */
export function CompareView(props: {
  runs: readonly RunView[];
  /** The compare menu, or null (embed mode). */
  menu: ReactNode;
  /** Whether variants can be removed here (not in embed mode). */
  editable: boolean;
}) {
  const { runs, menu, editable } = props;
  const snapshots = useRunSnapshots();
  const chosen = useChartViewStore((s) => s.quantity);
  // Variants never change the model kind: the base's is every run's.
  const recurrent = runs[0]?.config.model.kind === 'rnn';
  // A recurrent run's signal is per time step: its per-tensor charts show the gradients.
  const quantity = recurrent && chosen === 'signalNorm' ? 'gradNorm' : chosen;
  const distributionsOpen = useInsideViewStore((s) => s.distributionsOpen) && !recurrent;
  const domain = useMemo(
    () =>
      logDomain(
        runs.flatMap((run) => (snapshots[run.letter]?.steps ?? []).flatMap((m) => m[quantity])),
      ),
    [runs, snapshots, quantity],
  );
  const timeDomain = useMemo(
    () =>
      recurrent
        ? logDomain(
            runs.flatMap((run) =>
              (snapshots[run.letter]?.steps ?? []).flatMap((m) => m.timeSignalNorm ?? []),
            ),
          )
        : null,
    [runs, snapshots, recurrent],
  );
  const lastStep = Math.max(
    0,
    ...runs.map((run) => snapshots[run.letter]?.steps.at(-1)?.step ?? 0),
  );
  return (
    <div className="compare-layout" data-runs={runs.length} data-testid="compare-view">
      <QuantityToggle>
        {recurrent ? null : <DistributionsToggle />}
        {menu}
      </QuantityToggle>
      <RunsLegend runs={runs} editable={editable} />
      <div className="compare-multiples">
        {runs.map((run) => (
          <ShownRun key={run.letter} letter={run.letter}>
            <div className="compare-cell" data-run={run.letter}>
              <GradNormChart run={{ name: runLook(run.letter).name, domain, lastStep }} />
            </div>
          </ShownRun>
        ))}
      </div>
      <div className="compare-overlays">
        <RunOverlayChart runs={runs} snapshots={snapshots} metric="globalNorm" />
        <RunOverlayChart runs={runs} snapshots={snapshots} metric="loss" />
        <CompareDepthProfile runs={runs} snapshots={snapshots} />
      </div>
      <div className="compare-multiples compare-heatmaps">
        {runs.map((run) => (
          <ShownRun key={run.letter} letter={run.letter}>
            <div className="compare-cell" data-run={run.letter}>
              {run.config.model.kind === 'rnn' && timeDomain ? (
                <GradHeatmap
                  run={{ name: runLook(run.letter).name, domain: timeDomain }}
                  timeSteps={run.config.model.timeSteps}
                />
              ) : (
                <GradHeatmap run={{ name: runLook(run.letter).name, domain }} />
              )}
            </div>
          </ShownRun>
        ))}
      </div>
      {recurrent ? null : (
        <div className="compare-multiples compare-predictions">
          {runs.map((run) => (
            <ShownRun key={run.letter} letter={run.letter}>
              <div className="compare-cell" data-run={run.letter}>
                <PredictionMap run={{ name: runLook(run.letter).name }} />
              </div>
            </ShownRun>
          ))}
        </div>
      )}
      {distributionsOpen && (
        <div className="compare-multiples compare-distributions">
          {runs.map((run, i) => (
            <ShownRun key={run.letter} letter={run.letter}>
              <div className="compare-cell" data-run={run.letter}>
                <LazyDistributionsPanel
                  run={{ name: runLook(run.letter).name }}
                  withChoice={i === 0}
                />
              </div>
            </ShownRun>
          ))}
        </div>
      )}
    </div>
  );
}

export default CompareView;
