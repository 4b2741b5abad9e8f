import { repairReason } from '../../src/config/repairReason';
import type { Repair } from '../../src/config/repairs';

/** Repairs with the English words the CLI prints for each (`reason`), to match against. */
export function withReasons(repairs: readonly Repair[]): (Repair & { reason: string })[] {
  return repairs.map((r) => ({ ...r, reason: repairReason(r) }));
}
