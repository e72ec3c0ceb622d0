/**
 * Semantic repair of generated messages: makes the in-message rules of level 2
 * (spec §5.2–5.4: CD, CS and in-message TR) hold on a value that is already
 * XSD-valid, without breaking level 1. Each repair is small and names its rule.
 *
 * The repair is a pure function of the generated value: choices it has to make
 * are drawn from a hash of that value, so a seed still reproduces a message.
 */
import { messageDescriptor } from '../standard/standards.js';
import type * as T from '../standard/generated/types.js';
import {
  addDays,
  addMonths,
  compareMonths,
  daysBetween,
  daysInMonth,
  firstOfMonth,
  lastOfMonth,
  latest,
  monthDate,
  monthOf,
  type Month,
} from './dates.js';

/**
 * A deep copy of plain data (objects, arrays, strings, numbers), which is all
 * a generated message holds: what structuredClone gives for it, at a fraction
 * of the cost.
 */
function copyOf<V>(value: V): V {
  if (typeof value !== 'object' || value === null) return value;
  if (Array.isArray(value)) return value.map(copyOf) as V;
  const copy: Record<string, unknown> = {};
  for (const key of Object.keys(value)) copy[key] = copyOf((value as Record<string, unknown>)[key]);
  return copy as V;
}

/** Repairs a generated message so it passes the level-2 rules; returns a new value. */
export function makeCoherent<M extends T.Message>(message: M): M {
  const m = copyOf(message) as T.Message;
  repairHeader(m);
  switch (m.type) {
    case 'WMO301':
    case 'JW301':
    case 'WMO302':
    case 'JW302':
      if (m.client) repairToewijzingClient(m.client, m.header.berichtIdentificatie.dagtekening);
      break;
    case 'WMO305':
    case 'JW305':
    case 'WMO306':
    case 'JW306':
      if (m.client) repairStartClient(m.client, m.header.berichtIdentificatie.dagtekening);
      break;
    case 'WMO307':
    case 'JW307':
    case 'WMO308':
    case 'JW308':
      if (m.client) repairStopClient(m.client, m.header.berichtIdentificatie.dagtekening);
      break;
    case 'WMO315':
    case 'JW315':
    case 'WMO316':
    case 'JW316':
      if (m.client) repairVotClient(m.client, m.header.berichtIdentificatie.dagtekening);
      break;
    case 'WMO317':
    case 'JW317':
    case 'WMO318':
    case 'JW318':
      if (m.client) repairVowClient(m.client, m.header.berichtIdentificatie.dagtekening);
      break;
    case 'WMO319':
    case 'JW319':
    case 'WMO320':
    case 'JW320':
      if (m.antwoord) repairAntwoord(m.antwoord, m.type);
      break;
    case 'WMO323':
    case 'JW323':
      repairDeclaratie(m);
      break;
    case 'WMO325':
    case 'JW325':
      repairDeclaratieAntwoord(m);
      break;
  }
  return m as M;
}

// ---------------------------------------------------------------------------
// Small tools

/** A deterministic hash (FNV-1a) of some values: the repair's source of choices. */
function mix(...parts: readonly (string | number | undefined)[]): number {
  let h = 0x811c9dc5;
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i);
      h = Math.imul(h, 0x01000193);
    }
    h = Math.imul(h ^ 0x2f, 0x01000193);
  }
  return h >>> 0;
}

/** A date moved back (by a pseudo-random amount) so it is not after `limit`. */
function notAfter(date: string, limit: string): string {
  return date <= limit ? date : addDays(limit, -(daysBetween(limit, date) % 365));
}

/** `value`, or a variant with a numeric suffix that is not yet in `seen`, within `maxLength` characters. */
function uniqueText(value: string, seen: Set<string>, maxLength: number): string {
  let candidate = value;
  for (let n = 2; seen.has(candidate); n++) {
    const suffix = `-${n}`;
    candidate = Array.from(value).slice(0, maxLength - suffix.length).join('') + suffix;
  }
  seen.add(candidate);
  return candidate;
}

function uniqueNumber(value: number, seen: Set<number>, max: number): number {
  let candidate = value;
  while (seen.has(candidate)) candidate = candidate >= max ? 0 : candidate + 1;
  seen.add(candidate);
  return candidate;
}

const MAX_NUMMER = 999_999_999;
const MAX_BEDRAG = 99_999_999;
const MAX_TOTAAL_BEDRAG = 999_999_999_999;

// ---------------------------------------------------------------------------
// Header and person data, shared by every message

function repairHeader(m: T.Message): void {
  const descriptor = messageDescriptor(m.type);
  const xsdVersie = (): T.CDT_XsdVersie => ({
    basisschemaXsdVersie: descriptor.basisschemaXsdVersie,
    berichtXsdVersie: descriptor.berichtXsdVersie,
  });
  // IV034: XsdVersie is copied from the XSDs' appinfo.
  m.header.xsdVersie = xsdVersie();
  const header = m.header as Partial<T.WMO302Header>;
  if (header.xsdVersieRetour) {
    header.xsdVersieRetour = xsdVersie();
    // A retour is dated on or after the message it answers.
    header.dagtekeningRetour = latest(header.dagtekeningRetour!, m.header.berichtIdentificatie.dagtekening);
    // IV028: a retour that returns the body says 0200 in its header.
    const body = (m as { client?: unknown; antwoord?: unknown }).client ?? (m as { antwoord?: unknown }).antwoord;
    if (body) header.retourCodes = ['0200'];
  }
}

const BSN_WEIGHTS = [9, 8, 7, 6, 5, 4, 3, 2];

/** CS002: a BSN passes the 11-proef, Σ dᵢ·wᵢ (weights 9…2, −1) ≡ 0 (mod 11); the last digit is chosen to make it so. */
export function withElfproef(bsn: string): string {
  const d = Array.from(bsn.padEnd(9, '0').slice(0, 9), Number);
  if (d.slice(0, 8).every((x) => x === 0)) d[0] = 1;
  for (;;) {
    const sum = BSN_WEIGHTS.reduce((s, w, i) => s + w * d[i]!, 0);
    if (sum % 11 < 10) {
      d[8] = sum % 11;
      return d.join('');
    }
    d[7] = (d[7]! + 1) % 10;
  }
}

/** CS002 for every Bsn, and TR101 (Client.Bsn is a key) where a message holds several clients. */
function uniqueBsn(bsn: string, seen: Set<string>): string {
  let candidate = withElfproef(bsn);
  while (seen.has(candidate)) candidate = withElfproef(String((Number(candidate.slice(0, 8)) + 1) % 100_000_000).padStart(8, '0'));
  seen.add(candidate);
  return candidate;
}

function repairGeboortedatum(geboortedatum: T.CDT_Geboortedatum, dagtekening: string): void {
  // TR134/TR002: born before the Dagtekening, and at most 120 years before it.
  const [, month, day] = geboortedatum.datum.split('-').map(Number) as [number, number, number];
  const year = monthOf(dagtekening).year - 1 - (mix(geboortedatum.datum) % 100);
  const birth = { year, month };
  geboortedatum.datum = monthDate(birth, Math.min(day, daysInMonth(year, month)));
  // CS139: unknown parts are 01 (day, month) or the whole date 1900-01-01.
  if (geboortedatum.datumGebruik === '1') geboortedatum.datum = monthDate(birth, 1);
  if (geboortedatum.datumGebruik === '2') geboortedatum.datum = monthDate({ year, month: 1 }, 1);
  if (geboortedatum.datumGebruik === '3') geboortedatum.datum = '1900-01-01';
}

function repairVolledigeNaam(naam: T.CDT_VolledigeNaam): void {
  // CS050: with a Partnernaam NaamGebruik is 1–4, without one it is 1 (XSLT 2.10.5).
  if (!naam.partnernaam) naam.naamGebruik = '1';
  else if (!['1', '2', '3', '4'].includes(naam.naamGebruik)) naam.naamGebruik = String(1 + (mix(naam.geslachtsnaam.achternaam) % 4)) as T.LDT_NaamGebruik;
}

function repairCommunicatie(communicatie: T.CDT_Communicatie): void {
  // CD007: Taal is filled iff Vorm is 1 (tolk taal).
  if (communicatie.taal !== undefined) communicatie.vorm = '1';
  else if (communicatie.vorm === '1') communicatie.vorm = '2';
}

/** A Dutch postcode (CS089: `[1-9][0-9]{3}[A-Za-z]{2}`, no space), kept when it already is one. */
function dutchPostcode(from: string): string {
  if (/^[1-9][0-9]{3}[A-Za-z]{2}$/.test(from)) return from;
  const h = mix(from);
  const letters = 'ABCDEGHJKLMNPRSTVWXZ';
  return `${1 + (h % 9)}${String((h >>> 4) % 1000).padStart(3, '0')}${letters[(h >>> 14) % letters.length]}${letters[(h >>> 19) % letters.length]}`;
}

function repairAdres(adres: T.CDT_Adres, seed: number): void {
  // CD005: LandCode is filled iff Postcode is.
  if (adres.postcode === undefined) delete adres.landCode;
  else adres.landCode ??= 'NL';
  if (adres.landCode === 'NL') {
    adres.postcode = dutchPostcode(adres.postcode!); // CS089
    adres.huis ??= { huisnummer: 1 + (seed % 300) }; // CD025
  }
}

function repairContact(contact: T.WMO301Contact): void {
  const seed = mix(contact.soort, contact.emailadres, contact.organisatie);
  // CD009: a Periode only for a temporary address (Soort 04); CS003 inside it.
  if (contact.soort !== '04') delete contact.periode;
  const periode = contact.periode;
  if (periode?.einddatum) {
    // CS003 compares the Einddatum with a Begindatum, which must then be there.
    periode.begindatum ??= addDays(periode.einddatum, -(seed % 90));
    if (periode.einddatum < periode.begindatum) [periode.begindatum, periode.einddatum] = [periode.einddatum, periode.begindatum];
  }
  // CD034: a BRP or verblijf address (Soort 01, 03) has a Postcode.
  if ((contact.soort === '01' || contact.soort === '03') && contact.adres?.postcode === undefined) {
    contact.adres = { ...contact.adres, postcode: dutchPostcode(String(seed)) };
  }
  // TR006: a Contact has a Telefoon, or a Huis with a Postcode.
  if (!contact.telefoon && !(contact.adres?.huis && contact.adres.postcode !== undefined)) {
    contact.adres = { huis: { huisnummer: 1 + (seed % 300) }, ...contact.adres };
    contact.adres.postcode ??= dutchPostcode(String(seed));
  }
  if (contact.adres) repairAdres(contact.adres, seed);
}

function repairContactgegevens(contacts: T.WMO301Contact[]): void {
  // TR101: Contact.Soort is a key; there are four soorten.
  contacts.splice(4);
  const free = (['01', '02', '03', '04'] as const).filter((s) => !contacts.some((c) => c.soort === s));
  const seen = new Set<string>();
  for (const contact of contacts) {
    if (seen.has(contact.soort)) contact.soort = free.shift()!;
    seen.add(contact.soort);
  }
  // TR061: at least one BRP, correspondence or verblijf address (Soort 01, 02 or 03).
  if (!contacts.some((c) => c.soort !== '04')) contacts[0]!.soort = '01';
  contacts.forEach(repairContact);
}

// ---------------------------------------------------------------------------
// Products: the uitvoeringsvarianten and their periods

interface ProductVariant {
  product?: T.CDT_Product;
  omvang?: T.CDT_Omvang;
  budget?: T.LDT_Budget;
}

/** The variant table (§5.5): specifiek with Omvang, aspecifiek or generiek with(out) Budget. */
function repairVariant(p: ProductVariant, seed: number): void {
  if (p.product?.code !== undefined) {
    // CD041: a ProductCode needs an Omvang; CD078: an Omvang excludes a Budget.
    p.omvang ??= { volume: 1 + (seed % 40), eenheid: '04', frequentie: '2' };
    delete p.budget;
  } else {
    // CD080/CD095/CD096: no ProductCode, no Omvang (every generated Einddatum is after 2020).
    delete p.omvang;
    // CD079: without a Budget the Product is mandatory; generiek (no Product) has a Budget.
    if (p.budget === undefined && !p.product) p.budget = 100 * (1 + (seed % 50_000));
  }
  repairFrequentie(p.omvang);
}

function repairFrequentie(omvang: T.CDT_Omvang | undefined): void {
  // CS338/CS343: units 14, 16, 83 and 84 only per week, month or in total (Frequentie 2, 4, 6).
  if (omvang && ['14', '16', '83', '84'].includes(omvang.eenheid) && omvang.frequentie === '1') omvang.frequentie = '4';
}

/** CD075/CD076: an Einddatum is mandatory with a Budget or a weekly Frequentie. */
function needsEinddatum(p: ProductVariant): boolean {
  return p.budget !== undefined || p.omvang?.frequentie === '2';
}

interface PeriodWish {
  readonly start: string;
  readonly end: string | undefined;
  readonly needsEnd: boolean;
  /** A fixed length in days (0: Einddatum = Ingangsdatum). */
  readonly length?: number;
}

/**
 * TR302/TR386/TR410: the same product may not be assigned or requested twice
 * for overlapping periods. Placing the periods one after another, each closed
 * before the next begins, makes that hold whatever counts as "the same product"
 * (generiek counts as every product). CS003 holds inside each period.
 */
function layOutPeriods(wishes: readonly PeriodWish[], from: string): { start: string; end: string | undefined }[] {
  let cursor = from;
  return wishes.map((wish, i) => {
    const start = i === 0 ? cursor : addDays(cursor, mix(wish.start) % 30);
    const last = i === wishes.length - 1;
    if (last && !wish.needsEnd && wish.end === undefined && wish.length === undefined) return { start, end: undefined };
    const wanted = wish.end !== undefined ? daysBetween(wish.start, wish.end) : -1;
    const length = wish.length ?? (wanted >= 0 ? Math.min(wanted, 400) : 30 + (mix(wish.start, i) % 300));
    const end = addDays(start, length);
    cursor = addDays(end, 1);
    return { start, end };
  });
}

// ---------------------------------------------------------------------------
// WMO301 / WMO302 Toewijzing

function repairToewijzingClient(client: T.WMO301Client, dagtekening: string): void {
  client.bsn = withElfproef(client.bsn); // CS002
  repairGeboortedatum(client.geboortedatum, dagtekening);
  repairVolledigeNaam(client.naam);
  if (client.communicatie) repairCommunicatie(client.communicatie);
  const nummers = new Set<string>();
  for (const relatie of client.relaties ?? []) {
    relatie.nummer = uniqueText(relatie.nummer, nummers, 20); // TR101: Relatie.Nummer is a key
    if (relatie.geboortedatum) repairGeboortedatum(relatie.geboortedatum, dagtekening);
    repairVolledigeNaam(relatie.naam);
    repairContact(relatie.contact);
  }
  repairContactgegevens(client.contactgegevens);
  repairToegewezenProducten(client.toegewezenProducten, dagtekening);
}

function repairToegewezenProducten(products: T.WMO301ToegewezenProduct[], dagtekening: string): void {
  const nummers = new Set<number>();
  for (const p of products) {
    p.toewijzingNummer = uniqueNumber(p.toewijzingNummer, nummers, MAX_NUMMER); // TR101
    if (p.redenWijziging === '01') p.redenWijziging = '14'; // CS336: 01 is no longer used
    repairVariant(p, mix(p.toewijzingNummer));
    p.toewijzingsdatum = notAfter(p.toewijzingsdatum, dagtekening); // TR134
  }
  const periods = layOutPeriods(
    products.map((p) => ({
      start: p.ingangsdatum,
      end: p.einddatum,
      needsEnd: needsEinddatum(p) || p.redenWijziging === '13',
      // CS335: RedenWijziging 13 (verwijderd) only with Einddatum = Ingangsdatum.
      ...(p.redenWijziging === '13' ? { length: 0 } : {}),
    })),
    products[0]!.ingangsdatum,
  );
  products.forEach((p, i) => {
    p.ingangsdatum = periods[i]!.start;
    if (periods[i]!.end === undefined) delete p.einddatum;
    else p.einddatum = periods[i]!.end;
  });
}

// ---------------------------------------------------------------------------
// WMO305/306 Start and WMO307/308 Stop

type VerkorteClient = { bsn: string; geboortedatum: T.CDT_Geboortedatum };

function repairVerkorteClient(client: VerkorteClient, dagtekening: string): void {
  client.bsn = withElfproef(client.bsn); // CS002
  repairGeboortedatum(client.geboortedatum, dagtekening);
}

function repairStatusAanlevering(product: { statusAanlevering: T.LDT_StatusAanlevering }): void {
  // CS058: only 1 (eerste aanlevering) or 3 (verwijderen).
  if (product.statusAanlevering !== '1' && product.statusAanlevering !== '3') product.statusAanlevering = '1';
}

/** TR101: no two classes with the same logical key; moving the Begindatum a day back separates them. */
function uniqueByBegindatum<P extends { begindatum: string }>(products: P[], key: (p: P) => string): void {
  const seen = new Set<string>();
  for (const p of products) {
    while (seen.has(key(p))) p.begindatum = addDays(p.begindatum, -1);
    seen.add(key(p));
  }
}

function repairStartClient(client: T.WMO305Client, dagtekening: string): void {
  repairVerkorteClient(client, dagtekening);
  for (const p of client.startProducten) {
    repairStatusAanlevering(p);
    p.begindatum = notAfter(p.begindatum, dagtekening); // TR134
    // The toewijzing began on or before the delivery it started.
    if (p.toewijzingIngangsdatum && p.toewijzingIngangsdatum > p.begindatum) p.toewijzingIngangsdatum = p.begindatum;
  }
  uniqueByBegindatum(client.startProducten, (p) => [p.toewijzingNummer, p.product?.categorie, p.product?.code, p.begindatum].join('|'));
}

function repairStopClient(client: T.WMO307Client, dagtekening: string): void {
  repairVerkorteClient(client, dagtekening);
  for (const p of client.stopProducten) {
    repairStatusAanlevering(p);
    p.einddatum = notAfter(p.einddatum, dagtekening); // TR134
    p.begindatum = notAfter(p.begindatum, p.einddatum); // TR018: Einddatum ≥ Begindatum
    if (p.toewijzingIngangsdatum && p.toewijzingIngangsdatum > p.begindatum) p.toewijzingIngangsdatum = p.begindatum;
  }
  uniqueByBegindatum(client.stopProducten, (p) =>
    [p.toewijzingNummer, p.product?.categorie, p.product?.code, p.begindatum, p.redenBeeindiging, p.einddatum].join('|'),
  );
}

// ---------------------------------------------------------------------------
// WMO315/316 Verzoek om toewijzing

function repairVerwijzer(verwijzer: T.CDT_Verwijzer): void {
  const zorgverlener = ['02', '03', '04', '05'].includes(verwijzer.type);
  if (!zorgverlener) delete verwijzer.zorgverlenerCode; // CD068
  else if (verwijzer.zorgverlenerCode !== undefined) delete verwijzer.naam; // CD066
  else verwijzer.naam ??= 'Verwijzer'; // CD067
}

function repairVotClient(client: T.WMO315Client, dagtekening: string): void {
  repairVerkorteClient(client, dagtekening);
  const products = client.aangevraagdeProducten;
  const referenties = new Set<string>();
  for (const p of products) {
    p.referentieAanbieder = uniqueText(p.referentieAanbieder, referenties, 36); // TR383/TR101
    // CD043: BeschikkingIngangsdatum is filled iff BeschikkingNummer is.
    if (p.beschikkingNummer === undefined) delete p.beschikkingIngangsdatum;
    else p.beschikkingIngangsdatum ??= p.toewijzingIngangsdatum;
    repairVariant(p, mix(p.referentieAanbieder));
    repairVerwijzer(p.verwijzer);
  }
  const periods = layOutPeriods(
    products.map((p) => ({ start: p.toewijzingIngangsdatum, end: p.toewijzingEinddatum, needsEnd: needsEinddatum(p) })),
    products[0]!.toewijzingIngangsdatum,
  );
  products.forEach((p, i) => {
    p.toewijzingIngangsdatum = periods[i]!.start;
    if (periods[i]!.end === undefined) delete p.toewijzingEinddatum;
    else p.toewijzingEinddatum = periods[i]!.end;
  });
}

// ---------------------------------------------------------------------------
// WMO317/318 Verzoek om wijziging

function repairVowClient(client: T.WMO317Client, dagtekening: string): void {
  client.bsn = withElfproef(client.bsn); // CS002
  const verzoek = client.verzoek;
  // TR352 (an Ongewijzigd- or TeWijzigenProduct) and TR353 (a TeWijzigen- or NieuwProduct): one TeWijzigenProduct satisfies both.
  if (!verzoek.teWijzigenProducten && (!verzoek.ongewijzigdeProducten || !verzoek.nieuweProducten)) {
    const created: T.WMO317TeWijzigenProduct = { toewijzingNummer: mix(verzoek.referentieAanbieder) % MAX_NUMMER, gewensteIngangsdatum: dagtekening };
    // In a WMO318 every class carries its RetourCodes.
    verzoek.teWijzigenProducten = ['retourCodes' in verzoek ? ({ ...created, retourCodes: ['0200'] } as T.WMO318TeWijzigenProduct) : created];
  }
  // TR101: ToewijzingNummer is the key of Ongewijzigd- and TeWijzigenProduct (and one toewijzing is either).
  const nummers = new Set<number>();
  for (const p of verzoek.ongewijzigdeProducten ?? []) p.toewijzingNummer = uniqueNumber(p.toewijzingNummer, nummers, MAX_NUMMER);
  for (const p of verzoek.teWijzigenProducten ?? []) {
    p.toewijzingNummer = uniqueNumber(p.toewijzingNummer, nummers, MAX_NUMMER);
    // CD077/CD078: Omvang and Budget exclude each other.
    if (p.omvang && p.budget !== undefined) {
      if (mix(p.toewijzingNummer) % 2) delete p.omvang;
      else delete p.budget;
    }
    repairFrequentie(p.omvang); // CS338
    // CS003: Einddatum ≥ GewensteIngangsdatum; CD075/CD076: mandatory with a Budget or per week.
    if (p.einddatum !== undefined && p.einddatum < p.gewensteIngangsdatum) p.einddatum = addDays(p.gewensteIngangsdatum, daysBetween(p.einddatum, p.gewensteIngangsdatum));
    if (p.einddatum === undefined && needsEinddatum(p)) p.einddatum = addDays(p.gewensteIngangsdatum, 30 + (mix(p.toewijzingNummer) % 300));
  }
  const nieuw = verzoek.nieuweProducten;
  if (nieuw) {
    nieuw.forEach((p, i) => repairVariant(p, mix(i, p.gewensteIngangsdatum)));
    // TR380: a new product starts after the Dagtekening; TR410 and TR101 (Product, GewensteIngangsdatum) via separate periods.
    const from = latest(nieuw[0]!.gewensteIngangsdatum, addDays(dagtekening, 1));
    const periods = layOutPeriods(
      nieuw.map((p) => ({ start: p.gewensteIngangsdatum, end: p.einddatum, needsEnd: needsEinddatum(p) })),
      from,
    );
    nieuw.forEach((p, i) => {
      p.gewensteIngangsdatum = periods[i]!.start;
      if (periods[i]!.end === undefined) delete p.einddatum;
      else p.einddatum = periods[i]!.end;
    });
  }
}

// ---------------------------------------------------------------------------
// WMO319/320 Antwoord

function repairAntwoord(antwoord: T.WMO319Antwoord & Partial<Pick<T.JW319Antwoord, 'woonplaatsbeginsel'>>, type: T.Message['type']): void {
  // CD085: a rejection (VerzoekAntwoord 1) gives its reason; CD086: "in onderzoek" (2) gives none.
  if (antwoord.verzoekAntwoord === '1') antwoord.redenAfwijzingVerzoek ??= String(1 + (mix(antwoord.referentieAanbieder) % 9)) as T.LDT_RedenAfwijzingVerzoek;
  else delete antwoord.redenAfwijzingVerzoek;
  // iJw TR377/TR409 (and IV095): the class Woonplaatsbeginsel goes with reason 8 (woonplaatsbeginsel) only.
  if (antwoord.redenAfwijzingVerzoek !== '8') delete antwoord.woonplaatsbeginsel;
  else if (type === 'JW319') antwoord.woonplaatsbeginsel ??= { gemeente: String(mix(antwoord.referentieAanbieder) % 10_000).padStart(4, '0') };
}

// ---------------------------------------------------------------------------
// WMO323 Declaratie and WMO325 Declaratie-antwoord

const FIRST_DECLARATIE_MONTH: Month = { year: 2021, month: 1 };

/** The latest whole month that ended before the Dagtekening, moving the Dagtekening into February 2021 when it is earlier. */
function monthBefore(dagtekening: string): { dagtekening: string; month: Month } {
  let date = dagtekening;
  // CS100: declared periods start 2021-01-01 or later, so the message is dated after January 2021.
  if (compareMonths(monthOf(date), { year: 2021, month: 2 }) < 0) date = monthDate({ year: 2021, month: 2 }, Math.min(28, Number(date.slice(8, 10))));
  return { dagtekening: date, month: addMonths(monthOf(date), -1) };
}

function clampMonth(m: Month): Month {
  return compareMonths(m, FIRST_DECLARATIE_MONTH) < 0 ? FIRST_DECLARATIE_MONTH : m;
}

interface PrestatieContext {
  /** The month of the DeclaratiePeriode (323) or the last month before the Dagtekening (325). */
  readonly latestMonth: Month;
  readonly referentieNummers: Set<string>;
  readonly debetKeys: Set<string>;
  readonly bsns: Set<string>;
}

function repairPrestatie(p: T.WMO323Prestatie, ctx: PrestatieContext): void {
  const h = mix(p.productReferentie.referentieNummer, p.toewijzingNummer, p.productCode);
  // CS337: ProductPeriode within one calendar month; TR319: not after the DeclaratiePeriode;
  // CS100: from 2021; TR134/TR137: not after the Dagtekening; TR335: within 5 years.
  const month = clampMonth(addMonths(ctx.latestMonth, -(h % 3)));
  const days = daysInMonth(month.year, month.month);
  if (h % 2 === 0) {
    p.productPeriode = { begindatum: firstOfMonth(month), einddatum: lastOfMonth(month) };
  } else {
    const begin = 1 + ((h >>> 3) % days);
    p.productPeriode = { begindatum: monthDate(month, begin), einddatum: monthDate(month, begin + ((h >>> 9) % (days - begin + 1))) };
  }
  if (p.eenheid === '83') {
    // CD087: no ProductTarief for euro's; CS339: the Bedrag is the GeleverdVolume.
    delete p.productTarief;
    p.ingediendBedrag.bedrag = p.geleverdVolume;
  } else {
    // CD087: other units carry a ProductTarief; TR346: Bedrag = GeleverdVolume × ProductTarief (within LDT_Bedrag).
    p.productTarief ??= 1 + (h % 10_000);
    if (p.geleverdVolume * p.productTarief > MAX_BEDRAG) {
      p.geleverdVolume %= 1_000;
      p.productTarief %= 100_000;
    }
    p.ingediendBedrag.bedrag = p.geleverdVolume * p.productTarief;
  }
  // CS325: an amount of 0 is debet.
  if (p.ingediendBedrag.bedrag === 0) p.ingediendBedrag.debetCredit = 'D';
  // TR416: no two debet Prestaties for the same toewijzing, period and product.
  if (p.ingediendBedrag.debetCredit === 'D') {
    const key = () => [p.toewijzingNummer, p.productPeriode.begindatum, p.productPeriode.einddatum, p.productCategorie, p.productCode].join('|');
    while (ctx.debetKeys.has(key())) p.toewijzingNummer = p.toewijzingNummer >= MAX_NUMMER ? 0 : p.toewijzingNummer + 1;
    ctx.debetKeys.add(key());
  }
  // TR101: the ProductReferentie is the key of a Prestatie.
  p.productReferentie.referentieNummer = uniqueText(p.productReferentie.referentieNummer, ctx.referentieNummers, 20);
}

/** CD060, TR315, TR316: credits name the debet they reverse; never twice, never a debet in the same message. */
function repairVorigReferenties(prestaties: readonly T.WMO323Prestatie[], referentieNummers: ReadonlySet<string>): void {
  const vorige = new Set<string>(referentieNummers);
  for (const p of prestaties) {
    if (p.ingediendBedrag.debetCredit === 'D') {
      delete p.productReferentie.vorigReferentieNummer;
      continue;
    }
    const wanted = p.productReferentie.vorigReferentieNummer ?? `V${p.productReferentie.referentieNummer}`;
    p.productReferentie.vorigReferentieNummer = uniqueText(Array.from(wanted).slice(0, 20).join(''), vorige, 20);
  }
}

function signed(amount: { debetCredit: T.LDT_DebetCredit }, value: number): number {
  return amount.debetCredit === 'C' ? -value : value;
}

function totaal(value: number): T.CDT_TotaalBedragMetDC {
  // CS325: an amount of 0 is debet.
  return { totaalBedrag: Math.abs(value), debetCredit: value < 0 ? 'C' : 'D' };
}

function repairPrestatieClients(clienten: readonly { bsn: string; prestaties: T.WMO323Prestatie[] }[], ctx: PrestatieContext): number {
  let sum = 0;
  for (const client of clienten) {
    client.bsn = uniqueBsn(client.bsn, ctx.bsns); // CS002, TR101
    for (const p of client.prestaties) {
      repairPrestatie(p, ctx);
      sum += signed(p.ingediendBedrag, p.ingediendBedrag.bedrag);
    }
  }
  repairVorigReferenties(
    clienten.flatMap((c) => c.prestaties),
    ctx.referentieNummers,
  );
  return sum;
}

function newContext(latestMonth: Month): PrestatieContext {
  return { latestMonth, referentieNummers: new Set(), debetKeys: new Set(), bsns: new Set() };
}

function repairDeclaratie(m: T.WMO323 | T.JW323): void {
  const dated = monthBefore(m.header.berichtIdentificatie.dagtekening);
  const dagtekening = dated.dagtekening;
  m.header.berichtIdentificatie.dagtekening = dagtekening;
  const declaratie = m.declaratie;
  // CS340/CS100: the DeclaratiePeriode is one whole month from 2021; TR134/TR137: ended by the Dagtekening.
  const month = clampMonth(addMonths(dated.month, -(mix(declaratie.declaratieNummer) % 3)));
  declaratie.declaratiePeriode = { begindatum: firstOfMonth(month), einddatum: lastOfMonth(month) };
  // The DeclaratieDagtekening falls between the end of the period and the message's Dagtekening.
  const room = daysBetween(declaratie.declaratiePeriode.einddatum, dagtekening);
  declaratie.declaratieDagtekening = addDays(dagtekening, -(mix(declaratie.declaratieDagtekening) % (room + 1)));
  // TR358: TotaalIngediendBedrag = Σ debet − Σ credit, with its own sign.
  declaratie.totaalIngediendBedrag = totaal(repairPrestatieClients(declaratie.clienten, newContext(month)));
}

function repairDeclaratieAntwoord(m: T.WMO325 | T.JW325): void {
  const dated = monthBefore(m.header.berichtIdentificatie.dagtekening);
  m.header.berichtIdentificatie.dagtekening = dated.dagtekening;
  m.header.xsdVersieDeclaratie = { ...m.header.xsdVersie };
  // The answered 323 was sent on or before this answer.
  m.header.declaratieIdentificatie.dagtekening = notAfter(m.header.declaratieIdentificatie.dagtekening, dated.dagtekening);
  const antwoord = m.declaratieAntwoord;
  // IV087: the header says 0200 when a DeclaratieAntwoord follows.
  if (antwoord) m.header.retourCodes = ['0200'];
  if (!antwoord) return;
  // IV087: fully awarded (8001) lists no clients.
  if (antwoord.retourCodes.includes('8001')) {
    antwoord.retourCodes = ['8001'];
    delete antwoord.clienten;
  }
  const returned = antwoord.clienten ? repairPrestatieClients(antwoord.clienten, newContext(dated.month)) : 0;
  // CS325 on the submitted total.
  const ingediend = signed(antwoord.totaalIngediendBedrag, antwoord.totaalIngediendBedrag.totaalBedrag);
  antwoord.totaalIngediendBedrag = totaal(ingediend);
  // TR342: with only 0200/8001 the returned (rejected) Prestaties account for Ingediend − Toegekend; otherwise nothing is awarded.
  if (antwoord.retourCodes.every((code) => code === '0200' || code === '8001')) {
    let toegekend = ingediend - returned;
    if (Math.abs(toegekend) > MAX_TOTAAL_BEDRAG) {
      antwoord.totaalIngediendBedrag = totaal(returned);
      toegekend = 0;
    }
    antwoord.totaalToegekendBedrag = totaal(toegekend);
  } else {
    antwoord.totaalToegekendBedrag = totaal(0);
  }
}
