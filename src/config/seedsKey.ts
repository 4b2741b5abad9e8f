/**
 * The link key `seeds=N` that opens the seed bands (config/seedBands.ts): validated and
 * repaired like every link key. Pure: no tfjs, no React.
 */
import { formatNumber, parseDecimal } from './numberText';
import { checkNumber, type NumberRange } from './numberRanges';
import { quoteText, repair, type Repair } from './repairs';

export const MIN_SEEDS = 2;
export const MAX_SEEDS = 64;
/** What the Seed bands tab opens with. */
export const DEFAULT_SEEDS = 8;

const SEEDS_RANGE: NumberRange = {
  label: 'repair.label.seeds',
  min: MIN_SEEDS,
  max: MAX_SEEDS,
  integer: true,
};

/**
 * Reads `seeds` from a link's parameters: null when absent; otherwise a whole number from
 * MIN_SEEDS to MAX_SEEDS by the links' one clamping rule (not a number: the default; beyond a
 * limit: that limit), every change noted.
 */
export function readSeedsKey(params: ReadonlyMap<string, string>): {
  seeds: number | null;
  repairs: Repair[];
} {
  const text = params.get('seeds');
  if (text === undefined) return { seeds: null, repairs: [] };
  const repairs: Repair[] = [];
  const x = parseDecimal(text.trim());
  if (x === undefined) {
    repairs.push(
      repair('seeds', 'repair.seedsNotNumber', {
        text: quoteText(text),
        fallback: String(DEFAULT_SEEDS),
      }),
    );
    return { seeds: DEFAULT_SEEDS, repairs };
  }
  const seeds = checkNumber(x, 'seeds', DEFAULT_SEEDS, repairs, SEEDS_RANGE);
  return { seeds, repairs };
}

/** The link suffix of the seed-band view ('' when closed). */
export function seedsHashSuffix(seeds: number | null): string {
  return seeds === null ? '' : `&seeds=${formatNumber(seeds)}`;
}
