/**
 * The five named functions agree exactly with an independent implementation
 * (reference.ts) on fresh random inputs, including values exactly on band
 * boundaries and totals that do not divide evenly.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BandRule } from '../../../src/extensions-entry.js';
import { allocateByDays, evaluateBand, fourWeekPeriod, maximumVolume, splitLargestRemainder } from '../../../src/extensions-entry.js';
import { referenceAllocate, referenceBand, referenceFourWeekPeriod, referenceMaximumVolume, referenceSplit } from './reference.js';

const runs = { numRuns: 400 };
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
/** Dates 1990–2060, as epoch ms at midnight UTC. */
const dayTime = fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2060, 11, 31) / DAY }).map((d) => d * DAY);
const period = (maxDays: number) => fc.tuple(dayTime, fc.integer({ min: 0, max: maxDays })).map(([t, length]) => ({ start: iso(t), end: iso(t + length * DAY) }));

const weights = fc.array(fc.oneof(fc.integer({ min: 0, max: 10 }), fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2 ** 31 })), { minLength: 1, maxLength: 12 }).filter((ws) => ws.some((w) => w > 0));
const totals = fc.oneof(fc.integer({ min: -1000, max: 1000 }), fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), fc.constantFrom(850_000_000, 99_999_999, Number.MAX_SAFE_INTEGER));

describe('splitLargestRemainder agrees with the rational reference', () => {
  it('on random totals and weights (big products, uneven divisions, zero weights)', () => {
    fc.assert(
      fc.property(totals, weights, (total, ws) => {
        expect(splitLargestRemainder(total, ws)).toEqual(referenceSplit(total, ws));
      }),
      runs,
    );
  });
  it('on many equal weights (every remainder ties, so the earlier items win)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 40 }), fc.integer({ min: 1, max: 1000 }), (total, n, w) => {
        expect(splitLargestRemainder(total, new Array<number>(n).fill(w))).toEqual(referenceSplit(total, new Array<number>(n).fill(w)));
      }),
      runs,
    );
  });
});

const boundBp = fc.integer({ min: 0, max: 5000 });
const rules: fc.Arbitrary<BandRule> = fc.record({
  metric: fc.constantFrom('clients' as const, 'units' as const),
  reference: fc.oneof(fc.integer({ min: 1, max: 50 }), fc.integer({ min: 1, max: 100_000 }), fc.constantFrom(100, 1000, 10_000)),
  upper: fc.record({ bp: boundBp, inclusive: fc.boolean() }),
  lower: fc.record({ bp: boundBp.map((b) => -b), inclusive: fc.boolean() }),
  adjustment: fc.constantFrom('proportional' as const, 'excess-over-band' as const),
  effect: fc.constantFrom('whole-period' as const, 'remaining-periods' as const),
  rebase: fc.boolean(),
});

/** A reported value near the band: random, or exactly on a bound when the bound is reachable in whole numbers. */
const bandCase = rules.chain((rule) =>
  fc.record({
    rule: fc.constant(rule),
    reported: fc.oneof(
      fc.integer({ min: 0, max: rule.reference * 3 }),
      fc.constantFrom(
        ...[rule.upper.bp, rule.lower.bp].flatMap((bp) => {
          const onBound = (rule.reference * (10_000 + bp)) / 10_000;
          return [Math.floor(onBound), Math.ceil(onBound), Math.ceil(onBound) + 1, Math.max(0, Math.floor(onBound) - 1)];
        }),
      ),
    ),
    budget: fc.oneof(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 0, max: 99_999_999_999 })),
    period: fc.integer({ min: 1, max: 13 }).chain((count) => fc.record({ count: fc.constant(count), index: fc.integer({ min: 1, max: count }) })),
  }),
);

describe('evaluateBand agrees with the rational reference', () => {
  it('on random rules and reports, including values exactly on the bounds', () => {
    fc.assert(
      fc.property(bandCase, ({ rule, reported, budget, period }) => {
        const input = { reported, budget, period };
        expect(evaluateBand(rule, input)).toEqual(referenceBand(rule, input));
      }),
      { numRuns: 1000 },
    );
  });
  it('on the E1 boundaries with reference multiples of 20 (where +5 % and −10 % are whole clients)', () => {
    fc.assert(
      fc.property(rules, fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 10_000_000 }), (base, k, budget) => {
        const rule = { ...base, reference: 20 * k, upper: { ...base.upper, bp: 500 }, lower: { ...base.lower, bp: -1000 } };
        for (const reported of [21 * k, 18 * k, 21 * k + 1, 18 * k - 1, 21 * k - 1, 18 * k + 1]) {
          const input = { reported, budget, period: { index: 7, count: 13 } };
          expect(evaluateBand(rule, input)).toEqual(referenceBand(rule, input));
        }
      }),
      runs,
    );
  });
});

describe('maximumVolume agrees with day-by-day counting', () => {
  it('per day, week, month and in total over random periods', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.constantFrom('01', '04', '14', '16', '82', '83', '84'), fc.constantFrom('1', '2', '4', '6'), period(800), (volume, eenheid, frequentie, p) => {
        expect(maximumVolume({ volume, eenheid, frequentie }, p)).toBe(referenceMaximumVolume({ volume, frequentie }, p));
      }),
      runs,
    );
  });
});

describe('allocateByDays agrees with day-by-day counting and the rational split', () => {
  it('over random amounts and periods (leap years, month ends, single days)', () => {
    fc.assert(
      fc.property(totals, period(400), (amount, p) => {
        expect(allocateByDays(amount, p)).toEqual(referenceAllocate(amount, p));
      }),
      runs,
    );
  });
});

describe('fourWeekPeriod agrees with stepping 28 days at a time', () => {
  const mondays = dayTime.map((t) => t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
  it('for random anchor Mondays and dates on or after them', () => {
    fc.assert(
      fc.property(mondays, fc.integer({ min: 0, max: 3000 }), (anchor, offset) => {
        expect(fourWeekPeriod(iso(anchor), iso(anchor + offset * DAY))).toEqual(referenceFourWeekPeriod(iso(anchor), iso(anchor + offset * DAY)));
      }),
      runs,
    );
  });
});
