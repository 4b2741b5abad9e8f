import { lazy, Suspense, type ReactNode } from 'react';
import type { RecurrentModel } from '../../config/modelSchema';
import { useSessionStore } from '../../store/sessionStore';
import { CompareMenu } from '../compare/CompareMenu';
import { t } from '../i18n/messages';
import { useShownConfig } from '../shownRun';
import '../inside/inside.css';
import { DistributionsToggle } from '../inside/DistributionsToggle';
import { LazyDistributionsPanel } from '../inside/LazyDistributionsPanel';
import { useInsideViewStore } from '../inside/insideViewStore';
import { PredictionMap } from '../inside/PredictionMap';
import './charts.css';
import { DepthProfile } from './DepthProfile';
import { GradHeatmap } from './GradHeatmap';
import { GradNormChart } from './GradNormChart';
import { LossChart } from './LossChart';
import { QuantityToggle } from './QuantityToggle';
import { TimeProfile } from './TimeProfile';
import { WeightNormChart } from './WeightNormChart';

/** The compare view, loaded the first time runs are compared (a single run never needs it). */
const CompareView = lazy(() => import('../compare/CompareView'));

/**
 * The live view. One run: every chart at once, without scrolling, in the space a 1366x768
 * laptop leaves beside the controls. Several runs: the compare view. Each chart reads the
 * stores itself.
 */
export function ChartsPanel({ embedded = false }: { embedded?: boolean }) {
  const runs = useSessionStore((s) => s.runs);
  const menu = embedded ? null : <CompareMenu />;
  const distributionsOpen = useInsideViewStore((s) => s.distributionsOpen);
  const model = useShownConfig().model;
  return (
    <section className="charts-panel" aria-label={t('chart.panelLabel')}>
      {runs.length > 1 ? (
        <Suspense fallback={null}>
          <CompareView runs={runs} menu={menu} editable={!embedded} />
        </Suspense>
      ) : model.kind === 'rnn' ? (
        <RecurrentCharts model={model} menu={menu} />
      ) : (
        <div className={distributionsOpen ? 'charts-layout has-distributions' : 'charts-layout'}>
          <QuantityToggle>
            <DistributionsToggle />
            {menu}
          </QuantityToggle>
          <GradNormChart />
          <DepthProfile />
          <LossChart />
          <GradHeatmap />
          <WeightNormChart />
          <PredictionMap />
          {distributionsOpen && <LazyDistributionsPanel />}
        </div>
      )}
    </section>
  );
}

/**
 * The live view of one recurrent run: parameter gradients per weight tensor, the signal
 * through time at one step and over training (time steps as the heatmap's rows), loss and
 * weight norms. No prediction map or distributions: the engine measures neither here.
 */
function RecurrentCharts({ model, menu }: { model: RecurrentModel; menu: ReactNode }) {
  return (
    <div className="charts-layout is-recurrent">
      <QuantityToggle>{menu}</QuantityToggle>
      <GradNormChart />
      <TimeProfile model={model} />
      <LossChart />
      <GradHeatmap timeSteps={model.timeSteps} />
      <WeightNormChart />
    </div>
  );
}
