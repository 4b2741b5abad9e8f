import { updateConfig } from '../../store/pageSession';
import { useId } from 'react';
import { useShallow } from 'zustand/react/shallow';
import { useConfigStore } from '../../store/configStore';
import { t } from '../i18n/messages';
import { appendLayer, canAddLayer, dropLayer, fitLayerWidth } from './networkEdits';
import { NumberBox } from './NumberBox';
import { RANGES } from './ranges';

/** The per-layer builder: one row per hidden layer (width box, remove button), then "Add layer". */
export function LayerList() {
  const hidden = useConfigStore(useShallow((s) => s.config.network.hidden));
  const canAdd = useConfigStore((s) => canAddLayer(s.config));
  const idPrefix = useId();

  return (
    <div className="layer-builder">
      {hidden.length === 0 ? (
        <p className="field-help">{t('controls.noHiddenLayers')}</p>
      ) : (
        <ol className="layer-list" aria-label={t('controls.hiddenLayers')}>
          {hidden.map((width, index) => {
            const n = index + 1;
            const boxId = `${idPrefix}-layer-${n}`;
            return (
              // Layers have no identity beyond their position, so the index is the key.
              <li key={index} className="layer-row">
                <label className="layer-label" htmlFor={boxId}>
                  {t('controls.layerN', { n })}
                </label>
                <NumberBox
                  id={boxId}
                  value={width}
                  range={RANGES.width}
                  ariaLabel={t('controls.layerWidth', { n })}
                  onCommit={(w) => updateConfig((c) => fitLayerWidth(c, index, w))}
                />
                <button
                  type="button"
                  className="icon-button"
                  aria-label={t('controls.removeLayer', { n })}
                  title={t('controls.removeLayer', { n })}
                  onClick={() => updateConfig((c) => dropLayer(c, index))}
                >
                  {t('controls.removeSymbol')}
                </button>
              </li>
            );
          })}
        </ol>
      )}
      <button
        type="button"
        className="text-button"
        disabled={!canAdd}
        onClick={() => updateConfig(appendLayer)}
      >
        {t('controls.addLayer')}
      </button>
    </div>
  );
}
