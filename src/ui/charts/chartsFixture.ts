/**
 * DEV ONLY: fills the page's run history with a synthetic exploding run so the charts can be
 * looked at without training (`?chartsFixture`, or `?chartsFixture=deep` for 32 hidden layers).
 * Loaded by ChartsPanel behind `import.meta.env.DEV`, so production builds never include it.
 */
import type { StepMetrics } from '../../engine/metrics';
import { describeLayers } from '../../engine/network';
import { publishHistory, runHistory } from '../../store/historyStore';
import { useConfigStore } from '../../store/configStore';
import { useRunStore } from '../../store/runStore';
import { createPrng } from '../../random/prng';

const FIXTURE_STEPS = 3000;
const OVERFLOW_STEP = 2990;
/** Per-layer growth of the signal toward the input. */
const GROWTH_PER_LAYER = 1.6;

export function fillChartsFixture(): void {
  const deep = new URLSearchParams(window.location.search).get('chartsFixture') === 'deep';
  useConfigStore.getState().update((c) => ({
    ...c,
    network: { ...c.network, hidden: Array<number>(deep ? 32 : 8).fill(32) },
    gradient: { ...c.gradient, clip: { mode: 'globalNorm', threshold: 1 } },
  }));
  const layers = describeLayers(useConfigStore.getState().config);
  const n = layers.length;
  const prng = createPrng(7);
  const steps: StepMetrics[] = [];
  for (let s = 1; s <= FIXTURE_STEPS; s++) {
    // Slow drift, then a blow-up over the last 300 steps that overflows at OVERFLOW_STEP.
    const blowUp = s > FIXTURE_STEPS - 300 ? 10 ** ((s - (FIXTURE_STEPS - 300)) / 40) : 1;
    const noise = () => Math.exp(0.3 * prng.normal());
    const signalNorm = layers.map(
      (_, l) => 1e-3 * GROWTH_PER_LAYER ** (n - 1 - l) * noise() * blowUp,
    );
    const gradNorm = signalNorm.map((v, l) => (l === 3 && s % 400 < 20 ? 0 : v * 0.5));
    if (s >= OVERFLOW_STEP) {
      signalNorm[0] = Infinity;
      gradNorm[0] = NaN;
    }
    const globalNorm = Math.sqrt(gradNorm.reduce((a, g) => a + g * g, 0));
    const scale = Math.min(1, 1 / (globalNorm + 1e-6));
    steps.push({
      step: s,
      loss: 0.7 * Math.exp(-s / 800) * noise() + 0.05 * blowUp,
      gradNorm,
      clippedGradNorm: gradNorm.map((g) => g * scale),
      globalNorm,
      clippedGlobalNorm: globalNorm * scale,
      signalNorm,
      weightNorm: layers.map((_, l) => 4 + l * 0.3 + s / 1000),
      clipped: scale < 1,
    });
  }
  runHistory.clear();
  for (let i = 0; i < steps.length; i += 10) {
    const chunk = steps.slice(i, i + 10);
    const last = chunk[chunk.length - 1] as StepMetrics;
    runHistory.append(
      chunk,
      last.step % 50 === 0 ? { step: last.step, loss: last.loss * 1.2 } : undefined,
    );
    if (last.step === 1200)
      runHistory.mark({ step: 1200, label: 'learning rate 0.05 → 0.2', kind: 'setting' });
    if (last.step === 1400)
      runHistory.mark({ step: 1400, label: 'batch size 64 → 1', kind: 'setting' });
    if (last.step === 2500)
      runHistory.mark({ step: 2500, label: 'clip threshold 2 → 1', kind: 'setting' });
  }
  useRunStore.setState({
    layers,
    status: 'halted',
    step: FIXTURE_STEPS,
    event: { kind: 'nonfinite', step: OVERFLOW_STEP, layer: 0, what: 'signalNorm' },
  });
  publishHistory(true);
}
