/**
 * What the recorded messages of a dossier mean: assignments with their
 * versions, starts and stops, requests and their answers, declarations and
 * their answers. Derived by applying records in order; a record that was
 * rejected (by our retour, or by a retour or 325 received later) stays in the
 * dossier but never counts: every query leaves it out, so a rejected start is
 * no start and a rejected Prestatie can be neither credited nor counted.
 */
import type {
  JW325,
  Message,
  WMO301ToegewezenProduct,
  WMO305StartProduct,
  WMO307StopProduct,
  WMO315AangevraagdProduct,
  WMO317Verzoek,
  WMO323Declaratie,
  WMO323Prestatie,
  WMO325,
} from '../standard/generated/types.js';
import type { StandardId } from '../standard/descriptor.js';
import { berichtNummer } from '../standard/model.js';
import { messageDescriptor, standardIdOf } from '../standard/standards.js';
import { ANTWOORD_BERICHT } from '../retour/messages.js';
import { isBericht } from '../rules/helpers.js';
import type { RecordedMessage } from './store.js';

/** The two parties of a dossier's messages. */
export interface Relation {
  readonly gemeente: string;
  readonly aanbieder: string;
}

/** Messages whose Afzender is the gemeente (a retour copies its heen-bericht's header unchanged). */
const FROM_GEMEENTE: ReadonlySet<string> = new Set(['WMO301', 'WMO302', 'WMO319', 'WMO320', 'WMO325', 'JW301', 'JW302', 'JW319', 'JW320', 'JW325']);

export function relationOf(message: Message): Relation {
  const { afzender, ontvanger } = message.header;
  return FROM_GEMEENTE.has(message.type) ? { gemeente: afzender, aanbieder: ontvanger } : { gemeente: ontvanger, aanbieder: afzender };
}

function relationKey(r: Relation): string {
  return `${r.gemeente}|${r.aanbieder}`;
}

/** The BerichtCode of the heen-bericht a retour answers (§1.1), in both standards; the 325 is matched by its DeclaratieIdentificatie instead. */
const HEEN_OF_RETOUR: Readonly<Record<string, string>> = Object.fromEntries(
  Object.entries(ANTWOORD_BERICHT)
    .filter(([heen]) => berichtNummer(heen as keyof typeof ANTWOORD_BERICHT) !== '323')
    .map(([heen, retour]) => [retour, messageDescriptor(heen as keyof typeof ANTWOORD_BERICHT).berichtCode]),
);

export interface ToewijzingVersion {
  readonly seq: number;
  readonly bsn: string;
  readonly aanbieder: string;
  readonly product: WMO301ToegewezenProduct;
}

export interface Toewijzing {
  readonly gemeente: string;
  readonly nummer: number;
  /** The accepted versions in the order received. */
  readonly versions: readonly ToewijzingVersion[];
  /** The most recent version: the latest Toewijzingsdatum + Toewijzingstijd (IV013). */
  readonly current: ToewijzingVersion;
}

/** Verwijderd (RW 13, Einddatum = Ingangsdatum): treated as never sent. */
export function isVerwijderd(p: WMO301ToegewezenProduct): boolean {
  return p.redenWijziging === '13' || (p.redenWijziging === '01' && p.einddatum === p.ingangsdatum);
}

/** Actueel on `date`: not deleted and not ended before it. */
export function isActueel(p: WMO301ToegewezenProduct, date: string): boolean {
  return !isVerwijderd(p) && (p.einddatum === undefined || p.einddatum >= date);
}

export interface Levering {
  /** The actual start with this key, if any. */
  readonly start?: WMO305StartProduct;
  /** The actual stops of this start, in order received. */
  readonly stops: readonly WMO307StopProduct[];
}

export interface Request {
  readonly seq: number;
  readonly kind: 'VOT' | 'VOW';
  readonly referentie: string;
  readonly bsn: string;
  readonly aangevraagd?: WMO315AangevraagdProduct;
  readonly verzoek?: WMO317Verzoek;
}

export interface RecordedPrestatie {
  readonly seq: number;
  readonly bsn: string;
  readonly prestatie: WMO323Prestatie;
  /** Approved by a 325, rejected by one, or not answered yet (a declaration the party sent itself). */
  readonly status: 'approved' | 'rejected' | 'pending';
}

export interface RecordedDeclaratie {
  readonly seq: number;
  readonly identificatie: string;
  readonly dagtekening: string;
  readonly xsdVersie: { readonly basisschemaXsdVersie: string; readonly berichtXsdVersie: string };
  readonly declaratie: WMO323Declaratie;
}

interface LeveringEvent {
  readonly seq: number;
  readonly start?: WMO305StartProduct;
  readonly stop?: WMO307StopProduct;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/** The logical key of a start (TR101): toewijzing, product and Begindatum. */
export function leveringKey(bsn: string, item: WMO305StartProduct | WMO307StopProduct): string {
  return `${bsn}|${item.toewijzingNummer ?? ''}|${item.product?.categorie ?? ''}|${item.product?.code ?? ''}|${item.begindatum}`;
}

/** The toewijzing (or, without one, the product) a start or stop belongs to. */
export function leveringOwner(bsn: string, item: WMO305StartProduct | WMO307StopProduct): string {
  return item.toewijzingNummer !== undefined ? `${bsn}|${item.toewijzingNummer}` : `${bsn}||${item.product?.categorie ?? ''}|${item.product?.code ?? ''}`;
}

function sameStop(a: WMO307StopProduct, b: WMO307StopProduct): boolean {
  return a.redenBeeindiging === b.redenBeeindiging && a.einddatum === b.einddatum;
}

/** Rejected Prestaties of one 323, from its 325. */
interface DeclaratieOutcome {
  readonly all: boolean;
  readonly rejected: ReadonlySet<string>;
}

function outcomeOf325(answer: WMO325 | JW325): DeclaratieOutcome {
  const headerOk = answer.header.retourCodes.length === 1 && answer.header.retourCodes[0] === '0200';
  const a = answer.declaratieAntwoord;
  if (!headerOk || !a || !a.retourCodes.every((c) => c === '0200' || c === '8001')) return { all: true, rejected: new Set() };
  const rejected = new Set<string>();
  for (const client of a.clienten ?? []) for (const p of client.prestaties) rejected.add(p.productReferentie.referentieNummer);
  return { all: false, rejected };
}

/** Whether a retour rejects its heen-bericht: any code in its header (0001, a level-3/4 code, or 0200 with codes in the body). */
function retourRejects(retour: Message): boolean {
  const codes = (retour.header as { retourCodes?: readonly string[] }).retourCodes;
  return codes !== undefined && codes.length > 0;
}

export class DossierState {
  /** The last record applied. */
  seq = 0;
  /** The standard of the relation's messages (iWmo 3.2 or iJw 3.2): that of the first record; undefined while empty. */
  standard: StandardId | undefined;
  private readonly rejected = new Set<number>();
  /** Sent messages for which a retour or 325 was recorded. */
  private readonly answered = new Set<number>();
  /** Level-1/2 rejected records: treated as never sent, so even their identification is free (TR056). */
  private readonly notSent = new Set<number>();
  private readonly identificaties = new Map<string, number[]>();
  private readonly heenByIdentity = new Map<string, number>();
  private readonly toewijzingVersions = new Map<string, ToewijzingVersion[]>();
  private readonly toewijzingenPerClient = new Map<string, Set<number>>();
  private readonly referentiesIn301 = new Map<string, { seq: number; nummer: number }[]>();
  private readonly leveringEvents = new Map<string, LeveringEvent[]>();
  private readonly leveringenPerOwner = new Map<string, Set<string>>();
  private readonly requests = new Map<string, Request[]>();
  private readonly requestsPerClient = new Map<string, Set<string>>();
  private readonly answers = new Map<string, { seq: number; verzoekAntwoord: string }[]>();
  private readonly declaraties = new Map<string, RecordedDeclaratie[]>();
  private readonly declaratieByIdentity = new Map<string, RecordedDeclaratie>();
  private readonly declaratiesPerRelation = new Map<string, RecordedDeclaratie[]>();
  private readonly prestaties = new Map<string, RecordedPrestatie[]>();
  private readonly prestatiesPerToewijzing = new Map<string, { seq: number; bsn: string; prestatie: WMO323Prestatie }[]>();
  private readonly outcomes = new Map<number, DeclaratieOutcome>();

  private counts(seq: number): boolean {
    return !this.rejected.has(seq);
  }

  apply(record: RecordedMessage): void {
    this.seq = Math.max(this.seq, record.seq);
    const { message, seq } = record;
    const levelTwo = record.verdict.findings.some((f) => (f.level === 1 || f.level === 2) && f.severity !== 'warning');
    if (levelTwo) this.notSent.add(seq);
    this.standard ??= standardIdOf(message.type);
    if (!record.verdict.accepted && berichtNummer(message.type) !== '323') this.rejected.add(seq);
    const h = message.header;
    push(this.identificaties, `${h.afzender}|${h.berichtCode}|${h.berichtIdentificatie.identificatie}`, seq);
    this.heenByIdentity.set(`${h.afzender}|${h.ontvanger}|${h.berichtCode}|${h.berichtIdentificatie.identificatie}|${h.berichtIdentificatie.dagtekening}`, seq);
    const rel = relationKey(relationOf(message));
    switch (message.type) {
      case 'WMO301':
      case 'JW301':
        for (const product of message.client.toegewezenProducten) {
          push(this.toewijzingVersions, `${h.afzender}|${product.toewijzingNummer}`, { seq, bsn: message.client.bsn, aanbieder: h.ontvanger, product });
          const perClient = this.toewijzingenPerClient.get(`${rel}|${message.client.bsn}`) ?? new Set();
          perClient.add(product.toewijzingNummer);
          this.toewijzingenPerClient.set(`${rel}|${message.client.bsn}`, perClient);
          if (product.referentieAanbieder !== undefined) push(this.referentiesIn301, `${rel}|${product.referentieAanbieder}`, { seq, nummer: product.toewijzingNummer });
        }
        break;
      case 'WMO305':
      case 'JW305':
      case 'WMO307':
      case 'JW307': {
        const items = isBericht(message, '305') ? message.client.startProducten : message.client.stopProducten;
        for (const item of items) {
          const key = `${rel}|${leveringKey(message.client.bsn, item)}`;
          push(this.leveringEvents, key, isBericht(message, '305') ? { seq, start: item } : { seq, stop: item as WMO307StopProduct });
          const owner = `${rel}|${leveringOwner(message.client.bsn, item)}`;
          const set = this.leveringenPerOwner.get(owner) ?? new Set();
          set.add(key);
          this.leveringenPerOwner.set(owner, set);
        }
        break;
      }
      case 'WMO315':
      case 'JW315':
        for (const aangevraagd of message.client.aangevraagdeProducten) {
          this.addRequest(rel, { seq, kind: 'VOT', referentie: aangevraagd.referentieAanbieder, bsn: message.client.bsn, aangevraagd });
        }
        break;
      case 'WMO317':
      case 'JW317':
        this.addRequest(rel, { seq, kind: 'VOW', referentie: message.client.verzoek.referentieAanbieder, bsn: message.client.bsn, verzoek: message.client.verzoek });
        break;
      case 'WMO319':
      case 'JW319':
        push(this.answers, `${rel}|${message.antwoord.referentieAanbieder}`, { seq, verzoekAntwoord: message.antwoord.verzoekAntwoord });
        break;
      case 'WMO323':
      case 'JW323': {
        const d = message.declaratie;
        const declaratie: RecordedDeclaratie = {
          seq,
          identificatie: h.berichtIdentificatie.identificatie,
          dagtekening: h.berichtIdentificatie.dagtekening,
          xsdVersie: h.xsdVersie,
          declaratie: d,
        };
        push(this.declaraties, `${rel}|${d.declaratieNummer}`, declaratie);
        push(this.declaratiesPerRelation, rel, declaratie);
        this.declaratieByIdentity.set(`${rel}|${declaratie.identificatie}|${declaratie.dagtekening}`, declaratie);
        for (const client of d.clienten) {
          for (const prestatie of client.prestaties) {
            push(this.prestaties, `${rel}|${prestatie.productReferentie.referentieNummer}`, { seq, bsn: client.bsn, prestatie, status: 'pending' });
            push(this.prestatiesPerToewijzing, `${rel}|${prestatie.toewijzingNummer}`, { seq, bsn: client.bsn, prestatie });
          }
        }
        if ((record.answer?.type === 'WMO325' || record.answer?.type === 'JW325')) this.outcomes.set(seq, outcomeOf325(record.answer));
        else if (!record.verdict.accepted) this.outcomes.set(seq, { all: true, rejected: new Set() });
        break;
      }
      case 'WMO325':
      case 'JW325': {
        const id = message.header.declaratieIdentificatie;
        const declaratie = this.declaratieByIdentity.get(`${rel}|${id.identificatie}|${id.dagtekening}`);
        if (declaratie) this.answered.add(declaratie.seq);
        if (declaratie && record.verdict.accepted) this.outcomes.set(declaratie.seq, outcomeOf325(message));
        break;
      }
      default: {
        const heenCode = HEEN_OF_RETOUR[message.type];
        const heen = heenCode && this.heenByIdentity.get(`${h.afzender}|${h.ontvanger}|${heenCode}|${h.berichtIdentificatie.identificatie}|${h.berichtIdentificatie.dagtekening}`);
        if (heen) this.answered.add(heen);
        if (heen && retourRejects(message)) this.rejected.add(heen);
      }
    }
  }

  private addRequest(rel: string, request: Request): void {
    push(this.requests, `${rel}|${request.referentie}`, request);
    const set = this.requestsPerClient.get(`${rel}|${request.bsn}`) ?? new Set();
    set.add(request.referentie);
    this.requestsPerClient.set(`${rel}|${request.bsn}`, set);
  }

  // -- messages -------------------------------------------------------------

  /**
   * What became of a recorded message: a received one as judged; a sent one
   * pending until its retour or 325 is recorded, then as that answer says.
   */
  statusOf(record: RecordedMessage): 'accepted' | 'rejected' | 'pending' {
    if (this.rejected.has(record.seq)) return 'rejected';
    if (berichtNummer(record.message.type) === '323' && this.outcomes.get(record.seq)?.all) return 'rejected';
    if (record.direction === 'sent' && !this.answered.has(record.seq)) return 'pending';
    return 'accepted';
  }

  /** Whether a message of this sender and BerichtCode with this Identificatie was sent before (TR056); level-1/2 rejected ones count as not sent. */
  identificatieUsed(afzender: string, berichtCode: string, identificatie: string): boolean {
    return (this.identificaties.get(`${afzender}|${berichtCode}|${identificatie}`) ?? []).some((seq) => !this.notSent.has(seq));
  }

  // -- toewijzingen ---------------------------------------------------------

  /** An assignment by its number, unique per gemeente (TR332); only accepted versions count. */
  toewijzing(gemeente: string, nummer: number): Toewijzing | undefined {
    const versions = (this.toewijzingVersions.get(`${gemeente}|${nummer}`) ?? []).filter((v) => this.counts(v.seq));
    if (versions.length === 0) return undefined;
    let current = versions[0]!;
    for (const v of versions) {
      const a = `${v.product.toewijzingsdatum}T${v.product.toewijzingstijd}`;
      const b = `${current.product.toewijzingsdatum}T${current.product.toewijzingstijd}`;
      if (a >= b) current = v;
    }
    return { gemeente, nummer, versions, current };
  }

  /** The client's assignments in this relation. */
  toewijzingenOf(relation: Relation, bsn: string): Toewijzing[] {
    const numbers = this.toewijzingenPerClient.get(`${relationKey(relation)}|${bsn}`) ?? new Set<number>();
    const found: Toewijzing[] = [];
    for (const nummer of numbers) {
      const t = this.toewijzing(relation.gemeente, nummer);
      if (t && t.current.aanbieder === relation.aanbieder && t.current.bsn === bsn) found.push(t);
    }
    return found;
  }

  /** The assignments of the relation that an accepted 301 gave this ReferentieAanbieder. */
  toewijzingenWithReferentie(relation: Relation, referentie: string): number[] {
    return (this.referentiesIn301.get(`${relationKey(relation)}|${referentie}`) ?? []).filter((e) => this.counts(e.seq)).map((e) => e.nummer);
  }

  // -- starts and stops -----------------------------------------------------

  /** The start with this logical key and its stops, from the accepted 305/307 in order (StatusAanlevering 3 deletes). */
  levering(relation: Relation, bsn: string, item: WMO305StartProduct | WMO307StopProduct): Levering {
    return this.leveringAt(`${relationKey(relation)}|${leveringKey(bsn, item)}`);
  }

  private leveringAt(key: string): Levering {
    let start: WMO305StartProduct | undefined;
    let stops: WMO307StopProduct[] = [];
    for (const event of this.leveringEvents.get(key) ?? []) {
      if (!this.counts(event.seq)) continue;
      if (event.start) start = event.start.statusAanlevering === '3' ? undefined : event.start;
      if (event.stop) {
        const stop = event.stop;
        stops = stop.statusAanlevering === '3' ? stops.filter((s) => !sameStop(s, stop)) : [...stops, stop];
      }
    }
    return { ...(start ? { start } : {}), stops };
  }

  /** Every start (with its stops) on the same toewijzing, or the same product without one. */
  leveringenOfOwner(relation: Relation, bsn: string, item: WMO305StartProduct | WMO307StopProduct): Levering[] {
    const keys = this.leveringenPerOwner.get(`${relationKey(relation)}|${leveringOwner(bsn, item)}`) ?? new Set<string>();
    return [...keys].map((key) => this.leveringAt(key));
  }

  // -- requests -------------------------------------------------------------

  /** Accepted requests (VOT products, VOW) with this ReferentieAanbieder. */
  requestsWith(relation: Relation, referentie: string): Request[] {
    return (this.requests.get(`${relationKey(relation)}|${referentie}`) ?? []).filter((r) => this.counts(r.seq));
  }

  /** Accepted 319 answers on a ReferentieAanbieder, in order. */
  answersOn(relation: Relation, referentie: string): { seq: number; verzoekAntwoord: string }[] {
    return (this.answers.get(`${relationKey(relation)}|${referentie}`) ?? []).filter((a) => this.counts(a.seq));
  }

  /**
   * Requests of the client still "onderhanden" (TR374): sent and accepted, and
   * neither refused by a 319 (VerzoekAntwoord 1) nor honoured by a 301 carrying their reference.
   */
  openRequests(relation: Relation, bsn: string): Request[] {
    const refs = this.requestsPerClient.get(`${relationKey(relation)}|${bsn}`) ?? new Set<string>();
    const open: Request[] = [];
    for (const ref of refs) {
      const requests = this.requestsWith(relation, ref);
      if (requests.length === 0) continue;
      if (this.answersOn(relation, ref).some((a) => a.verzoekAntwoord === '1')) continue;
      if (this.toewijzingenWithReferentie(relation, ref).length > 0) continue;
      open.push(requests[0]!);
    }
    return open;
  }

  // -- declaraties ----------------------------------------------------------

  private outcome(seq: number, referentie: string): 'approved' | 'rejected' | 'pending' {
    const o = this.outcomes.get(seq);
    if (!o) return 'pending';
    return o.all || o.rejected.has(referentie) ? 'rejected' : 'approved';
  }

  /** Declarations with this number that were processed (not rejected as a whole). */
  declaratiesWithNummer(relation: Relation, nummer: string): RecordedDeclaratie[] {
    return (this.declaraties.get(`${relationKey(relation)}|${nummer}`) ?? []).filter((d) => this.counts(d.seq) && !this.outcomes.get(d.seq)?.all);
  }

  /** A recorded 323 by its BerichtIdentificatie (what a 325 names). */
  declaratieByIdentificatie(relation: Relation, identificatie: string, dagtekening: string): RecordedDeclaratie | undefined {
    return this.declaratieByIdentity.get(`${relationKey(relation)}|${identificatie}|${dagtekening}`);
  }

  /** The latest DeclaratiePeriode the relation declared (processed declarations only). */
  latestDeclaratiePeriode(relation: Relation): string | undefined {
    let latest: string | undefined;
    for (const d of this.declaratiesPerRelation.get(relationKey(relation)) ?? []) {
      if (!this.counts(d.seq) || this.outcomes.get(d.seq)?.all) continue;
      const begin = d.declaratie.declaratiePeriode.begindatum;
      if (latest === undefined || begin > latest) latest = begin;
    }
    return latest;
  }

  /** Prestaties with this ReferentieNummer in processed declarations, with their outcome. */
  prestatiesWith(relation: Relation, referentieNummer: string): RecordedPrestatie[] {
    // A declaration rejected as a whole (level 2, or a code on the header or Declaratie) was not processed: its numbers are free again.
    return (this.prestaties.get(`${relationKey(relation)}|${referentieNummer}`) ?? [])
      .filter((p) => this.counts(p.seq) && !this.outcomes.get(p.seq)?.all)
      .map((p) => ({ ...p, status: this.outcome(p.seq, referentieNummer) }));
  }

  /** Prestaties on a toewijzing that count: in a processed declaration and not rejected (debets and credits). */
  prestatiesOnToewijzing(relation: Relation, nummer: number): RecordedPrestatie[] {
    const found: RecordedPrestatie[] = [];
    for (const p of this.prestatiesPerToewijzing.get(`${relationKey(relation)}|${nummer}`) ?? []) {
      if (!this.counts(p.seq)) continue;
      const status = this.outcome(p.seq, p.prestatie.productReferentie.referentieNummer);
      if (status !== 'rejected') found.push({ ...p, status });
    }
    return found;
  }

  /** Credits (in processed declarations, not rejected) of the Prestatie with this ReferentieNummer. */
  creditsOf(relation: Relation, nummer: number, referentieNummer: string): RecordedPrestatie[] {
    return this.prestatiesOnToewijzing(relation, nummer).filter(
      (p) => p.prestatie.ingediendBedrag.debetCredit === 'C' && p.prestatie.productReferentie.vorigReferentieNummer === referentieNummer,
    );
  }
}
