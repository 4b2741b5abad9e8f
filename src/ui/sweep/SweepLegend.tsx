import { viridisGradientCss } from '../charts/palette';
import { t } from '../i18n/messages';
import { divergingGradientCss, OVERFLOW_COLOR, type SweepMetric } from './regimeColor';

/** The map's colour ramp for the shown metric, the overflow swatch, the ring and the boundary. */
export function SweepLegend(props: { metric: SweepMetric; boundaryShown: boolean }) {
  const diverging = props.metric === 'logSlope';
  return (
    <div className="sweep-legend" aria-hidden="true">
      <span>{t(diverging ? 'sweep.legendVanishing' : 'sweep.legendLow')}</span>
      <span
        className="sweep-ramp"
        style={{ background: diverging ? divergingGradientCss() : viridisGradientCss() }}
      />
      <span>{t(diverging ? 'sweep.legendExploding' : 'sweep.legendHigh')}</span>
      <span className="sweep-swatch" style={{ background: OVERFLOW_COLOR }} />
      <span>{t('sweep.legendOverflow')}</span>
      <span className="sweep-ring" />
      <span>{t('sweep.currentLegend')}</span>
      {props.boundaryShown && (
        <>
          <span className="sweep-dash" />
          <span>{t('sweep.boundaryLegend')}</span>
        </>
      )}
    </div>
  );
}
