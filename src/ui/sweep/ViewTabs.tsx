import { useId } from 'react';
import { defaultAxis } from '../../config/sweepSpec';
import { useConfigStore } from '../../store/configStore';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';
import './viewTabs.css';

/** The default map: init gain across, depth down, step 1 only. */
const DEFAULT_SWEEP = { axes: [defaultAxis('gain'), defaultAxis('depth')], steps: 1 };

/**
 * Live charts or the regime map. The map is a view of the link (`&sweep=`), so opening it
 * writes the sweep into the link and closing it takes it out.
 */
export function ViewTabs() {
  // The map sweeps feed-forward settings (depth, init gain, ...): not a recurrent network.
  const recurrent = useConfigStore((s) => s.config.model.kind === 'rnn');
  const open = useViewStore((s) => s.sweep !== null) && !recurrent;
  const noteId = useId();
  return (
    <div className="view-tabs" role="group" aria-label={t('sweep.tabsLabel')}>
      <button
        type="button"
        aria-pressed={!open}
        onClick={() => useViewStore.setState({ sweep: null })}
      >
        {t('sweep.tabLive')}
      </button>
      <button
        type="button"
        aria-pressed={open}
        data-testid="open-regime-map"
        disabled={recurrent}
        aria-describedby={recurrent ? noteId : undefined}
        onClick={() => {
          if (!open) useViewStore.setState({ sweep: DEFAULT_SWEEP });
        }}
      >
        {t('sweep.tabMap')}
      </button>
      {recurrent ? (
        <span id={noteId} className="view-tabs-note">
          {t('recurrent.mapNote')}
        </span>
      ) : null}
    </div>
  );
}
