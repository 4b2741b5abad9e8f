import { useId } from 'react';
import { DEFAULT_SEEDS } from '../../config/seedsKey';
import { defaultAxis } from '../../config/sweepSpec';
import { useConfigStore } from '../../store/configStore';
import { useViewStore } from '../../store/viewStore';
import { t } from '../i18n/messages';
import './viewTabs.css';

/** The default map: init gain across, depth down, step 1 only. */
const DEFAULT_SWEEP = { axes: [defaultAxis('gain'), defaultAxis('depth')], steps: 1 };

/**
 * Live charts, the regime map or the seed bands. The map and the bands are views of the link
 * (`&sweep=`, `&seeds=`), so opening one writes it into the link and closing it takes it out.
 */
export function ViewTabs() {
  // The map and the bands measure feed-forward settings (depth, init gain, widths, ...): not a
  // recurrent network.
  const recurrent = useConfigStore((s) => s.config.model.kind === 'rnn');
  const open = useViewStore((s) => s.sweep !== null) && !recurrent;
  const bandsOpen = useViewStore((s) => s.seeds !== null && s.sweep === null) && !recurrent;
  const noteId = useId();
  return (
    <div className="view-tabs" role="group" aria-label={t('sweep.tabsLabel')}>
      <button
        type="button"
        aria-pressed={!open && !bandsOpen}
        onClick={() => useViewStore.setState({ sweep: null, seeds: null })}
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
          if (!open) useViewStore.setState({ sweep: DEFAULT_SWEEP, seeds: null });
        }}
      >
        {t('sweep.tabMap')}
      </button>
      <button
        type="button"
        aria-pressed={bandsOpen}
        data-testid="open-seed-bands"
        disabled={recurrent}
        aria-describedby={recurrent ? noteId : undefined}
        onClick={() => {
          if (!bandsOpen) useViewStore.setState({ sweep: null, seeds: DEFAULT_SEEDS });
        }}
      >
        {t('sweep.tabSeeds')}
      </button>
      {recurrent ? (
        <span id={noteId} className="view-tabs-note">
          {t('recurrent.mapNote')}
        </span>
      ) : null}
    </div>
  );
}
