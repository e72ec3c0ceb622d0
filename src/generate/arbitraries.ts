/**
 * fast-check arbitraries of the typed model, derived from the descriptors:
 * the same walk over element trees and simple types as the codec, the zod
 * schemas and the JSON Schemas, so a generated message is valid at level 1 by
 * construction. A semantic repair step (./coherence.ts) then makes the
 * in-message rules of level 2 hold as well.
 */
import * as fc from 'fast-check';
import type { ComplexTypeDescriptor, MessageId, SimpleTypeDescriptor, StandardDescriptor } from '../standard/descriptor.js';
import { standardOf } from '../standard/standards.js';
import type { MessageTypes } from '../standard/generated/types.js';
import { fixedLiteral, propertyShape, type PropertyShape } from '../standard/model.js';
import { compileXsdPattern } from '../standard/xsd-regex.js';
import { makeCoherent } from './coherence.js';
import { formatDate } from './dates.js';

export interface ArbitraryOptions {
  /** Most items generated for a repeated element (at least 1, at most what the XSD allows); 3 by default. */
  readonly maxRepeat?: number;
  /**
   * Repair the generated value so the in-message rules (level 2: CD, CS, TR) hold.
   * True by default; false gives messages that are only XSD-valid (level 1).
   */
  readonly coherent?: boolean;
}

/** Dates are drawn from this window; the repair step moves them where the rules want them. */
const FIRST_DAY = Date.UTC(2021, 0, 1) / 86_400_000;
const LAST_DAY = Date.UTC(2025, 11, 31) / 86_400_000;
/** Types without a maximum length (LDT_Commentaar) get values up to this length. */
const UNBOUNDED_TEXT = 60;

const LETTERS = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
const DIGITS = '0123456789';
/** Letters the LDT_Voorletters pattern `[a-zA-ZÀ-ỳ]` accepts beyond ASCII. */
const ACCENTED = 'ÀÉËÏÖÜàáèéëïöüçñỳ';
/**
 * Characters that exercise the codec: XML specials, a no-break space (content
 * in XSD, whitespace in JavaScript), a tab, and one outside the BMP (two UTF-16
 * units, one XSD character).
 */
const SPECIALS = ['&', '<', '>', '"', "'", '-', '.', ',', '/', ' ', ' ', '\t', '\u00A0', 'é', 'ễ', 'ß', '€', '😀'];

const textChar = (newlines: boolean): fc.Arbitrary<string> =>
  fc.oneof(
    { weight: 12, arbitrary: fc.constantFrom(...LETTERS) },
    { weight: 2, arbitrary: fc.constantFrom(...DIGITS) },
    { weight: 3, arbitrary: fc.constantFrom(...SPECIALS, ...(newlines ? ['\n', '\r'] : [])) },
  );

/** Strings of `min`…`max` characters (code points); now and then exactly `max`, where length bugs live. */
function charsOf(char: fc.Arbitrary<string>, min: number, max: number): fc.Arbitrary<string> {
  const join = (chars: string[]) => chars.join('');
  const usual = fc.array(char, { minLength: min, maxLength: max }).map(join);
  if (max > 40 || max === min) return usual;
  return fc.oneof({ weight: 9, arbitrary: usual }, { weight: 1, arbitrary: fc.array(char, { minLength: max, maxLength: max }).map(join) });
}

/** XSD `\s` is space, tab, CR and LF only. */
const isXsdSpace = (c: string) => c === ' ' || c === '\t' || c === '\n' || c === '\r';

/** At least one character that is not XSD whitespace (RS033: no blank values). */
function nonBlank(value: string): string {
  const chars = Array.from(value);
  if (chars.some((c) => !isXsdSpace(c))) return value;
  chars[chars.length - 1] = 'x';
  return chars.join('');
}

/** Generators for the patterns the standard uses; any other pattern falls back to fc.stringMatching. */
function patternArbitrary(pattern: string, min: number, max: number): fc.Arbitrary<string> | undefined {
  const exactDigits = /^\[0-9\]\{(\d+)\}$/.exec(pattern);
  if (exactDigits) {
    const n = Number(exactDigits[1]);
    return charsOf(fc.constantFrom(...DIGITS), n, n);
  }
  switch (pattern) {
    case '[0-9]*':
      return charsOf(fc.constantFrom(...DIGITS), min, max);
    case '.*[^\\s].*': // `.` excludes CR and LF in XSD
      return charsOf(textChar(false), Math.max(min, 1), max).map(nonBlank);
    case '([.\\s]*\\S+[.\\s]*)+':
      return charsOf(textChar(true), Math.max(min, 1), max).map(nonBlank);
    case '([a-zA-ZÀ-ỳ])+':
      return charsOf(fc.constantFrom(...LETTERS, ...ACCENTED), Math.max(min, 1), max);
    case '([a-zA-Z0-9])+':
      return charsOf(fc.constantFrom(...LETTERS, ...DIGITS), Math.max(min, 1), max);
    case '(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)\\.(0|[1-9][0-9]*)':
      return fc.tuple(fc.nat(20), fc.nat(20), fc.nat(20)).map((parts) => parts.join('.'));
    default:
      return undefined;
  }
}

const DATE = fc.integer({ min: FIRST_DAY, max: LAST_DAY }).map((day) => formatDate(day));
const TIME = fc.integer({ min: 0, max: 86_399 }).map((s) => {
  const two = (n: number) => String(n).padStart(2, '0');
  return `${two(Math.floor(s / 3600))}:${two(Math.floor(s / 60) % 60)}:${two(s % 60)}`;
});

// Keyed by descriptor: a type of the same name may differ per standard (LDT_ProductCategorie).
const leafCache = new Map<SimpleTypeDescriptor, fc.Arbitrary<unknown>>();

function leafArbitrary(type: SimpleTypeDescriptor): fc.Arbitrary<unknown> {
  let arb = leafCache.get(type);
  if (!arb) {
    arb = buildLeaf(type);
    leafCache.set(type, arb);
  }
  return arb;
}

function buildLeaf(type: SimpleTypeDescriptor): fc.Arbitrary<unknown> {
  const literal = fixedLiteral(type);
  if (literal !== undefined) return fc.constant(type.builtin === 'integer' ? Number(literal) : literal);
  if (type.enumeration) return fc.constantFrom(...type.enumeration.map((e) => e.value));
  switch (type.builtin) {
    case 'integer': {
      const min = type.minInclusive ?? 0;
      const max = type.maxInclusive ?? 2_147_483_647;
      // fc.integer stops at 32 bits; LDT_TotaalBedrag goes up to 10^12.
      return max <= 2_147_483_647 ? fc.integer({ min, max }) : fc.bigInt({ min: BigInt(min), max: BigInt(max) }).map(Number);
    }
    case 'date':
      return DATE;
    case 'time':
      return TIME;
    case 'string':
      return stringLeaf(type);
  }
}

function stringLeaf(type: SimpleTypeDescriptor): fc.Arbitrary<string> {
  const min = type.minLength ?? 0;
  const max = type.maxLength ?? Math.max(min, UNBOUNDED_TEXT);
  const patterns = type.patterns.flat();
  if (patterns.length === 0) return charsOf(textChar(true), min, max);
  // Patterns of one step are alternatives and all steps apply: generate from the
  // last (most derived) pattern and keep what satisfies every step and length.
  const last = patterns.at(-1)!;
  const steps = type.patterns.map((step) => step.map(compileXsdPattern));
  const fits = (value: string) => {
    const length = Array.from(value).length;
    return length >= min && length <= max && steps.every((step) => step.some((re) => re.test(value)));
  };
  const known = patternArbitrary(last, min, max);
  return (known ?? fc.stringMatching(compileXsdPattern(last))).filter(fits);
}

function shapeArbitrary(standard: StandardDescriptor, shape: PropertyShape, maxRepeat: number): fc.Arbitrary<unknown> {
  if (shape.kind === 'wrapper') {
    const child = shape.type.children[0]!;
    return arrayOf(shapeArbitrary(standard, { ...shape.item, array: false } as PropertyShape, maxRepeat), child.minOccurs, child.maxOccurs, maxRepeat);
  }
  const one = shape.kind === 'leaf' ? leafArbitrary(shape.type) : complexArbitrary(standard, shape.type, maxRepeat);
  return shape.array ? arrayOf(one, shape.element.minOccurs, shape.element.maxOccurs, maxRepeat) : one;
}

function arrayOf(item: fc.Arbitrary<unknown>, minOccurs: number, maxOccurs: number | 'unbounded', maxRepeat: number): fc.Arbitrary<unknown[]> {
  const minLength = Math.max(minOccurs, 1);
  const maxLength = Math.max(minLength, Math.min(maxRepeat, maxOccurs === 'unbounded' ? Infinity : maxOccurs));
  return fc.array(item, { minLength, maxLength });
}

/** Drops absent optional properties: the typed model leaves them out rather than holding `undefined`. */
function withoutAbsent(value: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const key in value) if (value[key] !== undefined) out[key] = value[key];
  return out;
}

const complexCache = new Map<string, fc.Arbitrary<Record<string, unknown>>>();

function complexArbitrary(standard: StandardDescriptor, type: ComplexTypeDescriptor, maxRepeat: number): fc.Arbitrary<Record<string, unknown>> {
  const key = `${standard.id}|${type.name}|${maxRepeat}`;
  let arb = complexCache.get(key);
  if (!arb) {
    const parts: Record<string, fc.Arbitrary<unknown>> = {};
    for (const child of type.children) {
      const one = shapeArbitrary(standard, propertyShape(standard, child), maxRepeat);
      // Optional elements are present about half of the time.
      parts[child.prop] = child.minOccurs > 0 ? one : fc.option(one, { nil: undefined, freq: 2 });
    }
    arb = fc.record(parts).map(withoutAbsent);
    complexCache.set(key, arb);
  }
  return arb;
}

/**
 * An arbitrary of one message type. Values are valid at level 1 (XSD) and, unless
 * `coherent: false`, at level 2 (the in-message rules of the standard).
 */
export function messageArbitrary<K extends MessageId>(id: K, options: ArbitraryOptions = {}): fc.Arbitrary<MessageTypes[K]> {
  const standard = standardOf(id);
  const message = standard.messages[id];
  if (!message) throw new Error(`Unknown message ${String(id)}`);
  const maxRepeat = Math.max(1, Math.floor(options.maxRepeat ?? 3));
  const rootType = standard.complexTypes[message.root.complexType!]!;
  const structural = complexArbitrary(standard, rootType, maxRepeat).map((body) => ({ type: id, ...body }) as unknown as MessageTypes[K]);
  return options.coherent === false ? structural : structural.map((value) => makeCoherent(value));
}
