/**
 * Safe readers for untrusted objects (parsed JSON, stored state, anything a caller hands to
 * validateConfig). Each reader returns a usable value and reports anything it had to change.
 *
 * Safety: values are read only through own data-property descriptors, so getters never run and
 * inherited, `__proto__` or `constructor` keys are never followed; only the fields a section
 * allows are looked at (nothing unexpected is recursed into, so cycles are harmless).
 */
import { checkNumber, rangeAt } from './numberRanges';
import {
  describe,
  quoteText,
  repair,
  reportCapped,
  shortText,
  type Repair,
  type RepairLabel,
} from './repairs';

/** Unknown fields listed one by one per object; any beyond are summed up in one repair. */
const MAX_LISTED_UNKNOWN_FIELDS = 5;

/** One field of an untrusted object, read without running any code the object carries. */
export type Slot = { state: 'missing' } | { state: 'getter' } | { state: 'value'; value: unknown };
const MISSING: Slot = { state: 'missing' };

export function readSlot(object: object, key: string | number): Slot {
  const descriptor = Object.getOwnPropertyDescriptor(object, key);
  if (descriptor === undefined) return MISSING;
  return 'value' in descriptor ? { state: 'value', value: descriptor.value } : { state: 'getter' };
}

/** One object of the untrusted input, opened for reading. */
export interface Section {
  /** Dotted path of the object ('' at the root). */
  path: string;
  /** The allowed fields present; null when the object itself was unusable (already reported). */
  slots: Map<string, Slot> | null;
  repairs: Repair[];
}

export function join(path: string, key: string): string {
  return path === '' ? key : `${path}.${key}`;
}

function isPlainObject(value: unknown): value is object {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * Opens the object in `slot` for reading its `allowed` fields; any other field is reported as
 * dropped. A slot that is not a plain object is reported, and its fields then default silently.
 */
export function openSection(
  slot: Slot | null,
  path: string,
  label: RepairLabel,
  allowed: readonly string[],
  repairs: Repair[],
): Section {
  if (slot === null) return { path, slots: null, repairs };
  if (slot.state !== 'value' || !isPlainObject(slot.value)) {
    repairs.push(
      slot.state === 'missing'
        ? repair(path, 'repair.sectionMissing', { label })
        : slot.state === 'getter'
          ? repair(path, 'repair.sectionGetter', { label })
          : repair(path, 'repair.sectionNotObject', { label, value: describe(slot.value) }),
    );
    return { path, slots: null, repairs };
  }
  const slots = new Map<string, Slot>();
  const unknown: string[] = [];
  for (const name of Object.getOwnPropertyNames(slot.value)) {
    if (allowed.includes(name)) slots.set(name, readSlot(slot.value, name));
    else unknown.push(name);
  }
  reportCapped(
    unknown,
    MAX_LISTED_UNKNOWN_FIELDS,
    repairs,
    (name) => repair(join(path, shortText(name)), 'repair.unknownField', { name: quoteText(name) }),
    (count) => repair(path, 'repair.moreUnknownFields', { count, label }),
  );
  return { path, slots, repairs };
}

/** The slot of a field, or null when its object was unusable (the field then defaults silently). */
function take(section: Section, key: string): Slot | null {
  return section.slots === null ? null : (section.slots.get(key) ?? MISSING);
}

/** Opens the object held in a field of `parent`. */
export function subSection(
  parent: Section,
  key: string,
  label: RepairLabel,
  allowed: readonly string[],
): Section {
  return openSection(take(parent, key), join(parent.path, key), label, allowed, parent.repairs);
}

type Filled = { state: 'value'; value: unknown };

/** True when the slot holds a value; otherwise reports it as missing or a getter. */
export function present(
  slot: Slot,
  path: string,
  label: RepairLabel,
  fallback: string,
  repairs: Repair[],
): slot is Filled {
  if (slot.state === 'value') return true;
  const id = slot.state === 'missing' ? 'repair.fieldMissing' : 'repair.fieldGetter';
  repairs.push(repair(path, id, { label, fallback }));
  return false;
}

/** A field that holds a value, and where it is. */
export interface Field {
  path: string;
  value: unknown;
}

/**
 * The field `key` of a section, or undefined when there is no value to check: its object was
 * unusable (the field then defaults silently), or it is missing or a getter (reported, naming
 * `shownFallback` as the default it takes).
 */
export function readField(
  section: Section,
  key: string,
  label: RepairLabel,
  shownFallback: string,
): Field | undefined {
  const slot = take(section, key);
  const path = join(section.path, key);
  if (slot === null || !present(slot, path, label, shownFallback, section.repairs)) {
    return undefined;
  }
  return { path, value: slot.value };
}

/** A number field, checked against its range in NUMBER_RANGES. */
export function readNumber(section: Section, key: string, fallback: number): number {
  const label = rangeAt(join(section.path, key)).label;
  const field = readField(section, key, label, String(fallback));
  if (field === undefined) return fallback;
  return checkNumber(field.value, field.path, fallback, section.repairs);
}

/** One of `options`, matched exactly. */
export function readEnum<T extends string>(
  section: Section,
  key: string,
  label: RepairLabel,
  options: readonly T[],
  fallback: T,
  oldNames: Readonly<Record<string, T>> = {},
): T {
  const field = readField(section, key, label, fallback);
  if (field === undefined) return fallback;
  const match = options.find((option) => option === field.value);
  if (match !== undefined) return match;
  // An older name of an option reads as the option, silently (own keys only).
  if (typeof field.value === 'string' && Object.hasOwn(oldNames, field.value)) {
    return oldNames[field.value] as T;
  }
  const value = describe(field.value);
  const listed = options.join(', ');
  section.repairs.push(
    repair(field.path, 'repair.notOption', { label, value, options: listed, fallback }),
  );
  return fallback;
}

export function readBoolean(
  section: Section,
  key: string,
  label: RepairLabel,
  fallback: boolean,
): boolean {
  const field = readField(section, key, label, String(fallback));
  if (field === undefined) return fallback;
  if (typeof field.value === 'boolean') return field.value;
  const params = { label, value: describe(field.value), fallback: String(fallback) };
  section.repairs.push(repair(field.path, 'repair.notBoolean', params));
  return fallback;
}

/**
 * A member of a discriminated union: reads the discriminant `key`, then `build` starts from
 * that kind's defaults and reads the kind's own fields. Fields present on the object that the
 * chosen kind lacks (a `sigma` on a constant init) are reported and dropped.
 */
export function readVariant<K extends string, T extends object>(
  section: Section,
  key: string,
  label: RepairLabel,
  kinds: readonly K[],
  fallback: K,
  build: (kind: K) => T,
  oldNames: Readonly<Record<string, K>> = {},
): T {
  const kind = readEnum(section, key, label, kinds, fallback, oldNames);
  const value = build(kind);
  for (const name of section.slots?.keys() ?? []) {
    if (!Object.hasOwn(value, name)) {
      const path = join(section.path, name);
      section.repairs.push(repair(path, 'repair.fieldNotApplicable', { name, label, kind }));
    }
  }
  return value;
}
