import { memo, useId, type ReactNode } from 'react';
import { t } from '../i18n/messages';
import { CHART_QUANTITIES, useChartViewStore } from './chartViewStore';
import { SegmentedChoice } from './SegmentedChoice';

/**
 * Segmented choice of the per-layer quantity, followed by a one-line caption saying exactly what
 * is plotted, then `children` (the compare menu).
 */
export const QuantityToggle = memo(function QuantityToggle({ children }: { children?: ReactNode }) {
  const quantity = useChartViewStore((s) => s.quantity);
  const setQuantity = useChartViewStore((s) => s.setQuantity);
  const captionId = useId();
  return (
    <div className="quantity-toolbar">
      <SegmentedChoice
        options={CHART_QUANTITIES}
        value={quantity}
        onChange={setQuantity}
        legend={t('chart.quantityLegend')}
        labelOf={(q) => t(`chart.quantity.${q}`)}
        describedBy={captionId}
      />
      <p id={captionId} className="quantity-caption">
        {t(`chart.caption.${quantity}`)}
      </p>
      {children}
    </div>
  );
});
