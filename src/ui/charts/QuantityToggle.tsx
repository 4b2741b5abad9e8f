import { memo, useId, type ReactNode } from 'react';
import { t } from '../i18n/messages';
import { CHART_QUANTITIES, useChartViewStore } from './chartViewStore';

/**
 * Segmented choice of the per-layer quantity (native radio buttons, so arrow keys and screen
 * readers work), followed by a one-line caption saying exactly what is plotted, then `children`
 * (the compare menu).
 */
export const QuantityToggle = memo(function QuantityToggle({ children }: { children?: ReactNode }) {
  const quantity = useChartViewStore((s) => s.quantity);
  const setQuantity = useChartViewStore((s) => s.setQuantity);
  const groupName = useId();
  const captionId = useId();
  return (
    <div className="quantity-toolbar">
      <fieldset className="quantity-toggle" aria-describedby={captionId}>
        <legend className="chart-sr-only">{t('chart.quantityLegend')}</legend>
        {CHART_QUANTITIES.map((q) => (
          <label key={q} className={q === quantity ? 'is-active' : undefined}>
            <input
              type="radio"
              name={groupName}
              value={q}
              checked={q === quantity}
              onChange={() => setQuantity(q)}
            />
            {t(`chart.quantity.${q}`)}
          </label>
        ))}
      </fieldset>
      <p id={captionId} className="quantity-caption">
        {t(`chart.caption.${quantity}`)}
      </p>
      {children}
    </div>
  );
});
