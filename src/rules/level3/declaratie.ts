/**
 * Level 3 on the declaratie 323 (§6.4), checked by the gemeente against its
 * assignments and the declarations before it, and on the declaratie-antwoord
 * 325, checked by the aanbieder against the 323 it answers.
 */
import type { JW323, JW325, WMO323, WMO323Prestatie, WMO325 } from '../../standard/generated/types.js';
import type { NodeLocation } from '../../codec/locations.js';
import { isVerwijderd, type RecordedDeclaratie, type Toewijzing } from '../../dossier/state.js';
import { euro, say, standardOfMessage } from '../helpers.js';
import type { Rule, RuleContext } from '../rule.js';
import { dossierRule, type DossierAccess } from './define.js';
import { daysInclusive, exceeds, monthEnd, monthStart, periodLimit, showLimit, totalLimit, unitFactor, WEEKLY_SIXFOLD } from './volume.js';

interface Line {
  readonly bsn: string;
  readonly prestatie: WMO323Prestatie;
}

function* lines(message: WMO323 | JW323): Generator<Line> {
  for (const client of message.declaratie.clienten) for (const prestatie of client.prestaties) yield { bsn: client.bsn, prestatie };
}

function isDebet(p: WMO323Prestatie): boolean {
  return p.ingediendBedrag.debetCredit === 'D';
}

/** The assignment a debet Prestatie declares on, when it is this client's in this relation and not deleted. */
function assignment(access: DossierAccess, line: Line): Toewijzing | undefined {
  const t = access.dossier.toewijzing(access.relation.gemeente, line.prestatie.toewijzingNummer);
  if (!t || t.current.aanbieder !== access.relation.aanbieder || t.current.bsn !== line.bsn || isVerwijderd(t.current.product)) return undefined;
  return t;
}

/** A rule that looks at each debet Prestatie with its assignment. */
function perDebet(
  definition: { id: string; retourcode: string; text: { nl: string; en: string } },
  check: (line: Line, t: Toewijzing, context: RuleContext, access: DossierAccess) => void,
): Rule {
  return dossierRule({
    ...definition,
    messages: ['WMO323'],
    check(message, context, access) {
      for (const line of lines(message)) {
        if (!isDebet(line.prestatie)) continue;
        const t = assignment(access, line);
        if (t) check(line, t, context, access);
      }
    },
  });
}

const TR333 = dossierRule({
  id: 'TR333',
  messages: ['WMO323'],
  retourcode: '9333',
  text: say('Het DeclaratieNummer is uniek per aanbieder.', 'The DeclaratieNummer is unique per aanbieder.'),
  check(message, context, { dossier, relation }) {
    const nummer = message.declaratie.declaratieNummer;
    if (dossier.declaratiesWithNummer(relation, nummer).length > 0) {
      context.finding(context.locator.field(message.declaratie, 'declaratieNummer'), say(`DeclaratieNummer ${nummer} is al eerder gebruikt.`, `DeclaratieNummer ${nummer} was used before.`));
    }
  },
});

const TR318 = dossierRule({
  id: 'TR318',
  messages: ['WMO323'],
  retourcode: '8214',
  text: say(
    'De DeclaratiePeriode sluit aan op de vorige: zij ligt niet voor de laatst gedeclareerde periode (de laatste mag opnieuw).',
    'The DeclaratiePeriode follows the previous one: it is not before the latest declared period (the latest may be declared again).',
  ),
  check(message, context, { dossier, relation }) {
    const latest = dossier.latestDeclaratiePeriode(relation);
    const begin = message.declaratie.declaratiePeriode.begindatum;
    if (latest !== undefined && begin < latest) {
      context.finding(
        context.locator.field(message.declaratie, 'declaratiePeriode'),
        say(`DeclaratiePeriode ${begin} ligt voor de laatst gedeclareerde periode ${latest}.`, `DeclaratiePeriode ${begin} is before the latest declared period ${latest}.`),
      );
    }
  },
});

const TR314 = dossierRule({
  id: 'TR314',
  messages: ['WMO323'],
  retourcode: '8021',
  text: say('Het ReferentieNummer van een prestatie is niet eerder aangeleverd.', 'The ReferentieNummer of a Prestatie was not delivered before.'),
  check(message, context, { dossier, relation }) {
    for (const { prestatie } of lines(message)) {
      const ref = prestatie.productReferentie.referentieNummer;
      if (dossier.prestatiesWith(relation, ref).length > 0) {
        context.finding(context.locator.node(prestatie), say(`ReferentieNummer ${ref} is al aangeleverd.`, `ReferentieNummer ${ref} was delivered before.`));
      }
    }
  },
});

const TR323 = dossierRule({
  id: 'TR323',
  messages: ['WMO323'],
  retourcode: '8017',
  text: say('Een creditprestatie verwijst naar een bekende, niet afgewezen debetprestatie.', 'A credit Prestatie refers to a known debet Prestatie that was not rejected.'),
  check(message, context, { dossier, relation }) {
    for (const { prestatie } of lines(message)) {
      const vorig = prestatie.productReferentie.vorigReferentieNummer;
      if (isDebet(prestatie) || vorig === undefined) continue;
      const debet = dossier.prestatiesWith(relation, vorig).find((p) => isDebet(p.prestatie) && p.status !== 'rejected');
      if (!debet) context.finding(context.locator.node(prestatie), say(`Er is geen goedgekeurde debetprestatie ${vorig}.`, `There is no approved debet Prestatie ${vorig}.`));
    }
  },
});

const TR390 = dossierRule({
  id: 'TR390',
  messages: ['WMO323'],
  retourcode: '9390',
  text: say('Een prestatie wordt maar één keer gecrediteerd.', 'A Prestatie is credited only once.'),
  check(message, context, { dossier, relation }) {
    for (const { prestatie } of lines(message)) {
      const vorig = prestatie.productReferentie.vorigReferentieNummer;
      if (isDebet(prestatie) || vorig === undefined) continue;
      if (dossier.creditsOf(relation, prestatie.toewijzingNummer, vorig).length > 0) {
        context.finding(context.locator.node(prestatie), say(`Prestatie ${vorig} is al gecrediteerd.`, `Prestatie ${vorig} was already credited.`));
      }
    }
  },
});

const TR338 = dossierRule({
  id: 'TR338',
  messages: ['WMO323'],
  retourcode: '9338',
  text: say('Een prestatie hoort bij een toewijzing van de aanbieder.', 'A Prestatie belongs to a toewijzing of the aanbieder.'),
  check(message, context, { dossier, relation }) {
    for (const { prestatie } of lines(message)) {
      if (!isDebet(prestatie)) continue;
      const t = dossier.toewijzing(relation.gemeente, prestatie.toewijzingNummer);
      if (!t || t.current.aanbieder !== relation.aanbieder) {
        context.finding(context.locator.node(prestatie), say(`Er is geen toewijzing ${prestatie.toewijzingNummer} voor deze aanbieder.`, `There is no toewijzing ${prestatie.toewijzingNummer} for this aanbieder.`));
      }
    }
  },
});

const TR384 = dossierRule({
  id: 'TR384',
  messages: ['WMO323'],
  retourcode: '9384',
  text: say('Er wordt niet gedeclareerd op een verwijderde toewijzing (RedenWijziging 13).', 'No Prestatie is declared on a deleted toewijzing (RedenWijziging 13).'),
  check(message, context, { dossier, relation }) {
    for (const { bsn, prestatie } of lines(message)) {
      if (!isDebet(prestatie)) continue;
      const t = dossier.toewijzing(relation.gemeente, prestatie.toewijzingNummer);
      if (t && t.current.aanbieder === relation.aanbieder && t.current.bsn === bsn && isVerwijderd(t.current.product)) {
        context.finding(context.locator.node(prestatie), say(`Toewijzing ${prestatie.toewijzingNummer} is verwijderd.`, `Toewijzing ${prestatie.toewijzingNummer} was deleted.`));
      }
    }
  },
});

const TR339 = perDebet(
  { id: 'TR339', retourcode: '9339', text: say('ProductCategorie is die van de toewijzing.', "ProductCategorie is the toewijzing's.") },
  ({ prestatie }, t, context) => {
    const assigned = t.current.product.product;
    if (assigned && assigned.categorie !== prestatie.productCategorie) {
      context.finding(context.locator.field(prestatie, 'productCategorie'), say(`Toegewezen is categorie ${assigned.categorie}.`, `Category ${assigned.categorie} was assigned.`));
    }
  },
);

const TR340 = perDebet(
  { id: 'TR340', retourcode: '9340', text: say('ProductCode is die van de toewijzing (bij een specifieke toewijzing).', "ProductCode is the toewijzing's (for a specific toewijzing).") },
  ({ prestatie }, t, context) => {
    const code = t.current.product.product?.code;
    if (code !== undefined && code !== prestatie.productCode) {
      context.finding(context.locator.field(prestatie, 'productCode'), say(`Toegewezen is productcode ${code}.`, `Product code ${code} was assigned.`));
    }
  },
);

const TR341 = perDebet(
  {
    id: 'TR341',
    retourcode: '9341',
    text: say('Eenheid is die van de toewijzing; toegewezen uren mogen in minuten worden gedeclareerd.', "Eenheid is the toewijzing's; assigned hours may be declared in minutes."),
  },
  ({ prestatie }, t, context) => {
    const eenheid = t.current.product.omvang?.eenheid;
    if (eenheid !== undefined && unitFactor(eenheid, prestatie.eenheid) === undefined) {
      context.finding(context.locator.field(prestatie, 'eenheid'), say(`Toegewezen is eenheid ${eenheid}.`, `Unit ${eenheid} was assigned.`));
    }
  },
);

const TR307 = perDebet(
  { id: 'TR307', retourcode: '9307', text: say('De ProductPeriode begint niet voor de ingangsdatum van de toewijzing.', "The ProductPeriode does not start before the toewijzing's ingangsdatum.") },
  ({ prestatie }, t, context) => {
    const ingang = t.current.product.ingangsdatum;
    if (prestatie.productPeriode.begindatum < ingang) {
      context.finding(context.locator.field(prestatie, 'productPeriode'), say(`De toewijzing gaat in op ${ingang}.`, `The toewijzing starts on ${ingang}.`));
    }
  },
);

const TR308 = perDebet(
  { id: 'TR308', retourcode: '9308', text: say('De ProductPeriode eindigt niet na de einddatum van de toewijzing.', "The ProductPeriode does not end after the toewijzing's einddatum.") },
  ({ prestatie }, t, context) => {
    const eind = t.current.product.einddatum;
    if (eind !== undefined && prestatie.productPeriode.einddatum > eind) {
      context.finding(context.locator.field(prestatie, 'productPeriode'), say(`De toewijzing eindigt op ${eind}.`, `The toewijzing ends on ${eind}.`));
    }
  },
);

const TR387 = perDebet(
  {
    id: 'TR387',
    retourcode: '9387',
    text: say(
      'De ProductPeriode begint op de eerste van de maand, of op de ingangsdatum van de toewijzing als die later ligt.',
      "The ProductPeriode starts on the first of the month, or on the toewijzing's ingangsdatum when that is later.",
    ),
  },
  ({ prestatie }, t, context) => {
    const begin = prestatie.productPeriode.begindatum;
    const ingang = t.current.product.ingangsdatum;
    if (begin < ingang) return; // TR307's finding
    const expected = monthStart(begin) > ingang ? monthStart(begin) : ingang;
    if (begin !== expected) {
      context.finding(context.locator.field(prestatie, 'productPeriode'), say(`Verwacht is begindatum ${expected}.`, `Begindatum ${expected} was expected.`));
    }
  },
);

const TR388 = perDebet(
  {
    id: 'TR388',
    retourcode: '9388',
    text: say(
      'De ProductPeriode eindigt op de laatste van de maand, of op de einddatum van de toewijzing als die eerder ligt.',
      "The ProductPeriode ends on the last day of the month, or on the toewijzing's einddatum when that is earlier.",
    ),
  },
  ({ prestatie }, t, context) => {
    const end = prestatie.productPeriode.einddatum;
    const eind = t.current.product.einddatum;
    if (eind !== undefined && end > eind) return; // TR308's finding
    const expected = eind !== undefined && eind < monthEnd(end) ? eind : monthEnd(end);
    if (end !== expected) {
      context.finding(context.locator.field(prestatie, 'productPeriode'), say(`Verwacht is einddatum ${expected}.`, `Einddatum ${expected} was expected.`));
    }
  },
);

const TR321 = perDebet(
  {
    id: 'TR321',
    retourcode: '9321',
    text: say(
      'Het GeleverdVolume van een prestatie past binnen de toegewezen omvang in de ProductPeriode (per week omgerekend naar de periode; in iWmo categorie 01 tot 6× het weekvolume).',
      'The GeleverdVolume of a Prestatie fits the assigned volume in its ProductPeriode (weekly volumes converted to the period; in iWmo categorie 01 up to 6× the weekly volume).',
    ),
  },
  ({ prestatie }, t, context) => {
    const omvang = t.current.product.omvang;
    const factor = omvang && unitFactor(omvang.eenheid, prestatie.eenheid);
    if (!omvang || factor === undefined) return;
    const days = daysInclusive(prestatie.productPeriode.begindatum, prestatie.productPeriode.einddatum);
    const limit = periodLimit(omvang, prestatie.productCategorie, days, factor, WEEKLY_SIXFOLD[standardOfMessage(context.message)]);
    if (exceeds(prestatie.geleverdVolume, limit)) {
      context.finding(
        context.locator.field(prestatie, 'geleverdVolume'),
        say(`Geleverd ${prestatie.geleverdVolume}, toegewezen in deze periode ten hoogste ${showLimit(limit)}.`, `Delivered ${prestatie.geleverdVolume}, at most ${showLimit(limit)} assigned in this period.`),
      );
    }
  },
);

/** Signed volume or amount of what counts on an assignment: debets add, credits subtract. */
function signedValue(p: WMO323Prestatie, value: number): number {
  return isDebet(p) ? value : -value;
}

const TR322 = dossierRule({
  id: 'TR322',
  messages: ['WMO323'],
  retourcode: '9322',
  text: say(
    'Alle prestaties op een toewijzing samen passen binnen de omvang over de hele looptijd van de toewijzing.',
    'All Prestaties on a toewijzing together fit the volume over the whole duration of the toewijzing.',
  ),
  check(message, context, access) {
    const running = new Map<number, number>();
    const all = [...lines(message)];
    // Credits in this message lower the total before its debets are counted (OP366: credits first).
    for (const line of [...all.filter((l) => !isDebet(l.prestatie)), ...all.filter((l) => isDebet(l.prestatie))]) {
      const t = assignment(access, line);
      const omvang = t?.current.product.omvang;
      const factor = omvang && unitFactor(omvang.eenheid, line.prestatie.eenheid);
      if (!t || !omvang || factor === undefined) continue;
      const limit = totalLimit(omvang, t.current.product.ingangsdatum, t.current.product.einddatum, factor);
      if (!limit) continue;
      const nummer = t.nummer;
      if (!running.has(nummer)) {
        let earlier = 0;
        for (const p of access.dossier.prestatiesOnToewijzing(access.relation, nummer)) {
          const f = unitFactor(omvang.eenheid, p.prestatie.eenheid);
          // Earlier Prestaties in minutes on an hours assignment count in the unit of this one.
          if (f !== undefined) earlier += (signedValue(p.prestatie, p.prestatie.geleverdVolume) * factor) / f;
        }
        running.set(nummer, earlier);
      }
      const total = running.get(nummer)! + signedValue(line.prestatie, line.prestatie.geleverdVolume);
      running.set(nummer, total);
      if (isDebet(line.prestatie) && exceeds(total, limit)) {
        context.finding(
          context.locator.field(line.prestatie, 'geleverdVolume'),
          say(`Samen ${total} gedeclareerd op toewijzing ${nummer}, toegewezen ten hoogste ${showLimit(limit)}.`, `${total} declared on toewijzing ${nummer} in all, at most ${showLimit(limit)} assigned.`),
        );
      }
    }
  },
});

const TR369 = dossierRule({
  id: 'TR369',
  messages: ['WMO323'],
  retourcode: '9369',
  text: say(
    'Alle prestaties op een toewijzing met Budget blijven samen binnen het budget (IngediendBedrag in eurocent).',
    'All Prestaties on a toewijzing with a Budget stay within it together (IngediendBedrag in eurocent).',
  ),
  check(message, context, access) {
    const running = new Map<number, number>();
    const all = [...lines(message)];
    for (const line of [...all.filter((l) => !isDebet(l.prestatie)), ...all.filter((l) => isDebet(l.prestatie))]) {
      const t = assignment(access, line);
      const budget = t?.current.product.budget;
      if (!t || budget === undefined) continue;
      if (!running.has(t.nummer)) {
        let earlier = 0;
        for (const p of access.dossier.prestatiesOnToewijzing(access.relation, t.nummer)) earlier += signedValue(p.prestatie, p.prestatie.ingediendBedrag.bedrag);
        running.set(t.nummer, earlier);
      }
      const total = running.get(t.nummer)! + signedValue(line.prestatie, line.prestatie.ingediendBedrag.bedrag);
      running.set(t.nummer, total);
      if (isDebet(line.prestatie) && total > budget) {
        context.finding(
          context.locator.field(line.prestatie, 'ingediendBedrag'),
          say(`Samen ${euro(total)} gedeclareerd op een budget van ${euro(budget)}.`, `${euro(total)} declared in all on a budget of ${euro(budget)}.`),
        );
      }
    }
  },
});

function periodKey(p: WMO323Prestatie): string {
  return `${p.toewijzingNummer}|${p.productCategorie}|${p.productCode}|${p.productPeriode.begindatum}|${p.productPeriode.einddatum}`;
}

const TR389 = dossierRule({
  id: 'TR389',
  messages: ['WMO323'],
  retourcode: '9389',
  text: say(
    'Een tweede debet voor dezelfde toewijzing, hetzelfde product en dezelfde periode kan pas als de eerste is gecrediteerd.',
    'A second debet for the same toewijzing, product and period needs the first one credited.',
  ),
  check(message, context, { dossier, relation }) {
    const all = [...lines(message)];
    const creditedHere = new Set(all.filter((l) => !isDebet(l.prestatie)).map((l) => l.prestatie.productReferentie.vorigReferentieNummer));
    for (const { prestatie } of all) {
      if (!isDebet(prestatie)) continue;
      const key = periodKey(prestatie);
      const open = dossier.prestatiesOnToewijzing(relation, prestatie.toewijzingNummer).find((p) => {
        const ref = p.prestatie.productReferentie.referentieNummer;
        return isDebet(p.prestatie) && periodKey(p.prestatie) === key && !creditedHere.has(ref) && dossier.creditsOf(relation, prestatie.toewijzingNummer, ref).length === 0;
      });
      if (open) {
        context.finding(
          context.locator.node(prestatie),
          say(`Prestatie ${open.prestatie.productReferentie.referentieNummer} voor deze periode is niet gecrediteerd.`, `Prestatie ${open.prestatie.productReferentie.referentieNummer} for this period was not credited.`),
        );
      }
    }
  },
});

// -- 325, checked by the aanbieder -------------------------------------------

const TR337 = dossierRule({
  id: 'TR337',
  messages: ['WMO325'],
  retourcode: null,
  text: say('De DeclaratieIdentificatie van een declaratie-antwoord is die van een eerder verstuurde declaratie.', 'The DeclaratieIdentificatie of a declaratie-antwoord is that of a declaration sent before.'),
  check(message, context, { dossier, relation }) {
    const id = message.header.declaratieIdentificatie;
    if (!dossier.declaratieByIdentificatie(relation, id.identificatie, id.dagtekening)) {
      context.finding(locateField(context, message.header, 'declaratieIdentificatie'), say(`Er is geen declaratie ${id.identificatie} van ${id.dagtekening}.`, `There is no declaration ${id.identificatie} of ${id.dagtekening}.`));
    }
  },
});

function locateField(context: RuleContext, owner: object, prop: string): NodeLocation {
  return context.locator.field(owner, prop);
}

/** A 325 with the 323 it answers, when that is known (TR337 reports it otherwise). */
function answered325(definition: { id: string; retourcode: string | null; text: { nl: string; en: string } }, check: (message: WMO325 | JW325, declaratie: RecordedDeclaratie, context: RuleContext) => void): Rule {
  return dossierRule({
    ...definition,
    messages: ['WMO325'],
    check(message, context, { dossier, relation }) {
      const id = message.header.declaratieIdentificatie;
      const declaratie = dossier.declaratieByIdentificatie(relation, id.identificatie, id.dagtekening);
      if (declaratie) check(message, declaratie, context);
    },
  });
}

const TR371 = answered325(
  { id: 'TR371', retourcode: null, text: say('XsdVersieDeclaratie is de XsdVersie van de beantwoorde declaratie.', 'XsdVersieDeclaratie is the XsdVersie of the declaration answered.') },
  (message, declaratie, context) => {
    const v = message.header.xsdVersieDeclaratie;
    if (v.basisschemaXsdVersie !== declaratie.xsdVersie.basisschemaXsdVersie || v.berichtXsdVersie !== declaratie.xsdVersie.berichtXsdVersie) {
      context.finding(locateField(context, message.header, 'xsdVersieDeclaratie'), say('De XsdVersie wijkt af van die van de declaratie.', "The XsdVersie differs from the declaration's."));
    }
  },
);

const TR376 = answered325(
  { id: 'TR376', retourcode: null, text: say('Het DeclaratieNummer is dat van de beantwoorde declaratie.', 'The DeclaratieNummer is that of the declaration answered.') },
  (message, declaratie, context) => {
    const a = message.declaratieAntwoord;
    if (a && a.declaratieNummer !== declaratie.declaratie.declaratieNummer) {
      context.finding(locateField(context, a, 'declaratieNummer'), say(`De declaratie had nummer ${declaratie.declaratie.declaratieNummer}.`, `The declaration had number ${declaratie.declaratie.declaratieNummer}.`));
    }
  },
);

function prestatieIndex(declaratie: { declaratie: { clienten: readonly { bsn: string; prestaties: readonly WMO323Prestatie[] }[] } }): Map<string, Line> {
  const index = new Map<string, Line>();
  for (const client of declaratie.declaratie.clienten) for (const p of client.prestaties) index.set(p.productReferentie.referentieNummer, { bsn: client.bsn, prestatie: p });
  return index;
}

const TR366 = answered325(
  { id: 'TR366', retourcode: '9366', text: say('Een prestatie in het declaratie-antwoord komt voor in de beantwoorde declaratie.', 'A Prestatie in the declaratie-antwoord occurs in the declaration answered.') },
  (message, declaratie, context) => {
    const index = prestatieIndex(declaratie);
    for (const client of message.declaratieAntwoord?.clienten ?? []) {
      for (const p of client.prestaties) {
        if (!index.has(p.productReferentie.referentieNummer)) {
          context.finding(context.locator.node(p), say(`Prestatie ${p.productReferentie.referentieNummer} komt niet voor in de declaratie.`, `Prestatie ${p.productReferentie.referentieNummer} is not in the declaration.`));
        }
      }
    }
  },
);

const COMPARED = ['toewijzingNummer', 'productCategorie', 'productCode', 'geleverdVolume', 'eenheid', 'productTarief'] as const;

const TR367 = answered325(
  { id: 'TR367', retourcode: '9367', text: say('De gegevens van een prestatie in het declaratie-antwoord zijn die van de declaratie.', 'The data of a Prestatie in the declaratie-antwoord are those of the declaration.') },
  (message, declaratie, context) => {
    const index = prestatieIndex(declaratie);
    for (const client of message.declaratieAntwoord?.clienten ?? []) {
      for (const p of client.prestaties) {
        const original = index.get(p.productReferentie.referentieNummer);
        if (!original) continue;
        const o = original.prestatie;
        const differs =
          original.bsn !== client.bsn ||
          COMPARED.some((k) => p[k] !== o[k]) ||
          p.productPeriode.begindatum !== o.productPeriode.begindatum ||
          p.productPeriode.einddatum !== o.productPeriode.einddatum ||
          p.ingediendBedrag.bedrag !== o.ingediendBedrag.bedrag ||
          p.ingediendBedrag.debetCredit !== o.ingediendBedrag.debetCredit ||
          p.productReferentie.vorigReferentieNummer !== o.productReferentie.vorigReferentieNummer;
        if (differs) context.finding(context.locator.node(p), say('Deze prestatie wijkt af van die in de declaratie.', 'This Prestatie differs from the one in the declaration.'));
      }
    }
  },
);

export const declaratieRules: readonly Rule[] = [TR307, TR308, TR314, TR318, TR321, TR322, TR323, TR333, TR337, TR338, TR339, TR340, TR341, TR366, TR367, TR369, TR371, TR376, TR384, TR387, TR388, TR389, TR390];
