import { pageSession } from '../../store/pageSession';
import type { RunView } from '../../store/sessionStore';
import { sayWeightsNotes } from '../../config/initialWeightsMessages';
import { weightsMessages } from '../i18n/en/weights';
import { addEnglishMessages, t } from '../i18n/messages';
import { runLook } from './runLook';

// The notes' words load with the compare view, not with the page: added before it renders.
addEnglishMessages(weightsMessages);

/**
 * Which run is which: each run's line style, its difference from A in words, whether it starts
 * from A's initial weights and batches (and if not, why not), and where it stands.
 */
export function RunsLegend({ runs, editable }: { runs: readonly RunView[]; editable: boolean }) {
  return (
    <ul className="runs-legend" data-testid="runs-legend" aria-label={t('compare.legendLabel')}>
      {runs.map((run) => {
        const look = runLook(run.letter);
        const reason =
          run.weights.kind === 'identical' ? '' : sayWeightsNotes(run.weights.notes, t);
        const weights =
          run.letter === 'a'
            ? null
            : run.weights.kind === 'identical'
              ? t('compare.weights.identical')
              : run.weights.kind === 'scaled'
                ? t('compare.weights.scaled', { reason })
                : t('compare.weights.different', { reason });
        return (
          <li key={run.letter} data-run={run.letter} data-state={run.state}>
            <svg width="28" height="10" aria-hidden="true">
              <line
                x1="1"
                x2="27"
                y1="5"
                y2="5"
                stroke={look.color}
                strokeWidth="2.5"
                strokeDasharray={look.dash}
              />
            </svg>
            <strong>{t('compare.runName', { run: look.name })}</strong>{' '}
            <span className="run-difference">
              {run.letter === 'a' ? t('compare.base') : run.difference || t('compare.sameAsA')}
            </span>
            {run.state === 'halted' && run.event && (
              <span className="run-halted"> {t('compare.halted', { step: run.event.step })}</span>
            )}
            {weights && (
              <span
                className={run.weights.kind === 'different' ? 'run-weights warn' : 'run-weights'}
                role={run.weights.kind === 'different' ? 'note' : undefined}
              >
                {' '}
                · {weights}
              </span>
            )}
            {editable && run.letter !== 'a' && (
              <button
                type="button"
                className="run-remove"
                aria-label={t('compare.remove', { run: look.name })}
                title={t('compare.remove', { run: look.name })}
                onClick={() => void pageSession()?.removeVariant(run.letter as 'b' | 'c' | 'd')}
              >
                ×
              </button>
            )}
          </li>
        );
      })}
    </ul>
  );
}
