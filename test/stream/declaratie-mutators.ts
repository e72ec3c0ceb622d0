/**
 * Level-2 violations to plant in a generated declaratie (bench/lib/declaratie.ts):
 * Client `client` gets one, `other` is a second Client some take a key from.
 * Among them the rules that span Clients (TR101, TR315, TR316, TR358).
 */
import type { WMO323, WMO323Client } from '../../src/index.js';

export type Mutator = (m: WMO323, client: number, other: number) => void;
const clientAt = (m: WMO323, i: number): WMO323Client => m.declaratie.clienten[i % m.declaratie.clienten.length]!;
export const mutators: Record<string, Mutator> = {
  'TR101 Bsn of an earlier Client': (m, i, j) => {
    clientAt(m, i).bsn = clientAt(m, j).bsn;
  },
  'TR315/TR316 VorigReferentieNummer of another Prestatie': (m, i, j) => {
    const p = clientAt(m, i).prestaties[0]!;
    p.productReferentie.vorigReferentieNummer = clientAt(m, j).prestaties[0]!.productReferentie.referentieNummer;
    p.ingediendBedrag.debetCredit = 'C';
  },
  'TR315 the same VorigReferentieNummer twice': (m, i, j) => {
    for (const k of [i, j]) {
      const p = clientAt(m, k).prestaties.at(-1)!;
      p.productReferentie.vorigReferentieNummer = 'F000000001';
      p.ingediendBedrag.debetCredit = 'C';
    }
  },
  'TR358 total off': (m) => {
    m.declaratie.totaalIngediendBedrag.totaalBedrag += 1;
  },
  'TR416 second debet': (m, i) => {
    const c = clientAt(m, i);
    c.prestaties.push({ ...structuredClone(c.prestaties[0]!), productReferentie: { referentieNummer: `X${i}` } });
  },
  'CS337 / TR319 period': (m, i) => {
    clientAt(m, i).prestaties[0]!.productPeriode.einddatum = '2025-04-02';
  },
  'CS100 / TR134 DeclaratiePeriode begins early and after the Dagtekening': (m) => {
    m.declaratie.declaratiePeriode.begindatum = '2020-12-01';
  },
  'CS002 11-proef': (m, i) => {
    clientAt(m, i).bsn = '123456789';
  },
  'CD087 ProductTarief with Eenheid 83': (m, i) => {
    const p = clientAt(m, i).prestaties[0]!;
    p.eenheid = '83';
    p.productTarief = 100;
  },
};
