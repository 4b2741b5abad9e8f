import { t } from '../i18n/messages';
import { formatMeasured } from './format';
import type { LayerValues } from './layerValuesText';

/**
 * The data-table view of a per-layer chart: each layer's latest value, input layer first. It
 * covers the plot area (the chart stays mounted beneath) and scrolls on its own, so it is a
 * focusable region a keyboard can scroll.
 */
export function LayerTable({ values, label }: { values: LayerValues; label: string }) {
  return (
    <div
      className="chart-table"
      data-testid="chart-table"
      tabIndex={0}
      role="region"
      aria-label={label}
    >
      <table>
        <caption>{t('access.tableCaption', { step: values.step })}</caption>
        <thead>
          <tr>
            <th scope="col">{t(values.timeSteps ? 'recurrent.axisTime' : 'access.tableLayer')}</th>
            <th scope="col">{values.quantity}</th>
          </tr>
        </thead>
        <tbody>
          {values.values.map((value, i) => (
            <tr key={i}>
              <th scope="row">{values.names[i] ?? ''}</th>
              <td>{formatMeasured(value)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
