/**
 * The models the page can show. Recurrent mode (model=rnn) runs in the engine and the CLI
 * (`npm run simulate -- --link '#model=rnn...'`) but has no views in the page yet, so a
 * recurrent link opens the page as its feed-forward network, with a notice saying so, rather
 * than as a half-built view. Removed once the page draws recurrent runs.
 */
import { RECURRENT_KEYS } from './modelKeys';
import { repair, type Repair } from './repairs';
import type { ExperimentConfig } from './schema';
import type { VariantSpec } from './variantResolve';

const RECURRENT_KEY_NAMES: ReadonlySet<string> = new Set(RECURRENT_KEYS.map((codec) => codec.key));

/** The experiment as the page can run it, and what had to change for that. */
export function fitPageModels(
  base: ExperimentConfig,
  variants: readonly VariantSpec[],
): { base: ExperimentConfig; variants: VariantSpec[]; repairs: Repair[] } {
  if (base.model.kind === 'mlp') return { base, variants: [...variants], repairs: [] };
  const withoutRecurrentKeys = variants.map((variant) => {
    const overrides: Record<string, string> = Object.create(null) as Record<string, string>;
    for (const [key, value] of Object.entries(variant.overrides)) {
      if (!RECURRENT_KEY_NAMES.has(key)) overrides[key] = value;
    }
    return { letter: variant.letter, overrides };
  });
  return {
    base: { ...base, model: { kind: 'mlp' } },
    variants: withoutRecurrentKeys,
    repairs: [repair('model', 'repair.recurrentOnPage')],
  };
}
