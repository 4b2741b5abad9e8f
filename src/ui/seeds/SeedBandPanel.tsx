import { useEffect, useMemo, useState } from 'react';
import { bandLayerNames } from '../../config/seedBands';
import { MAX_SEEDS, MIN_SEEDS } from '../../config/seedsKey';
import { useConfigStore } from '../../store/configStore';
import { cancelSeedBands, runSeedBands, seedBandKey } from '../../store/seedBands';
import { useSeedBandStore } from '../../store/seedBandStore';
import { useSessionStore } from '../../store/sessionStore';
import { useViewStore } from '../../store/viewStore';
import { formatFixed, formatSignificant } from '../i18n/numberFormat';
import { sweepPanelMessages } from '../i18n/en/sweepPanel';
import { addEnglishMessages, t } from '../i18n/messages';
import { runLook } from '../compare/runLook';
import { ChoiceSelect } from '../sweep/SweepToolbar';
import { runBands, type BandQuantity } from './bandData';
import { SeedBandChart } from './SeedBandChart';
import { SeedBandTable } from './SeedBandTable';
import '../sweep/sweep.css';
import './seedBands.css';

// The panel's words load with it, not with the page: added before it first renders.
addEnglishMessages(sweepPanelMessages);

const COUNT_CHOICES = [4, 8, 16, 32, 64] as const;
const QUANTITIES: readonly BandQuantity[] = ['signalNorm', 'gradNorm'];

/**
 * The seed-band view: every run on screen measured with N seeds at step 1 (in the training
 * worker, store/seedBands.ts), drawn per layer as the median and the 10th-90th percentile band,
 * with a table alternative, the seeds used, and Hanin's beta per run.
 */
export default function SeedBandPanel() {
  const count = useViewStore((s) => s.seeds);
  const gradientView = useViewStore((s) => s.gradientView);
  const base = useConfigStore((s) => s.config);
  const variants = useConfigStore((s) => s.variants);
  const backend = useSessionStore((s) => s.backend?.name ?? '');
  const { status, result, error } = useSeedBandStore();
  const [tableOpen, setTableOpen] = useState(false);
  // The signal view of the live charts shows the signal here too; the others the gradient.
  const quantity: BandQuantity = gradientView === 'signalNorm' ? 'signalNorm' : 'gradNorm';

  const key = useMemo(
    () =>
      count !== null && backend !== '' ? seedBandKey({ base, variants }, count, backend) : null,
    [base, variants, count, backend],
  );
  // Step-1 runs are cheap: the bands follow the setup (a change cancels the ones under way,
  // and setups measured before come from the cache at once).
  useEffect(() => {
    if (count !== null && key !== null) runSeedBands(count);
  }, [count, key]);
  // Bands nobody sees must not keep the worker busy: closing the view stops them.
  useEffect(() => cancelSeedBands, []);
  const runs = useMemo(
    () => (result ? result.runs.map((run) => runBands(run, quantity)) : []),
    [result, quantity],
  );
  if (count === null) return null;
  const stale = result !== null && key !== null && result.key !== key;
  const names = bandLayerNames(result?.runs[0]?.config.network.hidden ?? base.network.hidden);
  const seeds = result?.runs[0]?.seeds ?? [];
  const measuredAny = runs.some((r) => r.measured > 0);
  const quantityName = t(`chart.axis.quantity.${quantity}`);
  const chartTitle = t('seeds.chartTitle', { count: result?.count ?? count });

  return (
    <section
      className="sweep-panel seed-band-panel"
      aria-label={t('sweep.tabSeeds')}
      data-testid="seed-band-panel"
    >
      <h2 className="sweep-title">{t('seeds.title')}</h2>
      <div className="sweep-toolbar">
        <ChoiceSelect
          label={t('seeds.count')}
          value={String(count)}
          choices={COUNT_CHOICES.map((n) => ({ value: String(n), label: String(n) }))}
          testId="seed-count"
          onChange={(value) => {
            const n = Number(value);
            if (n >= MIN_SEEDS && n <= MAX_SEEDS) useViewStore.setState({ seeds: n });
          }}
        />
        <ChoiceSelect
          label={t('seeds.quantity')}
          value={quantity}
          choices={QUANTITIES.map((q) => ({ value: q, label: t(`chart.axis.quantity.${q}`) }))}
          testId="seed-quantity"
          onChange={(value) =>
            useViewStore.setState({
              gradientView: value === 'signalNorm' ? 'signalNorm' : 'gradNorm',
            })
          }
        />
        {status === 'running' ? (
          <button type="button" data-testid="seed-cancel" onClick={cancelSeedBands}>
            {t('sweep.cancel')}
          </button>
        ) : (
          <button
            type="button"
            data-testid="seed-compute"
            onClick={() => runSeedBands(count, true)}
          >
            {stale || status === 'cancelled' ? t('sweep.recompute') : t('sweep.compute')}
          </button>
        )}
        <button
          type="button"
          aria-pressed={tableOpen}
          data-testid="seed-table-toggle"
          disabled={!measuredAny}
          onClick={() => setTableOpen(!tableOpen)}
        >
          {t('access.table')}
        </button>
      </div>
      <div className="sweep-status" role="status">
        <progress
          data-testid="seed-progress"
          aria-label={t('seeds.progressLabel')}
          max={Math.max(1, result?.total ?? 1)}
          value={result?.done ?? 0}
        />
        <span data-testid="seed-progress-text">
          {status === 'cancelled'
            ? t('seeds.cancelled', { done: result?.done ?? 0, total: result?.total ?? 0 })
            : status === 'error'
              ? t('seeds.error', { error: error ?? '' })
              : t('seeds.progress', {
                  done: result?.done ?? 0,
                  total: result?.total ?? 0,
                  seconds: formatFixed((result?.elapsedMs ?? 0) / 1000, 1),
                  backend: result?.backend ?? backend,
                })}
        </span>
      </div>
      <figure className="chart-card seed-band-figure">
        <figcaption className="chart-title">
          <span className="chart-title-text">{chartTitle}</span>
        </figcaption>
        <div className="seed-band-body">
          {measuredAny ? (
            <SeedBandChart runs={runs} axisTitle={quantityName} />
          ) : (
            <div className="chart-placeholder">{t('seeds.noData')}</div>
          )}
          {tableOpen && measuredAny && (
            <SeedBandTable runs={runs} names={names} label={chartTitle} />
          )}
        </div>
        <ul className="seed-band-legend">
          {runs.map((r) => {
            const look = runLook(r.letter);
            return (
              <li key={r.letter} data-testid={`seed-band-beta-${r.letter}`}>
                <span
                  className="seed-band-swatch"
                  style={{ background: look.color }}
                  aria-hidden="true"
                />
                {t('seeds.beta', {
                  run: look.name,
                  beta: formatSignificant(r.beta, 3),
                  spread: formatSignificant(r.inputLogSpread, 3),
                })}
              </li>
            );
          })}
        </ul>
        <p className="chart-note" data-testid="seed-band-note">
          {t('seeds.bandNote', {
            first: seeds[0] ?? base.init.seed,
            last: seeds[seeds.length - 1] ?? base.init.seed,
          })}
        </p>
      </figure>
      <p className="sweep-theory-text">{t('seeds.theory')}</p>
    </section>
  );
}
