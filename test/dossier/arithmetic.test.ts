/** Property tests of the arithmetic the level-3/4 rules rest on: rounding, tariffs, volume limits, dates. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountForMinutes, amountOf, perMinuteTariff } from '../../src/sources/tariff.js';
import { daysInclusive, exceeds, monthEnd, monthStart, monthsTouched, periodLimit, totalLimit, unitFactor, WEEKLY_SIXFOLD } from '../../src/rules/level3/volume.js';

describe('tariffs (IV081, the rounding of extensions/arithmetic)', () => {
  it('whole hours declared in minutes cost exactly the hourly tariff per hour', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 1666 }), (uurtarief, uren) => {
        expect(BigInt(amountForMinutes(uurtarief, uren * 60))).toBe(amountOf(uren, uurtarief));
      }),
    );
  });

  it('a minute amount never differs more than half a cent from the exact amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 0, max: 99_999 }), (uurtarief, minuten) => {
        const diff = 2n * (BigInt(amountForMinutes(uurtarief, minuten)) * 60n - BigInt(uurtarief) * BigInt(minuten));
        expect(diff <= 60n && diff >= -60n).toBe(true);
      }),
    );
    expect(amountForMinutes(5000, 50)).toBe(4167);
    expect(perMinuteTariff(5000)).toBe(83);
  });

  it('a product of volume and tariff stays exact past 2^53', () => {
    expect(amountOf(99_999, 99_999_999_999)).toBe(9_999_899_999_900_001n);
  });
});

const isoDate = fc.date({ min: new Date('2000-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

describe('volume limits (TR321, TR322)', () => {
  it('per week: exactly volume × days / 7, so a whole number of weeks allows volume × weeks', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 5 }), (volume, weeks) => {
        const limit = periodLimit({ volume, eenheid: '04', frequentie: '2' }, '02', weeks * 7, 1);
        expect(exceeds(volume * weeks, limit)).toBe(false);
        expect(exceeds(volume * weeks + 1, limit)).toBe(true);
      }),
    );
  });

  it('categorie 01 per week allows 6× the weekly volume in any month', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 31 }), (volume, days) => {
        const limit = periodLimit({ volume, eenheid: '04', frequentie: '2' }, '01', days, 1);
        expect(exceeds(6 * volume, limit)).toBe(false);
        expect(exceeds(6 * volume + 1, limit)).toBe(true);
      }),
    );
  });

  it('in iJw no categorie has the 6× allowance: per week the limit is volume × days / 7 for every categorie', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 9999 }), fc.integer({ min: 1, max: 31 }), fc.constantFrom('01', '02', '40', '45'), (volume, days, categorie) => {
        const limit = periodLimit({ volume, eenheid: '04', frequentie: '2' }, categorie, days, 1, WEEKLY_SIXFOLD['ijw-3.2']);
        expect(limit).toEqual({ numerator: volume * days, denominator: 7 });
        // 4 hours per week over February is 16, whichever categorie.
        expect(exceeds(16, periodLimit({ volume: 4, eenheid: '04', frequentie: '2' }, categorie, 28, 1, WEEKLY_SIXFOLD['ijw-3.2']))).toBe(false);
        expect(exceeds(17, periodLimit({ volume: 4, eenheid: '04', frequentie: '2' }, categorie, 28, 1, WEEKLY_SIXFOLD['ijw-3.2']))).toBe(true);
      }),
    );
  });

  it('hours declared in minutes: the limit in minutes is 60× the limit in hours', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), fc.constantFrom('1', '2', '4', '6'), fc.integer({ min: 1, max: 31 }), (volume, frequentie, days) => {
        const hours = periodLimit({ volume, eenheid: '04', frequentie }, '02', days, 1);
        const minutes = periodLimit({ volume, eenheid: '04', frequentie }, '02', days, unitFactor('04', '01')!);
        expect(minutes.numerator * hours.denominator).toBe(60 * hours.numerator * minutes.denominator);
      }),
    );
    expect(unitFactor('01', '04')).toBeUndefined();
  });

  it('over a whole toewijzing: totaal is the volume, per maand counts the months touched, no Einddatum is unbounded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 999 }), isoDate, isoDate, (volume, a, b) => {
        const [from, to] = a <= b ? [a, b] : [b, a];
        expect(totalLimit({ volume, eenheid: '04', frequentie: '6' }, from, undefined, 1)).toEqual({ numerator: volume, denominator: 1 });
        expect(totalLimit({ volume, eenheid: '04', frequentie: '2' }, from, undefined, 1)).toBeUndefined();
        expect(totalLimit({ volume, eenheid: '04', frequentie: '4' }, from, to, 1)).toEqual({ numerator: volume * monthsTouched(from, to), denominator: 1 });
      }),
    );
  });
});

describe('dates', () => {
  it('a month runs from monthStart to monthEnd, 28 to 31 days, and the next day starts the next month', () => {
    fc.assert(
      fc.property(isoDate, (date) => {
        const start = monthStart(date);
        const end = monthEnd(date);
        expect(start <= date && date <= end).toBe(true);
        const days = daysInclusive(start, end);
        expect(days >= 28 && days <= 31).toBe(true);
        const next = new Date(Date.parse(`${end}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
        expect(monthStart(next)).toBe(next);
        expect(monthsTouched(start, next)).toBe(2);
      }),
    );
  });
});
