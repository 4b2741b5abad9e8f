import { LANGUAGES, type Language } from '../../config/languageKey';
import { chooseLanguage, useLanguageStore } from '../i18n/language';
import { t } from '../i18n/messages';

/** Each language by its own name, whatever the page is shown in, so a reader finds theirs. */
const OWN_NAMES: Readonly<Record<Language, string>> = { en: 'English', 'zh-CN': '简体中文' };

/**
 * The page's language. Picking one is remembered in this browser and written into the link
 * (`lang=`), so Copy link shares the page in that language.
 */
export function LanguageSelect() {
  const shown = useLanguageStore((s) => s.shown);
  return (
    <select
      className="language-select"
      aria-label={t('app.language')}
      title={t('app.language')}
      value={shown}
      onChange={(e) => chooseLanguage(e.target.value as Language)}
      data-testid="language-select"
    >
      {LANGUAGES.map((language) => (
        <option key={language} value={language} lang={language}>
          {OWN_NAMES[language]}
        </option>
      ))}
    </select>
  );
}
