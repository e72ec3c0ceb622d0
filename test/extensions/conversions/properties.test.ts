/**
 * Over generated inputs: every standard message a conversion writes passes
 * levels 1 and 2, the report says "lossy" exactly when it lists a loss, and
 * the C2 budget is maximumVolume × the tariff.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { convert, maximumVolume, type ConversionReport } from '../../../src/extensions-entry.js';
import { generateMessages } from '../../../src/generate-entry.js';
import { serialize, type WMO301 } from '../../../src/index.js';
import { addDaysUtc, rejections, specificCase, with301, xmllintComplaint, xmllintTitle, XMLLINT_SKIP_REASON } from './support.js';

const bases = generateMessages('WMO301', { count: 40, seed: 8 });
const base = fc.constantFrom(...bases);

function reportIsHonest(report: ConversionReport): void {
  expect(report.lossless).toBe(report.losses.length === 0);
  if (report.losses.some((l) => l.code === 'DECISION_RIGHTS_SHIFT' || l.code === 'CLIENT_ENTITLEMENT_LOST')) {
    expect(report.requires).toEqual(expect.arrayContaining(['contract-change', 'client-notification']));
  }
}

describe('conversions over generated 301s', () => {
  it('C2 writes a valid 301 whose budget is maximumVolume × tariff, and ends the old assignment the day before', () => {
    fc.assert(
      fc.property(base, specificCase, (b, c) => {
        const input = with301(b, c.product);
        fc.pre(rejections(input).length === 0);
        const on = addDaysUtc(c.product.ingangsdatum, c.switchOffset);
        const result = convert('C2', input, c.profile, { on });
        if (!result.ok) {
          // The only refusal here: a budget over the 99 999 999 field limit.
          expect(result.findings.map((f) => f.rule)).toEqual(['EXT202']);
          return;
        }
        const [message] = result.output.messages;
        expect(rejections(message!)).toEqual([]);
        reportIsHonest(result.report);
        const products = message!.client.toegewezenProducten;
        const added = products.find((p) => p.budget !== undefined)!;
        const hoursAtHourTariff = c.profile.tariffs[0]!.amount * maximumVolume(c.product.omvang!, { start: added.ingangsdatum, end: c.product.einddatum! });
        expect(added.budget).toBe(hoursAtHourTariff);
        expect(added.product).toEqual({ categorie: c.product.product!.categorie });
        expect(added.einddatum).toBe(c.product.einddatum);
        const old = products.find((p) => p.toewijzingNummer === c.product.toewijzingNummer)!;
        if (c.switchOffset === 0) expect([old.einddatum, old.redenWijziging]).toEqual([c.product.ingangsdatum, '13']);
        else expect([old.einddatum, old.redenWijziging]).toEqual([addDaysUtc(on, -1), '10']);
        expect(added.toewijzingNummer).not.toBe(old.toewijzingNummer);
        expect(result.report.losses.map((l) => l.code)).toEqual(expect.arrayContaining(['VOLUME_PROFILE_LOST', 'PRODUCT_CODE_DROPPED', 'DECISION_RIGHTS_SHIFT']));
      }),
      { numRuns: 60, seed: 20_251_202 },
    );
  });

  it('C1 writes a valid outputgericht 301 (Eenheid 83, never per day) or refuses with a finding', () => {
    fc.assert(
      fc.property(base, specificCase, (b, c) => {
        const input = with301(b, c.product);
        fc.pre(rejections(input).length === 0);
        const result = convert('C1', input, c.profile, { on: addDaysUtc(c.product.ingangsdatum, c.switchOffset) });
        if (!result.ok) {
          expect(result.findings.map((f) => f.rule)).toEqual(['EXT202']);
          return;
        }
        expect(rejections(result.output.messages[0]!)).toEqual([]);
        reportIsHonest(result.report);
        const added = result.output.messages[0]!.client.toegewezenProducten.find((p) => p.omvang?.eenheid === '83')!;
        expect(added.omvang!.frequentie).not.toBe('1');
        expect(result.report.losses.map((l) => l.code)).toContain('PAYMENT_SEMANTICS_CHANGE');
        expect(result.report.losses.some((l) => l.code === 'DAILY_CAP_LOST')).toBe(c.product.omvang!.frequentie === '1');
      }),
      { numRuns: 60, seed: 7 },
    );
  });

  it('C2 then C3 comes back to a specific assignment whose amount never exceeds the budget, the rest reported as REMAINDER', () => {
    fc.assert(
      fc.property(base, specificCase, (b, c) => {
        const input = with301(b, c.product);
        fc.pre(rejections(input).length === 0 && ['01', '04'].includes(c.product.omvang!.eenheid));
        const budgetResult = convert('C2', input, c.profile);
        fc.pre(budgetResult.ok);
        if (!budgetResult.ok) return;
        const asBudget: WMO301 = budgetResult.output.messages[0]!;
        const budget = asBudget.client.toegewezenProducten.find((p) => p.budget !== undefined)!;
        const back = convert('C3', asBudget, c.profile, { toewijzingNummer: budget.toewijzingNummer, productCode: c.product.product!.code!, eenheid: c.product.omvang!.eenheid as '01' | '04' });
        expect(back.ok).toBe(true);
        if (!back.ok) return;
        expect(rejections(back.output.messages[0]!)).toEqual([]);
        reportIsHonest(back.report);
        expect(back.report.requires).toContain('municipal-decision');
        const remainder = back.report.losses.filter((l) => l.code === 'REMAINDER').reduce((s, l) => s + (l.delta?.cents ?? 0), 0);
        const tariff = c.profile.tariffs[0]!.amount;
        const specific = back.output.messages[0]!.client.toegewezenProducten.filter((p) => p.toewijzingNummer > budget.toewijzingNummer);
        const spent = specific.reduce((s, p) => s + p.omvang!.volume * tariff, 0);
        expect(spent + remainder).toBe(budget.budget);
        expect(remainder).toBeGreaterThanOrEqual(0);
        expect(remainder).toBeLessThan(tariff);
      }),
      { numRuns: 40, seed: 11 },
    );
  });

  it('a property the standard has no element for is refused, never dropped (closed XSDs)', () => {
    fc.assert(
      fc.property(base, specificCase, fc.constantFrom('intensiteit', 'niveau', 'doelen'), (b, c, key) => {
        const product = { ...c.product, [key]: 'midden' };
        const result = convert('C2', with301(b, product), c.profile);
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.findings[0]).toMatchObject({ rule: 'EXT210', path: `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[1]/${key}` });
      }),
      { numRuns: 10, seed: 3 },
    );
  });

  it('a missing tariff is a refusal with Dutch and English text, never a guess', () => {
    fc.assert(
      fc.property(base, specificCase, fc.constantFrom('C1', 'C2') as fc.Arbitrary<'C1' | 'C2'>, (b, c, rule) => {
        const input = with301(b, c.product);
        fc.pre(rejections(input).length === 0);
        const result = convert(rule, input, { ...c.profile, tariffs: [] });
        expect(result.ok).toBe(false);
        if (result.ok) return;
        expect(result.findings).toHaveLength(1);
        expect(result.findings[0]!.rule).toBe('EXT201');
        expect(result.findings[0]!.message.nl).toMatch(/geen tarief/);
        expect(result.findings[0]!.message.en).toMatch(/no tariff/);
      }),
      { numRuns: 15, seed: 5 },
    );
  });

  it('one mutation of a written budget assignment is caught by the right rule: no Einddatum → CD075, an Omvang beside the Budget → CD077', () => {
    fc.assert(
      fc.property(base, specificCase, fc.constantFrom('CD075', 'CD077'), (b, c, rule) => {
        const input = with301(b, c.product);
        fc.pre(rejections(input).length === 0);
        const result = convert('C2', input, c.profile, { on: addDaysUtc(c.product.ingangsdatum, c.switchOffset) });
        fc.pre(result.ok);
        if (!result.ok) return;
        const message = result.output.messages[0]!;
        const products = message.client.toegewezenProducten;
        const added = products.at(-1)!;
        const { einddatum: _end, ...open } = added;
        const mutated = rule === 'CD075' ? open : { ...added, omvang: c.product.omvang! };
        const rejectedBy = rejections({ ...message, client: { ...message.client, toegewezenProducten: [...products.slice(0, -1), mutated as typeof added] } }).map((r) => r.split(' ')[0]);
        expect(rejectedBy).toContain(rule);
      }),
      { numRuns: 20, seed: 12 },
    );
  });

  it.skipIf(XMLLINT_SKIP_REASON !== undefined)(xmllintTitle('what C1 and C2 write over generated 301s passes the official XSD (xmllint)'), () => {
    const samples = fc.sample(fc.tuple(base, specificCase), { numRuns: 12, seed: 99 });
    let checked = 0;
    for (const [b, c] of samples) {
      const input = with301(b, c.product);
      const on = addDaysUtc(c.product.ingangsdatum, c.switchOffset);
      const written = (['C1', 'C2'] as const).flatMap((rule) => {
        const result = convert(rule, input, c.profile, { on });
        return result.ok ? result.output.messages : [];
      });
      for (const m of written) {
        expect(xmllintComplaint(serialize(m), 'WMO301')).toBeUndefined();
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(15);
  });
});

