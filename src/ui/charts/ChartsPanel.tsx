import { useEffect } from 'react';
import { t } from '../i18n/messages';
import './charts.css';
import { DepthProfile } from './DepthProfile';
import { GradHeatmap } from './GradHeatmap';
import { GradNormChart } from './GradNormChart';
import { LossChart } from './LossChart';
import { QuantityToggle } from './QuantityToggle';
import { WeightNormChart } from './WeightNormChart';

/**
 * The live view: every chart at once, without scrolling, in the space a 1366x768 laptop leaves
 * beside the controls. Each chart reads the stores itself, so the panel never re-renders.
 */
export function ChartsPanel() {
  useEffect(() => {
    // Dev-only synthetic history for looking at the charts (`?chartsFixture`); `import.meta.env.DEV`
    // is false in production builds, so this branch and the fixture module are dropped.
    if (import.meta.env.DEV && window.location.search.includes('chartsFixture')) {
      void import('./chartsFixture').then((m) => m.fillChartsFixture());
    }
  }, []);
  return (
    <section className="charts-panel" aria-label={t('chart.panelLabel')}>
      <div className="charts-layout">
        <QuantityToggle />
        <GradNormChart />
        <DepthProfile />
        <LossChart />
        <GradHeatmap />
        <WeightNormChart />
      </div>
    </section>
  );
}
