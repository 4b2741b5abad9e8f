/**
 * The kinds of link key: how a number, a name, a flag is written into the share link and read
 * back from it. Each link key names the config field it stands for (a FieldAccess); linkKeys.ts
 * lists them all.
 */
import { NUMBER_RANGES } from './numberRanges';
import { formatNumber, parseDecimal } from './numberText';
import { quoteText, type RepairId, type RepairLabel, type RepairParams } from './repairs';
import type { ExperimentConfig } from './schema';

/** One key of the share link, for documentation (README, help text). */
export interface LinkKey {
  key: string;
  /** Where the value lives in ExperimentConfig (validate.ts reports repairs under this path). */
  path: string;
  description: string;
}

/** Reports why a value could not be used, as a repair message; the codec adds the key. */
export type Note = (id: RepairId, params?: RepairParams) => void;

export interface KeyCodec extends LinkKey {
  /** The value to write, or undefined when the key does not apply to this config. */
  write(config: ExperimentConfig): string | undefined;
  /** Reads a raw (percent-decoded, trimmed) value into the draft config. */
  read(raw: string, draft: ExperimentConfig, note: Note): void;
}

/** The config field a link key stands for. */
export interface FieldAccess<V> {
  /** Where the value lives in ExperimentConfig. */
  path: string;
  /** The value, or undefined where the field does not apply (momentum under opt=adam). */
  get(c: ExperimentConfig): V | undefined;
  set(c: ExperimentConfig, value: V): void;
}

/** Config sections whose plain fields have their own link key; every optimizer has a rate. */
type Sections = Omit<ExperimentConfig, 'version' | 'optimizer'> & {
  optimizer: { learningRate: number };
};

/** A plain field, e.g. field('data', 'samples'); the field's type is checked at compile time. */
export function field<S extends keyof Sections, F extends keyof Sections[S] & string>(
  section: S,
  name: F,
): FieldAccess<Sections[S][F]> {
  const sections = (c: ExperimentConfig): Sections => c;
  return {
    path: `${section}.${name}`,
    get: (c) => sections(c)[section][name],
    set: (c, value) => {
      sections(c)[section][name] = value;
    },
  };
}

/** Every optimizer variant viewed as "maybe has these fields" (each of the type shown). */
type OptimizerParams = Partial<{
  momentum: number;
  nesterov: boolean;
  beta1: number;
  beta2: number;
  rho: number;
  epsilon: number;
}>;

/** A parameter that only some optimizers have; it does not apply to the others. */
export function optimizerField<F extends keyof OptimizerParams>(
  name: F,
): FieldAccess<NonNullable<OptimizerParams[F]>> {
  // Each variant's fields have the types above; a field that is undefined does not apply.
  const params = (c: ExperimentConfig) => c.optimizer as OptimizerParams;
  return {
    path: `optimizer.${name}`,
    get: (c) => params(c)[name],
    set: (c, value) => {
      if (params(c)[name] !== undefined) params(c)[name] = value;
    },
  };
}

/** Only optimizer parameters come and go with the config (see optimizerField). */
function noteNotForOptimizer(draft: ExperimentConfig, note: Note): void {
  note('repair.notForOptimizer', { optimizer: draft.optimizer.kind });
}

/**
 * Parses a number, or notes that the text is not one (the caller then keeps its default). A
 * number too large for a float (1e999) reads as ±Infinity, which validation clamps to the limit
 * like any other number beyond it.
 */
export function readNumberText(raw: string, fallback: number, note: Note): number | undefined {
  const x = parseDecimal(raw);
  if (x !== undefined && !Number.isNaN(x)) return x;
  note('repair.textNotNumber', { text: quoteText(raw), fallback: String(fallback) });
  return undefined;
}

/** The option spelled `raw`, ignoring case. */
export function matchName<T extends string>(raw: string, options: readonly T[]): T | undefined {
  const lower = raw.toLowerCase();
  return options.find((option) => option.toLowerCase() === lower);
}

/** Notes a name that is none of `options`; `label` names what it should have been. */
export function noteUnknownName(
  note: Note,
  raw: string,
  label: RepairLabel,
  options: readonly string[],
  fallback: string,
): void {
  note('repair.unknownName', {
    label,
    text: quoteText(raw),
    fallback,
    options: options.join(', '),
  });
}

/** The documented range of a field, e.g. " (20 to 5000)" or " (0 to below 1)". */
export function rangeText(path: string): string {
  const range = NUMBER_RANGES[path];
  if (range === undefined) return '';
  const top = range.maxExcluded ? `below ${formatNumber(range.max)}` : formatNumber(range.max);
  const bottom = range.minExcluded ? `above ${formatNumber(range.min)}` : formatNumber(range.min);
  return ` (${bottom} to ${top})`;
}

/** A number, written only where the field applies; its range is added to the description. */
export function numberKey(key: string, access: FieldAccess<number>, description: string): KeyCodec {
  return {
    key,
    path: access.path,
    description: description + rangeText(access.path),
    write: (c) => {
      const value = access.get(c);
      return value === undefined ? undefined : formatNumber(value);
    },
    read: (raw, draft, note) => {
      const current = access.get(draft);
      if (current === undefined) return noteNotForOptimizer(draft, note);
      const x = readNumberText(raw, current, note);
      if (x !== undefined) access.set(draft, x);
    },
  };
}

/** One of a list of names, matched case-insensitively; `label` names it in repairs. */
export function enumKey<T extends string>(
  key: string,
  access: FieldAccess<T>,
  what: string,
  options: readonly T[],
  label: RepairLabel,
): KeyCodec {
  return {
    key,
    path: access.path,
    description: `${what}: ${options.join(' | ')}`,
    write: (c) => access.get(c),
    read: (raw, draft, note) => {
      const value = matchName(raw, options);
      if (value === undefined)
        noteUnknownName(note, raw, label, options, String(access.get(draft)));
      else access.set(draft, value);
    },
  };
}

const TRUE_WORDS = ['1', 'true', 'on', 'yes'];
const FALSE_WORDS = ['0', 'false', 'off', 'no'];

/** A 0/1 flag (also true/false, on/off, yes/no), written only where the field applies. */
export function booleanKey(
  key: string,
  access: FieldAccess<boolean>,
  description: string,
): KeyCodec {
  return {
    key,
    path: access.path,
    description,
    write: (c) => {
      const value = access.get(c);
      return value === undefined ? undefined : value ? '1' : '0';
    },
    read: (raw, draft, note) => {
      const current = access.get(draft);
      if (current === undefined) return noteNotForOptimizer(draft, note);
      const word = raw.toLowerCase();
      if (TRUE_WORDS.includes(word)) access.set(draft, true);
      else if (FALSE_WORDS.includes(word)) access.set(draft, false);
      else note('repair.notFlag', { text: quoteText(raw), fallback: current ? '1' : '0' });
    },
  };
}

/** How a union value (init scheme, clip) maps to `kind` or `kind:param` in the link. */
export interface KindWithParam<K extends string, V> {
  /** Names the kinds in repairs. */
  label: RepairLabel;
  /** What the parameter is called in repairs: a parameter, or a threshold (clip). */
  paramName: 'parameter' | 'threshold';
  /**
   * Older spellings of kinds that links still read, silently (clip `layerNorm` for the mode
   * tensorNorm); new links write the kind's own name.
   */
  oldNames?: Readonly<Record<string, K>>;
  kinds: readonly K[];
  get(c: ExperimentConfig): V;
  set(c: ExperimentConfig, value: V): void;
  kindOf(value: V): K;
  /** The value a kind starts from when the link names it. */
  defaultOf(kind: K): V;
  /** The numeric parameter, or undefined when the kind has none. */
  paramOf(value: V): number | undefined;
  withParam(value: V, x: number): V;
}

/** `name` or `name:param`; a missing param takes the kind's default silently. */
function splitParam(raw: string): [string, string | undefined] {
  const colon = raw.indexOf(':');
  return colon < 0 ? [raw, undefined] : [raw.slice(0, colon).trim(), raw.slice(colon + 1).trim()];
}

/**
 * A kind name with an optional numeric parameter after a colon (`normal:0.5`, `globalNorm:1`).
 * Naming a kind starts from that kind's defaults; a parameter on a kind without one is ignored.
 */
export function kindParamKey<K extends string, V>(
  key: string,
  path: string,
  description: string,
  union: KindWithParam<K, V>,
): KeyCodec {
  const oldNames = union.oldNames ?? {};
  return {
    key,
    path,
    description,
    write: (c) => {
      const value = union.get(c);
      const param = union.paramOf(value);
      const kind = union.kindOf(value);
      return param === undefined ? kind : `${kind}:${formatNumber(param)}`;
    },
    read: (raw, draft, note) => {
      const [name, paramText] = splitParam(raw);
      const oldName = matchName(name, Object.keys(oldNames));
      const kind =
        matchName(name, union.kinds) ?? (oldName === undefined ? undefined : oldNames[oldName]);
      if (kind === undefined) {
        const current = union.kindOf(union.get(draft));
        return noteUnknownName(note, name, union.label, union.kinds, current);
      }
      const value = union.defaultOf(kind);
      union.set(draft, value);
      if (paramText === undefined) return;
      const current = union.paramOf(value);
      if (current === undefined) {
        const id =
          union.paramName === 'threshold' ? 'repair.takesNoThreshold' : 'repair.takesNoParameter';
        return note(id, { kind, text: quoteText(paramText) });
      }
      const x = readNumberText(paramText, current, note);
      if (x !== undefined) union.set(draft, union.withParam(value, x));
    },
  };
}
