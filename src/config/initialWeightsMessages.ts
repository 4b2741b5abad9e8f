/**
 * Why a variant does not start from A's initial weights and batches, in English, by message id
 * (initialWeightsShared.ts builds the notes). The page's English catalogue (ui/i18n/en/weights.ts)
 * is this table and zh-CN/weights.ts translates it; sayWeightsNotes words a list of notes in
 * either language, so the page and the English wording (weightsNotesEn) come from one function.
 *
 * Placeholders: {name} is the variant's letter; {settings} the settings that differ (each a
 * `weights.change`, joined by `weights.listJoin`); {family}, {familyA}, {familyB} a
 * `weights.family.*` id, said in the reader's language.
 */
import { fillTemplate, type TemplateParams } from './messageTemplate';

export const INITIAL_WEIGHTS_MESSAGES_EN = {
  'weights.otherData':
    "{name} uses other data ({settings}), so its training batches differ from A's",
  'weights.otherBatches':
    "{name} trains on other batches ({settings}), so its batches differ from A's",
  'weights.otherSeed':
    "{name} has another seed ({settings}), so its initial weights and batch order differ from A's",
  'weights.otherSeedBatchOrder':
    "{name} has another seed ({settings}), so its batch order differs from A's",
  'weights.otherWidths':
    "{name} has other layer widths ({settings}), so its initial weights differ from A's",
  'weights.otherLength':
    "{name} trains on sequences of another length ({settings}), so its batches differ from A's",
  'weights.otherCell':
    "{name} has another cell or hidden size ({settings}), so its weights have other shapes than A's",
  'weights.otherForgetBias':
    "{name}'s forget-gate biases start otherwise ({settings}), so its initial weights differ from A's in b_f",
  'weights.otherRecurrentInit':
    "{name} starts its recurrent weights otherwise ({settings}), so they differ from A's",
  'weights.scaledRecurrent': "{name}'s recurrent weights are A's draws, scaled ({settings})",
  'weights.scaledRecurrentIdentity':
    "{name}'s recurrent weights are A's identity, scaled ({settings})",
  'weights.otherInputWidth':
    "{name}'s data has another input width, so its first layer's initial weights differ from A's",
  'weights.otherFamily':
    "{name} starts its kernels from {familyB} and A from {familyA} ({settings}), so {name}'s initial weights differ from A's",
  'weights.zeroKernelsA':
    "A's kernels all start at zero ({settings}), so {name}'s initial weights differ from A's",
  'weights.zeroKernelsB':
    "{name}'s kernels all start at zero ({settings}), so {name}'s initial weights differ from A's",
  'weights.scaledConstant': "{name}'s kernels start at another constant, A's scaled ({settings})",
  'weights.scaledDraws':
    '{name} starts from the same unit {family} as A, scaled differently ({settings})',
  'weights.biasAdded':
    "{name}'s layers have biases, A's have none, so its initial weights differ from A's",
  'weights.biasRemoved':
    "{name}'s layers have no biases, A's do, so its initial weights differ from A's",
  'weights.biasInit':
    "{name}'s biases start otherwise ({settings}), so its initial weights differ from A's",
  'weights.kernelsSame': "its kernels start the same as A's",
  'weights.kernelsScaled': "its kernels start from A's draws, scaled",
  'weights.family.constant': 'a constant',
  'weights.family.normal': 'normal draws',
  'weights.family.uniform': 'uniform draws',
  'weights.family.orthogonal': 'an orthogonalized normal matrix',
  /** One setting that differs: its link key, B's value and A's. */
  'weights.change': '{key} {is} instead of {was}',
  /** A link key the variant or A does not set (momentum under Adam). */
  'weights.unset': 'unset',
  'weights.listJoin': ', ',
  'weights.noteJoin': '; ',
} as const;

export type InitialWeightsMessageId = keyof typeof INITIAL_WEIGHTS_MESSAGES_EN;
export type WeightsNoteId = Exclude<
  InitialWeightsMessageId,
  | `weights.family.${string}`
  | 'weights.change'
  | 'weights.unset'
  | 'weights.listJoin'
  | 'weights.noteJoin'
>;
export type DrawFamilyWords = Extract<InitialWeightsMessageId, `weights.family.${string}`>;

/** A link key whose value differs: its value in the variant and in A (null: not set). */
export interface SettingChange {
  key: string;
  is: string | null;
  was: string | null;
}

/** One reason the variant's start differs from A's (or how it relates), as data. */
export interface WeightsNote {
  id: WeightsNoteId;
  /** {name} and the families (`weights.family.*` ids); {settings} comes from `changes`. */
  params: TemplateParams;
  changes: readonly SettingChange[];
}

/** Says a message in some language, its params already in words. */
export type SayWeights = (id: InitialWeightsMessageId, params: TemplateParams) => string;

function isFamily(value: string | number): value is DrawFamilyWords {
  return typeof value === 'string' && /^weights\.family\.\w+$/.test(value);
}

/** The notes in words, one sentence after another, as `say` writes each message. */
export function sayWeightsNotes(notes: readonly WeightsNote[], say: SayWeights): string {
  const words = notes.map(({ id, params, changes }) => {
    const filled: Record<string, string | number> = {};
    for (const [name, value] of Object.entries(params)) {
      filled[name] = isFamily(value) ? say(value, {}) : value;
    }
    filled.settings = changes
      .map(({ key, is, was }) =>
        say('weights.change', {
          key,
          is: is ?? say('weights.unset', {}),
          was: was ?? say('weights.unset', {}),
        }),
      )
      .join(say('weights.listJoin', {}));
    return say(id, filled);
  });
  return words.join(say('weights.noteJoin', {}));
}

/** The notes in English, worded from this table (the tests' reference wording). */
export function weightsNotesEn(notes: readonly WeightsNote[]): string {
  return sayWeightsNotes(notes, (id, params) =>
    fillTemplate(INITIAL_WEIGHTS_MESSAGES_EN[id], params, String),
  );
}
