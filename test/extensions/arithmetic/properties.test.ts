/**
 * Properties of the contract arithmetic: sums preserved, monotonic, bounded,
 * and invalid input refused with a RangeError that names the field.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { BandRule, IntensityDecision, Level, Party, Share } from '../../../src/extensions-entry.js';
import {
  adjustCeiling,
  allocateByDays,
  averageCostPerArrangement,
  daysPerMonth,
  amountForMinutes,
  budgetUtilisation,
  collapseArrangementTariffs,
  declaredHours,
  eigenBijdrageBasis,
  evaluateBand,
  fourWeekPeriod,
  innovationSupplement,
  instalmentsPerPayee,
  kpiRatio,
  maximumVolume,
  mergeLots,
  nacalculatie,
  perMinuteTariff,
  planPosition,
  reportingPeriod,
  reportingPeriodOf,
  splitLargestRemainder,
  splitShares,
  weeklyPrestaties,
  weightedAverageTariff,
  yearToDate,
} from '../../../src/extensions-entry.js';

const runs = { numRuns: 300 };
const DAY = 86_400_000;
const iso = (t: number) => new Date(t).toISOString().slice(0, 10);
const dayTime = fc.integer({ min: Date.UTC(1990, 0, 1) / DAY, max: Date.UTC(2060, 11, 31) / DAY }).map((d) => d * DAY);
const period = (maxDays: number) => fc.tuple(dayTime, fc.integer({ min: 0, max: maxDays })).map(([t, length]) => ({ start: iso(t), end: iso(t + length * DAY) }));
const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);
const weights = fc.array(fc.integer({ min: 0, max: 100_000 }), { minLength: 1, maxLength: 10 }).filter((ws) => ws.some((w) => w > 0));

describe('splitLargestRemainder', () => {
  it('parts sum exactly to the total and each lies within one of its exact quota', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 45), max: 2 ** 45 }), weights, (total, ws) => {
        const parts = splitLargestRemainder(total, ws);
        expect(sum(parts)).toBe(total);
        const w = BigInt(sum(ws));
        parts.forEach((p, i) => {
          const exact = BigInt(total) * BigInt(ws[i]!);
          expect(BigInt(p) * w - exact < w && exact - BigInt(p) * w < w).toBe(true);
          if (ws[i] === 0) expect(p).toBe(0);
        });
      }),
      runs,
    );
  });
  it('is monotonic in the weights: a larger weight never gets less, and equal weights differ by at most 1 with the earlier item first', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), weights, (total, ws) => {
        const parts = splitLargestRemainder(total, ws);
        for (let i = 0; i < ws.length; i++)
          for (let j = 0; j < ws.length; j++) {
            if (ws[i]! > ws[j]!) expect(parts[i]!).toBeGreaterThanOrEqual(parts[j]!);
            if (ws[i] === ws[j] && i < j) expect(parts[i]! - parts[j]!).toBeOneOf([0, 1]);
          }
      }),
      runs,
    );
  });
  it('a credit splits as the negated debit; scaling all weights changes nothing', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), weights, fc.integer({ min: 1, max: 1000 }), (total, ws, k) => {
        expect(splitLargestRemainder(-total, ws)).toEqual(splitLargestRemainder(total, ws).map((p) => -p + 0));
        expect(splitLargestRemainder(total, ws.map((w) => w * k))).toEqual(splitLargestRemainder(total, ws));
      }),
      runs,
    );
  });
  it('refuses negative, fractional or all-zero weights, an empty list and a fractional total', () => {
    expect(() => splitLargestRemainder(10, [1, -1])).toThrow(RangeError);
    expect(() => splitLargestRemainder(10, [0.5, 1])).toThrow(/weights\[0\]/);
    expect(() => splitLargestRemainder(10, [0, 0])).toThrow(/all be zero/);
    expect(() => splitLargestRemainder(10, [])).toThrow(/non-empty/);
    expect(() => splitLargestRemainder(10.5, [1])).toThrow(/total/);
    expect(() => splitLargestRemainder(Number.NaN, [1])).toThrow(RangeError);
  });
});

const rule = (over: Partial<BandRule> = {}): BandRule => ({
  metric: 'clients',
  reference: 100,
  upper: { bp: 500, inclusive: false },
  lower: { bp: -1000, inclusive: true },
  adjustment: 'proportional',
  effect: 'whole-period',
  rebase: false,
  ...over,
});
const anyRule = fc.record({
  reference: fc.integer({ min: 1, max: 5000 }),
  upper: fc.record({ bp: fc.integer({ min: 0, max: 3000 }), inclusive: fc.boolean() }),
  lower: fc.record({ bp: fc.integer({ min: -3000, max: 0 }), inclusive: fc.boolean() }),
  adjustment: fc.constantFrom('proportional' as const, 'excess-over-band' as const),
  effect: fc.constantFrom('whole-period' as const, 'remaining-periods' as const),
}).map((r) => rule(r));

describe('evaluateBand', () => {
  it('the new budget never falls as the reported value rises (both adjustments, both effects)', () => {
    fc.assert(
      fc.property(anyRule, fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 1, max: 13 }), (r, reported, budget, count) => {
        const period = { index: Math.ceil(count / 2), count };
        const here = evaluateBand(r, { reported, budget, period });
        const next = evaluateBand(r, { reported: reported + 1, budget, period });
        expect(next.newBudget).toBeGreaterThanOrEqual(here.newBudget);
        expect(here.newBudget - budget).toBe(here.delta);
        expect(Math.sign(here.delta)).not.toBe(here.action === 'raise' ? -1 : here.action === 'lower' ? 1 : 2);
        if (here.action === 'none') expect(here.delta).toBe(0);
      }),
      runs,
    );
  });
  it('values exactly on a bound land on the side `inclusive` says', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 1000 }), fc.integer({ min: 1, max: 99 }), fc.integer({ min: 1, max: 99 }), fc.boolean(), fc.boolean(), (k, up, down, upIncl, downIncl) => {
        // reference 100 k: every whole percent is a whole number of clients.
        const r = rule({ reference: 100 * k, upper: { bp: up * 100, inclusive: upIncl }, lower: { bp: -down * 100, inclusive: downIncl } });
        expect(evaluateBand(r, { reported: 100 * k + up * k, budget: 1_000_000 }).action).toBe(upIncl ? 'raise' : 'none');
        expect(evaluateBand(r, { reported: 100 * k - down * k, budget: 1_000_000 }).action).toBe(downIncl ? 'lower' : 'none');
        expect(evaluateBand(r, { reported: 100 * k + up * k + 1, budget: 1_000_000 }).action).toBe('raise');
        expect(evaluateBand(r, { reported: 100 * k - down * k - 1, budget: 1_000_000 }).action).toBe('lower');
      }),
      runs,
    );
  });
  it('decides on the exact deviation, not the rounded bp: 1 bp short of +5 % on reference 30 000 does not raise', () => {
    // 31 499 / 30 000 = +4.99667 %, which rounds to 500 bp but lies inside the band.
    const result = evaluateBand(rule({ reference: 30_000, upper: { bp: 500, inclusive: true } }), { reported: 31_499, budget: 5_000_000 });
    expect(result).toEqual({ action: 'none', delta: 0, newBudget: 5_000_000, deviationBp: 500 });
  });
  it('a ceiling moves exactly as a budget of its quantity would', () => {
    fc.assert(
      fc.property(anyRule, fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 1_000_000 }), (r, reported, quantity) => {
        const period = { index: 3, count: 13 };
        const ceiling = { scope: { productGroup: 'ambulant' as const }, unit: 'prestatie-eenheden' as const, quantity };
        expect(adjustCeiling(r, { reported, ceiling, period })).toEqual({ ...ceiling, quantity: evaluateBand(r, { reported, budget: quantity, period }).newBudget });
      }),
      runs,
    );
  });
  it('remaining periods: the change shrinks as the year runs out and is 0 after the last period', () => {
    fc.assert(
      fc.property(anyRule, fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 99_999_999 }), fc.integer({ min: 2, max: 13 }), (r, reported, budget, count) => {
        const remaining = { ...r, effect: 'remaining-periods' as const };
        const whole = evaluateBand({ ...r, effect: 'whole-period' }, { reported, budget });
        const deltas = Array.from({ length: count }, (_, i) => evaluateBand(remaining, { reported, budget, period: { index: i + 1, count } }).delta);
        for (const d of deltas) expect(Math.abs(d)).toBeLessThanOrEqual(Math.abs(whole.delta));
        for (let i = 1; i < count; i++) expect(Math.abs(deltas[i]!)).toBeLessThanOrEqual(Math.abs(deltas[i - 1]!));
        expect(deltas[count - 1]).toBe(0);
      }),
      runs,
    );
  });
  it('refuses a reference below 1, a positive lower bound, a missing or impossible period and fractional cents', () => {
    expect(() => evaluateBand(rule({ reference: 0 }), { reported: 1, budget: 1 })).toThrow(/reference/);
    expect(() => evaluateBand(rule({ lower: { bp: 100, inclusive: true } }), { reported: 1, budget: 1 })).toThrow(/lower.bp/);
    expect(() => evaluateBand(rule({ effect: 'remaining-periods' }), { reported: 1, budget: 1 })).toThrow(/period/);
    expect(() => evaluateBand(rule({ effect: 'remaining-periods' }), { reported: 1, budget: 1, period: { index: 14, count: 13 } })).toThrow(/beyond/);
    expect(() => evaluateBand(rule(), { reported: 1, budget: 1.5 })).toThrow(/whole eurocent/);
    expect(() => evaluateBand(rule(), { reported: -1, budget: 1 })).toThrow(/reported/);
  });
});

describe('maximumVolume', () => {
  it('weeks touched lie between ⌈days / 7⌉ and ⌈days / 7⌉ + 1; months between the months spanned; extending the period never lowers it', () => {
    fc.assert(
      fc.property(period(1000), fc.integer({ min: 0, max: 30 }), (p, extra) => {
        const days = (Date.parse(p.end) - Date.parse(p.start)) / DAY + 1;
        const weeks = maximumVolume({ volume: 1, eenheid: '04', frequentie: '2' }, p);
        expect(weeks).toBeGreaterThanOrEqual(Math.ceil(days / 7));
        expect(weeks).toBeLessThanOrEqual(Math.ceil(days / 7) + 1);
        expect(maximumVolume({ volume: 7, eenheid: '01', frequentie: '1' }, p)).toBe(7 * days);
        expect(maximumVolume({ volume: 7, eenheid: '83', frequentie: '6' }, p)).toBe(7);
        const longer = { start: p.start, end: iso(Date.parse(p.end) + extra * DAY) };
        for (const frequentie of ['1', '2', '4', '6']) expect(maximumVolume({ volume: 3, eenheid: '04', frequentie }, longer)).toBeGreaterThanOrEqual(maximumVolume({ volume: 3, eenheid: '04', frequentie }, p));
      }),
      runs,
    );
  });
  it('a single Sunday and a single Monday each touch one week; Sunday → Monday touches two', () => {
    expect(maximumVolume({ volume: 3, eenheid: '04', frequentie: '2' }, { start: '2025-01-05', end: '2025-01-05' })).toBe(3);
    expect(maximumVolume({ volume: 3, eenheid: '04', frequentie: '2' }, { start: '2025-01-05', end: '2025-01-06' })).toBe(6);
    expect(maximumVolume({ volume: 2, eenheid: '04', frequentie: '4' }, { start: '2025-01-31', end: '2025-02-01' })).toBe(4);
  });
  it('refuses an end before the start, unknown codes, a fractional or negative volume and impossible dates', () => {
    const omvang = { volume: 3, eenheid: '04', frequentie: '2' };
    expect(() => maximumVolume(omvang, { start: '2025-02-01', end: '2025-01-31' })).toThrow(/before start/);
    expect(() => maximumVolume({ ...omvang, frequentie: '3' }, { start: '2025-01-01', end: '2025-01-31' })).toThrow(/frequentie/);
    expect(() => maximumVolume({ ...omvang, eenheid: '99' }, { start: '2025-01-01', end: '2025-01-31' })).toThrow(/eenheid/);
    expect(() => maximumVolume({ ...omvang, volume: 1.5 }, { start: '2025-01-01', end: '2025-01-31' })).toThrow(/volume/);
    expect(() => maximumVolume({ ...omvang, volume: -1 }, { start: '2025-01-01', end: '2025-01-31' })).toThrow(/volume/);
    expect(() => maximumVolume(omvang, { start: '2025-02-30', end: '2025-03-01' })).toThrow(/YYYY-MM-DD/);
  });
});

describe('allocateByDays', () => {
  it('sums exactly, covers every month once in order, and each part lies within one of amount × days / total', () => {
    fc.assert(
      fc.property(fc.integer({ min: -(2 ** 40), max: 2 ** 40 }), period(800), (amount, p) => {
        const parts = allocateByDays(amount, p);
        expect(sum(parts.map((x) => x.amount))).toBe(amount);
        expect(parts[0]!.month).toBe(p.start.slice(0, 7));
        expect(parts.at(-1)!.month).toBe(p.end.slice(0, 7));
        for (let i = 1; i < parts.length; i++) expect(parts[i]!.month > parts[i - 1]!.month).toBe(true);
        const total = (Date.parse(p.end) - Date.parse(p.start)) / DAY + 1;
        expect(Math.abs(parts[0]!.amount - amount * (Math.min(total, 1 + (Date.UTC(+p.start.slice(0, 4), +p.start.slice(5, 7), 0) - Date.parse(p.start)) / DAY) / total))).toBeLessThan(1.000001);
      }),
      runs,
    );
  });
  it('daysPerMonth covers every day of the period once', () => {
    fc.assert(
      fc.property(period(1500), (p) => {
        expect(sum(daysPerMonth(p).map((m) => m.days))).toBe((Date.parse(p.end) - Date.parse(p.start)) / DAY + 1);
      }),
      runs,
    );
  });
  it('refuses a fractional amount and an end before the start', () => {
    expect(() => allocateByDays(1.5, { start: '2016-06-20', end: '2016-07-17' })).toThrow(/amount/);
    expect(() => allocateByDays(30, { start: '2016-07-17', end: '2016-06-20' })).toThrow(/before start/);
  });
});

describe('fourWeekPeriod and the reporting calendars', () => {
  it('the period holds the date, starts on a Monday, lasts 28 days, and the next period starts the day after', () => {
    fc.assert(
      fc.property(dayTime, fc.integer({ min: 0, max: 5000 }), (t, offset) => {
        const anchor = iso(t - ((new Date(t).getUTCDay() + 6) % 7) * DAY);
        const date = iso(Date.parse(anchor) + offset * DAY);
        const p = fourWeekPeriod(anchor, date);
        expect(p.start <= date && date <= p.end).toBe(true);
        expect(new Date(`${p.start}T00:00:00Z`).getUTCDay()).toBe(1);
        expect((Date.parse(p.end) - Date.parse(p.start)) / DAY).toBe(27);
        expect(fourWeekPeriod(anchor, iso(Date.parse(p.end) + DAY)).index).toBe(p.index + 1);
        expect(reportingPeriod({ kind: '4-weeks', anchor }, p.index).range).toEqual({ start: p.start, end: p.end });
      }),
      runs,
    );
  });
  it('month, quarter and year calendars: period of a date holds it, and YTD starts at the year’s first period', () => {
    fc.assert(
      fc.property(fc.constantFrom('maand' as const, 'kwartaal' as const, 'jaar' as const), fc.integer({ min: 1990, max: 2050 }), fc.integer({ min: 1, max: 12 }), fc.integer({ min: 0, max: 3000 }), (kind, year, month, offset) => {
        const anchor = `${year}-${String(month).padStart(2, '0')}-01`;
        const date = iso(Date.parse(anchor) + offset * DAY);
        const p = reportingPeriodOf({ kind, anchor }, date);
        expect(p.range.start <= date && date <= p.range.end).toBe(true);
        expect(p.range.start.slice(8)).toBe('01');
        const ytd = yearToDate({ kind, anchor }, p.index);
        expect(ytd.end).toBe(p.range.end);
        expect(ytd.start <= p.range.start).toBe(true);
      }),
      runs,
    );
  });
  it('refuses a non-Monday anchor, a date before the anchor and a month calendar not anchored on the 1st', () => {
    expect(() => fourWeekPeriod('2016-01-05', '2016-06-20')).toThrow(/Monday/);
    expect(() => fourWeekPeriod('2016-01-04', '2016-01-03')).toThrow(/before the anchor/);
    expect(() => reportingPeriod({ kind: 'maand', anchor: '2016-01-04' }, 1)).toThrow(/first of a month/);
    expect(() => reportingPeriod({ kind: 'kwartaal', anchor: '2016-01-01' }, 0)).toThrow(/index/);
    expect(reportingPeriod({ kind: 'kwartaal', anchor: '2016-01-01' }, 2).range).toEqual({ start: '2016-04-01', end: '2016-06-30' });
    expect(yearToDate({ kind: '4-weeks', anchor: '2016-01-04' }, 7)).toEqual({ start: '2016-01-04', end: '2016-07-17' });
  });
});

describe('budgetUtilisation and planPosition', () => {
  it('spentBp rises with spending, elapsedBp with time (0 … 10 000); the flag follows the exact difference', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 99_999_999 }), fc.integer({ min: 0, max: 99_999_999 }), period(800), fc.integer({ min: -50, max: 900 }), fc.integer({ min: 0, max: 5000 }), (budget, spent, p, offset, thresholdBp) => {
        const asOf = iso(Date.parse(p.start) + offset * DAY);
        const u = budgetUtilisation({ budget, spent, period: p, asOf, thresholdBp });
        const more = budgetUtilisation({ budget, spent: spent + 1, period: p, asOf, thresholdBp });
        const later = budgetUtilisation({ budget, spent, period: p, asOf: iso(Date.parse(asOf) + DAY), thresholdBp });
        expect(more.spentBp).toBeGreaterThanOrEqual(u.spentBp);
        expect(later.elapsedBp).toBeGreaterThanOrEqual(u.elapsedBp);
        expect(u.elapsedBp).toBeGreaterThanOrEqual(0);
        expect(u.elapsedBp).toBeLessThanOrEqual(10_000);
        if (u.aheadOfPlan) expect(more.aheadOfPlan).toBe(true);
        if (later.aheadOfPlan) expect(u.aheadOfPlan).toBe(true);
        expect(Math.abs(u.aheadBp - (u.spentBp - u.elapsedBp))).toBeLessThanOrEqual(1);
      }),
      runs,
    );
  });
  it('plan position: rises with the actual, the pro-rata plan with the index; at the last period pro-rata is the plan', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 10_000_000 }), fc.integer({ min: 0, max: 20_000_000 }), fc.integer({ min: 1, max: 13 }).chain((count) => fc.tuple(fc.integer({ min: 1, max: count }), fc.constant(count))), (plan, actual, [index, count]) => {
        const here = planPosition({ plan, actual, index, count });
        expect(planPosition({ plan, actual: actual + 1, index, count }).ofProRataBp).toBeGreaterThanOrEqual(here.ofProRataBp);
        if (index < count) expect(planPosition({ plan, actual, index: index + 1, count }).proRata).toBeGreaterThanOrEqual(here.proRata);
        expect(planPosition({ plan, actual, index: count, count })).toMatchObject({ proRata: plan, elapsedBp: 10_000, ofProRataBp: here.ofPlanBp });
      }),
      runs,
    );
  });
  it('refuses a zero budget and fractional cents; without a threshold any lead counts', () => {
    const p = { start: '2016-01-01', end: '2016-12-31' };
    expect(() => budgetUtilisation({ budget: 0, spent: 0, period: p, asOf: '2016-06-30' })).toThrow(/budget/);
    expect(() => budgetUtilisation({ budget: 10, spent: 0.5, period: p, asOf: '2016-06-30' })).toThrow(/spent/);
    expect(budgetUtilisation({ budget: 366, spent: 182, period: p, asOf: '2016-06-30' }).aheadOfPlan).toBe(false);
    expect(budgetUtilisation({ budget: 366, spent: 183, period: p, asOf: '2016-06-30' }).aheadOfPlan).toBe(true);
    expect(() => planPosition({ plan: 1000, actual: 1, index: 14, count: 13 })).toThrow(/beyond/);
  });
});

describe('shares, instalments and lots', () => {
  const sharesArb = fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 1, maxLength: 8 }).filter((xs) => sum(xs) > 0).map((raw) => {
    const bp = splitLargestRemainder(10_000, raw);
    return bp.map((b, i) => ({ partyId: `P${i}`, bp: b }));
  });
  it('instalments: every payee gets exactly its own plus its onderaannemers’ shares, all payees sum to the budget', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), sharesArb, fc.integer({ min: 1, max: 13 }), fc.integer({ min: 1, max: 3 }), (budget, shares, periods, mains) => {
        const parties: Party[] = shares.map((s, i) => (i < mains ? { id: s.partyId, name: s.partyId, role: 'hoofdaannemer' } : { id: s.partyId, name: s.partyId, role: 'onderaannemer', parentId: `P${i % mains}` }));
        const schedule = instalmentsPerPayee({ budget, parties, shares }, periods);
        const split = new Map(splitShares(budget, shares).map((s) => [s.partyId, s.amount]));
        expect(sum(schedule.map((p) => p.annual))).toBe(budget);
        for (const payee of schedule) {
          expect(payee.instalments).toHaveLength(periods);
          expect(sum(payee.instalments)).toBe(payee.annual);
          expect(Math.max(...payee.instalments) - Math.min(...payee.instalments)).toBeLessThanOrEqual(1);
          expect(sum(payee.covers.map((id) => split.get(id) ?? 0))).toBe(payee.annual);
          expect(parties.find((p) => p.id === payee.partyId)?.role).toBe('hoofdaannemer');
        }
      }),
      runs,
    );
  });
  it('refuses shares not summing to 10 000, unknown parties, orphan onderaannemers and loops', () => {
    const parties: Party[] = [
      { id: 'M1', name: 'M1', role: 'hoofdaannemer' },
      { id: 'S1', name: 'S1', role: 'onderaannemer', parentId: 'M9' },
    ];
    const shares: Share[] = [
      { partyId: 'M1', bp: 6000 },
      { partyId: 'S1', bp: 4000 },
    ];
    expect(() => instalmentsPerPayee({ budget: 100, parties, shares }, 4)).toThrow(/existing party as parentId/);
    expect(() => instalmentsPerPayee({ budget: 100, parties: parties.slice(0, 1), shares }, 4)).toThrow(/unknown party S1/);
    const loop: Party[] = [
      { id: 'M1', name: 'M1', role: 'onderaannemer', parentId: 'S1' },
      { id: 'S1', name: 'S1', role: 'onderaannemer', parentId: 'M1' },
    ];
    expect(() => instalmentsPerPayee({ budget: 100, parties: loop, shares }, 4)).toThrow(/loops/);
    expect(() => splitShares(100, [{ partyId: 'M1', bp: 10_001 }])).toThrow(/10000/);
    expect(() => splitShares(100, [{ partyId: 'M1', bp: 5000 }, { partyId: 'M1', bp: 5000 }])).toThrow(/more than one share/);
  });
  it('merged lots sum exactly; a repeated lot id is refused', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 6 }), (budgets) => {
        const merged = mergeLots(budgets.map((budget, i) => ({ id: `L${i}`, label: `L${i}`, budget })), 'ALL');
        expect(merged.budget).toBe(sum(budgets));
      }),
      runs,
    );
    expect(() => mergeLots([{ id: 'L', label: 'a', budget: 1 }, { id: 'L', label: 'b', budget: 1 }], 'ALL')).toThrow(/twice/);
  });
});

describe('tariffs, KPIs, nacalculatie, eigen bijdrage, rounding', () => {
  it('a weighted-average tariff lies between the smallest and the largest cost; the collapse preserves clients and totals', () => {
    const group = fc.record({ clients: fc.integer({ min: 0, max: 1000 }), annualCost: fc.integer({ min: 0, max: 10_000_000 }) });
    fc.assert(
      fc.property(fc.array(group, { minLength: 1, maxLength: 9 }).filter((gs) => gs.some((g) => g.clients > 0)), (groups) => {
        const t = weightedAverageTariff(groups);
        const costs = groups.filter((g) => g.clients > 0).map((g) => g.annualCost);
        expect(t).toBeGreaterThanOrEqual(Math.min(...costs));
        expect(t).toBeLessThanOrEqual(Math.max(...costs));
      }),
      runs,
    );
    const dim = fc.constantFrom('laag' as const, 'midden' as const, 'hoog' as const);
    fc.assert(
      fc.property(fc.array(fc.record({ complexity: dim, intensity: dim, clients: fc.integer({ min: 1, max: 500 }), annualTariff: fc.integer({ min: 0, max: 2_000_000 }) }), { minLength: 1, maxLength: 9 }), (cells) => {
        const collapsed = collapseArrangementTariffs(cells);
        expect(sum(collapsed.map((c) => c.clients))).toBe(sum(cells.map((c) => c.clients)));
        expect(sum(collapsed.map((c) => c.total))).toBe(sum(cells.map((c) => c.clients * c.annualTariff)));
        expect(sum(collapseArrangementTariffs(cells, 'complexity').map((c) => c.total))).toBe(sum(collapsed.map((c) => c.total)));
      }),
      runs,
    );
    expect(() => weightedAverageTariff([{ clients: 0, annualCost: 100 }])).toThrow(/no clients/);
  });
  it('KPI ratio: 0 … 10 000 bp; met flips with the direction except exactly on the target', () => {
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 100_000 }).chain((d) => fc.tuple(fc.integer({ min: 0, max: d }), fc.constant(d))), fc.integer({ min: 0, max: 10_000 }), ([numerator, denominator], targetBp) => {
        const up = kpiRatio({ targetBp, direction: 'hoger-beter' }, { numerator, denominator });
        const down = kpiRatio({ targetBp, direction: 'lager-beter' }, { numerator, denominator });
        expect(up.bp).toBeGreaterThanOrEqual(0);
        expect(up.bp).toBeLessThanOrEqual(10_000);
        const exactlyOn = numerator * 10_000 === targetBp * denominator;
        expect(up.met && down.met).toBe(exactlyOn);
        expect(up.met || down.met).toBe(true);
      }),
      runs,
    );
    expect(kpiRatio({ targetBp: 6000, direction: 'hoger-beter' }, { numerator: 0, denominator: 0 })).toEqual({ bp: null, met: null });
    expect(kpiRatio({ direction: 'hoger-beter' }, { numerator: 1, denominator: 3 })).toEqual({ bp: 3333, met: null });
    expect(() => kpiRatio({ direction: 'hoger-beter' }, { numerator: 4, denominator: 3 })).toThrow(/exceeds/);
  });
  it('nacalculatie: met KPIs never lower the amount; the cap holds; the settlement is amount − paid', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100_000 }), fc.integer({ min: 1, max: 5000 }), fc.integer({ min: 0, max: 500 }), fc.array(fc.boolean(), { minLength: 1, maxLength: 6 }), fc.integer({ min: 0, max: 2 ** 40 }), (unitPrice, units, averageClients, met, paid) => {
        const quality = met.map((_, i) => ({ kpiId: `K${i}`, weightBp: 10_000, bonusBp: 100, malusBp: 200 }));
        const base = { basis: 'average-clients' as const, unitPrice, quality, settlementDate: '2017-03-31' };
        const kpisMet = Object.fromEntries(met.map((m, i) => [`K${i}`, m]));
        const result = nacalculatie(base, { baseline: { units, clients: 100 }, averageClients, kpisMet, paid });
        const allMet = nacalculatie(base, { baseline: { units, clients: 100 }, averageClients, kpisMet: Object.fromEntries(met.map((_, i) => [`K${i}`, true])) });
        expect(allMet.amount).toBeGreaterThanOrEqual(result.amount);
        expect(result.settlement).toBe(result.amount - paid);
        const capped = nacalculatie({ ...base, cap: 1000 }, { baseline: { units, clients: 100 }, averageClients, kpisMet });
        expect(capped.amount).toBeLessThanOrEqual(1000);
        expect(capped.capped).toBe(result.amount > 1000);
      }),
      runs,
    );
    expect(() => nacalculatie({ basis: 'units', quality: [], settlementDate: '2017-03-31' }, { kpisMet: {} })).toThrow(/unitPrice and input.units/);
  });
  it('innovation supplement: never negative, rises with clients and weeks, and a cap is never exceeded', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 1000 }), fc.integer({ min: 0, max: 53 }), fc.integer({ min: 0, max: 10_000 }), (fromTariff, toTariff, clients, weeks, capBp) => {
        const free = innovationSupplement({}, { fromTariff, toTariff, clients, weeks });
        expect(free.retained).toBeGreaterThanOrEqual(0);
        expect(innovationSupplement({}, { fromTariff, toTariff, clients: clients + 1, weeks }).retained).toBeGreaterThanOrEqual(free.retained);
        const capped = innovationSupplement({ capBp }, { fromTariff, toTariff, clients, weeks });
        expect(BigInt(capped.retained) * 10_000n <= BigInt(fromTariff) * BigInt(clients) * BigInt(weeks) * BigInt(capBp)).toBe(true);
        expect(capped.retained).toBe(Math.min(free.retained, capped.retained));
        expect(capped.capped).toBe(capped.retained < free.retained);
      }),
      runs,
    );
  });
  it('eigen bijdrage per four weeks × 13 lies within 6.5 cent of the annual amount; the average per arrangement falls as arrangements rise', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 ** 40 }), fc.integer({ min: 1, max: 100_000 }), (annual, arrangements) => {
        const per4Weeks = eigenBijdrageBasis({ regime: 'arrangementtarief', annualTariff: annual, periodsPerYear: 13 }).amount!;
        expect(Math.abs(per4Weeks * 13 - annual)).toBeLessThanOrEqual(6.5);
        const average = averageCostPerArrangement(annual, arrangements);
        expect(averageCostPerArrangement(annual, arrangements + 1).annual).toBeLessThanOrEqual(average.annual);
        expect(Math.abs(average.annual * arrangements - annual)).toBeLessThanOrEqual(arrangements / 2);
        expect(eigenBijdrageBasis({ regime: 'gemiddelde-kosten', budget: annual, arrangements, periodsPerYear: 13 }).amount).toBe(average.per4Weeks);
      }),
      runs,
    );
  });
  it('eigen bijdrage: fractional hours are exact decimals; negative hours are refused', () => {
    expect(eigenBijdrageBasis({ regime: 'kostprijs-uren', hoursPerWeek: 1.5, hourTariff: 5201 }).amount).toBe(31_206);
    expect(eigenBijdrageBasis({ regime: 'kostprijs-uren', hoursPerWeek: 0.1, hourTariff: 5 }).amount).toBe(2);
    expect(() => eigenBijdrageBasis({ regime: 'kostprijs-uren', hoursPerWeek: -1, hourTariff: 5200 })).toThrow(/hoursPerWeek/);
  });
  it('IV079 hours lie within 30 minutes of the minutes (at least 1 when anything was delivered); IV081 amounts rise with the minutes', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 1_000_000 }), fc.integer({ min: 0, max: 99_999 }), (minutes, hourTariff) => {
        const hours = declaredHours(minutes);
        if (minutes >= 30) expect(Math.abs(hours * 60 - minutes)).toBeLessThanOrEqual(30);
        if (minutes > 0) expect(hours).toBeGreaterThanOrEqual(1);
        if (minutes % 60 === 30) expect(hours * 60).toBe(minutes + 30);
        expect(amountForMinutes(hourTariff, minutes + 1)).toBeGreaterThanOrEqual(amountForMinutes(hourTariff, minutes));
        expect(amountForMinutes(hourTariff, 60)).toBe(hourTariff);
        expect(Math.abs(perMinuteTariff(hourTariff) * 60 - hourTariff)).toBeLessThanOrEqual(30);
      }),
      runs,
    );
    expect(declaredHours(0)).toBe(0);
    expect(declaredHours(1)).toBe(1);
    expect(declaredHours(89)).toBe(1);
    expect(declaredHours(90)).toBe(2);
  });
});

describe('weeklyPrestaties', () => {
  const level = fc.constantFrom<Level>('licht', 'midden', 'zwaar');
  const tariffs = { licht: { amount: 5000, units: 1 }, midden: { amount: 10_000, units: 2 }, zwaar: { amount: 15_000, units: 3 } };
  it('every Sunday of the period is one week in the month that holds it; totals are the sums of the Prestaties and of the segments', () => {
    fc.assert(
      fc.property(period(600), fc.array(fc.tuple(fc.integer({ min: 1, max: 600 }), level), { maxLength: 5 }), level, (p, changes, firstLevel) => {
        const history: IntensityDecision[] = [
          { id: 'D0', validFrom: p.start, level: firstLevel, decidedAt: p.start, decidedBy: '42420001', supportPlanRef: 'OP' },
          ...changes.map(([offset, l], i) => ({ id: `D${i + 1}`, validFrom: iso(Date.parse(p.start) + offset * DAY), level: l, decidedAt: p.start, decidedBy: '42420001', supportPlanRef: 'OP' })),
        ];
        const result = weeklyPrestaties({ history, period: p, tariffs });
        let sundays = 0;
        for (let t = Date.parse(p.start); t <= Date.parse(p.end); t += DAY) if (new Date(t).getUTCDay() === 0) sundays++;
        expect(result.weeks).toBe(sundays);
        expect(sum(result.segments.map((s) => s.weeks))).toBe(sundays);
        expect(result.amount).toBe(sum(result.prestaties.map((x) => x.amount)));
        expect(result.units).toBe(sum(result.prestaties.map((x) => x.units)));
        for (const x of result.prestaties) expect(x.amount).toBe(x.weeks * tariffs[x.level].amount);
      }),
      runs,
    );
  });
  it('a correction replaces the decision it names; a week before any decision is refused', () => {
    const history: IntensityDecision[] = [
      { id: 'D1', validFrom: '2016-03-07', level: 'licht', decidedAt: '2016-03-01', decidedBy: '42420001', supportPlanRef: 'OP' },
      { id: 'D2', validFrom: '2016-03-14', level: 'zwaar', decidedAt: '2016-03-10', decidedBy: '42420001', supportPlanRef: 'OP' },
      { id: 'D3', validFrom: '2016-03-14', level: 'midden', decidedAt: '2016-03-12', decidedBy: '42420001', supportPlanRef: 'OP', corrects: 'D2' },
    ];
    const result = weeklyPrestaties({ history, period: { start: '2016-03-07', end: '2016-03-20' }, tariffs });
    expect(result.segments.map((s) => s.level)).toEqual(['licht', 'midden']);
    expect(() => weeklyPrestaties({ history, period: { start: '2016-02-29', end: '2016-03-20' }, tariffs })).toThrow(/no intensity decision/);
  });
});
