import { useEffect, useRef } from 'react';
import { t } from '../i18n/messages';
import {
  closeSettingsDrawer,
  SETTINGS_PANEL_ID,
  SETTINGS_TOGGLE_ID,
  useSettingsDrawer,
} from '../layout/settingsDrawer';
import { DataSection } from './DataSection';
import { GradientSection } from './GradientSection';
import { InitSection } from './InitSection';
import { NetworkSection } from './NetworkSection';
import { OptimizerSection } from './OptimizerSection';
import { TrainingSection } from './TrainingSection';
import './controls.css';

/**
 * The settings column. Gradient control comes first (it is what the app is about), then the
 * causes of exploding or vanishing gradients in the order a lesson changes them. On narrow
 * screens it is a drawer (Settings in the run bar opens it; Escape, Close or a click outside
 * it shuts it).
 */
export function ControlsPanel() {
  const open = useSettingsDrawer((s) => s.open);
  const closeButton = useRef<HTMLButtonElement>(null);
  const panel = useRef<HTMLElement>(null);
  // An opened drawer takes the focus, so the keyboard goes on inside it; Escape shuts it
  // from anywhere on the page, and so does a click or tap outside it (the Settings button
  // toggles it itself). That click goes on to what it hit, which keeps the focus.
  useEffect(() => {
    if (!open) return;
    closeButton.current?.focus();
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'Escape') closeSettingsDrawer();
    };
    const onPointer = (event: PointerEvent) => {
      const target = event.target as Node;
      const toggle = document.getElementById(SETTINGS_TOGGLE_ID);
      if (panel.current?.contains(target) || toggle?.contains(target)) return;
      useSettingsDrawer.getState().setOpen(false);
    };
    window.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer, true);
    return () => {
      window.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer, true);
    };
  }, [open]);
  return (
    <aside
      ref={panel}
      id={SETTINGS_PANEL_ID}
      className="controls-panel"
      aria-label={t('controls.panelLabel')}
      data-open={open ? '1' : undefined}
    >
      <div className="drawer-header">
        <button type="button" ref={closeButton} onClick={closeSettingsDrawer}>
          {t('layout.closeSettings')}
        </button>
      </div>
      <GradientSection />
      <NetworkSection />
      <InitSection />
      <OptimizerSection />
      <DataSection />
      <TrainingSection />
    </aside>
  );
}
