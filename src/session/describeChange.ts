import { KEY_CODECS } from '../config/linkKeys';
import type { ExperimentConfig } from '../config/schema';
import { linkValueOf } from '../config/variantResolve';

/**
 * A short label for a live settings change, drawn on the charts at the step it took effect:
 * each changed link key with its link values before and after, e.g. "clip none →
 * globalNorm:0.5, lr 0.05 → 0.1". Link words read the same in every language the page is
 * shown in, like the links a teacher edits; a key that does not apply on one side is "–".
 */
export function describeChange(prev: ExperimentConfig, next: ExperimentConfig): string {
  return KEY_CODECS.flatMap(({ key }) => {
    const [was, is] = [linkValueOf(prev, key), linkValueOf(next, key)];
    return was === is ? [] : [`${key} ${was ?? '–'} → ${is ?? '–'}`];
  }).join(', ');
}
