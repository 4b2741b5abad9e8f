import { runMessages } from './en/run';
import { formatCount, formatSignificant } from './numberFormat';
import { controlMessages } from './en/controls';
import { chartMessages } from './en/charts';
import { lessonMessages } from './en/lessons';
import { compareMessages } from './en/compare';
import { sweepMessages } from './en/sweep';
import type { sweepPanelMessages } from './en/sweepPanel';
import { insideMessages } from './en/inside';
import { accessMessages } from './en/access';
import { exportMessages } from './en/export';
import { offlineMessages } from './en/offline';
import type { repairMessages } from './en/repairs';
import type { weightsMessages } from './en/weights';
import { fillTemplate } from '../../config/messageTemplate';
import { recurrentMessages } from './en/recurrent';

/**
 * The English messages of the page's first load. Every user-facing string goes through one
 * catalogue; a second language is a second catalogue with the same keys, and components never
 * change. Placeholders are {name}.
 */
const FIRST_LOAD_EN_MESSAGES = {
  ...runMessages,
  ...controlMessages,
  ...chartMessages,
  ...lessonMessages,
  ...compareMessages,
  ...sweepMessages,
  ...insideMessages,
  ...accessMessages,
  ...exportMessages,
  ...offlineMessages,
  ...recurrentMessages,
} as const;

/**
 * English messages only a panel loaded on demand says, kept out of the first load: the sweep
 * and seed panels' (en/sweepPanel.ts) and the compare view's notes on where a run starts
 * (en/weights.ts), and what the repair notice says about a repaired link (en/repairs.ts: most
 * links need none). The module that shows them adds them (addEnglishMessages) as it loads,
 * before it renders.
 */
type OnDemandEnMessages = typeof sweepPanelMessages &
  typeof weightsMessages &
  typeof repairMessages;

export type MessageKey = keyof typeof FIRST_LOAD_EN_MESSAGES | keyof OnDemandEnMessages;
export type MessageParams = Record<string, string | number>;

/** A catalogue; the English one holds an on-demand part once that part is added. */
export type Messages = Partial<Record<MessageKey, string>>;

/** The English catalogue: the first load's messages, and each on-demand part once added. */
export const EN_MESSAGES: Messages = { ...FIRST_LOAD_EN_MESSAGES };

/** Adds an on-demand part to the English catalogue: `t` finds its words from then on. */
export function addEnglishMessages(part: Partial<OnDemandEnMessages>): void {
  Object.assign(EN_MESSAGES, part);
}

let catalogue: Messages = EN_MESSAGES;

export function setCatalogue(next: Messages): void {
  catalogue = next;
}

/**
 * Looks a message up and fills its {placeholders}; values are text, never HTML. Number values
 * are written in the page's number format (whole numbers grouped, others to 4 significant
 * digits), so every number in a message reads the same way.
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const template = catalogue[key] ?? key;
  if (!params) return template;
  return fillTemplate(template, params, paramText);
}

function paramText(value: string | number): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? formatCount(value) : formatSignificant(value, 4);
}
