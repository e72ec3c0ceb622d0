/**
 * KeyTable, the compact string → number map of the rules that span Clients,
 * behaves as a Map that keeps the first value per key, through growth.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { KeyTable } from '../../src/rules/key-table.js';

describe('KeyTable', () => {
  it('keeps the first value per key and finds every key, like a Map', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.string({ unit: 'binary', maxLength: 12 }), fc.integer({ min: 0, max: 2 ** 40 })), { maxLength: 3000 }), (entries) => {
        const table = new KeyTable();
        const map = new Map<string, number>();
        for (const [key, value] of entries) {
          expect(table.setFirst(key, value)).toBe(map.get(key));
          if (!map.has(key)) map.set(key, value);
        }
        expect(table.size).toBe(map.size);
        for (const [key, value] of map) expect(table.get(key)).toBe(value);
        expect(table.get('\u0000absent\u0000')).toBe(map.get('\u0000absent\u0000'));
      }),
      { numRuns: 60 },
    );
  });

  it('keeps keys beyond one byte per character or longer than 255 characters apart, and still finds them', () => {
    const table = new KeyTable();
    const long = 'R'.repeat(300);
    expect(table.setFirst('€1', 1)).toBeUndefined();
    expect(table.setFirst(long, 2)).toBeUndefined();
    expect(table.setFirst('é1', 3)).toBeUndefined();
    expect(table.setFirst('€1', 9)).toBe(1);
    expect(table.setFirst(long, 9)).toBe(2);
    expect(table.get('é1')).toBe(3);
    expect(table.get('R'.repeat(255))).toBeUndefined();
    expect(table.size).toBe(3);
  });

  it('holds a declaratie’s worth of keys', () => {
    const table = new KeyTable();
    // Over a million characters: keys span many pages.
    for (let i = 0; i < 200_000; i++) table.setFirst(`P${String(i).padStart(9, '0')}`, i);
    expect(table.size).toBe(200_000);
    expect(table.get('P000123456')).toBe(123_456);
    expect(table.setFirst('P000000007', 1)).toBe(7);
  });
});
