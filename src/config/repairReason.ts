/**
 * A repair's words in English, for the command-line tool, the bench and the tests: its message
 * (REPAIR_MESSAGES_EN) filled with its params, the setting it names (REPAIR_LABELS_EN) included.
 * The page says repairs through its catalogue instead (ui/i18n/repairText.ts), which loads these
 * tables only when a link needs repairing.
 */
import { fillTemplate, type TemplateParams } from './messageTemplate';
import { REPAIR_LABELS_EN, isRepairLabel, type RepairLabel } from './repairLabels';
import { REPAIR_MESSAGES_EN } from './repairMessages';
import type { Repair, RepairParams } from './repairs';

/**
 * `params` with the `label` id replaced by its words, as `sayLabel` says them; the label's
 * template may use the other params (`hidden layer {layer} width`).
 */
export function withLabelWords(
  params: RepairParams,
  sayLabel: (label: RepairLabel, params: TemplateParams) => string,
): TemplateParams {
  const label = params.label;
  if (label === undefined || !isRepairLabel(label)) return params;
  return { ...params, label: sayLabel(label, params) };
}

/** What was wrong and what was done, in English, numbers as JavaScript writes them (as links do). */
export function repairReason({ id, params }: Pick<Repair, 'id' | 'params'>): string {
  const words = withLabelWords(params, (label, p) =>
    fillTemplate(REPAIR_LABELS_EN[label], p, String),
  );
  return fillTemplate(REPAIR_MESSAGES_EN[id], words, String);
}

/**
 * A repair as one line: the key (or path) named once, then what was wrong and what it became,
 * in English unless `message` says it in another language.
 */
export function repairText(repair: Repair, message: string = repairReason(repair)): string {
  return repair.path === '' ? message : `${repair.path}: ${message}`;
}
