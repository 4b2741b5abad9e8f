import { advisorSweep } from '../../config/clipAdvisor';
import { SWEEP_KEYS, type SweepKey, type SweepSpec } from '../../config/sweepSpec';
import { cancelSweep, runSweep } from '../../store/sweeps';
import type { SweepStatus } from '../../store/sweepStore';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';
import type { SweepMetric } from './regimeColor';
import { withAxisKey, withCount } from './sweepSpecEdits';

const COUNTS = [6, 8, 12, 16, 24, 32] as const;
const STEP_CHOICES = [1, 10, 50, 200] as const;
const METRICS = ['logSlope', 'globalNorm', 'loss'] as const;

function setSpec(spec: SweepSpec): void {
  useViewStore.setState({ sweep: spec });
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * One labelled select of the toolbar. A value the choices lack (a hand-edited link's count,
 * say) is offered too, so the select shows what the sweep uses.
 */
export function ChoiceSelect(props: {
  label: string;
  value: string;
  choices: readonly Choice[];
  onChange: (value: string) => void;
  testId?: string;
}) {
  const { label, value, choices, onChange, testId } = props;
  const listed = choices.some((c) => c.value === value);
  return (
    <label>
      {label}
      <select value={value} data-testid={testId} onChange={(e) => onChange(e.target.value)}>
        {choices.map((c) => (
          <option key={c.value} value={c.value}>
            {c.label}
          </option>
        ))}
        {!listed && <option value={value}>{value}</option>}
      </select>
    </label>
  );
}

/** The settings an axis can sweep, named in the language shown when the toolbar renders. */
const keyChoices = (): Choice[] =>
  SWEEP_KEYS.map((k) => ({ value: k.key, label: t(`sweep.key.${k.key}`) }));
const numberChoices = (values: readonly number[], label = (n: number) => String(n)) =>
  values.map((n) => ({ value: String(n), label: label(n) }));

/** The sweep's settings (axes, count, steps, the metric shown), compute or cancel, the advisor. */
export function SweepToolbar(props: {
  spec: SweepSpec;
  status: SweepStatus;
  /** The shown result is of another setup, or was cancelled: computing is "Recompute". */
  recompute: boolean;
  metric: SweepMetric;
  setMetric: (metric: SweepMetric) => void;
  /** Run A's pre-clip global norms so far, which the advisor's grid spans. */
  observedNorms: () => number[];
}) {
  const { spec, status, recompute, metric, setMetric, observedNorms } = props;
  const [xAxis, yAxis] = spec.axes;
  return (
    <div className="sweep-toolbar">
      <ChoiceSelect
        label={t('sweep.xAxis')}
        value={xAxis?.key ?? 'gain'}
        choices={keyChoices()}
        testId="sweep-x"
        onChange={(key) => setSpec(withAxisKey(spec, 0, key as SweepKey))}
      />
      <ChoiceSelect
        label={t('sweep.yAxis')}
        value={yAxis?.key ?? ''}
        choices={[{ value: '', label: t('sweep.noAxis') }, ...keyChoices()]}
        testId="sweep-y"
        onChange={(key) => setSpec(withAxisKey(spec, 1, key as SweepKey | ''))}
      />
      <ChoiceSelect
        label={t('sweep.count')}
        value={String(xAxis?.count ?? 12)}
        choices={numberChoices(COUNTS)}
        onChange={(count) => setSpec(withCount(spec, Number(count)))}
      />
      <ChoiceSelect
        label={t('sweep.steps')}
        value={String(spec.steps)}
        choices={numberChoices(STEP_CHOICES, (n) => (n === 1 ? t('sweep.stepsOne') : String(n)))}
        onChange={(steps) => setSpec({ ...spec, steps: Number(steps) })}
      />
      <ChoiceSelect
        label={t('sweep.metric')}
        value={metric}
        choices={METRICS.map((m) => ({ value: m, label: t(`sweep.metric.${m}`) }))}
        onChange={(m) => setMetric(m as SweepMetric)}
      />
      {status === 'running' ? (
        <button type="button" data-testid="sweep-cancel" onClick={cancelSweep}>
          {t('sweep.cancel')}
        </button>
      ) : (
        <button type="button" data-testid="sweep-compute" onClick={() => runSweep(spec)}>
          {recompute ? t('sweep.recompute') : t('sweep.compute')}
        </button>
      )}
      <button
        type="button"
        data-testid="open-clip-advisor"
        onClick={() => {
          // The advisor is about what training does: colour the row by the loss.
          setMetric('loss');
          setSpec(advisorSweep(observedNorms()));
        }}
      >
        {t('sweep.advisorOpen')}
      </button>
    </div>
  );
}
