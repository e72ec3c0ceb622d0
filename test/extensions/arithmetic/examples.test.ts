/**
 * Every number of spec extensions.md §4 E1–E9, reproduced through the public
 * `iwmo/extensions` entry, one test per example row.
 */
import { describe, expect, it } from 'vitest';
import type { BandRule, IntensityDecision, Party, Share } from '../../../src/extensions-entry.js';
import {
  adjustCeiling,
  allocateByDays,
  amountForMinutes,
  averageCostPerArrangement,
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
  splitLargestRemainder,
  splitShares,
  weeklyPrestaties,
  weightedAverageTariff,
} from '../../../src/extensions-entry.js';

/** Goeree 2016: +5 % exclusive, −10 % inclusive, reference 100 clients. */
const goeree: BandRule = {
  metric: 'clients',
  reference: 100,
  upper: { bp: 500, inclusive: false },
  lower: { bp: -1000, inclusive: true },
  adjustment: 'proportional',
  effect: 'whole-period',
  rebase: false,
};

describe('E1 Goeree band rule on clients (budget 5 000 000, reference 100)', () => {
  const rows = [
    { reported: 106, deviationBp: 600, action: 'raise', proportional: 5_300_000, excess: 5_050_000 },
    { reported: 105, deviationBp: 500, action: 'none', proportional: 5_000_000, excess: 5_000_000 },
    { reported: 104, deviationBp: 400, action: 'none', proportional: 5_000_000, excess: 5_000_000 },
    { reported: 111, deviationBp: 1100, action: 'raise', proportional: 5_550_000, excess: 5_300_000 },
    { reported: 92, deviationBp: -800, action: 'none', proportional: 5_000_000, excess: 5_000_000 },
    { reported: 90, deviationBp: -1000, action: 'lower', proportional: 4_500_000, excess: 5_000_000 },
    { reported: 89, deviationBp: -1100, action: 'lower', proportional: 4_450_000, excess: 4_950_000 },
  ] as const;
  it.each(rows)('$reported clients → $deviationBp bp, $action, $proportional / $excess', (row) => {
    const proportional = evaluateBand(goeree, { reported: row.reported, budget: 5_000_000 });
    expect(proportional).toEqual({ action: row.action, delta: row.proportional - 5_000_000, newBudget: row.proportional, deviationBp: row.deviationBp });
    const excess = evaluateBand({ ...goeree, adjustment: 'excess-over-band' }, { reported: row.reported, budget: 5_000_000 });
    expect(excess).toEqual({ action: row.action, delta: row.excess - 5_000_000, newBudget: row.excess, deviationBp: row.deviationBp });
  });

  it('E1b: the units ceiling follows the proportional mode: 1 000 → 1 060 units after 106 clients', () => {
    const ceiling = { scope: {}, unit: 'prestatie-eenheden', quantity: 1000 } as const;
    expect(adjustCeiling(goeree, { reported: 106, ceiling })).toEqual({ ...ceiling, quantity: 1060 });
    expect(adjustCeiling(goeree, { reported: 105, ceiling }).quantity).toBe(1000);
  });

  it('E1c: remaining periods, report 7 of 13: 5 000 000 × 6/13 × 6 % = 138 461.54 → 138 462, new budget 5 138 462', () => {
    expect(evaluateBand({ ...goeree, effect: 'remaining-periods' }, { reported: 106, budget: 5_000_000, period: { index: 7, count: 13 } })).toEqual({
      action: 'raise',
      delta: 138_462,
      newBudget: 5_138_462,
      deviationBp: 600,
    });
  });

  it('E1d: nacalculatie 5 000 × 10 × 104 × 0.98 = 5 096 000; settlement is that minus payments made', () => {
    const links = ['zrm', 'participatie', 'ipa', 'klachten'].map((kpiId) => ({ kpiId, weightBp: 10_000, bonusBp: 0, malusBp: 200 }));
    const rule = { basis: 'average-clients', unitPrice: 5000, quality: links, settlementDate: '2017-03-31' } as const;
    const result = nacalculatie(rule, { baseline: { units: 1000, clients: 100 }, averageClients: 104, kpisMet: { zrm: true, participatie: true, ipa: true, klachten: false }, paid: 5_000_000 });
    expect(result).toEqual({ gross: 5_200_000, qualityBp: -200, amount: 5_096_000, capped: false, settlement: 96_000 });
    // The same with unitsPerClient stated in the rule and the average as client-periods over 13 periods.
    expect(nacalculatie({ ...rule, unitsPerClient: 10 }, { averageClients: { clientPeriods: 104 * 13, periods: 13 }, kpisMet: { zrm: true, participatie: true, ipa: true } }).amount).toBe(5_096_000);
  });
});

const goereeHistory: IntensityDecision[] = [
  { id: 'INT-1', validFrom: '2016-03-07', level: 'licht', decidedAt: '2016-03-01', decidedBy: '42420001', supportPlanRef: 'OP-7781' },
  { id: 'INT-2', validFrom: '2016-04-18', level: 'midden', decidedAt: '2016-04-15', decidedBy: '42420001', supportPlanRef: 'OP-7781' },
  { id: 'INT-3', validFrom: '2016-09-05', level: 'licht', decidedAt: '2016-09-01', decidedBy: '42420001', supportPlanRef: 'OP-7781' },
];
const weeklyTariffs = { licht: { amount: 5000, units: 1 }, midden: { amount: 10_000, units: 2 }, zwaar: { amount: 15_000, units: 3 } };

describe('E2 Goeree provider-determined intensity as monthly Prestaties', () => {
  const result = weeklyPrestaties({ history: goereeHistory, period: { start: '2016-03-07', end: '2016-12-25' }, tariffs: weeklyTariffs });
  const table = [
    ['2016-03', 'licht', 3, 15_000],
    ['2016-04', 'licht', 3, 15_000],
    ['2016-04', 'midden', 1, 10_000],
    ['2016-05', 'midden', 5, 50_000],
    ['2016-06', 'midden', 4, 40_000],
    ['2016-07', 'midden', 5, 50_000],
    ['2016-08', 'midden', 4, 40_000],
    ['2016-09', 'licht', 3, 15_000],
    ['2016-09', 'midden', 1, 10_000],
    ['2016-10', 'licht', 5, 25_000],
    ['2016-11', 'licht', 4, 20_000],
    ['2016-12', 'licht', 4, 20_000],
  ] as const;
  it.each(table)('%s %s: %i weeks → %i', (month, level, weeks, amount) => {
    expect(result.prestaties.filter((p) => p.month === month && p.level === level)).toEqual([{ month, level, weeks, units: weeks * weeklyTariffs[level].units, amount }]);
  });
  it('no other Prestaties than the table', () => {
    expect(result.prestaties).toHaveLength(table.length);
  });
  it('segments 6 licht, 20 midden, 16 licht = 42 weeks, 62 units, 310 000', () => {
    expect(result.segments.map((s) => [s.level, s.weeks])).toEqual([
      ['licht', 6],
      ['midden', 20],
      ['licht', 16],
    ]);
    expect([result.weeks, result.units, result.amount]).toEqual([42, 62, 310_000]);
  });
});

describe('E3 Goeree four-weekly report and period mapping', () => {
  it('P07 of the calendar anchored 2016-01-04 is 2016-06-20 … 2016-07-17', () => {
    expect(fourWeekPeriod('2016-01-04', '2016-06-20')).toEqual({ index: 7, start: '2016-06-20', end: '2016-07-17' });
    expect(fourWeekPeriod('2016-01-04', '2016-07-17')).toEqual({ index: 7, start: '2016-06-20', end: '2016-07-17' });
    expect(fourWeekPeriod('2016-01-04', '2016-07-18').index).toBe(8);
  });
  it('units YTD 560 vs pro-rata 1 000 × 7/13 = 538.46 → 104.0 %; spend YTD 2 800 000 = 56.0 % with 53.8 % elapsed', () => {
    expect(planPosition({ plan: 1000, actual: 560, index: 7, count: 13 })).toEqual({ proRata: 538, ofProRataBp: 10_400, ofPlanBp: 5600, elapsedBp: 5385 });
    expect(planPosition({ plan: 5_000_000, actual: 560 * 5000, index: 7, count: 13 })).toMatchObject({ ofPlanBp: 5600, elapsedBp: 5385 });
  });
  it('C8: 30 units in P07 by days (11 June, 17 July) → June 12, July 18', () => {
    expect(allocateByDays(30, { start: '2016-06-20', end: '2016-07-17' })).toEqual([
      { month: '2016-06', amount: 12 },
      { month: '2016-07', amount: 18 },
    ]);
  });
  it('C8: 28 units → 11 / 17 exactly', () => {
    expect(allocateByDays(28, { start: '2016-06-20', end: '2016-07-17' })).toEqual([
      { month: '2016-06', amount: 11 },
      { month: '2016-07', amount: 17 },
    ]);
  });
  it('the E2 client in P07: 4 midden weeks = 8 units = 40 000 (1 week in the June Prestatie, 3 in July)', () => {
    const p07 = weeklyPrestaties({ history: goereeHistory, period: { start: '2016-06-20', end: '2016-07-17' }, tariffs: weeklyTariffs });
    expect(p07.prestaties).toEqual([
      { month: '2016-06', level: 'midden', weeks: 1, units: 2, amount: 10_000 },
      { month: '2016-07', level: 'midden', weeks: 3, units: 6, amount: 30_000 },
    ]);
    expect([p07.weeks, p07.units, p07.amount]).toEqual([4, 8, 40_000]);
  });
});

describe('E4 Goeree innovation supplement', () => {
  it('10 clients from ambulant midden (10 000/week) to groep midden (6 000/week) for 20 weeks: (10 000 − 6 000) × 10 × 20 = 800 000 retained', () => {
    expect(innovationSupplement({}, { fromTariff: 10_000, toTariff: 6000, clients: 10, weeks: 20 })).toEqual({ difference: 800_000, retained: 800_000, capped: false });
  });
});

describe('E5 Sittard arrangement tariffs, 9 → 3, utilisation, eigen bijdrage', () => {
  it('weighted-average tariff midden × midden: 333 000 / 80 = €4 162.50 → 416 250', () => {
    expect(weightedAverageTariff([
      { clients: 40, annualCost: 300_000 },
      { clients: 25, annualCost: 480_000 },
      { clients: 15, annualCost: 620_000 },
    ])).toBe(416_250);
  });
  const cells = (
    [
      ['laag', 'laag', 120, 180_000],
      ['laag', 'midden', 60, 360_000],
      ['laag', 'hoog', 15, 750_000],
      ['midden', 'laag', 80, 240_000],
      ['midden', 'midden', 80, 416_250],
      ['midden', 'hoog', 30, 900_000],
      ['hoog', 'laag', 20, 300_000],
      ['hoog', 'midden', 40, 600_000],
      ['hoog', 'hoog', 25, 1_200_000],
    ] as const
  ).map(([complexity, intensity, clients, annualTariff]) => ({ complexity, intensity, clients, annualTariff }));
  const collapsed = collapseArrangementTariffs(cells);
  it.each([
    ['laag', 220, 46_800_000, 212_727],
    ['midden', 180, 78_900_000, 438_333],
    ['hoog', 70, 68_250_000, 975_000],
  ] as const)('collapse by intensity, %s: %i clients, %i → %i', (dim, clients, total, annualTariff) => {
    expect(collapsed.find((c) => c.dim === dim)).toEqual({ dim, clients, total, annualTariff });
  });
  it('check: 470 clients, 468 000 + 789 000 + 682 500 = €1 939 500', () => {
    expect(collapsed.reduce((s, c) => s + c.total, 0)).toBe(193_950_000);
    expect(collapsed.reduce((s, c) => s + c.clients, 0)).toBe(470);
  });
  it('utilisation: 250 000 of 416 250 by 2016-06-30 → 6006 bp used vs 4973 bp elapsed (182/366), ahead of plan at 1000 bp', () => {
    expect(budgetUtilisation({ budget: 416_250, spent: 250_000, period: { start: '2016-01-01', end: '2016-12-31' }, asOf: '2016-06-30', thresholdBp: 1000 })).toEqual({
      spentBp: 6006,
      elapsedBp: 4973,
      aheadBp: 1033,
      aheadOfPlan: true,
    });
  });
  it('eigen bijdrage 2016 arrangement regime: 416 250 / 13 → 32 019 per four weeks', () => {
    expect(eigenBijdrageBasis({ regime: 'arrangementtarief', annualTariff: 416_250, periodsPerYear: 13 })).toEqual({ regime: 'arrangementtarief', per: '4weken', amount: 32_019 });
  });
  it('eigen bijdrage 2015 hours regime: 2 h/week at 5 200 → 2 × 4 × 5 200 = 41 600', () => {
    expect(eigenBijdrageBasis({ regime: 'kostprijs-uren', hoursPerWeek: 2, hourTariff: 5200 })).toEqual({ regime: 'kostprijs-uren', per: '4weken', amount: 41_600 });
  });
  it('eigen bijdrage from 2020: abonnementstarief 1 900 per month per household; ivb computes nothing', () => {
    expect(eigenBijdrageBasis({ regime: 'abonnementstarief', monthly: 1900 })).toEqual({ regime: 'abonnementstarief', per: 'maand', amount: 1900 });
    expect(eigenBijdrageBasis({ regime: 'ivb' })).toEqual({ regime: 'ivb', per: null, amount: null });
  });
});

describe('E6 maximum volume (IV077 / IV078)', () => {
  it('3 uur per week, 2025-01-06 (Mon) … 2025-06-29 (Sun) = ISO weeks 2–26 = 25 weeks → 75 h; C2 budget 25 × 18 720 = 468 000', () => {
    const hours = maximumVolume({ volume: 3, eenheid: '04', frequentie: '2' }, { start: '2025-01-06', end: '2025-06-29' });
    expect(hours).toBe(75);
    expect(maximumVolume({ volume: 18_720, eenheid: '83', frequentie: '2' }, { start: '2025-01-06', end: '2025-06-29' })).toBe(468_000);
  });
  it('broken weeks: 3 h/week 2025-10-07 … 2025-12-30 touches 13 weeks → 39 h (243 360 at 6 240), not 36.43 h pro rata', () => {
    expect(maximumVolume({ volume: 3, eenheid: '04', frequentie: '2' }, { start: '2025-10-07', end: '2025-12-30' })).toBe(39);
    expect(maximumVolume({ volume: 3 * 6240, eenheid: '83', frequentie: '2' }, { start: '2025-10-07', end: '2025-12-30' })).toBe(243_360);
  });
});

describe('E6 C3 back from a budget of 470 000 at 6 240 per hour (the amounts by IV081)', () => {
  it('hours: ⌊470 000 / 6 240⌋ = 75 h = 468 000, remainder 2 000', () => {
    expect(amountForMinutes(6240, 75 * 60)).toBe(468_000);
    expect(470_000 - amountForMinutes(6240, 75 * 60)).toBe(2000);
  });
  it('minutes: ⌊470 000 × 60 / 6 240⌋ = 4 519 min, round(4 519 × 6 240 / 60) = 469 976, remainder 24', () => {
    expect(Math.floor((470_000 * 60) / 6240)).toBe(4519);
    expect(amountForMinutes(6240, 4519)).toBe(469_976);
    expect(amountForMinutes(6240, 4520)).toBeGreaterThan(470_000);
  });
});

describe('E7 declaration rounding', () => {
  it('IV079: 4 weeks × 95 min = 380 min declared in hours → 6', () => {
    expect(declaredHours(4 * 95)).toBe(6);
  });
  it('IV081: €62.50/h in minutes: ProductTarief 1.04 → 104, IngediendBedrag round(6 250 × 380 / 60) = 39 583, not 104 × 380 = 39 520', () => {
    expect(perMinuteTariff(6250)).toBe(104);
    expect(amountForMinutes(6250, 380)).toBe(39_583);
    expect(amountForMinutes(6250, 380)).not.toBe(perMinuteTariff(6250) * 380);
  });
});

const alphenParties: Party[] = [
  { id: 'M1', name: 'Hoofdaannemer 1', role: 'hoofdaannemer' },
  { id: 'M2', name: 'Hoofdaannemer 2', role: 'hoofdaannemer' },
  { id: 'M3', name: 'Hoofdaannemer 3', role: 'hoofdaannemer' },
  { id: 'M4', name: 'Hoofdaannemer 4', role: 'hoofdaannemer' },
  { id: 'S1', name: 'Onderaannemer 1', role: 'onderaannemer', parentId: 'M1' },
  { id: 'S2', name: 'Onderaannemer 2', role: 'onderaannemer', parentId: 'M2' },
  { id: 'S3', name: 'Onderaannemer 3', role: 'onderaannemer', parentId: 'M3' },
  { id: 'S4', name: 'Onderaannemer 4', role: 'onderaannemer', parentId: 'M4' },
];
const alphenShares: Share[] = [
  { partyId: 'M1', bp: 2500 },
  { partyId: 'M2', bp: 2000 },
  { partyId: 'M3', bp: 1500 },
  { partyId: 'M4', bp: 1500 },
  { partyId: 'S1', bp: 800 },
  { partyId: 'S2', bp: 700 },
  { partyId: 'S3', bp: 500 },
  { partyId: 'S4', bp: 500 },
];
const alphen = { budget: 850_000_000, parties: alphenParties, shares: alphenShares };

describe('E8 Alphen lump sum €8.5M among 8 parties', () => {
  const annual = splitShares(850_000_000, alphenShares);
  it.each([
    ['M1', 212_500_000],
    ['M2', 170_000_000],
    ['M3', 127_500_000],
    ['M4', 127_500_000],
    ['S1', 68_000_000],
    ['S2', 59_500_000],
    ['S3', 42_500_000],
    ['S4', 42_500_000],
  ] as const)('%s annual %i', (partyId, amount) => {
    expect(annual.find((a) => a.partyId === partyId)?.amount).toBe(amount);
  });
  it('gemeente payments per year: M1 280 500 000, M2 229 500 000, M3 170 000 000, M4 170 000 000 (Σ 850 000 000), onderaannemers via their hoofdaannemer', () => {
    const yearly = instalmentsPerPayee(alphen, 1);
    expect(yearly.map((p) => [p.partyId, p.annual, p.instalments])).toEqual([
      ['M1', 280_500_000, [280_500_000]],
      ['M2', 229_500_000, [229_500_000]],
      ['M3', 170_000_000, [170_000_000]],
      ['M4', 170_000_000, [170_000_000]],
    ]);
    expect(yearly.map((p) => p.covers)).toEqual([
      ['M1', 'S1'],
      ['M2', 'S2'],
      ['M3', 'S3'],
      ['M4', 'S4'],
    ]);
  });
  it('quarterly instalment 212 500 000: M1 70 125 000, M2 57 375 000, M3 42 500 000, M4 42 500 000', () => {
    const quarterly = instalmentsPerPayee(alphen, 4);
    expect(quarterly.map((p) => [p.partyId, p.instalments[0]])).toEqual([
      ['M1', 70_125_000],
      ['M2', 57_375_000],
      ['M3', 42_500_000],
      ['M4', 42_500_000],
    ]);
    expect(quarterly.reduce((s, p) => s + p.instalments[0]!, 0)).toBe(212_500_000);
  });
  it('three equal parts → 283 333 334 / 283 333 333 / 283 333 333', () => {
    expect(splitLargestRemainder(850_000_000, [1, 1, 1])).toEqual([283_333_334, 283_333_333, 283_333_333]);
  });
  it('twelve months: months 1–4 get 70 833 334, months 5–12 get 70 833 333 (Σ exact)', () => {
    const months = splitLargestRemainder(850_000_000, new Array<number>(12).fill(1));
    expect(months).toEqual([...new Array<number>(4).fill(70_833_334), ...new Array<number>(8).fill(70_833_333)]);
    expect(months.reduce((a, b) => a + b, 0)).toBe(850_000_000);
  });
  it('KPI: 124 of 200 clients improved ≥ 1 ZRM point → 6200 bp, target 6000 → met', () => {
    expect(kpiRatio({ targetBp: 6000, direction: 'hoger-beter' }, { numerator: 124, denominator: 200 })).toEqual({ bp: 6200, met: true });
  });
});

describe('E9 Brunssum integral budget, provider proposal, average cost', () => {
  const lots = [
    { id: 'PERCEEL-1', label: 'Ondersteuning thuis', budget: 250_000_000 },
    { id: 'PERCEEL-2', label: 'Dagbesteding', budget: 200_000_000 },
    { id: 'PERCEEL-3', label: 'Hulp bij het huishouden', budget: 150_000_000 },
  ];
  it('C9: three lots merged into one integral budget of 600 000 000', () => {
    const merged = mergeLots(lots, 'INTEGRAAL');
    expect(merged.budget).toBe(600_000_000);
    expect(merged.lots.every((lot) => lot.mergedInto === 'INTEGRAAL')).toBe(true);
  });
  it('proposal 30/25/20/15/10 % → 180 000 000 / 150 000 000 / 120 000 000 / 90 000 000 / 60 000 000', () => {
    const shares = [3000, 2500, 2000, 1500, 1000].map((bp, i) => ({ partyId: `A${i + 1}`, bp }));
    expect(splitShares(600_000_000, shares).map((s) => s.amount)).toEqual([180_000_000, 150_000_000, 120_000_000, 90_000_000, 60_000_000]);
  });
  it('a proposal summing to 9 999 bp is rejected', () => {
    const shares = [3000, 2500, 2000, 1500, 999].map((bp, i) => ({ partyId: `A${i + 1}`, bp }));
    expect(() => splitShares(600_000_000, shares)).toThrow(/10000 bp, got 9999/);
  });
  it('C10: 1 500 arrangements → 400 000 per arrangement per year, per 4 weeks 400 000 / 13 → 30 769', () => {
    expect(averageCostPerArrangement(600_000_000, 1500)).toEqual({ annual: 400_000, per4Weeks: 30_769 });
    expect(eigenBijdrageBasis({ regime: 'gemiddelde-kosten', budget: 600_000_000, arrangements: 1500, periodsPerYear: 13 }).amount).toBe(30_769);
  });
});
