import { memo, useId, type ReactNode } from 'react';
import { t } from '../i18n/messages';
import {
  CHART_QUANTITIES,
  TENSOR_QUANTITIES,
  useChartViewStore,
  useShownQuantity,
} from './chartViewStore';
import { SegmentedChoice } from './SegmentedChoice';

/**
 * Segmented choice of the per-layer (per-tensor, for a recurrent run) quantity, followed by a one-line caption saying exactly what
 * is plotted, then `children` (the compare menu).
 */
export const QuantityToggle = memo(function QuantityToggle({ children }: { children?: ReactNode }) {
  // A recurrent run's signal is per time step (the time views), so its toggle leaves it out.
  const { quantity, recurrent } = useShownQuantity();
  const setQuantity = useChartViewStore((s) => s.setQuantity);
  const captionId = useId();
  return (
    <div className="quantity-toolbar">
      <SegmentedChoice
        options={recurrent ? TENSOR_QUANTITIES : CHART_QUANTITIES}
        value={quantity}
        onChange={setQuantity}
        legend={t('chart.quantityLegend')}
        labelOf={(q) => t(`chart.quantity.${q}`)}
        describedBy={captionId}
      />
      <p id={captionId} className="quantity-caption">
        {recurrent && quantity !== 'signalNorm'
          ? `${t('recurrent.tensorsCaption')} ${t(`recurrent.clipCaption.${quantity}`)}`
          : t(`chart.caption.${quantity}`)}
      </p>
      {children}
    </div>
  );
});
