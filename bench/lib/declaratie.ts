/**
 * A deterministic, realistic WMO323 of any size for the benchmark: many
 * clients with a few Prestaties each (hours, minutes, stuks, eurocent; some
 * credits), level-2 coherent (11-proef BSNs, unique references, periods in
 * the declared month, totals that add up).
 */
import type { LDT_Eenheid, WMO323, WMO323Client, WMO323Prestatie } from '../../src/index.js';

/** mulberry32, so the same client count always gives the same bytes. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** The n-th BSN in the test range 1xxxxxxxx that passes the 11-proef (CS002). */
function* bsns(): Generator<string> {
  const weights = [9, 8, 7, 6, 5, 4, 3, 2];
  for (let n = 10_000_000; ; n++) {
    const digits = String(n).padStart(8, '0');
    const sum = weights.reduce((s, w, i) => s + w * Number(digits[i]), 0);
    const check = sum % 11;
    if (check < 10) yield digits + String(check);
  }
}

interface ProductKind {
  readonly categorie: string;
  readonly code: string;
  readonly eenheid: LDT_Eenheid;
  /** eurocent per unit; undefined for Eenheid 83 (Bedrag = Volume, CS339). */
  readonly tarief?: number;
  readonly volume: readonly [number, number];
}

const PRODUCTS: readonly ProductKind[] = [
  { categorie: '01', code: '01A01', eenheid: '04', tarief: 3150, volume: [4, 40] },
  { categorie: '02', code: '02A01', eenheid: '04', tarief: 6250, volume: [2, 30] },
  { categorie: '03', code: '03A02', eenheid: '01', tarief: 104, volume: [60, 1800] },
  { categorie: '07', code: '07A05', eenheid: '16', tarief: 4875, volume: [4, 20] },
  { categorie: '06', code: '06B10', eenheid: '82', tarief: 12500, volume: [1, 6] },
  { categorie: '15', code: '15C01', eenheid: '83', volume: [50000, 400000] },
];

const MARCH_END = 31;

/** A WMO323 for March 2025 with `clients` clients and 1–3 Prestaties each (1.7 on average). */
export function buildDeclaratie(clients: number, seed = 323): WMO323 {
  const next = random(seed);
  const between = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const bsn = bsns();
  let referentie = 0;
  let debet = 0;
  let credit = 0;
  const clienten: WMO323Client[] = [];
  for (let c = 0; c < clients; c++) {
    const prestaties: WMO323Prestatie[] = [];
    const roll = next();
    const count = roll < 0.5 ? 1 : roll < 0.8 ? 2 : 3;
    const toewijzingBase = 1_000_000 + c * 10;
    for (let p = 0; p < count; p++) {
      const product = PRODUCTS[between(0, PRODUCTS.length - 1)]!;
      const volume = between(product.volume[0], product.volume[1]);
      const bedrag = product.tarief === undefined ? volume : volume * product.tarief;
      // One in twenty is the credit of an approved February Prestatie.
      const isCredit = next() < 0.05;
      const startDay = isCredit ? 1 : between(1, 10);
      const prestatie: WMO323Prestatie = {
        productReferentie: {
          referentieNummer: `P${String(++referentie).padStart(9, '0')}`,
          ...(isCredit ? { vorigReferentieNummer: `F${String(referentie).padStart(9, '0')}` } : {}),
        },
        toewijzingNummer: toewijzingBase + p,
        productCategorie: product.categorie as WMO323Prestatie['productCategorie'],
        productCode: product.code,
        productPeriode: isCredit
          ? { begindatum: '2025-02-01', einddatum: '2025-02-28' }
          : { begindatum: `2025-03-${String(startDay).padStart(2, '0')}`, einddatum: `2025-03-${MARCH_END}` },
        geleverdVolume: volume,
        eenheid: product.eenheid,
        ...(product.tarief !== undefined ? { productTarief: product.tarief } : {}),
        ingediendBedrag: { bedrag, debetCredit: isCredit ? 'C' : 'D' },
      };
      if (isCredit) credit += bedrag;
      else debet += bedrag;
      prestaties.push(prestatie);
    }
    clienten.push({ bsn: bsn.next().value!, prestaties });
  }
  const totaal = debet - credit;
  return {
    type: 'WMO323',
    header: {
      berichtCode: '484',
      berichtVersie: 3,
      berichtSubversie: 2,
      afzender: '87654321',
      ontvanger: '0363',
      berichtIdentificatie: { identificatie: `BENCH${clients}`.slice(0, 12), dagtekening: '2025-04-04' },
      xsdVersie: { basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' },
    },
    declaratie: {
      declaratieNummer: `DN${clients}`.slice(0, 12),
      declaratiePeriode: { begindatum: '2025-03-01', einddatum: '2025-03-31' },
      declaratieDagtekening: '2025-04-04',
      totaalIngediendBedrag: { totaalBedrag: Math.abs(totaal), debetCredit: totaal < 0 ? 'C' : 'D' },
      clienten,
    },
  };
}
