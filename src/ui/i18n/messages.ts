import { runMessages } from './en/run';
import { controlMessages } from './en/controls';
import { chartMessages } from './en/charts';
import { lessonMessages } from './en/lessons';
import { compareMessages } from './en/compare';
import { sweepMessages } from './en/sweep';
import { insideMessages } from './en/inside';
import { exportMessages } from './en/export';
import { offlineMessages } from './en/offline';

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
  ...exportMessages,
  ...offlineMessages,
} as const;

export type MessageKey = keyof typeof EN_MESSAGES;
export type MessageParams = Record<string, string | number>;

let catalogue: Record<MessageKey, string> = EN_MESSAGES;

export function setCatalogue(next: Record<MessageKey, string>): void {
  catalogue = next;
}

/** Looks a message up and fills its {placeholders}; values are text, never HTML. */
export function t(key: MessageKey, params?: MessageParams): string {
  const template: string = catalogue[key] ?? key;
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) =>
    name in params ? String(params[name]) : whole,
  );
}
