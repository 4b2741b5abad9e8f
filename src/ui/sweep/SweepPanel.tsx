import { useEffect, useMemo, useState } from 'react';
import { advisorSweep, bestThresholdIndex } from '../../config/clipAdvisor';
import { regimeOf, type CellMeasure } from '../../config/sweepCell';
import { currentValue } from '../../config/sweepGrid';
import { SWEEP_KEYS, defaultAxis, type SweepKey, type SweepSpec } from '../../config/sweepSpec';
import { describeInit } from './describeSetup';
import { useConfigStore } from '../../store/configStore';
import { usePublishedHistory } from '../../store/historyStore';
import { useSessionStore } from '../../store/sessionStore';
import {
  addCellAsVariant,
  cancelSweep,
  loadCellAsBase,
  runSweep,
  sweepKey,
} from '../../store/sweeps';
import { useSweepStore, type SweepResult } from '../../store/sweepStore';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';
import { divergingGradientCss, OVERFLOW_COLOR, type SweepMetric } from './regimeColor';
import { axisPosition, formatAxisValue, RegimeMap } from './RegimeMap';
import { boundaryPoints } from './sweepBoundary';
import { SweepCurves } from './SweepCurves';
import { noBoundaryReason, setupChi1 } from './sweepTheory';
import { viridisGradientCss } from '../charts/palette';
import './sweep.css';

const COUNTS = [6, 8, 12, 16, 24, 32] as const;
const STEP_CHOICES = [1, 10, 50, 200] as const;

function setSpec(spec: SweepSpec): void {
  useViewStore.setState({ sweep: spec });
}

function withAxisKey(spec: SweepSpec, which: 0 | 1, key: SweepKey | ''): SweepSpec {
  const count = spec.axes[0]?.count ?? 12;
  const axes = [...spec.axes];
  if (key === '') return { ...spec, axes: axes.slice(0, 1) };
  const fresh = defaultAxis(key);
  const axis = { ...fresh, count: Math.min(count, fresh.count === 12 ? count : fresh.count) };
  axes[which] = axis;
  // Two axes of one key make no map: the other one moves aside.
  const other = axes[1 - which];
  if (other && other.key === key) {
    const spare = SWEEP_KEYS.find((k) => !axes.some((a) => a?.key === k.key));
    if (spare) axes[1 - which] = { ...defaultAxis(spare.key), count };
  }
  return { ...spec, axes: axes.filter((a) => a !== undefined) };
}

function withCount(spec: SweepSpec, count: number): SweepSpec {
  return {
    ...spec,
    axes: spec.axes.map((a) =>
      a.key === 'depth' ? { ...a, count: Math.min(count, a.to - a.from + 1) } : { ...a, count },
    ),
  };
}

/** A log slope with its sign, to 3 decimals ("+0.120", "-0.347", "0.000"). */
function formatSlope(slope: number): string {
  const text = slope.toFixed(3);
  if (Number(text) === 0) return '0.000';
  return slope > 0 ? `+${text}` : text;
}

/** Run A's pre-clip global norms so far: what the advisor's grid spans. */
function observedGlobalNorms(): number[] {
  return (usePublishedHistory.getState().snapshots.a?.steps ?? []).map((m) => m.globalNorm);
}

function format3(value: number): string {
  return Number.isFinite(value) ? String(Number(value.toPrecision(3))) : String(value);
}

/** The cell's settings in words: "init gain 1.41 · depth 18". */
function cellSettings(result: SweepResult, index: number): string {
  const [xAxis, yAxis] = result.spec.axes;
  const nx = result.xs.length;
  const parts = [`${t(`sweep.key.${xAxis!.key}`)} ${formatAxisValue(result.xs[index % nx]!)}`];
  if (yAxis) {
    const y = result.ys[Math.floor(index / nx)]!;
    parts.push(`${t(`sweep.key.${yAxis.key}`)} ${formatAxisValue(y)}`);
  }
  return parts.join(' · ');
}

function CellDetails({ cell, steps }: { cell: CellMeasure; steps: number }) {
  const lines: string[] = [];
  if (cell.logSlope === null) lines.push(t('sweep.cellNoSlope'));
  else
    lines.push(
      t('sweep.cellSlope', {
        slope: formatSlope(cell.logSlope),
        factor: format3(Math.exp(cell.logSlope)),
        regime: t(`sweep.regime.${regimeOf(cell)}`),
      }),
    );
  lines.push(t('sweep.cellNorm', { norm: format3(cell.globalNorm) }));
  if (cell.haltedStep !== null) lines.push(t('sweep.cellHalted', { step: cell.haltedStep }));
  else if (steps > 1) lines.push(t('sweep.cellLoss', { step: steps, loss: format3(cell.loss) }));
  if (cell.clippedShare > 0)
    lines.push(
      t('sweep.cellClip', {
        share: Math.round(cell.clippedShare * 100),
        factor: format3(cell.meanClipFactor),
      }),
    );
  return (
    <>
      {lines.map((line) => (
        <p key={line}>{line}</p>
      ))}
    </>
  );
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

  const [xAxis, yAxis] = spec.axes;
  const total = result?.cells.length ?? 0;
  const done = result?.done ?? 0;
  const stale = result !== null && key !== null && result.key !== key;
  const current =
    result && result.spec.axes[0]
      ? {
          x: axisPosition(
            result.spec.axes[0],
            result.xs.length,
            currentValue(base, result.spec.axes[0].key),
          ),
          y: result.spec.axes[1]
            ? axisPosition(
                result.spec.axes[1],
                result.ys.length,
                currentValue(base, result.spec.axes[1].key),
              )
            : 0,
        }
      : { x: null, y: null };
  const selectedCell = result && selected !== null ? (result.cells[selected] ?? null) : null;
  const reason = noBoundaryReason(base);
  const advising =
    result !== null && result.spec.axes.length === 1 && result.spec.axes[0]?.key === 'clip';
  const best = result && result.spec.axes.length === 1 ? bestThresholdIndex(result.cells) : null;
  const norms = advising ? observedGlobalNorms().filter((g) => Number.isFinite(g) && g > 0) : [];
  const observed = norms.length > 0 ? { from: Math.min(...norms), to: Math.max(...norms) } : null;

  return (
    <section className="sweep-panel" aria-label={t('sweep.tabMap')} data-testid="sweep-panel">
      <h2 className="sweep-title">{t('sweep.title')}</h2>
      <div className="sweep-toolbar">
        <label>
          {t('sweep.xAxis')}
          <select
            value={xAxis?.key ?? 'gain'}
            data-testid="sweep-x"
            onChange={(e) => setSpec(withAxisKey(spec, 0, e.target.value as SweepKey))}
          >
            {SWEEP_KEYS.map((k) => (
              <option key={k.key} value={k.key}>
                {t(`sweep.key.${k.key}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sweep.yAxis')}
          <select
            value={yAxis?.key ?? ''}
            data-testid="sweep-y"
            onChange={(e) => setSpec(withAxisKey(spec, 1, e.target.value as SweepKey | ''))}
          >
            <option value="">{t('sweep.noAxis')}</option>
            {SWEEP_KEYS.map((k) => (
              <option key={k.key} value={k.key}>
                {t(`sweep.key.${k.key}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('sweep.count')}
          <select
            value={String(xAxis?.count ?? 12)}
            onChange={(e) => setSpec(withCount(spec, Number(e.target.value)))}
          >
            {COUNTS.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
            {xAxis && !COUNTS.includes(xAxis.count as (typeof COUNTS)[number]) && (
              <option value={xAxis.count}>{xAxis.count}</option>
            )}
          </select>
        </label>
        <label>
          {t('sweep.steps')}
          <select
            value={String(spec.steps)}
            onChange={(e) => setSpec({ ...spec, steps: Number(e.target.value) })}
          >
            {STEP_CHOICES.map((c) => (
              <option key={c} value={c}>
                {c === 1 ? t('sweep.stepsOne') : c}
              </option>
            ))}
            {!STEP_CHOICES.includes(spec.steps as (typeof STEP_CHOICES)[number]) && (
              <option value={spec.steps}>{spec.steps}</option>
            )}
          </select>
        </label>
        <label>
          {t('sweep.metric')}
          <select value={metric} onChange={(e) => setMetric(e.target.value as SweepMetric)}>
            {(['logSlope', 'globalNorm', 'loss'] as const).map((m) => (
              <option key={m} value={m}>
                {t(`sweep.metric.${m}`)}
              </option>
            ))}
          </select>
        </label>
        {status === 'running' ? (
          <button type="button" data-testid="sweep-cancel" onClick={cancelSweep}>
            {t('sweep.cancel')}
          </button>
        ) : (
          <button type="button" data-testid="sweep-compute" onClick={() => runSweep(spec)}>
            {stale || status === 'cancelled' ? t('sweep.recompute') : t('sweep.compute')}
          </button>
        )}
        <button
          type="button"
          data-testid="open-clip-advisor"
          onClick={() => {
            // The advisor is about what training does: colour the row by the loss.
            setMetric('loss');
            setSpec(advisorSweep(observedGlobalNorms()));
          }}
        >
          {t('sweep.advisorOpen')}
        </button>
      </div>
      <div className="sweep-status" role="status">
        <progress
          data-testid="sweep-progress"
          aria-label={t('sweep.progressLabel')}
          max={Math.max(1, total)}
          value={done}
        />
        <span data-testid="sweep-progress-text">
          {status === 'cancelled'
            ? t('sweep.cancelled', { done, total })
            : status === 'error'
              ? t('sweep.error', { error: error ?? '' })
              : t('sweep.progress', {
                  done,
                  total,
                  seconds: ((result?.elapsedMs ?? 0) / 1000).toFixed(1),
                  backend: result?.backend ?? backend,
                })}
        </span>
        {stale && status !== 'running' && <span className="sweep-stale">{t('sweep.stale')}</span>}
      </div>
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
              current={current}
              boundary={boundary}
            />
          )}
          {result && result.spec.axes.length === 1 && result.spec.axes[0] && (
            <SweepCurves
              axis={result.spec.axes[0]}
              xs={result.xs}
              cells={result.cells}
              steps={result.spec.steps}
              best={best}
            />
          )}
          <div className="sweep-legend" aria-hidden="true">
            {metric === 'logSlope' ? (
              <>
                <span>{t('sweep.legendVanishing')}</span>
                <span className="sweep-ramp" style={{ background: divergingGradientCss() }} />
                <span>{t('sweep.legendExploding')}</span>
              </>
            ) : (
              <>
                <span>{t('sweep.legendLow')}</span>
                <span className="sweep-ramp" style={{ background: viridisGradientCss() }} />
                <span>{t('sweep.legendHigh')}</span>
              </>
            )}
            <span className="sweep-swatch" style={{ background: OVERFLOW_COLOR }} />
            <span>{t('sweep.legendOverflow')}</span>
            <span className="sweep-ring" />
            <span>{t('sweep.currentLegend')}</span>
            {boundary.length > 0 && (
              <>
                <span className="sweep-dash" />
                <span>{t('sweep.boundaryLegend')}</span>
              </>
            )}
          </div>
        </div>
        <aside className="sweep-side">
          {result && advising && (
            <div className="sweep-advice" data-testid="clip-advice">
              <h3>{t('sweep.advisorTitle')}</h3>
              <p>{t('sweep.advisorExplain', { steps: result.spec.steps })}</p>
              {observed && (
                <p>
                  {t('sweep.advisorRange', {
                    from: format3(observed.from),
                    to: format3(observed.to),
                  })}
                </p>
              )}
              {best !== null ? (
                <>
                  <p>
                    {t('sweep.advisorBest', {
                      c: formatAxisValue(result.xs[best]!),
                      loss: format3(result.cells[best]!.loss),
                    })}
                  </p>
                  <button
                    type="button"
                    data-testid="sweep-apply-best"
                    onClick={() => loadCellAsBase(result, best)}
                  >
                    {t('sweep.advisorApply', { c: formatAxisValue(result.xs[best]!) })}
                  </button>
                </>
              ) : (
                done === total && total > 0 && <p>{t('sweep.advisorNone')}</p>
              )}
            </div>
          )}
          <div className="sweep-cell" data-testid="sweep-cell">
            {result && selected !== null ? (
              <>
                <h3>{cellSettings(result, selected)}</h3>
                {selectedCell ? (
                  <CellDetails cell={selectedCell} steps={result.spec.steps} />
                ) : null}
                <div className="sweep-cell-actions">
                  <button
                    type="button"
                    data-testid="sweep-load-base"
                    onClick={() => loadCellAsBase(result, selected)}
                  >
                    {t('sweep.loadBase')}
                  </button>
                  <button
                    type="button"
                    data-testid="sweep-add-variant"
                    disabled={variantsFull}
                    onClick={() => addCellAsVariant(result, selected)}
                  >
                    {t('sweep.addVariant')}
                  </button>
                </div>
              </>
            ) : (
              <p>{t('sweep.pickCell')}</p>
            )}
          </div>
          <div className="sweep-theory" data-testid="sweep-theory">
            <h3>{t('sweep.theoryTitle')}</h3>
            {reason !== null ? (
              <p>{t(`sweep.theoryNone.${reason}`)}</p>
            ) : (
              <>
                <p>
                  {t('sweep.theory', {
                    act: base.network.activation,
                    init: describeInit(base),
                    width: base.network.hidden[0] ?? 0,
                    bias: base.init.biasInit,
                  })}
                </p>
                {theory && (
                  <p>
                    {t('sweep.theorySetup', {
                      chi: format3(theory.chi1),
                      slope: formatSlope(theory.logSlope),
                    })}
                  </p>
                )}
                <p>
                  {spec.axes.some((a) => a.key === 'gain')
                    ? boundary.length > 0
                      ? t('sweep.theoryGainAxis')
                      : t('sweep.theoryNoCrossing')
                    : t('sweep.theoryNoGainAxis')}
                </p>
              </>
            )}
          </div>
        </aside>
      </div>
    </section>
  );
}
