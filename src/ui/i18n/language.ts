/**
 * Which language the page is shown in, and switching it. The language a link names
 * (`lang=`) wins; without one the page follows the viewer's own choice, remembered in this
 * browser, and on a first visit the browser's languages (navigator.languages). English is
 * built in; every other catalogue is its own chunk, fetched when first shown, so an English
 * first load carries none of it.
 */
import { create } from 'zustand';
import { languageFromBrowser, languageOf, type Language } from '../../config/languageKey';
import { useViewStore } from '../../store/viewStore';
import { setLessonTexts, type LessonTexts } from './lessonTexts';
import { EN_MESSAGES, setCatalogue, t, type Messages } from './messages';
import { setNumberLocale } from './numberFormat';

/** A language's words: the messages, and the lessons' texts where they are translated. */
export interface Catalogue {
  /** Every message, except English's on-demand parts until their panels load them. */
  messages: Messages;
  /** Lesson texts by id and what joins their sentences; null: the lessons' own English. */
  lessons: { texts: LessonTexts; gap: string } | null;
}

/** Where the page remembers the language the viewer picked. */
const CHOICE_KEY = 'gradscope.language';

/** The language the viewer picked in this browser, or null if none (or storage is blocked). */
export function rememberedLanguage(): Language | null {
  try {
    const stored = window.localStorage.getItem(CHOICE_KEY);
    return stored === null ? null : languageOf(stored);
  } catch {
    return null;
  }
}

function rememberLanguage(language: Language): void {
  try {
    window.localStorage.setItem(CHOICE_KEY, language);
  } catch {
    // storage blocked: the choice holds for this visit (and in the link)
  }
}

/** The language to show: the link's, else the viewer's remembered choice, else the browser's. */
export function wantedLanguage(linked: Language | null): Language {
  const browser = navigator.languages?.length ? navigator.languages : [navigator.language];
  return linked ?? rememberedLanguage() ?? languageFromBrowser(browser);
}

export const useLanguageStore = create<{ shown: Language }>(() => ({ shown: 'en' }));

async function catalogueOf(language: Language): Promise<Catalogue> {
  if (language === 'en') return { messages: EN_MESSAGES, lessons: null };
  return (await import('./zh-CN/index')).ZH_CN_CATALOGUE;
}

/** Counts requests, so a slow load never overrides a later choice. */
let latestRequest = 0;

/**
 * Loads a language's catalogue and shows the page in it: messages, lessons, numbers, the
 * document's `lang` and title. If the catalogue cannot be fetched, the page stays as it is.
 */
export async function showLanguage(language: Language): Promise<void> {
  const request = ++latestRequest;
  let catalogue: Catalogue;
  try {
    catalogue = await catalogueOf(language);
  } catch {
    return;
  }
  if (request !== latestRequest) return;
  setCatalogue(catalogue.messages);
  setLessonTexts(catalogue.lessons);
  setNumberLocale(language);
  document.documentElement.lang = language;
  document.title = t('app.documentTitle');
  useLanguageStore.setState({ shown: language });
}

/**
 * Shows the language the page should open in (awaited before the first render, so the page
 * never flashes English first) and follows the link's `lang` from then on.
 */
export function startLanguage(): Promise<void> {
  useViewStore.subscribe((state, prev) => {
    if (state.lang !== prev.lang) void showLanguage(wantedLanguage(state.lang));
  });
  return showLanguage(wantedLanguage(useViewStore.getState().lang));
}

/**
 * The viewer picks a language in the page: it is remembered for links without `lang`, and the
 * page's link now carries it, so a copied link opens in it.
 */
export function chooseLanguage(language: Language): void {
  rememberLanguage(language);
  if (useViewStore.getState().lang === language) void showLanguage(language);
  else useViewStore.setState({ lang: language });
}
