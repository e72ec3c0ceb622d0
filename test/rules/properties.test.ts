/**
 * Properties of the rules where they are natural: the 11-proef, the signed
 * total of a declaratie, a calendar month, the 120-year boundary, and the
 * grouped overlap and duplicate searches against the XSLT's pairwise reading.
 */
import * as fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRules } from '../../src/index.js';
import { laterDuplicates, passesElfproef } from '../../src/rules/helpers.js';
import { productOverlaps, type Period } from '../../src/rules/overlap.js';
import type * as T from '../../src/standard/generated/types.js';
import { base301, base305, base323, edit, prestatie, totaalOf } from './bases.js';

const firing = (m: T.Message): string[] => [...new Set(checkRules(m).map((f) => f.rule))].sort();

/** The 11-proef written out: 9·d1 + 8·d2 + … + 2·d8 − 1·d9 ≡ 0 (mod 11). */
function elfproef(bsn: string): boolean {
  const d = [...bsn].map(Number);
  const sum = 9 * d[0]! + 8 * d[1]! + 7 * d[2]! + 6 * d[3]! + 5 * d[4]! + 4 * d[5]! + 3 * d[6]! + 2 * d[7]! - d[8]!;
  return ((sum % 11) + 11) % 11 === 0;
}

const nineDigits = fc.stringMatching(/^[0-9]{9}$/);

describe('CS002, the 11-proef', () => {
  it('a random 9-digit number passes exactly when the 11-proef holds', () => {
    fc.assert(
      fc.property(nineDigits, (bsn) => {
        expect(passesElfproef(bsn)).toBe(elfproef(bsn));
        const m = edit(base305, (x) => (x.client.bsn = bsn));
        expect(firing(m)).toEqual(elfproef(bsn) ? [] : ['CS002']);
      }),
      { numRuns: 500 },
    );
  });

  it('catches every single-digit change of a valid Bsn', () => {
    const validBsn = fc.stringMatching(/^[0-9]{8}$/).chain((eight) => {
      const d = [...eight].map(Number);
      const check = (9 * d[0]! + 8 * d[1]! + 7 * d[2]! + 6 * d[3]! + 5 * d[4]! + 4 * d[5]! + 3 * d[6]! + 2 * d[7]!) % 11;
      return check === 10 ? fc.constant(undefined) : fc.constant(`${eight}${check}`);
    });
    fc.assert(
      fc.property(validBsn, fc.nat(8), fc.integer({ min: 1, max: 9 }), (bsn, position, delta) => {
        if (bsn === undefined) return;
        expect(passesElfproef(bsn)).toBe(true);
        const digit = (Number(bsn[position]) + delta) % 10;
        const changed = bsn.slice(0, position) + digit + bsn.slice(position + 1);
        expect(passesElfproef(changed)).toBe(false);
      }),
    );
  });
});

describe('TR358, the signed total of a declaratie', () => {
  const amounts = fc.array(fc.record({ bedrag: fc.integer({ min: 0, max: 99_999_999 }), credit: fc.boolean() }), { minLength: 1, maxLength: 30 });

  /** One client, each Prestatie its own toewijzing; credits name an earlier message's debet. */
  const declaratieOf = (list: readonly { bedrag: number; credit: boolean }[]): T.WMO323 =>
    base323([
      {
        bsn: '123456782',
        prestaties: list.map(({ bedrag, credit }, i) =>
          prestatie({
            productReferentie: credit && bedrag > 0 ? { referentieNummer: `P${i}`, vorigReferentieNummer: `OUD${i}` } : { referentieNummer: `P${i}` },
            toewijzingNummer: 1000 + i,
            geleverdVolume: bedrag,
            productTarief: 1,
            ingediendBedrag: { bedrag, debetCredit: credit && bedrag > 0 ? 'C' : 'D' },
          }),
        ),
      },
    ]);

  it('any set of Prestaties with the computed total passes', () => {
    fc.assert(
      fc.property(amounts, (list) => {
        expect(checkRules(declaratieOf(list))).toEqual([]);
      }),
    );
  });

  it('the total one cent more or less fails, with TR358 only', () => {
    fc.assert(
      fc.property(amounts, fc.constantFrom(-1, 1), (list, cent) => {
        const m = declaratieOf(list);
        const { totaalBedrag, debetCredit } = m.declaratie.totaalIngediendBedrag;
        const off = (debetCredit === 'C' ? -totaalBedrag : totaalBedrag) + cent;
        m.declaratie.totaalIngediendBedrag = { totaalBedrag: Math.abs(off), debetCredit: off < 0 ? 'C' : 'D' };
        expect(firing(m)).toEqual(['TR358']);
      }),
    );
  });

  it('the total with the opposite sign fails unless it is 0', () => {
    fc.assert(
      fc.property(amounts, (list) => {
        const m = declaratieOf(list);
        const total = m.declaratie.totaalIngediendBedrag;
        if (total.totaalBedrag === 0) return;
        total.debetCredit = total.debetCredit === 'C' ? 'D' : 'C';
        expect(firing(m)).toEqual(['TR358']);
      }),
    );
  });
});

describe('CS340, one whole calendar month', () => {
  const months = fc.record({ year: fc.integer({ min: 2021, max: 2099 }), month: fc.integer({ min: 1, max: 12 }) });
  const pad = (n: number): string => String(n).padStart(2, '0');
  const lastDay = (year: number, month: number): number => new Date(Date.UTC(year, month, 0)).getUTCDate();

  const withPeriode = (begindatum: string, einddatum: string): T.WMO323 =>
    edit(
      () => base323([{ bsn: '123456782', prestaties: [prestatie({ productPeriode: { begindatum, einddatum } })] }]),
      (m) => {
        m.declaratie.declaratiePeriode = { begindatum, einddatum };
        // Dated a few days after the period, so no other rule has a say.
        const dagtekening = new Date(Date.parse(einddatum) + 5 * 86_400_000).toISOString().slice(0, 10);
        m.header.berichtIdentificatie.dagtekening = m.declaratie.declaratieDagtekening = dagtekening;
      },
    );

  it('every whole month passes, also February in leap years', () => {
    fc.assert(
      fc.property(months, ({ year, month }) => {
        expect(firing(withPeriode(`${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(lastDay(year, month))}`))).toEqual([]);
      }),
    );
  });

  it('a month that ends a day early fails', () => {
    fc.assert(
      fc.property(months, ({ year, month }) => {
        expect(firing(withPeriode(`${year}-${pad(month)}-01`, `${year}-${pad(month)}-${pad(lastDay(year, month) - 1)}`))).toEqual(['CS340']);
      }),
    );
  });

  it('a month-long period not starting on the 1st fails on its Begindatum', () => {
    fc.assert(
      fc.property(months, fc.integer({ min: 2, max: 28 }), ({ year, month }, day) => {
        const m = withPeriode(`${year}-${pad(month)}-${pad(day)}`, `${year}-${pad(month)}-${pad(lastDay(year, month))}`);
        const findings = checkRules(m).filter((f) => f.rule === 'CS340');
        expect(findings.map((f) => f.path)).toContain('/Bericht/Declaratie/DeclaratiePeriode/Begindatum');
      }),
    );
  });
});

describe('TR002, at most 120 years', () => {
  const dates = fc.date({ min: new Date('1880-01-01T00:00:00Z'), max: new Date('2030-12-31T00:00:00Z'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));

  it('fires exactly when the birth date plus 120 years lies before the Dagtekening', () => {
    fc.assert(
      fc.property(dates, dates, (birth, dagtekening) => {
        if (birth > dagtekening) return;
        const m = edit(base301, (x) => {
          x.client.geboortedatum = { datum: birth };
          x.header.berichtIdentificatie.dagtekening = dagtekening;
          x.client.toegewezenProducten[0]!.toewijzingsdatum = dagtekening;
        });
        const plus120 = `${Number(birth.slice(0, 4)) + 120}${birth.slice(4)}`;
        expect(firing(m).includes('TR002')).toBe(plus120 < dagtekening);
      }),
      { numRuns: 300 },
    );
  });
});

describe('the grouped overlap search (TR302, TR386, TR410)', () => {
  const day = fc.integer({ min: 0, max: 60 }).map((n) => new Date(Date.UTC(2025, 0, 1 + n)).toISOString().slice(0, 10));
  const product = fc.oneof(
    fc.constant({ categorie: undefined, code: undefined }),
    fc.record({ categorie: fc.constantFrom('02', '03', '12'), code: fc.option(fc.constantFrom('A', 'B'), { nil: undefined }) }),
  );
  const period = fc.record({ product, start: day, length: fc.option(fc.integer({ min: 0, max: 20 }), { nil: undefined }) });

  /** The XSLT's reading, pair by pair. */
  const sameProduct = (a: Period<number>, b: Period<number>): boolean =>
    a.categorie === undefined || b.categorie === undefined || (a.categorie === b.categorie && (a.code === undefined || b.code === undefined || a.code === b.code));
  const exempt = (p: Period<number>): boolean => ['11', '12', '13', '14'].includes(p.categorie ?? '');
  const overlap = (a: Period<number>, b: Period<number>): boolean => (a.end === undefined || a.end >= b.start) && (b.end === undefined || b.end >= a.start);
  const clash = (a: Period<number>, b: Period<number>): boolean => !exempt(a) && !exempt(b) && sameProduct(a, b) && overlap(a, b);

  it('reports exactly the periods that clash with another, each with a partner it clashes with', () => {
    fc.assert(
      fc.property(fc.array(period, { maxLength: 25 }), (raw) => {
        const periods: Period<number>[] = raw.map((p, i) => ({
          item: i,
          categorie: p.product.categorie,
          code: p.product.categorie === undefined ? undefined : p.product.code,
          start: p.start,
          end: p.length === undefined ? undefined : new Date(Date.parse(p.start) + p.length * 86_400_000).toISOString().slice(0, 10),
        }));
        const found = productOverlaps(periods);
        const expected = periods.filter((a) => periods.some((b) => b !== a && clash(a, b))).map((p) => p.item);
        expect(found.map((f) => f.item)).toEqual(expected);
        for (const { item, other } of found) {
          expect(other).not.toBe(item);
          expect(clash(periods[item]!, periods[other]!)).toBe(true);
        }
      }),
      { numRuns: 500 },
    );
  });
});

describe('the duplicate search (TR101, TR315, TR383, TR416)', () => {
  it('names every item whose key an earlier item had, with the first one', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('a', 'b', 'c', 'd'), { maxLength: 30 }), (keys) => {
        const items = keys.map((key, index) => ({ key, index }));
        const found = laterDuplicates(items, (i) => i.key);
        expect(found.map((f) => f.item.index)).toEqual(items.filter((i) => items.slice(0, i.index).some((j) => j.key === i.key)).map((i) => i.index));
        for (const { item, first } of found) expect(first).toBe(items.find((i) => i.key === item.key));
      }),
    );
  });
});

describe('checkRules on a large declaratie', () => {
  it('returns every finding of every Prestatie (a list larger than a call takes arguments)', () => {
    const prestaties = Array.from({ length: 150_000 }, (_, i) => prestatie({ productReferentie: { referentieNummer: `P${i}` }, toewijzingNummer: i, productTarief: undefined }));
    const m = base323([{ bsn: '123456782', prestaties }]);
    m.declaratie.totaalIngediendBedrag = totaalOf(prestaties);
    const findings = checkRules(m);
    expect(findings).toHaveLength(150_000);
    expect(new Set(findings.map((f) => f.rule))).toEqual(new Set(['CD087']));
  });
});
