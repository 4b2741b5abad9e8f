import { loadCellAsBase } from '../../store/sweeps';
import type { SweepResult } from '../../store/sweepStore';
import { t } from '../i18n/messages';
import { formatAxisValue } from './RegimeMap';
import { format3, observedRangeText } from './sweepFormat';

/** The clip-threshold advisor's verdict: what the curve shows, the best c, and applying it. */
export function ClipAdvice(props: {
  result: SweepResult;
  best: number | null;
  /** Run A's observed pre-clip global norms, finite and positive. */
  norms: readonly number[];
}) {
  const { result, best, norms } = props;
  const rangeText = observedRangeText(norms);
  const finished = result.done === result.cells.length && result.cells.length > 0;
  return (
    <div className="sweep-advice" data-testid="clip-advice">
      <h3>{t('sweep.advisorTitle')}</h3>
      <p>{t('sweep.advisorExplain', { steps: result.spec.steps })}</p>
      {rangeText !== null && <p>{rangeText}</p>}
      {best !== null ? (
        <>
          <p>
            {t('sweep.advisorBest', {
              c: formatAxisValue(result.xs[best]!),
              loss: format3(result.cells[best]!.loss),
            })}
          </p>
          <button
            type="button"
            data-testid="sweep-apply-best"
            onClick={() => loadCellAsBase(result, best)}
          >
            {t('sweep.advisorApply', { c: formatAxisValue(result.xs[best]!) })}
          </button>
        </>
      ) : (
        finished && <p>{t('sweep.advisorNone')}</p>
      )}
    </div>
  );
}
