/**
 * The leaf checks derived per simple type read integers and plain dates
 * without regular expressions; they must give exactly what the XSD lexical
 * rules give (here as regular expressions and `Number`, the way the values
 * were read before), for any text. The verdict-only checks encode uses
 * (isValidLeaf, isValidNumber) say what checkLeaf says, for every simple type
 * of both standards.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLeaf, isValidLeaf, isValidNumber, leafValueOf } from '../../src/codec/simple-type.js';
import type { SimpleTypeDescriptor } from '../../src/standard/descriptor.js';
import { STANDARDS, standardOf } from '../../src/standard/standards.js';

const types = standardOf('WMO323').simpleTypes;
const bedrag = types['LDT_Bedrag']!;
const datum = types['LDT_Datum']!;
const bsn = types['LDT_BurgerServicenummer']!;

const INTEGER = /^[+-]?[0-9]+$/;
const DATE = /^(-?(?:[1-9][0-9]{3,}|0[0-9]{3}))-(0[1-9]|1[0-2])-(0[1-9]|[12][0-9]|3[01])(Z|[+-](?:(?:0[0-9]|1[0-3]):[0-5][0-9]|14:00))?$/;
const collapse = (raw: string): string => raw.replace(/[\t\n\r ]+/g, ' ').replace(/^ | $/g, '');
const leapYear = (y: number): boolean => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;

/** The XSD integer with the type's bounds, as a regular expression and Number read it. */
function integerReference(type: SimpleTypeDescriptor, raw: string): number | undefined {
  const value = collapse(raw);
  if (!INTEGER.test(value)) return undefined;
  const n = Number(value);
  if (type.minInclusive !== undefined && n < type.minInclusive) return undefined;
  if (type.maxInclusive !== undefined && n > type.maxInclusive) return undefined;
  return n;
}

/** The XSD date (without the type's own pattern facet, which both sides apply alike). */
function dateReference(raw: string): string | undefined {
  const value = collapse(raw);
  const m = DATE.exec(value);
  if (!m || /^-?0000$/.test(m[1]!)) return undefined;
  const year = Number(m[1]);
  const month = Number(m[2]);
  const days = month === 2 ? (leapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
  if (Number(m[3]) > days || /[:Z]/.test(value)) return undefined;
  return value;
}

const text = (alphabet: string, maxLength: number) => fc.string({ unit: fc.constantFrom(...alphabet.split('')), maxLength });
const integerText = fc.oneof(
  text('0123456789+- \t', 22),
  fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }).map(String),
  fc.integer({ min: -1, max: 100_000_000 }).map(String),
  fc.tuple(fc.constantFrom('', '+', '-', ' ', '00'), fc.nat(99_999_999)).map(([pre, n]) => pre + String(n)),
);
const dateText = fc.oneof(
  text('0123456789-Z:+ ', 16),
  fc.tuple(fc.integer({ min: 0, max: 10_999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 })).map(
    ([y, m, d]) => `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`,
  ),
  fc.date({ min: new Date('1900-01-01'), max: new Date('2100-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10)),
);

describe('leaf checks derived from the facets', () => {
  it('read an integer as the lexical rule and Number do, bounds included (−0, signs, leading zeros, 20 digits)', () => {
    // Unbounded too, so values past 2^53 reach the reading itself.
    const unbounded: SimpleTypeDescriptor = { ...bedrag, maxInclusive: undefined };
    fc.assert(
      fc.property(integerText, fc.constantFrom(bedrag, unbounded), (raw, type) => {
        expect(leafValueOf(type)(raw)).toStrictEqual(integerReference(type, raw));
      }),
      { numRuns: 3000 },
    );
    expect(Object.is(leafValueOf({ ...bedrag, minInclusive: -1 })('-0'), -0)).toBe(true);
  });

  it('accept exactly the real days as dates (leap years, year 0000, time zones, signs)', () => {
    const valueOf = leafValueOf(datum);
    fc.assert(
      fc.property(dateText, (raw) => {
        expect(valueOf(raw)).toBe(dateReference(raw));
      }),
      { numRuns: 3000 },
    );
    expect(valueOf('2024-02-29')).toBe('2024-02-29');
    expect(valueOf('2100-02-29')).toBeUndefined();
    expect(valueOf('0000-01-01')).toBeUndefined();
  });

  it('and checkLeaf says why exactly when the fast check refuses', () => {
    fc.assert(
      fc.property(fc.constantFrom(bedrag, datum, bsn), fc.oneof(integerText, dateText, text('0123456789 a', 12)), (type, raw) => {
        const fast = leafValueOf(type)(raw);
        const check = checkLeaf(type, raw);
        expect(check.ok).toBe(fast !== undefined);
        if (check.ok) expect(check.value).toStrictEqual(fast);
      }),
      { numRuns: 2000 },
    );
  });
});

const allTypes = Object.values(STANDARDS).flatMap((standard) => Object.values(standard.simpleTypes));
const integerTypes = allTypes.filter((t) => t.builtin === 'integer');

/** Texts a leaf may hold or nearly hold: its codes, digits, dates, spaces, and odd characters. */
const leafText = fc.oneof(
  fc.string({ maxLength: 14 }),
  fc.stringMatching(/^[ \t]?[+-]?[0-9]{0,13}[ \t\n]?$/),
  fc.stringMatching(/^-?[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$/),
  fc.constantFrom('', ' ', '01', '0363', '2025-02-29', '2024-02-29', '24:00:00', '12:30:00', 'é', '😀', 'a\u00A0', '1e3', '0x10', '999999999', '1000000000000'),
);

/** Numbers around the bounds of the integer allTypes, and the ones String writes oddly. */
const number = fc.oneof(
  fc.integer(),
  fc.constantFrom(...integerTypes.flatMap((t) => [t.minInclusive, t.maxInclusive]).filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1])),
  fc.constantFrom(-0, 0.5, -1.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 + 2, 1e20, 1e21, 123456789012345680000, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double(),
);

describe('verdict-only leaf checks', () => {
  it('covers the integer allTypes of both standards', () => {
    expect(integerTypes.length).toBeGreaterThan(10);
  });

  it('isValidLeaf(type, leafText) is checkLeaf(type, leafText).ok for every simple type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...allTypes), leafText, (type, raw) => {
        expect(isValidLeaf(type, raw), `${type.name} ${JSON.stringify(raw)}`).toBe(checkLeaf(type, raw).ok);
      }),
      { numRuns: 3000 },
    );
  });

  it('isValidNumber(type, n) is checkLeaf(type, String(n)).ok for every integer type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...integerTypes), number, (type, n) => {
        expect(isValidNumber(type, n), `${type.name} ${n}`).toBe(checkLeaf(type, String(n)).ok);
      }),
      { numRuns: 3000 },
    );
  });
});
