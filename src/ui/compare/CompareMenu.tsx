import { useConfigStore } from '../../store/configStore';
import { addVariantFrom } from '../../store/pageSession';
import { t } from '../i18n/messages';
import { variantSuggestions } from './variantSuggestions';

/**
 * The way into a comparison: one click adds the obvious remedy (clipping, or none if the run
 * clips already) as a variant; the menu offers the other usual changes. Every run then starts
 * again at step 0 from the same initial weights and batches.
 */
export function CompareMenu() {
  const base = useConfigStore((s) => s.config);
  const full = useConfigStore((s) => s.variants.length >= 3);
  const suggestions = variantSuggestions(base);
  const clip = suggestions.find((s) => s.id === 'clip');
  return (
    <div className="compare-menu" role="group" aria-label={t('compare.menuLabel')}>
      {clip && (
        <button
          type="button"
          data-testid="compare-with-clipping"
          disabled={full}
          onClick={() => addVariantFrom(clip.config)}
        >
          {base.gradient.clip.mode === 'none'
            ? t('compare.withClipping')
            : t('compare.withoutClipping')}
        </button>
      )}
      <select
        aria-label={t('compare.withMenu')}
        data-testid="compare-with"
        value=""
        disabled={full}
        onChange={(e) => {
          const chosen = suggestions.find((s) => s.id === e.target.value);
          if (chosen) addVariantFrom(chosen.config);
        }}
      >
        <option value="">{t('compare.withMenu')}</option>
        {suggestions.map((s) => (
          <option key={s.id} value={s.id}>
            {t(`compare.suggestion.${s.id}`, s.params)}
          </option>
        ))}
      </select>
    </div>
  );
}
