import { useEffect, useMemo, useState } from 'react';
import { bestThresholdIndex } from '../../config/clipAdvisor';
import { currentValue } from '../../config/sweepGrid';
import type { SweepAxis } from '../../config/sweepSpec';
import type { ExperimentConfig } from '../../config/schema';
import { useConfigStore } from '../../store/configStore';
import { usePublishedHistory } from '../../store/historyStore';
import { useSessionStore } from '../../store/sessionStore';
import { cancelSweep, loadCellAsBase, runSweep, sweepKey } from '../../store/sweeps';
import { useSweepStore, type SweepResult } from '../../store/sweepStore';
import { useViewStore } from '../../store/viewStore';
import { sweepPanelMessages } from '../i18n/en/sweepPanel';
import { addEnglishMessages, t } from '../i18n/messages';
import { ClipAdvice } from './ClipAdvice';
import type { SweepMetric } from './regimeColor';
import { axisPosition, RegimeMap } from './RegimeMap';
import { boundaryPoints } from './sweepBoundary';
import { SweepCell } from './SweepCell';
import { SweepCurves } from './SweepCurves';
import { SweepLegend } from './SweepLegend';
import { SweepProgress } from './SweepProgress';
import { setupChi1 } from './sweepTheory';
import { SweepTheory } from './SweepTheory';
import { SweepToolbar } from './SweepToolbar';
import './sweep.css';

// The panel's words load with it, not with the page: added before it first renders.
addEnglishMessages(sweepPanelMessages);

/** Run A's pre-clip global norms so far: what the advisor's grid spans. */
function observedGlobalNorms(): number[] {
  return (usePublishedHistory.getState().snapshots.a?.steps ?? []).map((m) => m.globalNorm);
}

/** Where the base setup sits on the result's grid (null off the grid). */
function currentCell(base: ExperimentConfig, result: SweepResult | null) {
  const at = (axis: SweepAxis | undefined, count: number) =>
    axis ? axisPosition(axis, count, currentValue(base, axis.key)) : 0;
  const [xAxis, yAxis] = result?.spec.axes ?? [];
  if (!result || !xAxis) return { x: null, y: null };
  return { x: at(xAxis, result.xs.length), y: at(yAxis, result.ys.length) };
}

/**
 * The regime map view: the sweep's settings, its progress, the map with the current setup and
 * the theoretical boundary, the chosen cell's numbers with the ways to load it, and what the
 * theory assumes. The sweep runs in the training worker (store/sweeps.ts).
 */
export default function SweepPanel() {
  const spec = useViewStore((s) => s.sweep);
  const base = useConfigStore((s) => s.config);
  const variantsFull = useConfigStore((s) => s.variants.length >= 3);
  const backend = useSessionStore((s) => s.backend?.name ?? '');
  const { status, result, error } = useSweepStore();
  const [metric, setMetric] = useState<SweepMetric>('logSlope');
  // A selection belongs to the sweep it was made on.
  const [selection, setSelection] = useState<{ key: string; index: number } | null>(null);
  const selected = selection && selection.key === result?.key ? selection.index : null;

  useEffect(() => {
    if (spec && backend !== '') runSweep(spec);
  }, [spec, backend]);
  // A map nobody sees must not keep the training worker busy (its cells can take long, and
  // training waits behind them): closing it, by the Live charts tab or a link without a sweep,
  // stops the sweep under way. Opened again, it measures afresh; a finished map stays cached.
  useEffect(() => cancelSweep, []);

  const key = useMemo(
    () => (spec && backend !== '' ? sweepKey(base, spec, backend) : null),
    [base, spec, backend],
  );
  // The boundary takes a quadrature per bisection step (tens of ms on the main thread): solve
  // it once per grid, not on every batch of cells that lands.
  const spec0 = result?.spec;
  const xs = result?.xs;
  const ys = result?.ys;
  const boundary = useMemo(
    () => (spec0 && xs && ys ? boundaryPoints(base, spec0.axes, xs, ys) : []),
    [base, spec0, xs, ys],
  );
  const theory = useMemo(() => setupChi1(base), [base]);
  if (!spec) return null;

  const stale = result !== null && key !== null && result.key !== key;
  const oneAxis = result !== null && result.spec.axes.length === 1 ? result.spec.axes[0] : null;
  const advising = oneAxis?.key === 'clip';
  const best = result && oneAxis ? bestThresholdIndex(result.cells) : null;

  return (
    <section className="sweep-panel" aria-label={t('sweep.tabMap')} data-testid="sweep-panel">
      <h2 className="sweep-title">{t('sweep.title')}</h2>
      <SweepToolbar
        spec={spec}
        status={status}
        recompute={stale || status === 'cancelled'}
        metric={metric}
        setMetric={setMetric}
        observedNorms={observedGlobalNorms}
      />
      <SweepProgress
        status={status}
        result={result}
        error={error}
        backend={backend}
        stale={stale}
      />
      <div className="sweep-body">
        <div className="sweep-map">
          {result && (
            <RegimeMap
              axes={result.spec.axes}
              xs={result.xs}
              ys={result.ys}
              cells={result.cells}
              metric={metric}
              selected={selected}
              onSelect={(index) => setSelection({ key: result.key, index })}
              onLoad={(index) => loadCellAsBase(result, index)}
              current={currentCell(base, result)}
              boundary={boundary}
            />
          )}
          {result && oneAxis && (
            <SweepCurves
              axis={oneAxis}
              xs={result.xs}
              cells={result.cells}
              steps={result.spec.steps}
              best={best}
            />
          )}
          <SweepLegend metric={metric} boundaryShown={boundary.length > 0} />
        </div>
        <aside className="sweep-side">
          {result && advising && (
            <ClipAdvice
              result={result}
              best={best}
              norms={observedGlobalNorms().filter((g) => Number.isFinite(g) && g > 0)}
            />
          )}
          <SweepCell result={result} selected={selected} variantsFull={variantsFull} />
          <SweepTheory
            base={base}
            spec={spec}
            theory={theory}
            boundaryShown={boundary.length > 0}
          />
        </aside>
      </div>
    </section>
  );
}
