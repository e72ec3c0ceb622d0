import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STATUS_RULES, contractPeriods, contractStatus, fourWeekPeriod, type BandRule, type LumpsumContract } from '../../../src/extensions/index.js';
import { contractWith, goereeContract, goereeReports, report } from './support.js';

describe('contractStatus on the Goeree 2016 fixtures (E1, E1c, E3)', () => {
  it('reads the fixtures: the contract and its seven reports, 100 … 106 clients', () => {
    expect(goereeReports.map((r) => [r.period.index, r.clients.active])).toEqual([[1, 100], [2, 101], [3, 104], [4, 103], [5, 105], [6, 104], [7, 106]]);
    expect(goereeContract.bands[0]!.effect).toBe('whole-period');
  });

  const status = contractStatus(goereeContract, goereeReports);

  it('walks the 13 four-week periods of 2016, P07 = 2016-06-20 … 2016-07-17', () => {
    expect(status.findings).toEqual([]);
    expect(status.periods).toHaveLength(13);
    expect(status.periods[6]!.range).toEqual({ start: '2016-06-20', end: '2016-07-17' });
    expect(status.periods[12]!.range).toEqual({ start: '2016-12-05', end: '2017-01-01' });
  });

  it('places each reported client count in the band: +500 bp exactly is still inside, +600 bp is above', () => {
    const rows = status.periods.slice(0, 7).map((p) => [p.index, p.clients, p.bands[0]!.deviationBp, p.bands[0]!.position]);
    expect(rows).toEqual([
      [1, 100, 0, 'inside'],
      [2, 101, 100, 'inside'],
      [3, 104, 400, 'inside'],
      [4, 103, 300, 'inside'],
      [5, 105, 500, 'inside'],
      [6, 104, 400, 'inside'],
      [7, 106, 600, 'above'],
    ]);
    expect(status.periods[0]!.bands[0]).toMatchObject({ reference: 100, lowerValue: 90, upperValue: 105 });
  });

  it('proposes the E1 amendment for the P07 crossing: 106/100 of 5 000 000 = 5 300 000', () => {
    expect(status.amendments).toEqual([
      { id: 'goeree-2016-A-band-P07', at: '2016-07-17', cause: 'band', delta: 300_000, newBudget: 5_300_000, evidence: 'goeree-2016-A-P07', recorded: false },
    ]);
    expect(status.periods[6]).toMatchObject({ budget: 5_000_000, budgetAfter: 5_300_000 });
    expect(status.periods.slice(7).map((p) => p.budget)).toEqual(Array(6).fill(5_300_000));
    expect(status.periods.slice(7).every((p) => p.reportIds.length === 0 && p.bands.length === 0)).toBe(true);
    expect(status).toMatchObject({ initialBudget: 5_000_000, finalBudget: 5_300_000 });
  });

  it('with effect on the remaining periods only, E1c: 6/13 of 6 % of 5 000 000 = 138 462', () => {
    const remaining = contractStatus(contractWith({ band: { effect: 'remaining-periods' } }), goereeReports);
    expect(remaining.amendments.map((a) => [a.delta, a.newBudget])).toEqual([[138_462, 5_138_462]]);
  });

  it('sets budget used against the year elapsed (E3: spend YTD 2 800 000 = 56 % by 2016-07-17, 199 of 366 days)', () => {
    expect(status.periods[6]!.spendYtd).toBe(2_800_000);
    expect(status.periods[6]!.units).toBe(80);
    expect(status.periods[6]!.utilisation).toMatchObject({ spentBp: 5600, elapsedBp: 5437, aheadBp: 163 });
    expect(contractStatus(goereeContract, goereeReports, { thresholdBp: 100 }).periods[6]!.utilisation!.aheadOfPlan).toBe(true);
    expect(contractStatus(goereeContract, goereeReports, { thresholdBp: 1000 }).periods[6]!.utilisation!.aheadOfPlan).toBe(false);
  });

  it('numbers the periods as fourWeekPeriod does', () => {
    for (const p of contractPeriods(goereeContract)) {
      expect(fourWeekPeriod('2016-01-04', p.range.end)).toEqual({ index: p.index, ...p.range });
    }
  });
});

describe('E1: one report of 100 reference clients, budget 5 000 000', () => {
  const rows: [number, number, string, number, number][] = [
    // reported, deviationBp, position, proportional, excess-over-band
    [106, 600, 'above', 5_300_000, 5_050_000],
    [105, 500, 'inside', 5_000_000, 5_000_000],
    [104, 400, 'inside', 5_000_000, 5_000_000],
    [111, 1100, 'above', 5_550_000, 5_300_000],
    [92, -800, 'inside', 5_000_000, 5_000_000],
    [90, -1000, 'below', 4_500_000, 5_000_000],
    [89, -1100, 'below', 4_450_000, 4_950_000],
  ];
  it.each(rows)('%i clients: %i bp, %s; proportional %i, excess %i', (reported, deviationBp, position, proportional, excess) => {
    for (const [adjustment, expected] of [['proportional', proportional], ['excess-over-band', excess]] as const) {
      const status = contractStatus(contractWith({ band: { adjustment, effect: 'whole-period' } }), [report(1, reported)]);
      expect(status.periods[0]!.bands[0]).toMatchObject({ deviationBp, position });
      expect(status.finalBudget).toBe(expected);
      // A crossing whose change is zero (90 clients, excess 0) proposes nothing.
      expect(status.amendments.map((a) => a.newBudget)).toEqual(expected === 5_000_000 ? [] : [expected]);
    }
  });
});

describe('rebase, recorded amendments and several reporters', () => {
  it('a rebasing rule measures later periods against the reported value', () => {
    const contract = contractWith({ band: { effect: 'whole-period', rebase: true } });
    const status = contractStatus(contract, [report(3, 106), report(4, 106), report(5, 112)]);
    expect(status.periods.slice(2, 5).map((p) => [p.bands[0]!.reference, p.bands[0]!.deviationBp, p.bands[0]!.position, p.budgetAfter])).toEqual([
      [100, 600, 'above', 5_300_000],
      [106, 0, 'inside', 5_300_000],
      // 112 against 106 is +566 bp: above again, and 5 300 000 × 112 / 106 = 5 600 000.
      [106, 566, 'above', 5_600_000],
    ]);
  });

  it('without rebase the reference stays, so the same 106 raises again', () => {
    const status = contractStatus(contractWith({ band: { effect: 'whole-period' } }), [report(3, 106), report(4, 106)]);
    expect(status.amendments.map((a) => a.newBudget)).toEqual([5_300_000, 5_618_000]);
  });

  it('an amendment the contract already records is shown as recorded, not proposed again', () => {
    const recorded = { id: 'W-2016-07', at: '2016-07-25', cause: 'band' as const, delta: 300_000, newBudget: 5_300_000, evidence: 'goeree-2016-A-P07' };
    const status = contractStatus(contractWith({ budget: 5_300_000, amendments: [recorded] }), goereeReports);
    expect(status.initialBudget).toBe(5_000_000);
    expect(status.amendments).toEqual([{ ...recorded, recorded: true }]);
    expect(status.finalBudget).toBe(5_300_000);
  });

  it('a recorded index amendment applies from its date on', () => {
    const index = { id: 'IDX', at: '2016-03-01', cause: 'index' as const, delta: 100_000, newBudget: 5_100_000, evidence: 'besluit-12' };
    const status = contractStatus(contractWith({ budget: 5_100_000, amendments: [index] }), goereeReports);
    expect(status.periods.slice(0, 4).map((p) => p.budget)).toEqual([5_000_000, 5_000_000, 5_000_000, 5_100_000]);
    // The P07 crossing now works on the indexed budget: 5 100 000 × 6 % = 306 000.
    expect(status.amendments[0]).toMatchObject({ delta: 306_000, newBudget: 5_406_000 });
  });

  it('an amendment dated on the first day of a period applies in that period (Leeuwarden: W0 on 2016-01-01, the index on 2016-07-01)', () => {
    const leeuwarden = JSON.parse(readFileSync(fileURLToPath(new URL('../../../fixtures/extensions/leeuwarden/contract.json', import.meta.url)), 'utf8')) as LumpsumContract;
    const status = contractStatus(leeuwarden, []);
    expect(status.periods.map((p) => p.budget)).toEqual([...Array<number>(6).fill(120_000_000), ...Array<number>(6).fill(121_200_000)]);
  });

  it('adds up the reports of several reporters for one period', () => {
    const parties = [...goereeContract.parties, { id: 'B', name: 'Zorgaanbieder B', role: 'hoofdaannemer' as const }];
    const status = contractStatus(contractWith({ parties }), [report(7, 60, { reporter: 'A', spendYtd: 1_000 }), report(7, 46, { reporter: 'B', spendYtd: 2_000 })]);
    expect(status.periods[6]).toMatchObject({ clients: 106, spendYtd: 3_000, reportIds: ['r-A-P7', 'r-B-P7'] });
    expect(status.amendments[0]!.evidence).toBe('r-A-P7,r-B-P7');
  });
});

describe('inputs that do not fit are findings, not crashes', () => {
  const cases: [string, unknown, string, string][] = [
    ['another contract', report(2, 150, { contractId: 'brunssum-2016' }), 'EXT101', '/reports/1/contractId'],
    ['an unknown reporter', report(2, 150, { reporter: 'Z' }), 'EXT102', '/reports/1/reporter'],
    ['another calendar', { ...report(2, 150), period: { ...report(2, 150).period, calendar: { kind: 'maand', anchor: '2016-01-01' } } }, 'EXT103', '/reports/1/period/calendar'],
    ['a period after the contract', report(14, 150), 'EXT104', '/reports/1/period/index'],
    ['period 0', { ...report(2, 150), period: { ...report(2, 150).period, index: 0 } }, 'EXT104', '/reports/1/period/index'],
    ['a range that is not the period', { ...report(2, 150), period: { ...report(2, 150).period, range: { start: '2016-02-01', end: '2016-02-29' } } }, 'EXT105', '/reports/1/period/range'],
    ['a second report of one reporter', report(1, 150, { id: 'again' }), 'EXT107', '/reports/1/period/index'],
    ['a negative count', report(2, -4), 'EXT106', '/reports/1/clients/active'],
    ['units with four decimals', report(2, 100, { units: [{ productGroup: 'ambulant', units: 1.0005 }] }), 'EXT106', '/reports/1/units/0/units'],
    ['spend in half cents', report(2, 100, { spendYtd: 10.5 }), 'EXT106', '/reports/1/spendYtd'],
    ['not a report', { kind: 'LumpsumContract' }, 'EXT100', '/reports/1/kind'],
    ['null', null, 'EXT100', '/reports/1/kind'],
  ];
  it.each(cases)('%s', (_label, bad, rule, path) => {
    const status = contractStatus(goereeContract, [report(1, 100), bad as never]);
    expect(status.findings).toHaveLength(1);
    expect(status.findings[0]).toMatchObject({ rule, path, level: 3, retourcode: null });
    expect(status.findings[0]!.message.nl).not.toBe(status.findings[0]!.message.en);
    // The bad report is left out; the rest is still computed.
    expect(status.amendments).toEqual([]);
    expect(status.periods[0]!.clients).toBe(100);
  });

  it('a contract without the fields the status needs is one finding, not a crash', () => {
    const status = contractStatus({ kind: 'LumpsumContract', id: 'x' } as never, [report(1, 100)]);
    expect(status.findings.map((f) => [f.rule, f.path])).toEqual([['EXT111', '/contract']]);
    expect(status).toMatchObject({ contractId: 'x', periods: [], amendments: [] });
  });

  it('masks a BSN quoted from a document', () => {
    const status = contractStatus(goereeContract, [report(1, 100, { contractId: '999990019' })]);
    expect(status.findings[0]!.message.en).toBe('The report belongs to contract *****0019, not to goeree-2016-A.');
  });

  it('adds net units exactly (credits negative, three decimals) and spends net of credits', () => {
    const units = [{ productGroup: 'ambulant' as const, units: 0.1 }, { productGroup: 'groep' as const, units: 0.2 }];
    const status = contractStatus(goereeContract, [report(1, 100, { units, spendYtd: -2_500 }), report(2, 100, { units: [{ productGroup: 'ambulant', units: -3.5 }] })]);
    expect(status.findings).toEqual([]);
    expect(status.periods[0]).toMatchObject({ units: 0.3, spendYtd: -2_500 });
    expect(status.periods[0]!.utilisation!.spentBp).toBe(-5);
    expect(status.periods[1]!.units).toBe(-3.5);
  });

  it('a band on units skips a period whose net units are not a whole number of 0 or more', () => {
    const contract = contractWith({ band: { metric: 'units', reference: 80 } });
    const status = contractStatus(contract, [report(1, 100, { units: [{ productGroup: 'ambulant', units: 85.5 }] }), report(2, 100, { units: [{ productGroup: 'ambulant', units: 90 }] })]);
    expect(status.findings.map((f) => [f.rule, f.path])).toEqual([['EXT112', '/reports/0/units']]);
    expect(status.periods[0]!.bands).toEqual([]);
    expect(status.periods[1]!.bands[0]).toMatchObject({ reported: 90, deviationBp: 1250, position: 'above' });
  });

  it('a band without a usable reference is reported and skipped', () => {
    const status = contractStatus(contractWith({ band: { reference: 0 } }), [report(1, 100)]);
    expect(status.findings.map((f) => [f.rule, f.path])).toEqual([['EXT108', '/contract/bands/0']]);
    expect(status.findings[0]!.message.en).toContain('reference');
    expect(status.periods[0]!.bands).toEqual([]);
  });

  it('a 4-week calendar whose anchor is no Monday is reported, without periods', () => {
    const status = contractStatus(contractWith({ payment: { ...goereeContract.payment, calendar: { kind: '4-weeks', anchor: '2016-01-05' } } }), []);
    expect(status.findings.map((f) => f.rule)).toEqual(['EXT110']);
    expect(status.periods).toEqual([]);
  });

  it('a raise past exact amounts is reported instead of thrown, and the position stays', () => {
    const status = contractStatus(contractWith({ budget: 2 ** 52, band: { effect: 'whole-period' } }), [report(1, 1000)]);
    expect(status.findings.map((f) => [f.rule, f.path])).toEqual([['EXT109', '/reports/0']]);
    expect(status.periods[0]!.bands[0]!.position).toBe('above');
    expect(status.amendments).toEqual([]);
  });

  it('a budget of 0 has no utilisation', () => {
    expect(contractStatus(contractWith({ budget: 0 }), [report(1, 100)]).periods[0]!.utilisation).toBeUndefined();
  });
});

describe('the status rules', () => {
  const read = (path: string): string => readFileSync(fileURLToPath(new URL(`../../../${path}`, import.meta.url)), 'utf8');

  it('are every EXT1xx id the status, the command and the page use, and the table in docs/extensions.md', () => {
    const used = new Set(['src/extensions/status/contract-status.ts', 'src/cli/contract-command.ts', 'src/web/contract-documents.ts'].flatMap((f) => [...read(f).matchAll(/'(EXT1\d\d)'/g)].map((m) => m[1]!)));
    const ids = STATUS_RULES.map((r) => r.id);
    expect([...used].sort()).toEqual(ids);
    expect([...read('docs/extensions.md').matchAll(/^\| (EXT1\d\d) \| 3 \| (.*) \| (.*) \|$/gm)].map((m) => [m[1], m[2], m[3]])).toEqual(STATUS_RULES.map((r) => [r.id, r.description.en, r.description.nl]));
  });
});

// ---- properties ---------------------------------------------------------

const boundArb = fc.record({ bp: fc.integer({ min: 0, max: 3000 }), inclusive: fc.boolean() });
const ruleArb: fc.Arbitrary<BandRule> = fc.record({
  metric: fc.constant('clients' as const),
  reference: fc.integer({ min: 1, max: 2000 }),
  upper: boundArb,
  lower: boundArb.map((b) => ({ ...b, bp: -b.bp })),
  adjustment: fc.constantFrom('proportional' as const, 'excess-over-band' as const),
  effect: fc.constantFrom('whole-period' as const, 'remaining-periods' as const),
  rebase: fc.boolean(),
});

/** Independent reading of a band position: integers only, no division. */
function exactPosition(rule: BandRule, reference: number, reported: number): string {
  const scaled = (reported - reference) * 10_000;
  const above = rule.upper.inclusive ? scaled >= rule.upper.bp * reference : scaled > rule.upper.bp * reference;
  const below = rule.lower.inclusive ? scaled <= rule.lower.bp * reference : scaled < rule.lower.bp * reference;
  return above ? 'above' : below ? 'below' : 'inside';
}

describe('properties', () => {
  it('no amendment is proposed when every report lies strictly inside the band', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 1_000_000_000 }), fc.array(fc.tuple(fc.integer({ min: 1, max: 13 }), fc.double({ min: 0, max: 1, noNaN: true })), { maxLength: 13 }), (rule, budget, picks) => {
        const lowest = Math.floor((rule.reference * (10_000 + rule.lower.bp)) / 10_000) + 1;
        const highest = Math.ceil((rule.reference * (10_000 + rule.upper.bp)) / 10_000) - 1;
        fc.pre(lowest <= highest);
        const reports = [...new Map(picks.map(([index, t]) => [index, report(index, lowest + Math.floor(t * (highest - lowest)))])).values()];
        const status = contractStatus(contractWith({ budget, bands: [rule] }), reports);
        expect(status.amendments).toEqual([]);
        expect(status.periods.every((p) => p.budget === budget && p.budgetAfter === budget)).toBe(true);
        expect(status.periods.flatMap((p) => p.bands.map((b) => b.position))).toEqual(Array(reports.length).fill('inside'));
      }),
    );
  });

  it('the position honours each bound exactly, values on the bound included', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 4000 }), fc.boolean(), (rule, offset, onBound) => {
        // Half the cases sit exactly on a bound: a reference of 10 000 × k makes every bp bound a whole client count.
        const reference = onBound ? 10_000 * (1 + (rule.reference % 5)) : rule.reference;
        const reported = onBound ? (reference * (10_000 + (offset % 2 ? rule.upper.bp : rule.lower.bp))) / 10_000 : offset;
        const status = contractStatus(contractWith({ bands: [{ ...rule, reference }] }), [report(1, reported)]);
        expect(status.periods[0]!.bands[0]!.position).toBe(exactPosition(rule, reference, reported));
      }),
    );
  });

  it('more clients never give a lower budget (the budget reaction is monotonic)', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 1_000_000_000 }), fc.integer({ min: 1, max: 13 }), fc.integer({ min: 0, max: 4000 }), fc.integer({ min: 0, max: 4000 }), (rule, budget, index, a, b) => {
        const [few, many] = a <= b ? [a, b] : [b, a];
        const contract = contractWith({ budget, bands: [rule] });
        expect(contractStatus(contract, [report(index, few)]).finalBudget).toBeLessThanOrEqual(contractStatus(contract, [report(index, many)]).finalBudget);
      }),
    );
  });

  it('the budget line is the initial budget plus the proposed changes, and each period starts where the last ended', () => {
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 0, max: 100_000_000 }), fc.array(fc.double({ min: 0, max: 3, noNaN: true }), { minLength: 1, maxLength: 13 }), (rule, budget, factors) => {
        // At most three times the reference each period, so thirteen raises stay far below 2^53.
        const counts = factors.map((f) => Math.round(f * rule.reference));
        const status = contractStatus(contractWith({ budget, bands: [rule] }), counts.map((n, i) => report(i + 1, n)));
        expect(status.findings).toEqual([]);
        expect(status.finalBudget).toBe(budget + status.amendments.reduce((sum, a) => sum + a.delta, 0));
        status.periods.forEach((p, i) => expect(p.budget).toBe(i === 0 ? budget : status.periods[i - 1]!.budgetAfter));
      }),
    );
  });

  it('never throws: any value as a report, any value in place of a contract field, gives findings', () => {
    fc.assert(
      fc.property(fc.array(fc.anything(), { maxLength: 3 }), fc.constantFrom('payment', 'period', 'bands', 'amendments', 'parties', 'budget'), fc.anything(), (junk, field, value) => {
        const withJunk = contractStatus(goereeContract, [report(1, 100), ...(junk as never[])]);
        expect(withJunk.findings.length).toBeGreaterThanOrEqual(junk.length);
        expect(withJunk.periods[0]!.clients).toBe(100);
        expect(() => contractStatus({ ...goereeContract, [field]: value } as never, goereeReports)).not.toThrow();
      }),
    );
  });

  it('splitting a period over several reporters changes nothing but the evidence', () => {
    const parties = ['A', 'B', 'C'].map((id) => ({ id, name: id, role: 'hoofdaannemer' as const }));
    fc.assert(
      fc.property(ruleArb, fc.integer({ min: 1, max: 13 }), fc.array(fc.integer({ min: 0, max: 1500 }), { minLength: 1, maxLength: 3 }), (rule, index, parts) => {
        const contract = contractWith({ bands: [rule], parties });
        const whole = contractStatus(contract, [report(index, parts.reduce((s, n) => s + n, 0))]);
        const split = contractStatus(contract, parts.map((n, i) => report(index, n, { reporter: parties[i]!.id })));
        expect(split.periods.map((p) => p.bands)).toEqual(whole.periods.map((p) => p.bands.map((b) => (b.amendment ? { ...b, amendment: { ...b.amendment, evidence: split.periods[index - 1]!.reportIds.join(',') } } : b))));
        expect(split.finalBudget).toBe(whole.finalBudget);
      }),
    );
  });
});
