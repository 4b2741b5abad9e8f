import { t } from '../i18n/messages';
import { DataSection } from './DataSection';
import { GradientSection } from './GradientSection';
import { InitSection } from './InitSection';
import { NetworkSection } from './NetworkSection';
import { OptimizerSection } from './OptimizerSection';
import { TrainingSection } from './TrainingSection';
import './controls.css';

/**
 * The settings column. Gradient control comes first (it is what the app is about), then the
 * causes of exploding or vanishing gradients in the order a lesson changes them.
 */
export function ControlsPanel() {
  return (
    <aside className="controls-panel" aria-label={t('controls.panelLabel')}>
      <GradientSection />
      <NetworkSection />
      <InitSection />
      <OptimizerSection />
      <DataSection />
      <TrainingSection />
    </aside>
  );
}
