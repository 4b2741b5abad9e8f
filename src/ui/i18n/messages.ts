import { runMessages } from './en/run';
import { formatCount, formatSignificant } from './numberFormat';
import { controlMessages } from './en/controls';
import { chartMessages } from './en/charts';
import { lessonMessages } from './en/lessons';
import { compareMessages } from './en/compare';
import { sweepMessages } from './en/sweep';
import { insideMessages } from './en/inside';
import { accessMessages } from './en/access';
import { exportMessages } from './en/export';
import { offlineMessages } from './en/offline';
import { repairMessages } from './en/repairs';
import { weightsMessages } from './en/weights';
import { fillTemplate } from '../../config/messageTemplate';
import { recurrentMessages } from './en/recurrent';

/**
 * The one message catalogue every user-facing string goes through. A second language is a
 * second catalogue with the same keys; components never change. Placeholders are {name}.
 */
export const EN_MESSAGES = {
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
  ...repairMessages,
  ...weightsMessages,
  ...recurrentMessages,
} as const;

export type MessageKey = keyof typeof EN_MESSAGES;
export type MessageParams = Record<string, string | number>;

let catalogue: Record<MessageKey, string> = EN_MESSAGES;

export function setCatalogue(next: Record<MessageKey, string>): void {
  catalogue = next;
}

/**
 * Looks a message up and fills its {placeholders}; values are text, never HTML. Number values
 * are written in the page's number format (whole numbers grouped, others to 4 significant
 * digits), so every number in a message reads the same way.
 */
export function t(key: MessageKey, params?: MessageParams): string {
  const template: string = catalogue[key] ?? key;
  if (!params) return template;
  return fillTemplate(template, params, paramText);
}

function paramText(value: string | number): string {
  if (typeof value === 'string') return value;
  return Number.isInteger(value) ? formatCount(value) : formatSignificant(value, 4);
}
