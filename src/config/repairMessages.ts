/**
 * What each repair says, in English, by message id. A Repair carries the id and its params
 * (repairs.ts); the English `reason` the CLI prints is filled from this table, and the page's
 * English catalogue (ui/i18n/en/repairs.ts) is this table, so the page and the CLI say the same
 * thing; ui/i18n/zh-CN/repairs.ts translates it with the same placeholders.
 *
 * Placeholders: {label} is a RepairLabel id, said in the page's language; {value} an untrusted
 * value as describeValue writes it; {text}, {key}, {name}, {entries} untrusted link text, already
 * quoted and shortened (quoteText); the others are numbers, link values or lists of link values.
 */
export const REPAIR_MESSAGES_EN = {
  // Numbers brought into their range (numberRanges.ts checkNumber)
  'repair.numberWrongType': '{label} is {value}, not a number; set to the default {fallback}',
  'repair.numberNaN': '{label} {value} is not a number; set to the default {fallback}',
  'repair.numberNotWhole': '{label} {value} is not a whole number; rounded to {rounded}',
  'repair.numberNotAbove':
    '{label} {value} must be above {min}; set to the default {fallback}, as {min} itself is not allowed',
  'repair.numberBelowMin': '{label} {value} is below the minimum {min}; set to {min}',
  'repair.numberNotBelow':
    '{label} {value} must be below {max}; set to the default {fallback}, as {max} itself is not allowed',
  'repair.numberAboveMax': '{label} {value} is above the maximum {max}; set to {max}',
  // Objects and fields (readFields.ts, validate.ts)
  'repair.sectionMissing': '{label} are missing; using the defaults',
  'repair.sectionGetter': '{label} are a getter; using the defaults',
  'repair.sectionNotObject': '{label} are {value}, not an object; using the defaults',
  'repair.unknownField': 'unknown field {name} dropped',
  'repair.moreUnknownFields': '{count} more unknown fields in {label} dropped',
  'repair.fieldMissing': '{label} is missing; set to the default {fallback}',
  'repair.fieldGetter': '{label} is a getter; set to the default {fallback}',
  'repair.notOption': '{label} {value} is not one of {options}; set to the default {fallback}',
  'repair.notBoolean': '{label} is {value}, not true or false; set to the default {fallback}',
  'repair.fieldNotApplicable': '{name} does not apply to {label} {kind}; dropped',
  'repair.hiddenNotList':
    'hidden layers are {value}, not a list of widths; set to the default {fallback}',
  'repair.tooManyHidden': '{count} hidden layers is above the maximum {max}; kept the first {max}',
  'repair.maxNormInvalid': 'max-norm is {value}, not null or a finite number; set to off (null)',
  'repair.versionUnsupported': 'version {value} is not supported; read as version {version}',
  'repair.unreadable': 'the settings could not be read; using the defaults',
  // Limits across sections (crossSectionRules.ts)
  'repair.tooManyParameters':
    'the network has {requested} parameters, above the maximum {max}; dropped the {dropped} deepest hidden layers, keeping {kept}',
  'repair.batchAboveSamples':
    'batch size {batch} is larger than the {train} training samples; set to {train}',
  // The link as a whole (hashParams.ts, codec.ts)
  'repair.brokenEncoding': '{text} has broken percent-encoding; ignored',
  'repair.linkNotText': 'the link is not text; using the defaults',
  'repair.linkTooLong':
    'the link is {length} characters long, above the maximum {max}; ignored it and used the defaults',
  'repair.unknownKey': 'unknown key {key} ignored',
  'repair.moreUnknownKeys': '{count} more unknown keys ignored',
  'repair.keyRepeated': 'given {count} times; the last value is used',
  // Link values (keyCodecs.ts, linkKeys.ts, modelKeys.ts, layersText.ts)
  'repair.notForOptimizer': 'does not apply to opt={optimizer}; ignored',
  'repair.onlyForRnn': 'applies only to model=rnn; ignored',
  'repair.textNotNumber': '{text} is not a number; kept the default {fallback}',
  'repair.unknownName': 'unknown {label} {text}; kept the default {fallback} (one of {options})',
  'repair.notFlag': '{text} is not 1 or 0; kept the default {fallback}',
  'repair.takesNoParameter': '{kind} takes no parameter; ignored {text}',
  'repair.takesNoThreshold': '{kind} takes no threshold; ignored {text}',
  'repair.maxNormText': '{text} is not off or a number; kept the default off',
  'repair.linkVersion':
    'link version {text} is not known; read as version {version} where possible',
  'repair.layersBadIgnored': '{entries}: not a width or width x count; ignored',
  'repair.layersBadIgnoredMore': '{entries} and {more} more: not a width or width x count; ignored',
  'repair.layersBadDefault': '{entries}: not a width or width x count; kept the default',
  'repair.layersBadDefaultMore':
    '{entries} and {more} more: not a width or width x count; kept the default',
  'repair.layersTooMany':
    '{count} hidden layers given, above the maximum {max}; kept the first {max}',
  'repair.layersFarTooMany':
    'too many hidden layers given, above the maximum {max}; kept the first {max}',
  // Variants (variantLink.ts)
  'repair.letterTakesNoValue': 'a variant letter on its own takes no value; ignored {text}',
  'repair.noSuchVariant':
    'there is no variant {text} (variants are {letters}; the base A takes plain keys); ignored',
  'repair.notVariantKey': '{text} is not a setting a variant can change; ignored',
  'repair.moreVariantKeys': '{count} more variant keys ignored',
  // The page (languageKey.ts, viewKeys.ts)
  'repair.unknownLanguage':
    "{text} is not a language of this page ({languages}); left out, so the page follows the viewer's language",
  'repair.notGradientView': '{text} is not a gradient view ({views}); showing grad',
  'repair.notStep': '{text} is not a step from 1 to {max}; the depth profile shows the latest step',
  'repair.noLesson': 'there is no lesson {text}; opened the settings without one',
  'repair.seedsNotNumber': '{text} is not a number; used {fallback}',
  'repair.seedsWithSweep': 'not shown with a sweep; ignored',
  'repair.smoothingNotNumber': '{text} is not a number; smoothing is off (0)',
  'repair.smoothingBelowMin': '{text} is below the minimum 0; set to 0',
  'repair.smoothingAboveMax': '{text} is above the maximum {max}; set to {max}',
  'repair.smoothingDecimals': '{text} has more than two decimals; rounded to {rounded}',
  // Sweeps (sweepSpec.ts)
  'repair.sweepBoundNotNumber': '{text} is not a number; used {fallback}',
  'repair.sweepKeyUnknown': '{text} is not a setting a sweep can vary ({keys}); axis ignored',
  'repair.sweepExtraText': 'ignored the extra text {text}',
  'repair.sweepNotSpan': '{text} is not from..to; used {from}..{to}',
  'repair.sweepSwapped': 'from {from} is above to {to}; swapped them',
  'repair.sweepEmptySpan': 'from and to are both {from}; axis ignored',
  'repair.sweepCountTooLarge': '{count} whole numbers do not fit in {from}..{to}; used {used}',
  'repair.sweepNoAxis': 'no axis given; no sweep',
  'repair.sweepTooManyAxes': 'a sweep has at most {max} axes; ignored {more} more',
  'repair.sweepAxisTwice': '{axis} is given twice; the second is ignored',
  'repair.sweepStepsNotNumber': '{text} is not a number; used 1',
  'repair.sweepStepsWithoutSweep': 'there is no sweep; ignored',
} as const;

/** The id of what a repair says. */
export type RepairId = keyof typeof REPAIR_MESSAGES_EN;
