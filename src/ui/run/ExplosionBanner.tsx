import { useRunStore } from '../../store/runStore';
import { trainingLoop } from '../../store/session';
import { t } from '../i18n/messages';

/** Says where training broke, what it means, and offers rewind or reset. */
export function ExplosionBanner() {
  const event = useRunStore((s) => s.event);
  const layers = useRunStore((s) => s.layers);
  if (!event) return null;
  const layer = event.layer === null ? null : layers[event.layer];
  const where =
    event.layer !== null && layer
      ? t('banner.where.layer', {
          what: t(`what.${event.what}`),
          layer: event.layer + 1,
          name: layer.name,
        })
      : event.what === 'loss'
        ? t('banner.where.loss')
        : t('banner.where.global');
  const rewindStep = event.step - 1;
  return (
    <div className="banner banner-danger" role="alert" data-testid="explosion-banner">
      <strong>{t('banner.title', { step: event.step })}</strong> <span>{where}</span>{' '}
      <span>{t('banner.meaning')}</span>
      <span className="banner-actions">
        {rewindStep >= 1 && (
          <button type="button" onClick={() => void trainingLoop()?.rewindToLastFiniteStep()}>
            {t('banner.rewind', { step: rewindStep })}
          </button>
        )}
        <button type="button" onClick={() => void trainingLoop()?.reset()}>
          {t('banner.reset')}
        </button>
      </span>
    </div>
  );
}
