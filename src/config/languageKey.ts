/**
 * The `lang` link key: the language the page is shown in. It says how the page reads, not what
 * it trains, so it sits beside the view keys. A link without it follows the viewer's own choice
 * (remembered by the page) or the browser's languages; `lang=zh-CN` or `lang=en` opens the page
 * in that language for everyone who opens the link. Pure: no tfjs, no React.
 */
import { quoteText, repair, type Repair } from './repairs';

/** The languages the page is written in, by their BCP 47 tags, English first (the default). */
export const LANGUAGES = ['en', 'zh-CN'] as const;
export type Language = (typeof LANGUAGES)[number];

/** A tag as the page's own language, ignoring case (`zh-cn` is zh-CN); null for any other. */
export function languageOf(tag: string): Language | null {
  const lower = tag.toLowerCase();
  return LANGUAGES.find((language) => language.toLowerCase() === lower) ?? null;
}

/**
 * The language a browser asks for: the first entry of `navigator.languages` that the page is
 * written in, matched by language and script, so zh, zh-CN, zh-SG and zh-Hans read Simplified
 * Chinese while zh-TW, zh-HK and zh-Hant (Traditional script) do not; English otherwise.
 */
export function languageFromBrowser(preferred: readonly string[]): Language {
  for (const tag of preferred) {
    const lower = tag.toLowerCase();
    if (lower === 'en' || lower.startsWith('en-')) return 'en';
    if (lower === 'zh' || lower.startsWith('zh-')) {
      if (/^zh-(tw|hk|mo|hant)(-|$)/.test(lower)) continue;
      return 'zh-CN';
    }
  }
  return 'en';
}

/** Reads `lang` from a link's parameters: null when absent, repaired to null when unknown. */
export function readLinkedLanguage(params: ReadonlyMap<string, string>): {
  language: Language | null;
  repairs: Repair[];
} {
  const text = params.get('lang');
  if (text === undefined) return { language: null, repairs: [] };
  const language = languageOf(text);
  if (language !== null) return { language, repairs: [] };
  const said = { text: quoteText(text), languages: LANGUAGES.join(', ') };
  return { language: null, repairs: [repair('lang', 'repair.unknownLanguage', said)] };
}

/** `&lang=...` for a language the link carries, '' for none. */
export function languageSuffix(language: Language | null): string {
  return language === null ? '' : `&lang=${language}`;
}
