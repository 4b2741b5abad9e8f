import type { ComponentType } from 'react';
import { useConfigStore } from '../../store/configStore';
import { useViewStore, type EmbedControl } from '../../store/viewStore';
import { ActivationSelect } from '../controls/ActivationSelect';
import { ClipControls } from '../controls/ClipControls';
import { DepthSlider } from '../controls/DepthSlider';
import { GradientScaleSlider } from '../controls/GradientScaleSlider';
import { InitGainSlider } from '../controls/InitGainSlider';
import { InitSchemeSelect } from '../controls/InitSchemeSelect';
import { LearningRateSlider } from '../controls/LearningRateSlider';
import { TimeStepsSlider } from '../controls/TimeStepsSlider';
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

/**
 * A recurrent network has no hidden layers to stack: its depth is the sequence length T, the
 * time steps the gradient crosses back, so `embed=layers` shows that. The other names keep
 * their controls (init and gain label themselves for W_x and W_y there).
 */
const RECURRENT_CONTROL_BY_NAME: Partial<Record<EmbedControl, ComponentType>> = {
  layers: TimeStepsSlider,
};

/**
 * The embedded page's one strip of controls, exactly those the link's `embed=` lists, as they
 * apply to the link's network.
 */
export function EmbedControls() {
  const names = useViewStore((s) => s.embed);
  const recurrent = useConfigStore((s) => s.config.model.kind === 'rnn');
  if (names === null || names.length === 0) return null;
  return (
    <section className="embed-controls" aria-label={t('controls.panelLabel')}>
      {names.map((name) => {
        const Control =
          (recurrent ? RECURRENT_CONTROL_BY_NAME[name] : undefined) ?? CONTROL_BY_NAME[name];
        return <Control key={name} />;
      })}
    </section>
  );
}
