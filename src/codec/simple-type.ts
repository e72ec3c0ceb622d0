/**
 * Level-1 checks of a leaf value against its simple type: the XSD built-in
 * lexical space, then the facets (lengths, bounds, patterns, enumeration),
 * with xmllint's whitespace handling per built-in type.
 */
import type { LocalizedText } from '../findings.js';
import type { SimpleTypeDescriptor } from '../standard/descriptor.js';
import { compileXsdPattern } from '../standard/xsd-regex.js';

export type LeafValue = string | number;
export type LeafCheck = { ok: true; value: LeafValue } | { ok: false; problem: LocalizedText };

interface CompiledType {
  readonly type: SimpleTypeDescriptor;
  readonly patterns: readonly (readonly RegExp[])[];
  readonly enumeration: ReadonlySet<string> | undefined;
  /** The typed value of a raw leaf text, undefined when it is invalid: derived once from the facets. */
  readonly valueOf: (raw: string) => LeafValue | undefined;
}

// Keyed by descriptor: a type of the same name may differ per standard (LDT_ProductCategorie).
const compiled = new Map<SimpleTypeDescriptor, CompiledType>();

function compile(type: SimpleTypeDescriptor): CompiledType {
  let c = compiled.get(type);
  if (!c) {
    const patterns = type.patterns.map((step) => step.map(compileXsdPattern));
    const enumeration = type.enumeration ? new Set(type.enumeration.map((e) => e.value)) : undefined;
    c = { type, patterns, enumeration, valueOf: valueChecker(type, patterns, enumeration) };
    compiled.set(type, c);
  }
  return c;
}

const INTEGER = /^[+-]?[0-9]+$/;
const DATE = /^(-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;
const TIME = /^(?:(?:[01][0-9]|2[0-3]):[0-5][0-9]:[0-5][0-9](?:\.[0-9]+)?|24:00:00(?:\.0+)?)(?:Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;

/** XSD whiteSpace="collapse": what integer, date and time values are compared on. */
function collapse(raw: string): string {
  // Fast path: most values have no whitespace at all.
  // Not String.trim(): that also strips Unicode spaces (U+00A0, U+2003, U+FEFF) which XSD keeps.
  for (let i = 0; i < raw.length; i++) {
    const c = raw.charCodeAt(i);
    if (c === 0x20 || c === 0x09 || c === 0x0a || c === 0x0d) return raw.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '');
  }
  return raw;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Length in characters (code points), as XSD counts it. */
function charLength(value: string): number {
  let pairs = 0;
  for (let i = 0; i < value.length; i++) if ((value.charCodeAt(i) & 0xfc00) === 0xd800) pairs++;
  if (pairs === 0) return value.length;
  let n = 0;
  for (const _ of value) n++;
  return n;
}

const ZERO = 0x30;
/** Digits an integer may have for its value to be summed exactly in a double (below 2^53). */
const EXACT_DIGITS = 15;

/**
 * The value of an integer's lexical form `[+-]?[0-9]+`, NaN when it is not
 * one; the same number `Number()` gives, without a regular expression.
 */
function integerValue(value: string): number {
  const n = value.length;
  let i = 0;
  let negative = false;
  const first = value.charCodeAt(0);
  if (first === 0x2d || first === 0x2b) {
    negative = first === 0x2d;
    i = 1;
  }
  if (i >= n) return NaN;
  let sum = 0;
  for (let k = i; k < n; k++) {
    const digit = value.charCodeAt(k) - ZERO;
    if (digit < 0 || digit > 9) return NaN;
    sum = sum * 10 + digit;
  }
  if (n - i > EXACT_DIGITS) return Number(value);
  return negative ? -sum : sum;
}

/** Whether a `YYYY-MM-DD` date (no time zone, a four-digit year) is a real day; undefined for any other form. */
function plainDateValid(value: string): boolean | undefined {
  if (value.length !== 10 || value.charCodeAt(4) !== 0x2d || value.charCodeAt(7) !== 0x2d) return undefined;
  let year = 0;
  for (let k = 0; k < 4; k++) {
    const digit = value.charCodeAt(k) - ZERO;
    if (digit < 0 || digit > 9) return undefined;
    year = year * 10 + digit;
  }
  const m1 = value.charCodeAt(5) - ZERO;
  const m2 = value.charCodeAt(6) - ZERO;
  const d1 = value.charCodeAt(8) - ZERO;
  const d2 = value.charCodeAt(9) - ZERO;
  if (m1 < 0 || m1 > 9 || m2 < 0 || m2 > 9 || d1 < 0 || d1 > 9 || d2 < 0 || d2 > 9) return undefined;
  const month = m1 * 10 + m2;
  const day = d1 * 10 + d2;
  return year !== 0 && month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month);
}

function dateValid(value: string): boolean {
  const plain = plainDateValid(value);
  if (plain !== undefined) return plain;
  const m = DATE.exec(value);
  return !!m && Number(m[3]) <= daysInMonth(Number(m[1]), Number(m[2])) && !/^-?0000$/.test(m[1]!);
}

/**
 * The fast check of one simple type, built once from its facets: the
 * built-in's lexical space and bounds, lengths, patterns, enumeration, each
 * only when the type has it.
 */
function valueChecker(type: SimpleTypeDescriptor, patterns: readonly (readonly RegExp[])[], enumeration: ReadonlySet<string> | undefined): (raw: string) => LeafValue | undefined {
  const { minLength, maxLength, minInclusive, maxInclusive } = type;
  const lengths = minLength !== undefined || maxLength !== undefined;
  const restrictions = (value: string): boolean => {
    if (lengths) {
      const length = charLength(value);
      if (minLength !== undefined && length < minLength) return false;
      if (maxLength !== undefined && length > maxLength) return false;
    }
    for (const step of patterns) {
      if (step.length === 1 ? !step[0]!.test(value) : !step.some((re) => re.test(value))) return false;
    }
    return !enumeration || enumeration.has(value);
  };
  switch (type.builtin) {
    case 'integer':
      return (raw) => {
        const value = collapse(raw);
        const typed = integerValue(value);
        if (Number.isNaN(typed)) return undefined;
        if (minInclusive !== undefined && typed < minInclusive) return undefined;
        if (maxInclusive !== undefined && typed > maxInclusive) return undefined;
        return restrictions(value) ? typed : undefined;
      };
    case 'date':
      return (raw) => {
        const value = collapse(raw);
        return dateValid(value) && restrictions(value) ? value : undefined;
      };
    case 'time':
      return (raw) => {
        const value = collapse(raw);
        return TIME.test(value) && restrictions(value) ? value : undefined;
      };
    default:
      return (raw) => (restrictions(raw) ? raw : undefined);
  }
}

/**
 * The checker of a simple type for a decoder to keep: the typed value of a
 * raw leaf text, or undefined when it is invalid (then `checkLeaf` says why).
 */
export function leafValueOf(type: SimpleTypeDescriptor): (raw: string) => LeafValue | undefined {
  return compile(type).valueOf;
}

function describe(value: string, type: SimpleTypeDescriptor, sensitive: boolean): string {
  if (sensitive) return '';
  return ` '${value.length > 40 ? value.slice(0, 40) + '…' : value}'`;
}

/** Leaf types whose values may be quoted in findings: codes, dates, numbers. Names, texts and BSNs never are. */
const QUOTABLE = new Set(['LDT_AgbCode', 'LDT_Gemeente', 'LDT_ProductCode', 'LDT_BerichtCode', 'LDT_Versie', 'LDT_IdentificatieBericht', 'LDT_IdentificatieDeclaratie', 'LDT_ReferentieNummer', 'LDT_Referentie']);
export function isQuotable(type: SimpleTypeDescriptor): boolean {
  if (type.name === 'LDT_BurgerServicenummer') return false;
  return type.builtin !== 'string' || !!type.enumeration || QUOTABLE.has(type.name) || !type.name.startsWith('LDT_');
}

/**
 * Checks a raw leaf text. `sensitive` hides the value in the problem text
 * (names, comments, addresses); Bsn values are never shown at all.
 */
export function checkLeaf(type: SimpleTypeDescriptor, raw: string, sensitive = true): LeafCheck {
  const c = compile(type);
  const typed = c.valueOf(raw);
  if (typed !== undefined) return { ok: true, value: typed };
  // Only on failure: build the texts (quoting the value where that is safe).
  const value = type.builtin === 'string' ? raw : collapse(raw);
  return explain(c, value, describe(value, type, sensitive), type.name.startsWith('LDT_') ? type.name : type.name.split('/').pop()!);
}

/** checkLeaf's verdict on a raw text, without building a result: for writers that only need to know. */
export function isValidLeaf(type: SimpleTypeDescriptor, raw: string): boolean {
  return compile(type).valueOf(raw) !== undefined;
}

/**
 * checkLeaf's verdict on `String(n)` for an integer type. When bounds are the
 * type's only facets and `n` is an integer that String writes in plain digits
 * (below 10^21), the bounds decide and no string is made.
 */
export function isValidNumber(type: SimpleTypeDescriptor, n: number): boolean {
  const c = compile(type);
  if (type.builtin === 'integer' && c.patterns.length === 0 && !c.enumeration && type.minLength === undefined && type.maxLength === undefined && Number.isInteger(n) && Math.abs(n) < 1e21) {
    return (type.minInclusive === undefined || n >= type.minInclusive) && (type.maxInclusive === undefined || n <= type.maxInclusive);
  }
  return isValidLeaf(type, String(n));
}

function explain(c: CompiledType, value: string, shown: string, typeName: string): LeafCheck {
  const type = c.type;
  const sensitive = shown === '';
  let typed: number | undefined;

  if (type.builtin === 'integer') {
    if (!INTEGER.test(value)) {
      return bad(`De waarde${shown} is geen geheel getal (${typeName}).`, `The value${shown} is not an integer (${typeName}).`);
    }
    typed = Number(value);
  } else if (type.builtin === 'date') {
    const m = DATE.exec(value);
    if (!m || Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2])) || /^-?0000$/.test(m[1]!)) {
      return bad(`De waarde${shown} is geen geldige datum (JJJJ-MM-DD).`, `The value${shown} is not a valid date (YYYY-MM-DD).`);
    }
  } else if (type.builtin === 'time') {
    if (!TIME.test(value)) {
      return bad(`De waarde${shown} is geen geldige tijd (UU:MM:SS).`, `The value${shown} is not a valid time (HH:MM:SS).`);
    }
  }

  if (type.minLength !== undefined || type.maxLength !== undefined) {
    const length = charLength(value);
    if (type.minLength !== undefined && length < type.minLength) {
      return length === 0
        ? bad(`Het element is leeg; lege elementen zijn niet toegestaan (RS033).`, `The element is empty; empty elements are not allowed (RS033).`)
        : bad(`De waarde is te kort: minimaal ${type.minLength} tekens (${typeName}).`, `The value is too short: at least ${type.minLength} characters (${typeName}).`);
    }
    if (type.maxLength !== undefined && length > type.maxLength) {
      return bad(`De waarde is te lang: maximaal ${type.maxLength} tekens (${typeName}).`, `The value is too long: at most ${type.maxLength} characters (${typeName}).`);
    }
  }
  if (typeof typed === 'number') {
    if (type.minInclusive !== undefined && typed < type.minInclusive) {
      return bad(`De waarde${shown} is kleiner dan ${type.minInclusive} (${typeName}).`, `The value${shown} is less than ${type.minInclusive} (${typeName}).`);
    }
    if (type.maxInclusive !== undefined && typed > type.maxInclusive) {
      return bad(`De waarde${shown} is groter dan ${type.maxInclusive} (${typeName}).`, `The value${shown} is greater than ${type.maxInclusive} (${typeName}).`);
    }
  }
  for (const step of c.patterns) {
    if (!step.some((re) => re.test(value))) {
      if (value === '') {
        return bad(`Het element is leeg; lege elementen zijn niet toegestaan (RS033).`, `The element is empty; empty elements are not allowed (RS033).`);
      }
      const pattern = type.patterns[c.patterns.indexOf(step)]!.join(' | ');
      return bad(
        `De waarde${shown} voldoet niet aan het patroon '${pattern}' (${typeName}).`,
        `The value${shown} does not match the pattern '${pattern}' (${typeName}).`,
      );
    }
  }
  if (c.enumeration && !c.enumeration.has(value)) {
    const list = type.codelist ? ` ${type.codelist}` : '';
    const shownCode = sensitive ? '' : ` '${value}'`;
    return bad(
      `De code${shownCode} komt niet voor in codelijst${list} (${typeName}).`,
      `The code${shownCode} is not in code list${list} (${typeName}).`,
    );
  }
  return bad(`De waarde${shown} is ongeldig (${typeName}).`, `The value${shown} is invalid (${typeName}).`);
}

function bad(nl: string, en: string): LeafCheck {
  return { ok: false, problem: { nl, en } };
}
