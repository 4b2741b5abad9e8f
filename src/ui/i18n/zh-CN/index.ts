/**
 * The Simplified Chinese catalogue: its files mirror en/ one to one (same names, same exports).
 * i18n/language.ts loads it as its own chunk the first time Chinese is shown, so an English
 * first load carries none of it.
 */
import type { Catalogue } from '../language';
import type { MessageKey } from '../messages';
import { chartMessages } from './charts';
import { compareMessages } from './compare';
import { controlMessages } from './controls';
import { insideMessages } from './inside';
import { ZH_CN_LESSON_TEXTS } from './lessonTexts';
import { lessonMessages } from './lessons';
import { runMessages } from './run';
import { sweepMessages } from './sweep';
import { sweepPanelMessages } from './sweepPanel';
import { accessMessages } from './access';
import { exportMessages } from './export';
import { offlineMessages } from './offline';
import { repairMessages } from './repairs';
import { weightsMessages } from './weights';
import { recurrentMessages } from './recurrent';

/** Every message, on-demand parts included: the whole catalogue loads with the language. */
export const ZH_CN_MESSAGES: Record<MessageKey, string> = {
  ...runMessages,
  ...controlMessages,
  ...chartMessages,
  ...lessonMessages,
  ...compareMessages,
  ...sweepMessages,
  ...sweepPanelMessages,
  ...insideMessages,
  ...accessMessages,
  ...exportMessages,
  ...offlineMessages,
  ...repairMessages,
  ...weightsMessages,
  ...recurrentMessages,
};

export const ZH_CN_CATALOGUE: Catalogue = {
  messages: ZH_CN_MESSAGES,
  // A Chinese sentence ends with its full stop: no space between sentences.
  lessons: { texts: ZH_CN_LESSON_TEXTS, gap: '' },
};
