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
}

// Keyed by descriptor: a type of the same name may differ per standard (LDT_ProductCategorie).
const compiled = new Map<SimpleTypeDescriptor, CompiledType>();

function compile(type: SimpleTypeDescriptor): CompiledType {
  let c = compiled.get(type);
  if (!c) {
    c = {
      type,
      patterns: type.patterns.map((step) => step.map(compileXsdPattern)),
      enumeration: type.enumeration ? new Set(type.enumeration.map((e) => e.value)) : undefined,
    };
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
  return /[\t\n\r ]/.test(raw) ? raw.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '') : raw;
}

function daysInMonth(year: number, month: number): number {
  if (month === 2) return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Length in characters (code points), as XSD counts it. */
function charLength(value: string): number {
  if (!/[\uD800-\uDBFF]/.test(value)) return value.length;
  let n = 0;
  for (const _ of value) n++;
  return n;
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
  const value = type.builtin === 'string' ? raw : collapse(raw);
  const result = checkValue(c, value);
  if (result !== undefined) return result;
  // Only on failure: build the texts (quoting the value where that is safe).
  return explain(c, value, describe(value, type, sensitive), type.name.startsWith('LDT_') ? type.name : type.name.split('/').pop()!);
}

/** The fast path: the typed value when the raw text is valid, undefined when it is not. */
function checkValue(c: CompiledType, value: string): LeafCheck | undefined {
  return passes(c, value) ? { ok: true, value: c.type.builtin === 'integer' ? Number(value) : value } : undefined;
}

/** Whether a (collapsed) value is in the type's lexical space and meets its facets. */
function passes(c: CompiledType, value: string): boolean {
  const type = c.type;
  if (type.builtin === 'integer') {
    if (!INTEGER.test(value)) return false;
    const typed = Number(value);
    if (type.minInclusive !== undefined && typed < type.minInclusive) return false;
    if (type.maxInclusive !== undefined && typed > type.maxInclusive) return false;
  } else if (type.builtin === 'date') {
    const m = DATE.exec(value);
    if (!m || Number(m[3]) > daysInMonth(Number(m[1]), Number(m[2])) || /^-?0000$/.test(m[1]!)) return false;
  } else if (type.builtin === 'time') {
    if (!TIME.test(value)) return false;
  }
  if (type.minLength !== undefined || type.maxLength !== undefined) {
    const length = charLength(value);
    if (type.minLength !== undefined && length < type.minLength) return false;
    if (type.maxLength !== undefined && length > type.maxLength) return false;
  }
  for (const step of c.patterns) {
    if (step.length === 1 ? !step[0]!.test(value) : !step.some((re) => re.test(value))) return false;
  }
  return !c.enumeration || c.enumeration.has(value);
}

/** checkLeaf's verdict on a raw text, without building a result: for writers that only need to know. */
export function isValidLeaf(type: SimpleTypeDescriptor, raw: string): boolean {
  return passes(compile(type), type.builtin === 'string' ? raw : collapse(raw));
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
