import type { ComponentType } from 'react';
import { useViewStore, type EmbedControl } from '../../store/viewStore';
import { ActivationSelect } from '../controls/ActivationSelect';
import { ClipControls } from '../controls/ClipControls';
import { DepthSlider } from '../controls/DepthSlider';
import { GradientScaleSlider } from '../controls/GradientScaleSlider';
import { InitGainSlider } from '../controls/InitGainSlider';
import { InitSchemeSelect } from '../controls/InitSchemeSelect';
import { LearningRateSlider } from '../controls/LearningRateSlider';
import '../controls/controls.css';
import { t } from '../i18n/messages';
import './embed.css';

/** The control each `embed=` name stands for: the same components as the full panel's. */
const CONTROL_BY_NAME = {
  lr: LearningRateSlider,
  clip: ClipControls,
  gain: InitGainSlider,
  gscale: GradientScaleSlider,
  layers: DepthSlider,
  act: ActivationSelect,
  init: InitSchemeSelect,
} as const satisfies Record<EmbedControl, ComponentType>;

/** The embedded page's one strip of controls, exactly those the link's `embed=` lists. */
export function EmbedControls() {
  const names = useViewStore((s) => s.embed);
  if (names === null || names.length === 0) return null;
  return (
    <section className="embed-controls" aria-label={t('controls.panelLabel')}>
      {names.map((name) => {
        const Control = CONTROL_BY_NAME[name];
        return <Control key={name} />;
      })}
    </section>
  );
}
