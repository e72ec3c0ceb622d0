/**
 * The declaratie-antwoord 325 on a declaratie 323 (§2.9, IV087). Unlike a
 * retour it goes from gemeente to aanbieder under its own identification,
 * always carries RetourCodes in the header, and lists only what was
 * rejected: approved Prestaties are never returned (TR342).
 */
import type { Finding } from '../findings.js';
import type {
  CDT_BedragMetDC,
  CDT_TotaalBedragMetDC,
  JW323,
  JW325,
  LDT_RetourCode,
  WMO323,
  WMO325,
  WMO325Client,
  WMO325DeclaratieAntwoord,
  WMO325Header,
  WMO325Prestatie,
} from '../standard/generated/types.js';
import { standardOf } from '../standard/standards.js';
import { copyInto, type ClassSlot } from './copy.js';
import { deriveIdentificatie } from './identificatie.js';
import { codesPerClass, judge } from './judgement.js';
import { ANTWOORD_BERICHT } from './messages.js';
import { resolveOptions, type RetourOptions } from './options.js';

const DECLARATIE_PATH = '/Bericht/Declaratie';

/** An amount with its sign: debet positive, credit negative. */
export function signedAmount(amount: CDT_BedragMetDC | CDT_TotaalBedragMetDC): number {
  const value = 'bedrag' in amount ? amount.bedrag : amount.totaalBedrag;
  return amount.debetCredit === 'C' ? -value : value;
}

/** A signed total as TotaalBedrag and DebetCredit; zero is debet (CS325). */
export function totaalBedrag(signed: number): CDT_TotaalBedragMetDC {
  return { totaalBedrag: Math.abs(signed), debetCredit: signed < 0 ? 'C' : 'D' };
}

function clientPath(i: number): string {
  return `${DECLARATIE_PATH}/Clienten/Client[${i + 1}]`;
}

function prestatiePath(i: number, j: number): string {
  return `${clientPath(i)}/Prestaties/Prestatie[${j + 1}]`;
}

/** Whether the 325 on these findings lists Prestaties, and so needs the declaratie's Clients (a declaratie streamed in batches has dropped them). */
export function declaratieAntwoordNeedsClients(findings: readonly Finding[]): boolean {
  return judge(findings, DECLARATIE_PATH).kind === 'body';
}

/** Builds the 325 on a 323; undefined when a level-1 error means no 325 is sent (an error goes to the sender instead). */
export function buildDeclaratieAntwoord(declaratie: WMO323, findings: readonly Finding[], options?: RetourOptions): WMO325 | undefined;
export function buildDeclaratieAntwoord(declaratie: JW323, findings: readonly Finding[], options?: RetourOptions): JW325 | undefined;
export function buildDeclaratieAntwoord(declaratie: WMO323 | JW323, findings: readonly Finding[], options?: RetourOptions): WMO325 | JW325 | undefined;
export function buildDeclaratieAntwoord(declaratie: WMO323 | JW323, findings: readonly Finding[], options: RetourOptions = {}): WMO325 | JW325 | undefined {
  const judgement = judge(findings, DECLARATIE_PATH);
  if (judgement.kind === 'level-1') return undefined;
  const resolved = resolveOptions(options);
  // The 325 of the declaratie's own standard (JW323 → JW325); the two differ only in BerichtCode.
  const standard = standardOf(declaratie.type);
  const type = ANTWOORD_BERICHT[declaratie.type];
  const descriptor = standard.messages[type]!;
  // Built in the iWmo shape; the iJw 325 has the same shape under its own type and BerichtCode.
  const answer = (body: Omit<WMO325, 'type'>): WMO325 | JW325 => ({ type, ...body }) as WMO325 | JW325;
  const h = declaratie.header;
  const d = declaratie.declaratie;

  const header = (retourCodes: LDT_RetourCode[]): WMO325Header => ({
    berichtCode: descriptor.berichtCode as WMO325Header['berichtCode'],
    berichtVersie: h.berichtVersie,
    berichtSubversie: h.berichtSubversie,
    // The answer goes back: the 323's receiver (the gemeente) sends it to the 323's sender (the aanbieder).
    afzender: h.ontvanger,
    ontvanger: h.afzender,
    berichtIdentificatie: { identificatie: resolved.identificatie ?? deriveIdentificatie('A', h), dagtekening: resolved.dagtekening },
    xsdVersie: resolved.xsdVersie ?? { basisschemaXsdVersie: descriptor.basisschemaXsdVersie, berichtXsdVersie: descriptor.berichtXsdVersie },
    declaratieIdentificatie: { identificatie: h.berichtIdentificatie.identificatie, dagtekening: h.berichtIdentificatie.dagtekening },
    xsltVersie: resolved.xsltVersie,
    xsdVersieDeclaratie: { basisschemaXsdVersie: h.xsdVersie.basisschemaXsdVersie, berichtXsdVersie: h.xsdVersie.berichtXsdVersie },
    retourCodes,
  });
  const ingediend: CDT_TotaalBedragMetDC = { totaalBedrag: d.totaalIngediendBedrag.totaalBedrag, debetCredit: d.totaalIngediendBedrag.debetCredit };
  const antwoord = (toegekend: CDT_TotaalBedragMetDC, retourCodes: LDT_RetourCode[], clienten?: WMO325Client[]): WMO325DeclaratieAntwoord => ({
    declaratieNummer: d.declaratieNummer,
    totaalIngediendBedrag: ingediend,
    totaalToegekendBedrag: toegekend,
    ...(clienten ? { clienten } : {}),
    retourCodes,
  });

  switch (judgement.kind) {
    case 'level-2':
      // Treated as not sent: header only (IV087).
      return answer({ header: header(['0001']) });
    case 'header':
      return answer({ header: header([...judgement.codes]) });
    case 'clean':
      return answer({ header: header(['0200']), declaratieAntwoord: antwoord({ ...ingediend }, ['8001']) });
    case 'body':
      break;
  }

  const classPaths = [DECLARATIE_PATH];
  d.clienten.forEach((client, i) => {
    classPaths.push(clientPath(i));
    client.prestaties.forEach((_, j) => classPaths.push(prestatiePath(i, j)));
  });
  const codes = codesPerClass(judgement.located, classPaths);

  const declaratieCodes = codes.get(DECLARATIE_PATH);
  if (declaratieCodes) {
    // The declaration as a whole is rejected and not processed: nothing is awarded (IV087, TR342).
    return answer({ header: header(['0200']), declaratieAntwoord: antwoord(totaalBedrag(0), declaratieCodes) });
  }

  const clienten: WMO325Client[] = [];
  let rejected = 0;
  const prestatieType = standard.complexTypes[`${type}/Prestatie`]!;
  d.clienten.forEach((client, i) => {
    const clientCodes = codes.get(clientPath(i));
    const prestaties: WMO325Prestatie[] = [];
    client.prestaties.forEach((prestatie, j) => {
      const own = codes.get(prestatiePath(i, j));
      // A rejected Client takes all its Prestaties with it; those without a code of their own are "niet beoordeeld".
      if (!own && !clientCodes) return;
      const slots: ClassSlot[] = [];
      const copy = copyInto(standard, prestatie, prestatieType, prestatiePath(i, j), slots) as unknown as WMO325Prestatie;
      copy.retourCodes = own ?? ['0233'];
      prestaties.push(copy);
      rejected += signedAmount(prestatie.ingediendBedrag);
    });
    if (prestaties.length) clienten.push({ bsn: client.bsn, prestaties, retourCodes: clientCodes ?? ['0200'] });
  });
  // TR342: the returned (rejected) Prestaties account exactly for the difference between
  // ingediend and toegekend. With TR358 holding this is the sum of the approved Prestaties.
  const toegekend = totaalBedrag(signedAmount(ingediend) - rejected);
  return answer({ header: header(['0200']), declaratieAntwoord: antwoord(toegekend, ['0200'], clienten.length ? clienten : undefined) });
}
