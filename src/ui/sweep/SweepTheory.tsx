import type { ExperimentConfig } from '../../config/schema';
import type { SweepSpec } from '../../config/sweepSpec';
import { t } from '../i18n/messages';
import { describeInit } from './describeSetup';
import { format3, formatSlope } from './sweepFormat';
import { noBoundaryReason, setupChi1 } from './sweepTheory';

/** What the mean-field boundary assumes, this setup's chi_1, and whether the map shows it. */
export function SweepTheory(props: {
  base: ExperimentConfig;
  spec: SweepSpec;
  theory: ReturnType<typeof setupChi1>;
  boundaryShown: boolean;
}) {
  const { base, spec, theory, boundaryShown } = props;
  const reason = noBoundaryReason(base);
  return (
    <div className="sweep-theory" data-testid="sweep-theory">
      <h3>{t('sweep.theoryTitle')}</h3>
      {reason !== null ? (
        <p>{t(`sweep.theoryNone.${reason}`)}</p>
      ) : (
        <>
          <p>
            {t('sweep.theory', {
              act: base.network.activation,
              init: describeInit(base),
              width: base.network.hidden[0] ?? 0,
              bias: base.init.biasInit,
            })}
          </p>
          {theory && (
            <p>
              {t('sweep.theorySetup', {
                chi: format3(theory.chi1),
                slope: formatSlope(theory.logSlope),
              })}
            </p>
          )}
          <p>
            {spec.axes.some((a) => a.key === 'gain')
              ? boundaryShown
                ? t('sweep.theoryGainAxis')
                : t('sweep.theoryNoCrossing')
              : t('sweep.theoryNoGainAxis')}
          </p>
        </>
      )}
    </div>
  );
}
