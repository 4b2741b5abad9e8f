import { pageSession } from '../../store/pageSession';
import { useSessionStore, type RunView } from '../../store/sessionStore';
import { t } from '../i18n/messages';
import { shownLayerName } from '../charts/format';

/**
 * Says where training broke, what it means, and offers rewind or reset: one banner per halted
 * run. When runs are compared, the banner names the run and says the others go on.
 */
export function ExplosionBanner() {
  const runs = useSessionStore((s) => s.runs);
  const compared = runs.length > 1;
  return (
    <>
      {runs
        .filter((run) => run.event !== null)
        .map((run) => (
          <RunExplosionBanner key={run.letter} run={run} compared={compared} />
        ))}
    </>
  );
}

function RunExplosionBanner({ run, compared }: { run: RunView; compared: boolean }) {
  const event = run.event;
  if (!event) return null;
  const layer = event.layer === null ? null : run.layers[event.layer];
  // A recurrent signal's index is a time step, not a layer.
  const where =
    event.what === 'timeSignalNorm' && event.layer !== null
      ? t('recurrent.bannerWhere', { t: event.layer + 1 })
      : event.layer !== null && layer
        ? t('banner.where.layer', {
            what: t(`what.${event.what}`),
            layer: event.layer + 1,
            name: shownLayerName(layer.name),
          })
        : event.what === 'loss'
          ? t('banner.where.loss')
          : t('banner.where.global');
  const rewindStep = event.step - 1;
  const runName = run.letter.toUpperCase();
  return (
    <div
      className="banner banner-danger"
      role="alert"
      data-testid="explosion-banner"
      data-run={run.letter}
    >
      <strong>
        {compared
          ? t('banner.titleRun', { run: runName, step: event.step })
          : t('banner.title', { step: event.step })}
      </strong>{' '}
      <span>{where}</span> <span>{t('banner.meaning')}</span>
      {compared && <span> {t('banner.othersGoOn', { run: runName })}</span>}
      <span className="banner-actions">
        {rewindStep >= 1 && (
          <button
            type="button"
            onClick={() => void pageSession()?.rewindToLastFiniteStep(run.letter)}
          >
            {t(compared ? 'banner.rewindAll' : 'banner.rewind', { step: rewindStep })}
          </button>
        )}
        <button type="button" onClick={() => void pageSession()?.reset()}>
          {t(compared ? 'banner.resetAll' : 'banner.reset')}
        </button>
      </span>
    </div>
  );
}
