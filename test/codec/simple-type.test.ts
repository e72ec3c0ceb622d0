/**
 * The verdict-only checks encode uses (isValidLeaf, isValidNumber) say what
 * checkLeaf says, for every simple type of both standards: on texts near the
 * type's own values and on numbers around its bounds.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkLeaf, isValidLeaf, isValidNumber } from '../../src/codec/simple-type.js';
import { STANDARDS } from '../../src/standard/standards.js';

const types = Object.values(STANDARDS).flatMap((standard) => Object.values(standard.simpleTypes));
const integerTypes = types.filter((t) => t.builtin === 'integer');

/** Texts a leaf may hold or nearly hold: its codes, digits, dates, spaces, and odd characters. */
const text = fc.oneof(
  fc.string({ maxLength: 14 }),
  fc.stringMatching(/^[ \t]?[+-]?[0-9]{0,13}[ \t\n]?$/),
  fc.stringMatching(/^-?[0-9]{4}-[0-9]{2}-[0-9]{2}(Z|[+-][0-9]{2}:[0-9]{2})?$/),
  fc.constantFrom('', ' ', '01', '0363', '2025-02-29', '2024-02-29', '24:00:00', '12:30:00', 'é', '😀', 'a\u00A0', '1e3', '0x10', '999999999', '1000000000000'),
);

/** Numbers around the bounds of the integer types, and the ones String writes oddly. */
const number = fc.oneof(
  fc.integer(),
  fc.constantFrom(...integerTypes.flatMap((t) => [t.minInclusive, t.maxInclusive]).filter((n): n is number => n !== undefined).flatMap((n) => [n - 1, n, n + 1])),
  fc.constantFrom(-0, 0.5, -1.5, NaN, Infinity, -Infinity, 2 ** 53, 2 ** 53 + 2, 1e20, 1e21, 123456789012345680000, Number.MAX_VALUE, Number.MIN_VALUE),
  fc.double(),
);

describe('verdict-only leaf checks', () => {
  it('covers the integer types of both standards', () => {
    expect(integerTypes.length).toBeGreaterThan(10);
  });

  it('isValidLeaf(type, text) is checkLeaf(type, text).ok for every simple type', () => {
    fc.assert(
      fc.property(fc.constantFrom(...types), text, (type, raw) => {
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
