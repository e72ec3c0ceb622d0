/**
 * Inputs for the conversions, generated: a specific assignment in effort units
 * that is valid on its own (CS338, CD076) with a profile that prices it, put
 * into a valid generated 301. Shared by the property tests and `npm run conformance`.
 */
import * as fc from 'fast-check';
import type { Profile, TariffUnit } from '../../src/extensions-entry.js';
import type { WMO301, WMO301ToegewezenProduct } from '../../src/index.js';

const TARIFF_UNIT: Record<string, TariffUnit> = { '01': 'minuut', '04': 'uur', '14': 'etmaal', '16': 'dagdeel', '84': 'stuk' };

export function addDaysUtc(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export interface SpecificCase {
  readonly product: WMO301ToegewezenProduct;
  readonly profile: Profile;
  /** Days after the Ingangsdatum the switch falls on. */
  readonly switchOffset: number;
}

const CATEGORIES = ['01', '02', '03', '04', '06', '07', '09'] as const;

/** A specific assignment in effort units that is valid on its own (CS338, CD076), with a profile that prices it. */
export const specificCase: fc.Arbitrary<SpecificCase> = fc
  .record({
    categorie: fc.constantFrom(...CATEGORIES),
    code: fc.stringMatching(/^[A-Z0-9]{1,5}$/),
    eenheid: fc.constantFrom('01', '04', '14', '16', '84'),
    frequentie: fc.constantFrom('1', '2', '4', '6'),
    volume: fc.integer({ min: 1, max: 500 }),
    start: fc.integer({ min: 0, max: 6 * 365 }),
    length: fc.integer({ min: 0, max: 500 }),
    tariff: fc.integer({ min: 1, max: 25_000 }),
    switchFraction: fc.double({ min: 0, max: 1, noNaN: true }),
  })
  .map((r) => {
    // CS338: 14, 16, 84 only per week, month or total.
    const frequentie = ['14', '16', '84'].includes(r.eenheid) && r.frequentie === '1' ? '2' : r.frequentie;
    const ingangsdatum = addDaysUtc('2021-01-04', r.start);
    const einddatum = addDaysUtc(ingangsdatum, r.length);
    const product: WMO301ToegewezenProduct = {
      toewijzingNummer: 700_001,
      product: { categorie: r.categorie, code: r.code },
      toewijzingsdatum: ingangsdatum,
      toewijzingstijd: '09:00:00',
      ingangsdatum,
      einddatum,
      omvang: { volume: r.volume, eenheid: r.eenheid as '01', frequentie: frequentie as '1' },
    };
    const profile: Profile = {
      kind: 'Profile',
      id: 'generated',
      gemeente: '0363',
      version: '1',
      validity: { start: '2021-01-01', end: '2030-12-31' },
      variantPerProductGroup: {},
      levelCodes: {},
      tariffs: [{ id: `t-${r.code}`, productCategorie: r.categorie, productCode: r.code, amount: r.tariff, per: TARIFF_UNIT[r.eenheid]!, validity: { start: '2021-01-01', end: '2030-12-31' } }],
      reportingCalendar: { kind: 'maand', anchor: '2021-01-01' },
    };
    return { product, profile, switchOffset: Math.floor(r.switchFraction * r.length) };
  });

/** A valid generated 301 (client, contacts, relations) that holds only the given assignment, dated so TR134 holds. */
export function with301(base: WMO301, product: WMO301ToegewezenProduct): WMO301 {
  return {
    ...base,
    header: { ...base.header, berichtIdentificatie: { ...base.header.berichtIdentificatie, dagtekening: [base.header.berichtIdentificatie.dagtekening, product.toewijzingsdatum].sort().at(-1)! } },
    client: { ...base.client, toegewezenProducten: [product] },
  };
}
