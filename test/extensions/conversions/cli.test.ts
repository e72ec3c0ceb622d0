/**
 * The acceptance of the conversions through the CLI: on 301s it has not seen,
 * each with its own profile, `iwmo convert C2 --on` writes the right Budget
 * (maximumVolume × the hourly tariff), ends the old assignment the day before,
 * names VOLUME_PROFILE_LOST and PRODUCT_CODE_DROPPED in report.json, exits 3,
 * and every message it writes passes the official XSD and the level-2 rules.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maximumVolume, type Profile } from '../../../src/extensions-entry.js';
import { generateMessages } from '../../../src/generate-entry.js';
import { parse, serialize, validate, type WMO301, type WMO301ToegewezenProduct } from '../../../src/index.js';
import { iwmo } from '../../cli/run.js';
import { addDaysUtc, CONVERSION_FIXTURES, xmllintComplaint, XMLLINT_SKIP_REASON } from './support.js';
import { tempDir } from '../../temp-dir.js';

interface Case {
  readonly message: WMO301;
  readonly profile: Profile;
  readonly on: string;
  readonly hours: WMO301ToegewezenProduct;
}

/** A generated client with a specific hours-per-week assignment (and sometimes a budget one beside it), and a profile with its own hourly tariff. */
const cases: Case[] = fc
  .sample(
    fc.record({
      base: fc.integer({ min: 0, max: 19 }),
      categorie: fc.constantFrom('02', '03', '06', '07'),
      code: fc.stringMatching(/^[0-9A-Z]{5}$/),
      volume: fc.integer({ min: 1, max: 40 }),
      frequentie: fc.constantFrom('2', '4'),
      start: fc.integer({ min: 0, max: 1500 }),
      length: fc.integer({ min: 14, max: 400 }),
      switchAt: fc.double({ min: 0.05, max: 1, noNaN: true }),
      tariff: fc.integer({ min: 1_000, max: 12_000 }),
      number: fc.integer({ min: 1, max: 900_000_000 }),
      withBudget: fc.boolean(),
    }),
    { numRuns: 6, seed: 20_261_202 },
  )
  .map((r) => {
    const base = generateMessages('WMO301', { count: 20, seed: 301 })[r.base]!;
    const ingangsdatum = addDaysUtc('2021-02-01', r.start);
    const einddatum = addDaysUtc(ingangsdatum, r.length);
    const hours: WMO301ToegewezenProduct = {
      toewijzingNummer: r.number,
      product: { categorie: r.categorie as '02', code: r.code },
      toewijzingsdatum: ingangsdatum,
      toewijzingstijd: '08:30:00',
      ingangsdatum,
      einddatum,
      omvang: { volume: r.volume, eenheid: '04', frequentie: r.frequentie as '2' },
    };
    const budget: WMO301ToegewezenProduct = { toewijzingNummer: r.number + 7, product: { categorie: '14' }, toewijzingsdatum: ingangsdatum, toewijzingstijd: '08:30:00', ingangsdatum, einddatum, budget: 150_000 };
    const dagtekening = [base.header.berichtIdentificatie.dagtekening, ingangsdatum].sort().at(-1)!;
    const message: WMO301 = { ...base, header: { ...base.header, berichtIdentificatie: { ...base.header.berichtIdentificatie, dagtekening } }, client: { ...base.client, toegewezenProducten: r.withBudget ? [hours, budget] : [hours] } };
    const profile: Profile = {
      kind: 'Profile',
      id: `profiel-${base.header.afzender}`,
      gemeente: base.header.afzender,
      version: '2',
      validity: { start: '2021-01-01', end: '2027-12-31' },
      variantPerProductGroup: {},
      levelCodes: {},
      tariffs: [{ id: `${r.code}-uur`, productCategorie: r.categorie, productCode: r.code, amount: r.tariff, per: 'uur', validity: { start: '2021-01-01', end: '2027-12-31' } }],
      reportingCalendar: { kind: 'maand', anchor: '2021-01-01' },
    };
    return { message, profile, on: addDaysUtc(ingangsdatum, Math.max(1, Math.floor(r.switchAt * r.length))), hours };
  });

describe('iwmo convert C2 on unseen 301s with their own profiles', () => {
  it.each(cases.map((c, i) => [i + 1, c] as const))('case %i: right Budget, old assignment ended the day before, losses named, exit 3, every message valid', (_n, c) => {
    expect(validate(serialize(c.message)).accepted).toBe(true);
    const dir = tempDir('convert');
    writeFileSync(join(dir, 'toewijzing.xml'), serialize(c.message));
    writeFileSync(join(dir, 'profiel.json'), JSON.stringify(c.profile));
    const run = iwmo(['convert', 'C2', join(dir, 'toewijzing.xml'), '--profile', join(dir, 'profiel.json'), '--on', c.on, '--out', join(dir, 'uit')]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('VOLUME_PROFILE_LOST');
    expect(run.stderr).toContain('PRODUCT_CODE_DROPPED');
    expect(run.stderr).not.toContain(c.message.client.bsn);

    const files = readdirSync(join(dir, 'uit')).sort();
    expect(files).toEqual(['WMO301-1.xml', 'report.json']);
    const report = JSON.parse(readFileSync(join(dir, 'uit', 'report.json'), 'utf8')) as { rule: string; lossless: boolean; losses: { code: string }[]; messages: string[] };
    expect(report.rule).toBe('C2');
    expect(report.lossless).toBe(false);
    expect(report.losses.map((l) => l.code)).toEqual(expect.arrayContaining(['VOLUME_PROFILE_LOST', 'PRODUCT_CODE_DROPPED']));
    expect(report.messages).toEqual(['WMO301-1.xml']);

    const xml = readFileSync(join(dir, 'uit', 'WMO301-1.xml'), 'utf8');
    expect(validate(xml).findings.filter((f) => f.severity !== 'warning')).toEqual([]);
    if (!XMLLINT_SKIP_REASON) expect(xmllintComplaint(xml, 'WMO301')).toBeUndefined();
    const written = parse(xml) as WMO301;
    const products = written.client.toegewezenProducten;
    const old = products.find((p) => p.toewijzingNummer === c.hours.toewijzingNummer)!;
    expect(old).toMatchObject({ einddatum: addDaysUtc(c.on, -1), redenWijziging: '10' });
    const added = products.filter((p) => !c.message.client.toegewezenProducten.some((q) => q.toewijzingNummer === p.toewijzingNummer));
    expect(added).toHaveLength(1);
    const hourlyTariff = c.profile.tariffs[0]!.amount;
    expect(added[0]).toMatchObject({ ingangsdatum: c.on, einddatum: c.hours.einddatum, product: { categorie: c.hours.product!.categorie } });
    expect(added[0]!.budget).toBe(maximumVolume(c.hours.omvang!, { start: c.on, end: c.hours.einddatum! }) * hourlyTariff);
    // An assignment the rule does not convert travels unchanged.
    for (const other of c.message.client.toegewezenProducten.filter((p) => p !== c.hours)) expect(products).toContainEqual(other);
  });

  it('exit 1 with the finding on stderr and in report.json when the profile has no tariff', () => {
    const dir = tempDir('convert');
    const c = cases[0]!;
    writeFileSync(join(dir, 'toewijzing.xml'), serialize(c.message));
    writeFileSync(join(dir, 'profiel.json'), JSON.stringify({ ...c.profile, tariffs: [] }));
    const run = iwmo(['convert', 'specific-to-budget', join(dir, 'toewijzing.xml'), '--profile', join(dir, 'profiel.json'), '--out', join(dir, 'uit')]);
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('EXT201');
    expect(readdirSync(join(dir, 'uit'))).toEqual(['report.json']);
    expect(JSON.parse(readFileSync(join(dir, 'uit', 'report.json'), 'utf8'))).toMatchObject({ rule: 'C2', refused: true, findings: [{ rule: 'EXT201' }] });
  });

  it('exit 0 when nothing is lost, exit 2 on usage errors', () => {
    const dir = tempDir('convert');
    const lossless = iwmo(['project', join(CONVERSION_FIXTURES, 'goeree-2016-intensity.json'), '--profile', join(CONVERSION_FIXTURES, 'goeree-2016-profile.json'), '--out', dir]);
    expect(lossless.status).toBe(0);
    expect(JSON.parse(readFileSync(join(dir, 'report.json'), 'utf8'))).toMatchObject({ rule: 'intensity-projection', lossless: true, losses: [] });
    expect(JSON.parse(readFileSync(join(dir, 'output.json'), 'utf8'))).toMatchObject({ totals: { weeks: 42, units: 62, amount: 310_000 } });
    expect(iwmo(['convert', 'C99', 'x.xml', '--profile', 'p.json']).status).toBe(2);
    expect(iwmo(['convert', 'C2', join(dir, 'missing.xml'), '--profile', 'p.json']).status).toBe(2);
    expect(iwmo(['convert', 'C2', join(CONVERSION_FIXTURES, 'e6-gebroken-weken.xml')]).status).toBe(2);
  });

  it('E5 through the CLI: C7 writes the outputgericht product and reports GOALS_NOT_PROJECTED (exit 3)', () => {
    const dir = tempDir('convert');
    const run = iwmo(['convert', 'C7', join(CONVERSION_FIXTURES, 'sittard-2016-agreement.json'), '--profile', join(CONVERSION_FIXTURES, 'sittard-2016-profile.json'), '--out', dir]);
    expect(run.status).toBe(3);
    expect(run.stderr).toContain('GOALS_NOT_PROJECTED');
    const output = JSON.parse(readFileSync(join(dir, 'output.json'), 'utf8')) as { toegewezenProduct: WMO301ToegewezenProduct };
    expect(output.toegewezenProduct.omvang).toEqual({ volume: 416_250, eenheid: '83', frequentie: '6' });
  });

  it('E6 and E7 through the CLI: 18 720 per week, 468 000, 243 360 with 2.57 h, 75 h / 4 519 min with their remainders, 39 583 for 380 min', () => {
    const dir = tempDir('convert');
    const run = (name: string, args: string[]): { status: number | null; report: { losses: { code: string; delta?: object }[] }; message: WMO301 } => {
      const out = join(dir, name);
      const result = iwmo(['convert', ...args, '--out', out]);
      const report = JSON.parse(readFileSync(join(out, 'report.json'), 'utf8')) as { losses: { code: string; delta?: object }[] };
      return { status: result.status, report, message: parse(readFileSync(join(out, 'WMO301-1.xml'))) as WMO301 };
    };
    const e6 = join(CONVERSION_FIXTURES, 'e6-specifiek-3-uur-per-week.xml');
    const profile = ['--profile', join(CONVERSION_FIXTURES, 'e6-profile.json')];
    const last = (m: WMO301): WMO301ToegewezenProduct => m.client.toegewezenProducten.at(-1)!;

    const c1 = run('c1', ['C1', e6, ...profile]);
    expect([c1.status, last(c1.message).omvang]).toEqual([3, { volume: 18_720, eenheid: '83', frequentie: '2' }]);
    const c2 = run('c2', ['C2', e6, ...profile]);
    expect([c2.status, last(c2.message).budget]).toEqual([3, 468_000]);
    const broken = run('broken', ['C2', join(CONVERSION_FIXTURES, 'e6-gebroken-weken.xml'), ...profile]);
    expect(last(broken.message).budget).toBe(243_360);
    expect(broken.report.losses.find((l) => l.code === 'VOLUME_PROFILE_LOST')?.delta).toMatchObject({ units: 2.57 });
    const budget = join(CONVERSION_FIXTURES, 'e6-budget-470000.xml');
    const hours = run('hours', ['C3', budget, ...profile, '--product-code', '02A01', '--eenheid', '04']);
    expect(last(hours.message).omvang).toEqual({ volume: 75, eenheid: '04', frequentie: '6' });
    expect(hours.report.losses.find((l) => l.code === 'REMAINDER')?.delta).toEqual({ cents: 2_000 });
    const minutes = run('minutes', ['budget-to-specific', budget, ...profile, '--product-code', '02A01']);
    expect(last(minutes.message).omvang).toEqual({ volume: 4_519, eenheid: '01', frequentie: '6' });
    expect(minutes.report.losses.find((l) => l.code === 'REMAINDER')?.delta).toEqual({ cents: 24 });
    const e7 = run('e7', ['C1', join(CONVERSION_FIXTURES, 'e7-380-minuten.xml'), '--profile', join(CONVERSION_FIXTURES, 'e7-profile.json')]);
    expect(last(e7.message).omvang).toEqual({ volume: 39_583, eenheid: '83', frequentie: '6' });
    for (const m of [c1, c2, broken, hours, minutes, e7]) expect(validate(serialize(m.message)).accepted).toBe(true);
  });
});
