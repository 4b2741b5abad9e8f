/**
 * What the page says about a repaired link, one message per repair id, and the names of the
 * settings repairs talk about. The English is the config layer's own table (it builds the
 * English reason the command-line tool prints), so the page and the CLI say the same thing;
 * zh-CN/repairs.ts translates it key for key.
 */
import { REPAIR_LABELS_EN } from '../../../config/repairLabels';
import { REPAIR_MESSAGES_EN } from '../../../config/repairMessages';

export const repairMessages = {
  ...REPAIR_MESSAGES_EN,
  ...REPAIR_LABELS_EN,
  // The notice's own buttons, for a link with more repairs than its first lines show.
  'notice.repairsShowAll': 'Show all {count} repairs',
  'notice.repairsShowFewer': 'Show fewer',
} as const;
