/**
 * deriveProviderReport: counts from hand-written Goeree 2016 messages for the
 * four calendars, and properties over generated messages.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { serialize, validate, type Message } from '../../../src/index.js';
import { generateMessages } from '../../../src/generate-entry.js';
import { deriveProviderReport, reportingPeriodOf, type Profile, type ReportingCalendar, type VolumeCeiling } from '../../../src/extensions-entry.js';
import { AANBIEDER, declaratie, goereeProfile, prestatie, start, stop } from './messages.js';

const A = '999990019';
const B = '999990007';
const C = '999990020';
const D = '999990032';
const E = '999990044';
const F = '999990056';
const G = '999990068';
const OTHER = '999990081';

const messages: Message[] = [
  start(A, 345001, '2016-03-07', { categorie: '02' }),
  start(B, 345002, '2016-06-27'),
  start(C, 345003, '2016-01-11'),
  stop(C, 345003, '2016-01-11', '2016-07-01'),
  start(D, 345004, '2016-02-01'),
  stop(D, 345004, '2016-02-01', '2016-06-19'),
  start(E, 345005, '2016-07-18'),
  start(F, 345006, '2016-05-02'),
  start(F, 345006, '2016-05-02', { status: '3' }),
  stop(G, 345007, '2016-01-04', '2016-06-30'),
  start(G, 345008, '2016-07-01'),
  // Another gemeente and another aanbieder: ignored / filtered.
  start(OTHER, 999001, '2016-06-21', { ontvanger: '0363' }),
  start(OTHER, 999002, '2016-06-22', { afzender: '42420002' }),
  declaratie(A, [
    prestatie('AL1', '02', '2016-03-01', '2016-03-31', 3, 15_000),
    prestatie('AM2', '02', '2016-06-01', '2016-06-30', 4, 40_000),
    prestatie('AM2', '02', '2016-07-01', '2016-07-31', 5, 50_000),
    prestatie('G9', '09', '2016-07-04', '2016-07-10', 1, 6_000, 'C'),
    prestatie('W1', '05', '2016-07-05', '2016-07-05', 1, 1_000),
  ]),
  declaratie(A, [prestatie('AM2', '02', '2016-07-01', '2016-07-31', 99, 99_999)], { ontvanger: '0363' }),
];
const ALL_BSNS = [A, B, C, D, E, F, G, OTHER];

const derive = (calendar: ReportingCalendar, date: string, extra: { aanbieder?: string; ceilings?: VolumeCeiling[] } = {}) =>
  deriveProviderReport({
    messages,
    profile: goereeProfile,
    calendar,
    period: { date },
    id: 'RPT-P07',
    contractId: 'GO-2016-A',
    reporter: 'A',
    ...(extra.aanbieder ? { aanbieder: extra.aanbieder } : {}),
    ...(extra.ceilings ? { contract: { ceilings: extra.ceilings } } : {}),
  });

describe('deriveProviderReport on the Goeree 2016 messages', () => {
  it('the hand-written messages are valid iWmo 3.2 (level 1)', () => {
    for (const message of messages) expect(validate(serialize(message)).findings.filter((f) => f.level === 1)).toEqual([]);
  });

  const fourWeeks = goereeProfile.reportingCalendar;
  const p07 = derive(fourWeeks, '2016-06-20', { aanbieder: AANBIEDER });

  it('P07 (2016-06-20 … 2016-07-17): 4 active, 1 started, 1 ended', () => {
    expect(p07.report.period).toEqual({ calendar: fourWeeks, index: 7, range: { start: '2016-06-20', end: '2016-07-17' } });
    // A (running), B (started 06-27), C (stopped 07-01), G (two touching deliveries are one spell); D ended the day before, E starts the day after, F was deleted.
    expect(p07.report.clients).toEqual({ active: 4, started: 1, ended: 1 });
  });

  it('P07 units and spend: monthly Prestaties spread by days, credit lines negative', () => {
    // June 40 000 over 30 days: 11 in P07 → 14 667; July 50 000 over 31 days: 17 in P07 → 27 419; credit −6 000; unmapped +1 000.
    expect(p07.report.spend).toBe(14_667 + 27_419 - 6000 + 1000);
    expect(p07.report.spendYtd).toBe(15_000 + 40_000 + 27_419 - 6000 + 1000);
    expect(p07.report.units).toEqual([
      { productGroup: 'ambulant', level: 'midden', units: 1 + 3 },
      { productGroup: 'groep', units: -1 },
    ]);
    expect(p07.report.containsBsn).toBe(false);
    expect(p07.report.kpis).toEqual([]);
  });

  it('a Prestatie of no product group counts in spend and gives a warning EXTR01 without a BSN', () => {
    expect(p07.findings.map((f) => [f.rule, f.severity, f.path])).toEqual([['EXTR01', 'warning', '/messages[13]/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[5]/ProductCode']]);
    expect(p07.findings[0]!.message.nl).toMatch(/05\/W1/);
    expect(p07.findings[0]!.message.en).toMatch(/belongs to no product group/);
  });

  it('no BSN of the input appears anywhere in the output', () => {
    const json = JSON.stringify(derive(fourWeeks, '2016-06-20', { ceilings: [{ scope: {}, unit: 'clients', quantity: 120 }] }));
    for (const bsn of ALL_BSNS) expect(json).not.toContain(bsn);
  });

  it('without an aanbieder filter the other aanbieder’s client counts; another gemeente never does', () => {
    expect(derive(fourWeeks, '2016-06-20').report.clients).toEqual({ active: 5, started: 2, ended: 1 });
  });

  it('maand July 2016: E starts and counts; spend is the July Prestaties whole', () => {
    const july = derive({ kind: 'maand', anchor: '2016-01-01' }, '2016-07-15', { aanbieder: AANBIEDER }).report;
    expect(july.period.index).toBe(7);
    expect(july.period.range).toEqual({ start: '2016-07-01', end: '2016-07-31' });
    expect(july.clients).toEqual({ active: 5, started: 1, ended: 1 });
    expect(july.spend).toBe(50_000 - 6000 + 1000);
    expect(july.spendYtd).toBe(15_000 + 40_000 + 50_000 - 6000 + 1000);
    expect(july.units).toEqual([
      { productGroup: 'ambulant', level: 'midden', units: 5 },
      { productGroup: 'groep', units: -1 },
    ]);
  });

  it('kwartaal Q3 and jaar 2016', () => {
    const q3 = derive({ kind: 'kwartaal', anchor: '2016-01-01' }, '2016-08-01', { aanbieder: AANBIEDER }).report;
    expect([q3.period.index, q3.period.range, q3.spend, q3.spendYtd]).toEqual([3, { start: '2016-07-01', end: '2016-09-30' }, 45_000, 100_000]);
    expect(q3.clients).toEqual({ active: 5, started: 1, ended: 1 });
    const year = derive({ kind: 'jaar', anchor: '2016-01-01' }, '2016-12-31', { aanbieder: AANBIEDER }).report;
    expect([year.spend, year.spendYtd]).toEqual([100_000, 100_000]);
    expect(year.clients).toEqual({ active: 6, started: 6, ended: 2 });
    expect(year.units).toEqual([
      { productGroup: 'ambulant', level: 'licht', units: 3 },
      { productGroup: 'ambulant', level: 'midden', units: 9 },
      { productGroup: 'groep', units: -1 },
    ]);
  });

  it('ceiling use year to date: clients, ambulant units, euro (all and ambulant); a lot ceiling gives EXTR04', () => {
    const ceilings: VolumeCeiling[] = [
      { scope: {}, unit: 'clients', quantity: 120 },
      { scope: { productGroup: 'ambulant' }, unit: 'prestatie-eenheden', quantity: 1000 },
      { scope: {}, unit: 'euro', quantity: 5_000_000 },
      { scope: { productGroup: 'ambulant' }, unit: 'euro', quantity: 4_000_000 },
      { scope: { productGroup: 'ambulant', level: 'licht' }, unit: 'clients', quantity: 50 },
      { scope: { lotId: 'PERCEEL-1' }, unit: 'euro', quantity: 1 },
    ];
    const result = derive(fourWeeks, '2016-06-20', { aanbieder: AANBIEDER, ceilings });
    // Clients with a spell between 2016-01-04 and 2016-07-17: A, B, C, D, G. Ambulant licht clients: only A's 305 names its product, and A has no level there.
    expect(result.report.ceilingUse.map((c) => c.usedYtd)).toEqual([5, 3 + 4 + 3, 77_419, 15_000 + 40_000 + 27_419, 0]);
    expect(result.findings.map((f) => f.rule)).toEqual(['EXTR01', 'EXTR04']);
  });

  it('a message read twice is counted once (EXTR03)', () => {
    const twice = deriveProviderReport({ messages: [...messages, messages[1]!], profile: goereeProfile, period: { index: 7 }, id: 'r', contractId: 'c', reporter: 'A', aanbieder: AANBIEDER });
    expect(twice.report.clients).toEqual(p07.report.clients);
    expect(twice.findings.map((f) => f.rule)).toContain('EXTR03');
  });

  it('a stop before its start is not counted (EXTR02); a malformed period is a RangeError', () => {
    const bad = deriveProviderReport({ messages: [start(A, 1, '2016-06-01'), stop(A, 1, '2016-06-01', '2016-05-01')], profile: goereeProfile, period: { index: 7 }, id: 'r', contractId: 'c', reporter: 'A' });
    expect(bad.findings.map((f) => f.rule)).toEqual(['EXTR02']);
    expect(bad.report.clients).toEqual({ active: 1, started: 0, ended: 0 });
    expect(() => deriveProviderReport({ messages, profile: goereeProfile, period: { index: 0 }, id: 'r', contractId: 'c', reporter: 'A' })).toThrow(RangeError);
    expect(() => deriveProviderReport({ messages, profile: goereeProfile, period: { date: '2015-12-31' }, id: 'r', contractId: 'c', reporter: 'A' })).toThrow(/before the anchor/);
  });
});

describe('deriveProviderReport properties over generated messages', () => {
  const profile: Profile = { ...goereeProfile, gemeente: '0000' };
  const calendars: ReportingCalendar[] = [
    { kind: '4-weeks', anchor: '2018-12-31' },
    { kind: 'maand', anchor: '2019-01-01' },
    { kind: 'kwartaal', anchor: '2019-01-01' },
    { kind: 'jaar', anchor: '2019-01-01' },
  ];
  /** Generated 305/307/323 to the profile's gemeente; their dates lie in 2020–2023. */
  const generated = (seed: number): Message[] =>
    (['WMO305', 'WMO307', 'WMO323'] as const).flatMap((id) => generateMessages(id, { count: 6, seed: seed + id.length })).map((m) => ({ ...m, header: { ...m.header, ontvanger: profile.gemeente } }) as Message);
  const bsnsOf = (ms: readonly Message[]) => ms.flatMap((m) => ('client' in m && m.client && 'bsn' in m.client ? [m.client.bsn] : m.type === 'WMO323' ? m.declaratie.clienten.map((c) => c.bsn) : []));

  it('counts are never negative, started and ended ≤ active, and no BSN reaches the output', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...calendars), fc.integer({ min: 0, max: 5 * 365 }), (seed, calendar, offset) => {
        const ms = generated(seed);
        const date = new Date(Date.UTC(2019, 0, 1) + offset * 86_400_000).toISOString().slice(0, 10);
        const result = deriveProviderReport({ messages: ms, profile, calendar, period: { date }, id: 'r', contractId: 'c', reporter: 'A', contract: { ceilings: [{ scope: {}, unit: 'clients', quantity: 1 }] } });
        const { active, started, ended } = result.report.clients;
        expect(Math.min(active, started, ended)).toBeGreaterThanOrEqual(0);
        expect(started).toBeLessThanOrEqual(active);
        expect(ended).toBeLessThanOrEqual(active);
        expect(result.report.ceilingUse[0]!.usedYtd).toBeGreaterThanOrEqual(active);
        const json = JSON.stringify(result);
        for (const bsn of bsnsOf(ms)) expect(json).not.toContain(bsn);
      }),
      { numRuns: 40 },
    );
  });

  it('spend over all periods sums exactly to the declared total, and spendYtd is the sum of the year’s periods', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000 }), fc.constantFrom(...calendars), (seed, calendar) => {
        const ms = generated(seed);
        const declared = ms.flatMap((m) => (m.type === 'WMO323' ? m.declaratie.clienten.flatMap((c) => c.prestaties) : [])).reduce((s, p) => s + (p.ingediendBedrag.debetCredit === 'C' ? -1 : 1) * p.ingediendBedrag.bedrag, 0);
        const last = reportingPeriodOf(calendar, '2025-12-31').index;
        const spends: number[] = [];
        for (let index = 1; index <= last; index++) {
          const report = deriveProviderReport({ messages: ms, profile, calendar, period: { index }, id: 'r', contractId: 'c', reporter: 'A' }).report;
          spends.push(report.spend);
          const perYear = { '4-weeks': 13, maand: 12, kwartaal: 4, jaar: 1 }[calendar.kind];
          const first = Math.floor((index - 1) / perYear) * perYear;
          expect(report.spendYtd).toBe(spends.slice(first).reduce((a, b) => a + b, 0));
        }
        expect(spends.reduce((a, b) => a + b, 0)).toBe(declared);
      }),
      { numRuns: 8 },
    );
  });
});
