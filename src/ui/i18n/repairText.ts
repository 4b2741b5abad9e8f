/**
 * A link repair in the page's language: the repair's message id and params (config/repairs.ts)
 * through the catalogue, the setting it names (`label`) in the same language.
 */
import { withLabelWords } from '../../config/repairReason';
import type { Repair } from '../../config/repairs';
import { t } from './messages';

export function repairMessage({ id, params }: Pick<Repair, 'id' | 'params'>): string {
  return t(
    id,
    withLabelWords(params, (label, labelParams) => t(label, labelParams)),
  );
}
