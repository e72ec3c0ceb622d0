/** The worked examples of spec extensions.md §4 through the public API (iwmo/extensions). */
import { describe, expect, it } from 'vitest';
import {
  amountForMinutes,
  CONVERSION_ALIASES,
  CONVERSION_FINDINGS,
  LOSS_CODES,
  checkDeclaration,
  convert,
  declaredHours,
  perMinuteTariff,
  project,
  type IntensityProjection,
  type LumpsumContract,
  type Profile,
  type ProviderDeterminedIntensity,
  type ProviderReport,
  type ResultAgreement,
  type ResultProjection,
  validateDocument,
} from '../../../src/extensions-entry.js';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serialize, type WMO301, type WMO323 } from '../../../src/index.js';
import { REPO_ROOT } from '../../retour/support.js';
import { fixture301, fixtureJson, rejections, xmllintComplaint, xmllintTitle, XMLLINT_SKIP_REASON } from './support.js';

const e6Profile = fixtureJson<Profile>('e6-profile.json');
const e6 = fixture301('e6-specifiek-3-uur-per-week.xml');
const goeree = fixtureJson<Profile>('goeree-2016-profile.json');
const intensity = fixtureJson<ProviderDeterminedIntensity>('goeree-2016-intensity.json');
const sittard = fixtureJson<Profile>('sittard-2016-profile.json');
const agreement = fixtureJson<ResultAgreement>('sittard-2016-agreement.json');

/** 2044 has 2016's calendar (leap year, 1 January a Friday): the same weeks and months, late enough for 3.2 declarations (CS100). */
function to2044<T>(value: T): T {
  return JSON.parse(JSON.stringify(value).replaceAll(/"2016-/g, '"2044-')) as T;
}

describe('E6 product-based ⇄ result-based', () => {
  it('C1: 3 h/week at 6 240 per hour becomes Volume 18 720, Eenheid 83, Frequentie 2, lossy only in payment semantics', () => {
    const result = convert('C1', e6, e6Profile);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const added = result.output.messages[0]!.client.toegewezenProducten.at(-1)!;
    expect(added.omvang).toEqual({ volume: 18_720, eenheid: '83', frequentie: '2' });
    expect(result.report.losses.map((l) => l.code)).toEqual(['PAYMENT_SEMANTICS_CHANGE']);
    expect(result.report.lossless).toBe(false);
    expect(result.report.requires).toEqual(['contract-change']);
  });

  it('C2: 25 calendar weeks × 18 720 = a Budget of 468 000 with the three losses', () => {
    const result = convert('specific-to-budget', e6, e6Profile);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const added = result.output.messages[0]!.client.toegewezenProducten.at(-1)!;
    expect(added).toMatchObject({ budget: 468_000, product: { categorie: '02' }, ingangsdatum: '2025-01-06', einddatum: '2025-06-29' });
    expect(added.omvang).toBeUndefined();
    expect(result.report.rule).toBe('C2');
    expect(result.report.losses.map((l) => l.code)).toEqual(['VOLUME_PROFILE_LOST', 'PRODUCT_CODE_DROPPED', 'DECISION_RIGHTS_SHIFT']);
    expect(result.report.requires).toEqual(['contract-change', 'client-notification']);
  });

  it('C2 from a switch date ends the old assignment the day before with RedenWijziging 10 and issues a new number', () => {
    const result = convert('C2', e6, e6Profile, { on: '2025-03-03' });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message.en).join('; '));
    const [old, added] = result.output.messages[0]!.client.toegewezenProducten;
    expect(old).toMatchObject({ toewijzingNummer: 4_000_101, einddatum: '2025-03-02', redenWijziging: '10' });
    // 2025-03-03 (Mon) … 2025-06-29 (Sun) = 17 weeks × 3 h × 6 240
    expect(added).toMatchObject({ toewijzingNummer: 4_000_102, ingangsdatum: '2025-03-03', budget: 17 * 3 * 6_240 });
    expect(added!.redenWijziging).toBeUndefined();
  });

  it('C3 back from a budget of 470 000: 75 h with REMAINDER 2 000, or 4 519 minutes with REMAINDER 24', () => {
    const asBudget: WMO301 = {
      ...e6,
      client: { ...e6.client, toegewezenProducten: [{ toewijzingNummer: 4_000_300, product: { categorie: '02' }, toewijzingsdatum: '2024-12-20', toewijzingstijd: '10:15:00', ingangsdatum: '2025-01-06', einddatum: '2025-06-29', budget: 470_000 }] },
    };
    const hours = convert('C3', asBudget, e6Profile, { eenheid: '04', productCode: '02A01' });
    const minutes = convert('budget-to-specific', asBudget, e6Profile, { productCode: '02A01' });
    if (!hours.ok || !minutes.ok) throw new Error('C3 refused');
    expect(hours.output.messages[0]!.client.toegewezenProducten.at(-1)!.omvang).toEqual({ volume: 75, eenheid: '04', frequentie: '6' });
    expect(hours.report.losses.find((l) => l.code === 'REMAINDER')?.delta).toEqual({ cents: 2_000 });
    expect(minutes.output.messages[0]!.client.toegewezenProducten.at(-1)!.omvang).toEqual({ volume: 4_519, eenheid: '01', frequentie: '6' });
    expect(minutes.report.losses.find((l) => l.code === 'REMAINDER')?.delta).toEqual({ cents: 24 });
    expect(minutes.report.requires).toEqual(['municipal-decision']);
  });

  it('broken weeks: 2025-10-07 … 2025-12-30 touches 13 calendar weeks, 243 360, and the 2.57 h over day-pro-rata is reported', () => {
    const result = convert('C2', fixture301('e6-gebroken-weken.xml'), e6Profile);
    if (!result.ok) throw new Error('C2 refused');
    expect(result.output.messages[0]!.client.toegewezenProducten.at(-1)!.budget).toBe(243_360);
    const profileLoss = result.report.losses.find((l) => l.code === 'VOLUME_PROFILE_LOST')!;
    expect(profileLoss.delta?.units).toBe(2.57);
    expect(profileLoss.detail).toContain('36.43');
  });

  it.skipIf(XMLLINT_SKIP_REASON !== undefined)(xmllintTitle('every E6 message passes the official XSD (xmllint)'), () => {
    for (const rule of ['C1', 'C2'] as const) {
      const result = convert(rule, e6, e6Profile, { on: '2025-03-03' });
      if (!result.ok) throw new Error(`${rule} refused`);
      for (const m of result.output.messages) expect(xmllintComplaint(serialize(m), 'WMO301')).toBeUndefined();
    }
  });
});

describe('E7 declaration rounding', () => {
  it('IV079: 4 × 95 min = 380 min declared in hours is 6; IV081: 380 min at €62.50/h is 39 583 with ProductTarief 104', () => {
    expect(declaredHours(4 * 95)).toBe(6);
    expect(perMinuteTariff(6_250)).toBe(104);
    expect(amountForMinutes(6_250, 380)).toBe(39_583);
    expect(104 * 380).toBe(39_520); // what the rounded per-minute tariff would wrongly give
  });

  it('C1 prices minutes at an hour tariff by the same rule and reports the rounding in cents', () => {
    const minutes: WMO301 = { ...e6, client: { ...e6.client, toegewezenProducten: [{ ...e6.client.toegewezenProducten[0]!, omvang: { volume: 380, eenheid: '01', frequentie: '6' } }] } };
    const profile: Profile = { ...e6Profile, tariffs: [{ ...e6Profile.tariffs[0]!, amount: 6_250 }] };
    const result = convert('C1', minutes, profile);
    if (!result.ok) throw new Error('C1 refused');
    expect(result.output.messages[0]!.client.toegewezenProducten.at(-1)!.omvang!.volume).toBe(amountForMinutes(6_250, 380));
    expect(result.report.losses.find((l) => l.code === 'ROUNDING')?.delta).toEqual({ cents: -0.33 });
  });
});

describe('E2 provider-determined intensity, aspecific', () => {
  const expected = [
    ['2016-03', [['licht', 3, 15_000]]],
    ['2016-04', [['licht', 3, 15_000], ['midden', 1, 10_000]]],
    ['2016-05', [['midden', 5, 50_000]]],
    ['2016-06', [['midden', 4, 40_000]]],
    ['2016-07', [['midden', 5, 50_000]]],
    ['2016-08', [['midden', 4, 40_000]]],
    ['2016-09', [['midden', 1, 10_000], ['licht', 3, 15_000]]],
    ['2016-10', [['licht', 5, 25_000]]],
    ['2016-11', [['licht', 4, 20_000]]],
    ['2016-12', [['licht', 4, 20_000]]],
  ];

  it('gives the monthly table, 42 weeks, 62 units, 310 000, and 0 vs 16 change messages', () => {
    const result = project(intensity, goeree);
    if (!result.ok) throw new Error(result.findings.map((f) => f.message.en).join('; '));
    const output = result.output as IntensityProjection;
    expect(output.months.map((m) => [m.month, m.lines.map((l) => [l.level, l.volume, l.amount])])).toEqual(expected);
    expect(output.totals).toEqual({ weeks: 42, units: 62, amount: 310_000 });
    expect(output.comparison).toEqual({ aspecific: { toewijzingNummers: 1, changeMessages: 0 }, specific: { toewijzingNummers: 3, changeMessages: 16 } });
    expect(output.toegewezenProduct).toEqual({ toewijzingNummer: 345_001, product: { categorie: '02' }, toewijzingsdatum: '2016-03-07', toewijzingstijd: '00:00:00', ingangsdatum: '2016-03-07', einddatum: '2016-12-25' });
    expect(result.report).toMatchObject({ rule: 'intensity-projection', lossless: true, losses: [] });
    // 2016 lies before the first 3.2 declaration period (CS100): the amounts are there, no 323 is written.
    expect(output.messages).toEqual([]);
    expect(result.findings.map((f) => [f.rule, f.severity])).toEqual([['EXT213', 'warning']]);
  });

  it('in a year 3.2 can declare: one valid 323 per month with a Prestatie per level code, and a valid aspecific 301', () => {
    const base = fixture301('e6-specifiek-3-uur-per-week.xml');
    const result = project(to2044(intensity), to2044(goeree), { assignment: { ...base, header: { ...base.header, afzender: '1924', ontvanger: '42420001' } } });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message.en).join('; '));
    const messages = result.output.messages;
    expect(messages.map((m) => m.type)).toEqual(['WMO301', ...Array<string>(10).fill('WMO323')]);
    for (const m of messages) expect(rejections(m)).toEqual([]);
    const declarations = messages.slice(1) as WMO323[];
    expect(declarations.reduce((s, d) => s + d.declaratie.totaalIngediendBedrag.totaalBedrag, 0)).toBe(310_000);
    const april = declarations[1]!.declaratie.clienten[0]!.prestaties;
    expect(april.map((p) => [p.productCode, p.geleverdVolume, p.eenheid, p.productTarief, p.ingediendBedrag.bedrag])).toEqual([
      ['AMB1', 3, '84', 5_000, 15_000],
      ['AMB2', 1, '84', 10_000, 10_000],
    ]);
    expect(april[0]!.productPeriode).toEqual({ begindatum: '2044-04-01', einddatum: '2044-04-30' });
    if (!XMLLINT_SKIP_REASON) for (const m of messages) expect(xmllintComplaint(serialize(m), m.type)).toBeUndefined();
  });

  it('a received 323 that disagrees with the history gets EXT warnings, and a matching one none', () => {
    const result = project(to2044(intensity), to2044(goeree));
    if (!result.ok) throw new Error('projection refused');
    const june = result.output.messages.find((m) => m.type === 'WMO323' && m.declaratie.declaratiePeriode.begindatum === '2044-06-01') as WMO323;
    expect(checkDeclaration(june, to2044(intensity), to2044(goeree))).toEqual([]);
    const prestatie = june.declaratie.clienten[0]!.prestaties[0]!;
    const wrong: WMO323 = {
      ...june,
      declaratie: { ...june.declaratie, totaalIngediendBedrag: { totaalBedrag: 60_000, debetCredit: 'D' }, clienten: [{ ...june.declaratie.clienten[0]!, prestaties: [{ ...prestatie, productCode: 'AMB3', productTarief: 15_000, ingediendBedrag: { bedrag: 60_000, debetCredit: 'D' } }] }] },
    };
    const findings = checkDeclaration(wrong, to2044(intensity), to2044(goeree));
    expect(findings.map((f) => [f.rule, f.severity])).toEqual([['EXT214', 'warning']]);
    expect(findings[0]!.message.en).toContain('midden (AMB2)');
    expect(rejections(wrong)).toEqual([]); // still a valid standard message
  });
});

describe('E3 four-weekly ⇄ monthly', () => {
  it('P07 holds the weeks ending 26 June and 3, 10, 17 July: 4 midden weeks', () => {
    const result = project(intensity, goeree);
    if (!result.ok) throw new Error('projection refused');
    const p07 = (result.output as IntensityProjection).fourWeekly.find((p) => p.index === 7)!;
    expect(p07).toEqual({ index: 7, start: '2016-06-20', end: '2016-07-17', weeks: [{ level: 'midden', weeks: 4 }] });
  });

  it('C8: 30 units in P07 become June 12, July 18; 28 units 11 / 17', () => {
    const report = (units: number): ProviderReport => ({
      kind: 'ProviderReport',
      id: 'R-P07',
      contractId: 'C-2016-A',
      reporter: 'A',
      period: { calendar: { kind: '4-weeks', anchor: '2016-01-04' }, index: 7, range: { start: '2016-06-20', end: '2016-07-17' } },
      clients: { active: 106, started: 3, ended: 1 },
      units: [{ productGroup: 'ambulant', level: 'midden', units }],
      spend: units * 5_000,
      spendYtd: 2_800_000,
      ceilingUse: [],
      kpis: [],
      containsBsn: false,
    });
    for (const [units, june, july] of [
      [30, 12, 18],
      [28, 11, 17],
    ] as const) {
      const result = convert('four-weekly-monthly', report(units), goeree);
      if (!result.ok || !('months' in result.output)) throw new Error('C8 refused');
      expect(result.output.months.map((m) => [m.month, m.days, m.units[0]!.units])).toEqual([
        ['2016-06', 11, june],
        ['2016-07', 17, july],
      ]);
      expect(result.report.losses.map((l) => l.code)).toEqual(['TEMPORAL_ALLOCATION']);
    }
  });

  it('C8 back: monthly 323s spread over four-week periods by days, sums kept', () => {
    const result = project(to2044(intensity), to2044(goeree));
    if (!result.ok) throw new Error('projection refused');
    const declarations = result.output.messages.filter((m): m is WMO323 => m.type === 'WMO323');
    const back = convert('C8', declarations, to2044(goeree));
    if (!back.ok || !('periods' in back.output)) throw new Error('C8 refused');
    const total = back.output.periods.flatMap((p) => p.lines).reduce((s, l) => s + l.amount, 0);
    expect(total).toBe(310_000);
    expect(back.report.losses.map((l) => l.code)).toEqual(['TEMPORAL_ALLOCATION']);
  });
});

describe('E5 Sittard: a ResultAgreement projected by C7', () => {
  it('an outputgericht assignment: category 10, Eenheid 83, Frequentie 6, Volume 416 250, 2016-01-01 … 2016-12-31; goals stay in the sidecar', () => {
    const result = convert('C7', agreement, sittard);
    if (!result.ok) throw new Error(result.findings.map((f) => f.message.en).join('; '));
    expect(result.output.toegewezenProduct).toMatchObject({
      toewijzingNummer: 500_001,
      product: { categorie: '10', code: 'ARMM1' },
      ingangsdatum: '2016-01-01',
      einddatum: '2016-12-31',
      omvang: { volume: 416_250, eenheid: '83', frequentie: '6' },
    });
    expect(result.report.losses.map((l) => l.code)).toContain('GOALS_NOT_PROJECTED');
    expect(result.report.lossless).toBe(false);
  });

  it('in a declarable year: 12 monthly 323s (Eenheid 83, Bedrag = Volume) summing exactly to the budget', () => {
    const result = project(to2044(agreement), to2044(sittard));
    if (!result.ok) throw new Error('C7 refused');
    const declarations = result.output.messages as WMO323[];
    expect(declarations).toHaveLength(12);
    for (const d of declarations) expect(rejections(d)).toEqual([]);
    expect((result.output as ResultProjection).payments.reduce((s, p) => s + p.amount, 0)).toBe(416_250);
    const p = declarations[0]!.declaratie.clienten[0]!.prestaties[0]!;
    expect([p.eenheid, p.productTarief, p.geleverdVolume === p.ingediendBedrag.bedrag]).toEqual(['83', undefined, true]);
  });

  it('a payment rule of half at the start pays 208 125 in January and the rest in December', () => {
    const result = project(to2044({ ...agreement, paymentRule: { trigger: 'start-eind', splitBp: 5000 } }), to2044(sittard));
    if (!result.ok) throw new Error('C7 refused');
    expect((result.output as ResultProjection).payments.map((p) => [p.month, p.amount])).toEqual([
      ['2044-01', 208_125],
      ['2044-12', 208_125],
    ]);
  });
});

describe('E8–E10: refused mappings and contract-level conversions', () => {
  // Brunssum before the merge: the three lots of the fixture, each with its own ceiling.
  const brunssum = JSON.parse(readFileSync(join(REPO_ROOT, 'fixtures/extensions/brunssum/contract.json'), 'utf8')) as LumpsumContract;
  const lots = brunssum.lots!.filter((l) => l.mergedInto !== undefined).map(({ mergedInto: _merged, ...lot }) => lot);
  const contract: LumpsumContract = { ...brunssum, lots, ceilings: lots.map((l) => ({ scope: { lotId: l.id }, unit: 'euro', quantity: l.budget })) };

  it('E9: three lots merge into one budget of 600 000 000 (LOT_CEILINGS_LOST); 1 500 arrangements ⇒ 400 000, per 4 weeks 30 769 (AVERAGING)', () => {
    const merged = convert('C9', contract, goeree);
    if (!merged.ok) throw new Error('C9 refused');
    expect(validateDocument(contract).accepted).toBe(true);
    expect(merged.output.contract.budget).toBe(600_000_000);
    expect(merged.output.contract.lots!.map((l) => [l.id, l.mergedInto])).toEqual([
      ['L1', 'integraal'],
      ['L2', 'integraal'],
      ['L3', 'integraal'],
      ['integraal', undefined],
    ]);
    expect(merged.output.contract.ceilings).toEqual([]);
    expect(validateDocument(merged.output.contract).findings).toEqual([]);
    expect(merged.report.losses.map((l) => l.code)).toEqual(['LOT_CEILINGS_LOST']);
    const cost = convert('lumpsum-to-client-cost', merged.output.contract, goeree);
    if (!cost.ok) throw new Error('C10 refused');
    expect(cost.output).toEqual({ perArrangement: 400_000, per4Weeks: 30_769, arrangements: 1_500 });
    expect(cost.report.losses.map((l) => l.code)).toEqual(['AVERAGING']);
  });

  it('E10: contract money is never a Prestatie', () => {
    const result = project(contract, goeree);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.findings[0]!.rule).toBe('EXT209');
    expect(result.findings[0]!.message.nl).toContain('323');
  });

  it('E8: 850 000 000 bound for a Budget or Volume field is refused (max 99 999 999)', () => {
    const result = convert('C7', { ...agreement, budget: 850_000_000 }, sittard);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.findings.map((f) => f.rule)).toEqual(['EXT218', 'EXT011']);
    // The same limit where no document check stands before it: a C1 euro volume.
    const big: WMO301 = { ...e6, client: { ...e6.client, toegewezenProducten: [{ ...e6.client.toegewezenProducten[0]!, omvang: { volume: 20_000, eenheid: '04', frequentie: '6' } }] } };
    const over = convert('C1', big, e6Profile);
    expect(over.ok ? [] : over.findings.map((f) => [f.rule, f.path])).toEqual([['EXT202', '/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/Omvang/Volume']]);
  });

  it('E10: a Budget without an Einddatum is refused (CD075) unless a horizon is given', () => {
    const open: WMO301 = { ...e6, client: { ...e6.client, toegewezenProducten: [{ ...e6.client.toegewezenProducten[0]!, einddatum: undefined as never, omvang: { volume: 3, eenheid: '04', frequentie: '4' } }] } };
    delete (open.client.toegewezenProducten[0] as { einddatum?: string }).einddatum;
    const refused = convert('C2', open, e6Profile);
    expect(refused.ok ? [] : refused.findings.map((f) => f.rule)).toEqual(['EXT203']);
    const withHorizon = convert('C2', open, e6Profile, { horizon: '2025-12-31' });
    expect(withHorizon.ok).toBe(true);
    if (withHorizon.ok) expect(withHorizon.output.messages[0]!.client.toegewezenProducten.at(-1)).toMatchObject({ einddatum: '2025-12-31', budget: 12 * 3 * 6_240 });
  });

  it('C5: client assignments become a lump sum; the entitlement loss requires a contract change and telling the client', () => {
    const result = convert('assignments-to-lumpsum', [e6], e6Profile, { on: '2025-03-03' });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message.en).join('; '));
    expect(result.output.contracts).toHaveLength(1);
    expect(result.output.contracts[0]).toMatchObject({ kind: 'LumpsumContract', budget: 17 * 3 * 6_240, baseline: { clients: 1 }, period: { start: '2025-03-03', end: '2025-06-29' } });
    expect(result.report.requires).toEqual(['contract-change', 'client-notification']);
    expect(rejections(result.output.messages[0]!)).toEqual([]);
    expect(result.output.messages[0]!.client.toegewezenProducten[0]).toMatchObject({ einddatum: '2025-03-02', redenWijziging: '10' });
  });

  it('C6: proposals from the intensity history are shadow values that need a municipal decision', () => {
    const result = convert('C6', { contract, intensities: [intensity] }, goeree);
    if (!result.ok) throw new Error('C6 refused');
    expect(result.output.proposals.map((p) => [p.level, p.productCode, p.weeks, p.shadowAmount, p.shadow])).toEqual([
      ['licht', 'AMB1', 6, 30_000, true],
      ['midden', 'AMB2', 20, 200_000, true],
      ['licht', 'AMB1', 16, 80_000, true],
    ]);
    expect(result.report.requires).toEqual(['municipal-decision']);
  });

  it('an unknown rule is a refusal, not an exception', () => {
    const result = convert('C11' as 'C1', e6, e6Profile);
    expect(result).toMatchObject({ ok: false, findings: [{ rule: 'EXT218' }] });
  });
});

describe('docs/conversions.md', () => {
  it('lists every conversion rule id with its meaning', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/conversions.md'), 'utf8');
    for (const [id, meaning] of Object.entries(CONVERSION_FINDINGS)) expect(doc).toContain(`| \`${id}\` | ${meaning} |`);
  });

  it('explains every loss code and every rule', () => {
    const doc = readFileSync(join(REPO_ROOT, 'docs/conversions.md'), 'utf8');
    for (const code of LOSS_CODES) expect(doc).toContain(`| \`${code}\` |`);
    for (const [name, rule] of Object.entries(CONVERSION_ALIASES)) expect(doc).toContain(`| ${rule} | \`${name}\` |`);
  });
});

describe('E2 the specific way: C3 with the intensity history', () => {
  it('turns one aspecific budget of 310 000 into 3 specific assignments (6, 20 and 16 client-weeks) with 3 new ToewijzingNummers', () => {
    const budget = fixture301('e6-budget-470000.xml');
    const product = { ...budget.client.toegewezenProducten[0]!, toewijzingsdatum: '2016-03-01', ingangsdatum: '2016-03-07', einddatum: '2016-12-25', budget: 310_000 };
    const input: WMO301 = { ...budget, client: { ...budget.client, toegewezenProducten: [product] } };
    const result = convert('C3', input, goeree, { intensity, eenheid: '84' });
    if (!result.ok) throw new Error(result.findings.map((f) => f.message.en).join('; '));
    const [old, ...specific] = result.output.messages[0]!.client.toegewezenProducten;
    expect(old).toMatchObject({ einddatum: '2016-03-07', redenWijziging: '13' });
    expect(specific.map((p) => [p.product?.code, p.ingangsdatum, p.einddatum, p.omvang?.volume])).toEqual([
      ['AMB1', '2016-03-07', '2016-04-17', 6],
      ['AMB2', '2016-04-18', '2016-09-04', 20],
      ['AMB1', '2016-09-05', '2016-12-25', 16],
    ]);
    expect(new Set(specific.map((p) => p.toewijzingNummer)).size).toBe(3);
    expect(result.report.losses.map((l) => l.code)).toEqual(['VOLUME_PROFILE_LOST']);
    expect(result.report.requires).toEqual(['municipal-decision']);
    expect(rejections(result.output.messages[0]!)).toEqual([]);
  });
});

describe('a current 301 of other parties is not written into', () => {
  it('refuses a projection into a 301 between another gemeente and provider than the document links', () => {
    const result = project(to2044(intensity), to2044(goeree), { assignment: fixture301('e6-specifiek-3-uur-per-week.xml') });
    expect(result.ok ? [] : result.findings.map((f) => [f.rule, f.path])).toEqual([['EXT211', '/Bericht/Header']]);
  });
});
