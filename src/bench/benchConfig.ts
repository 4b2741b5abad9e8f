import { decodeConfig } from '../config/codec';
import type { ExperimentConfig } from '../config/schema';
import { repairReason } from '../config/repairReason';

/** The link's config; a link that needed repairs would measure something else, so it throws. */
export function configOf(hash: string): ExperimentConfig {
  const { config, repairs } = decodeConfig(hash);
  if (repairs.length > 0) {
    throw new Error(`bench link ${hash} needs repairs: ${repairs.map(repairReason).join('; ')}`);
  }
  return config;
}
