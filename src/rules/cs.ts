/**
 * Constraints (CS): level 2, retourcode 0001 (spec §5.3), each as the official
 * XSLT 2.10.5 checks it. CS015, CS025 and CS319 are not in the XSLT (the XSD
 * fixes those values by pattern); they are here too so that a message built
 * in code, which never met the XSD, is held to them as well.
 */
import { maskBsn } from '../findings.js';
import type { CDT_BedragMetDC, CDT_Geboortedatum, CDT_TotaalBedragMetDC, CDT_VolledigeNaam, Message } from '../standard/generated/types.js';
import { contactsOf, productClasses, type ProductClass } from './classes.js';
import { addDays, addMonthsCarrying, dateNumber, dayOf, HEEN_BERICHTEN, isBericht, locate, passesElfproef, say, standardOfMessage, standardRule, yearMonth } from './helpers.js';
import type { Rule, RuleContext } from './rule.js';

/** Every object with a Bsn in a message, in document order. */
function bsnHolders(message: Message): { bsn: string }[] {
  switch (message.type) {
    case 'WMO301':
    case 'JW301':
    case 'WMO305':
    case 'JW305':
    case 'WMO307':
    case 'JW307':
    case 'WMO315':
    case 'JW315':
    case 'WMO317':
    case 'JW317':
      return [message.client];
    case 'WMO323':
    case 'JW323':
      return message.declaratie.clienten;
    case 'WMO325':
    case 'JW325':
      return message.declaratieAntwoord?.clienten ?? [];
    default:
      return [];
  }
}

/** Every Geboortedatum in a message (301 Client and Relaties, 305, 307 and 315 Client), in document order. */
export function geboortedata(message: Message): CDT_Geboortedatum[] {
  switch (message.type) {
    case 'WMO301':
    case 'JW301':
      return [message.client.geboortedatum, ...(message.client.relaties ?? []).flatMap((r) => (r.geboortedatum ? [r.geboortedatum] : []))];
    case 'WMO305':
    case 'JW305':
    case 'WMO307':
    case 'JW307':
    case 'WMO315':
    case 'JW315':
      return [message.client.geboortedatum];
    default:
      return [];
  }
}

/** Every amount with a DebetCredit in a 323 or 325, in document order. */
function amounts(message: Message): (CDT_BedragMetDC | CDT_TotaalBedragMetDC)[] {
  if (isBericht(message, '323')) {
    const d = message.declaratie;
    return [d.totaalIngediendBedrag, ...d.clienten.flatMap((c) => c.prestaties.map((p) => p.ingediendBedrag))];
  }
  if (isBericht(message, '325') && message.declaratieAntwoord) {
    const d = message.declaratieAntwoord;
    return [d.totaalIngediendBedrag, d.totaalToegekendBedrag, ...(d.clienten ?? []).flatMap((c) => c.prestaties.map((p) => p.ingediendBedrag))];
  }
  return [];
}

const LATE_UNITS: ReadonlySet<string> = new Set(['14', '16', '83', '84']);
const LATE_FREQUENCIES: ReadonlySet<string> = new Set(['2', '4', '6']);

/**
 * CS338, CS343: Eenheid 14, 16, 83 or 84 takes Frequentie 2, 4 or 6 when the
 * class ends after 2020 or has no end (before 2021 per dag was still allowed).
 */
function unitFrequency(context: RuleContext, classes: readonly ProductClass[]): void {
  for (const c of classes) {
    const omvang = c.omvang;
    if (!omvang || !LATE_UNITS.has(omvang.eenheid) || LATE_FREQUENCIES.has(omvang.frequentie)) continue;
    if (c.end !== undefined && !(dateNumber(c.end) > 20201231)) continue;
    const end = c.endProp === 'toewijzingEinddatum' ? 'ToewijzingEinddatum' : 'Einddatum';
    context.finding(
      locate(context, omvang, 'frequentie'),
      say(
        `Eenheid ${omvang.eenheid} met Frequentie ${omvang.frequentie}; bij Eenheid 14, 16, 83 of 84 is Frequentie 2, 4 of 6 wanneer ${end} leeg is of na 31-12-2020 ligt${c.end ? ` (${c.end})` : ''}.`,
        `Eenheid ${omvang.eenheid} with Frequentie ${omvang.frequentie}; with Eenheid 14, 16, 83 or 84 Frequentie is 2, 4 or 6 when ${end} is empty or after 2020-12-31${c.end ? ` (${c.end})` : ''}.`,
      ),
    );
  }
}

/** Element names of a product class's period end and start, for messages. */
function periodNames(c: ProductClass): [string, string] {
  if (c.startProp === 'ingangsdatum') return ['Einddatum', 'Ingangsdatum'];
  if (c.startProp === 'toewijzingIngangsdatum') return ['ToewijzingEinddatum', 'ToewijzingIngangsdatum'];
  return ['Einddatum', 'GewensteIngangsdatum'];
}

/**
 * CS050 on one name. Without a Partnernaam iJw allows 6 (an organisation as voogd,
 * IV045; iJw spec §4.2); the iWmo rule set only 1, unless a profile is lenient.
 */
function naamGebruik(naam: CDT_VolledigeNaam, context: RuleContext): void {
  const six = context.options.lenientCs050 || standardOfMessage(context.message) === 'ijw-3.2';
  const allowed = naam.partnernaam ? ['1', '2', '3', '4'] : six ? ['1', '6'] : ['1'];
  if (allowed.includes(naam.naamGebruik)) return;
  context.finding(
    locate(context, naam, 'naamGebruik'),
    naam.partnernaam
      ? say(`NaamGebruik is ${naam.naamGebruik}; met een Partnernaam is het 1, 2, 3 of 4.`, `NaamGebruik is ${naam.naamGebruik}; with a Partnernaam it is 1, 2, 3 or 4.`)
      : say(
          `NaamGebruik is ${naam.naamGebruik}; zonder Partnernaam is het ${allowed.join(' of ')}.`,
          `NaamGebruik is ${naam.naamGebruik}; without a Partnernaam it is ${allowed.join(' or ')}.`,
        ),
  );
}

export const csRules: readonly Rule[] = [
  standardRule({
    id: 'CS002',
    messages: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO323', 'WMO325'],
    text: say('De waarde van Bsn moet voldoen aan de 11-proef.', 'The Bsn must pass the 11-proef.'),
    check(message, context) {
      for (const holder of bsnHolders(message)) {
        if (!passesElfproef(holder.bsn)) {
          context.finding(locate(context, holder, 'bsn'), say(`Bsn ${maskBsn(holder.bsn)} voldoet niet aan de 11-proef.`, `Bsn ${maskBsn(holder.bsn)} does not pass the 11-proef.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CS003',
    messages: ['WMO301', 'WMO315', 'WMO317'],
    text: say(
      'Einddatum vullen met een waarde die groter is dan, of gelijk is aan de Begindatum (of Ingangsdatum) van de aangeduide periode.',
      'An Einddatum is on or after the Begindatum (or Ingangsdatum) of its period.',
    ),
    check(message, context) {
      // Document order: the Contacts come before the ToegewezenProducten in a 301.
      for (const contact of contactsOf(message)) {
        const periode = contact.periode;
        if (periode?.einddatum === undefined) continue;
        // Like the XSLT, an Einddatum without a Begindatum in the Periode fails too.
        if (periode.begindatum === undefined) {
          context.finding(locate(context, periode, 'einddatum'), say(`Periode heeft een Einddatum (${periode.einddatum}) maar geen Begindatum.`, `Periode has an Einddatum (${periode.einddatum}) but no Begindatum.`));
        } else if (dateNumber(periode.begindatum) > dateNumber(periode.einddatum)) {
          context.finding(locate(context, periode, 'einddatum'), say(`Einddatum ${periode.einddatum} ligt vóór Begindatum ${periode.begindatum}.`, `Einddatum ${periode.einddatum} is before Begindatum ${periode.begindatum}.`));
        }
      }
      for (const c of productClasses(message)) {
        if (c.end === undefined || !(dateNumber(c.start) > dateNumber(c.end))) continue;
        const [endName, startName] = periodNames(c);
        context.finding(locate(context, c.node, c.endProp), say(`${endName} ${c.end} ligt vóór ${startName} ${c.start}.`, `${endName} ${c.end} is before ${startName} ${c.start}.`));
      }
    },
  }),

  standardRule({
    id: 'CS015',
    messages: [...HEEN_BERICHTEN, 'WMO325'],
    text: say('BerichtSubversie vullen met 2.', 'BerichtSubversie is 2.'),
    check(message, context) {
      const value: unknown = message.header.berichtSubversie;
      if (value !== 2) context.finding(locate(context, message.header, 'berichtSubversie'), say(`BerichtSubversie is ${String(value)}; in iWmo 3.2 is het 2.`, `BerichtSubversie is ${String(value)}; in iWmo 3.2 it is 2.`));
    },
  }),

  standardRule({
    id: 'CS025',
    messages: [...HEEN_BERICHTEN, 'WMO325'],
    text: say('BerichtVersie vullen met 3.', 'BerichtVersie is 3.'),
    check(message, context) {
      const value: unknown = message.header.berichtVersie;
      if (value !== 3) context.finding(locate(context, message.header, 'berichtVersie'), say(`BerichtVersie is ${String(value)}; in iWmo 3.2 is het 3.`, `BerichtVersie is ${String(value)}; in iWmo 3.2 it is 3.`));
    },
  }),

  standardRule({
    id: 'CS050',
    messages: ['WMO301'],
    text: say(
      'Als Partnernaam gevuld is, dan NaamGebruik vullen met waarde 1, 2, 3 of 4. Anders waarde 1 vullen.',
      'With a Partnernaam, NaamGebruik is 1, 2, 3 or 4; without one it is 1.',
    ),
    // The rule document also allows 6 without a Partnernaam; the official iWmo XSLT 2.10.5 does not (spec §7.2), the iJw one does. Profiles may set lenientCs050.
    check(message, context) {
      for (const relatie of message.client.relaties ?? []) naamGebruik(relatie.naam, context);
      naamGebruik(message.client.naam, context);
    },
  }),

  standardRule({
    id: 'CS318',
    messages: ['JW301'],
    // Only the iJw rule set enforces it (iJw spec §4.1); the iWmo documentation names it too.
    standards: ['ijw-3.2'],
    text: say('NaamGebruik van de cliënt mag niet de waarde 6 (niet-natuurlijk persoon) hebben.', "The client's NaamGebruik may not be 6 (niet-natuurlijk persoon)."),
    check(message, context) {
      const naam = message.client.naam;
      if (naam.naamGebruik !== '6') return;
      context.finding(
        locate(context, naam, 'naamGebruik'),
        say('NaamGebruik van de cliënt is 6 (niet-natuurlijk persoon); een cliënt is een natuurlijk persoon.', "The client's NaamGebruik is 6 (niet-natuurlijk persoon); a client is a natural person."),
      );
    },
  }),

  standardRule({
    id: 'CS058',
    messages: ['WMO305', 'WMO307'],
    text: say('StatusAanlevering vullen met 1 (eerste aanlevering) of 3 (verwijderen aanlevering).', 'StatusAanlevering is 1 (eerste aanlevering) or 3 (verwijderen aanlevering).'),
    check(message, context) {
      const products: { statusAanlevering: string }[] = isBericht(message, '305') ? message.client.startProducten : message.client.stopProducten;
      for (const p of products) {
        if (p.statusAanlevering !== '1' && p.statusAanlevering !== '3') {
          context.finding(locate(context, p, 'statusAanlevering'), say(`StatusAanlevering is ${p.statusAanlevering}; alleen 1 (eerste aanlevering) of 3 (verwijderen) is toegestaan.`, `StatusAanlevering is ${p.statusAanlevering}; only 1 (eerste aanlevering) or 3 (verwijderen) is allowed.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CS089',
    messages: ['WMO301'],
    text: say(
      'Als LandCode de waarde NL (Nederland) heeft, dan moet het formaat van Postcode overeenkomen met dat van een Nederlandse postcode.',
      'When LandCode is NL (Nederland), Postcode has the format of a Dutch postcode.',
    ),
    check(message, context) {
      for (const contact of contactsOf(message)) {
        const adres = contact.adres;
        if (adres?.landCode !== 'NL') continue;
        // The postcode itself is personal data: the text describes the format, not the value.
        if (adres.postcode === undefined) {
          context.finding(locate(context, adres, 'postcode'), say('LandCode is NL maar Postcode ontbreekt.', 'LandCode is NL but Postcode is missing.'));
        } else if (!/^[1-9][0-9]{3}[A-Za-z]{2}$/.test(adres.postcode)) {
          context.finding(locate(context, adres, 'postcode'), say('Postcode heeft niet het Nederlandse formaat: 4 cijfers (niet met 0 beginnend) en 2 letters, zonder spatie.', 'Postcode is not in the Dutch format: 4 digits (not starting with 0) and 2 letters, without a space.'));
        }
      }
    },
  }),

  standardRule({
    id: 'CS100',
    messages: ['WMO323'],
    text: say('Begindatum vullen met een datum die groter dan of gelijk is aan 01-01-2021.', 'Begindatum is 2021-01-01 or later.'),
    check(message, context) {
      const periods = [message.declaratie.declaratiePeriode, ...message.declaratie.clienten.flatMap((c) => c.prestaties.map((p) => p.productPeriode))];
      for (const periode of periods) {
        if (dateNumber(periode.begindatum) < 20210101) {
          context.finding(locate(context, periode, 'begindatum'), say(`Begindatum ${periode.begindatum} ligt vóór 01-01-2021.`, `Begindatum ${periode.begindatum} is before 2021-01-01.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CS139',
    messages: ['WMO301', 'WMO305', 'WMO307', 'WMO315'],
    text: say('Voor Geboortedatum geldt dat DatumGebruik en Datum met elkaar in overeenstemming moeten zijn.', 'In a Geboortedatum, DatumGebruik and Datum agree with each other.'),
    check(message, context) {
      // The date itself is personal data: the text names the parts that must be 01, not the date.
      for (const g of geboortedata(message)) {
        const [, month, day] = g.datum.split('-');
        const at = () => locate(context, g, 'datum');
        if (g.datumGebruik === '3' && g.datum !== '1900-01-01') {
          context.finding(at(), say('DatumGebruik is 3 (datum onbekend); Datum is dan 1900-01-01.', 'DatumGebruik is 3 (date unknown); Datum is then 1900-01-01.'));
        } else if (g.datumGebruik === '2' && `${month}-${day}` !== '01-01') {
          context.finding(at(), say('DatumGebruik is 2 (dag en maand onbekend); dag en maand van Datum zijn dan 01-01.', 'DatumGebruik is 2 (day and month unknown); day and month of Datum are then 01-01.'));
        } else if (g.datumGebruik === '1' && day !== '01') {
          context.finding(at(), say('DatumGebruik is 1 (dag onbekend); de dag van Datum is dan 01.', 'DatumGebruik is 1 (day unknown); the day of Datum is then 01.'));
        }
      }
    },
  }),

  standardRule({
    id: 'CS319',
    messages: ['WMO323'],
    text: say('DeclaratieNummer aaneengesloten vullen met cijfers en/of letters.', 'DeclaratieNummer holds only letters and digits, without spaces.'),
    check(message, context) {
      const nummer = message.declaratie.declaratieNummer;
      if (!/^[a-zA-Z0-9]+$/.test(nummer)) {
        context.finding(locate(context, message.declaratie, 'declaratieNummer'), say(`DeclaratieNummer "${nummer}" bevat andere tekens dan letters en cijfers.`, `DeclaratieNummer "${nummer}" holds characters other than letters and digits.`));
      }
    },
  }),

  standardRule({
    id: 'CS325',
    messages: ['WMO323', 'WMO325'],
    text: say('Indien (Totaal)Bedrag de waarde 0 heeft, dan DebetCredit vullen met D (debet).', 'When a (Totaal)Bedrag is 0, DebetCredit is D (debet).'),
    check(message, context) {
      for (const amount of amounts(message)) {
        const value = 'bedrag' in amount ? amount.bedrag : amount.totaalBedrag;
        if (value === 0 && (amount.debetCredit as string).toUpperCase() === 'C') {
          context.finding(locate(context, amount, 'debetCredit'), say('Het bedrag is 0 met DebetCredit C; een bedrag 0 is debet (D).', 'The amount is 0 with DebetCredit C; an amount of 0 is debet (D).'));
        }
      }
    },
  }),

  standardRule({
    id: 'CS335',
    messages: ['WMO301'],
    text: say('RedenWijziging 13 (verwijderd) mag alleen gebruikt worden indien de Ingangsdatum gelijk is aan de Einddatum.', 'RedenWijziging 13 (verwijderd) is only used when the Ingangsdatum equals the Einddatum.'),
    // As in the XSLT, only a filled Einddatum that differs from the Ingangsdatum fails; an empty one is not checked.
    check(message, context) {
      for (const p of message.client.toegewezenProducten) {
        if (p.redenWijziging === '13' && p.einddatum !== undefined && p.einddatum !== p.ingangsdatum) {
          context.finding(locate(context, p, 'einddatum'), say(`RedenWijziging is 13 (verwijderd) maar Einddatum ${p.einddatum} is niet gelijk aan Ingangsdatum ${p.ingangsdatum}.`, `RedenWijziging is 13 (verwijderd) but Einddatum ${p.einddatum} differs from Ingangsdatum ${p.ingangsdatum}.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CS336',
    messages: ['WMO301'],
    text: say('RedenWijziging 01 (administratieve correctie (vervallen)) niet gebruiken.', 'RedenWijziging 01 (administratieve correctie, vervallen) is not used.'),
    check(message, context) {
      for (const p of message.client.toegewezenProducten) {
        if (p.redenWijziging === '01') {
          context.finding(locate(context, p, 'redenWijziging'), say('RedenWijziging 01 is vervallen; gebruik 14 (administratieve correctie).', 'RedenWijziging 01 is withdrawn; use 14 (administratieve correctie).'));
        }
      }
    },
  }),

  standardRule({
    id: 'CS337',
    messages: ['WMO323'],
    text: say(
      'Einddatum in de ProductPeriode vullen met een datum die valt in dezelfde kalendermaand en jaar als de Begindatum van de ProductPeriode.',
      'The ProductPeriode Einddatum falls in the same calendar month and year as its Begindatum.',
    ),
    check(message, context) {
      for (const client of message.declaratie.clienten) {
        for (const p of client.prestaties) {
          const { begindatum, einddatum } = p.productPeriode;
          if (yearMonth(begindatum) !== yearMonth(einddatum)) {
            context.finding(locate(context, p.productPeriode, 'einddatum'), say(`ProductPeriode ${begindatum} – ${einddatum} valt niet binnen één kalendermaand.`, `ProductPeriode ${begindatum} – ${einddatum} does not lie within one calendar month.`));
          }
        }
      }
    },
  }),

  standardRule({
    id: 'CS338',
    messages: ['WMO301', 'WMO317'],
    text: say(
      'Indien Eenheid de waarde 14, 16, 83 of 84 heeft en Einddatum groter dan 31-12-2020 of leeg is, dan Frequentie vullen met de waarde 2, 4 of 6.',
      'When Eenheid is 14, 16, 83 or 84 and the Einddatum is after 2020-12-31 or empty, Frequentie is 2, 4 or 6.',
    ),
    check(message, context) {
      unitFrequency(context, productClasses(message));
    },
  }),

  standardRule({
    id: 'CS339',
    messages: ['WMO323'],
    text: say("Indien Eenheid de waarde 83 (euro's) heeft, moet IngediendBedrag gelijk zijn aan GeleverdVolume.", "When Eenheid is 83 (euro's), IngediendBedrag equals GeleverdVolume."),
    check(message, context) {
      for (const client of message.declaratie.clienten) {
        for (const p of client.prestaties) {
          if (p.eenheid === '83' && p.ingediendBedrag.bedrag !== p.geleverdVolume) {
            context.finding(locate(context, p.ingediendBedrag, 'bedrag'), say(`Eenheid is 83 (euro's) maar Bedrag ${p.ingediendBedrag.bedrag} is niet gelijk aan GeleverdVolume ${p.geleverdVolume}.`, `Eenheid is 83 (euro's) but Bedrag ${p.ingediendBedrag.bedrag} differs from GeleverdVolume ${p.geleverdVolume}.`));
          }
        }
      }
    },
  }),

  standardRule({
    id: 'CS340',
    messages: ['WMO323'],
    text: say('De DeclaratiePeriode is exact gelijk aan 1 hele kalendermaand.', 'The DeclaratiePeriode is exactly one whole calendar month.'),
    // The XSLT checks two things, each with its own finding: the Begindatum is the 1st, and the day after the Einddatum is one month after the Begindatum.
    check(message, context) {
      const periode = message.declaratie.declaratiePeriode;
      if (dayOf(periode.begindatum) !== 1) {
        context.finding(locate(context, periode, 'begindatum'), say(`Begindatum ${periode.begindatum} is niet de eerste dag van een maand.`, `Begindatum ${periode.begindatum} is not the first day of a month.`));
      }
      const dayAfterEnd = addDays(periode.einddatum, 1);
      if (dayAfterEnd === undefined || dayAfterEnd !== addMonthsCarrying(periode.begindatum, 1)) {
        context.finding(locate(context, periode, 'einddatum'), say(`DeclaratiePeriode ${periode.begindatum} – ${periode.einddatum} is niet precies één kalendermaand.`, `DeclaratiePeriode ${periode.begindatum} – ${periode.einddatum} is not exactly one calendar month.`));
      }
    },
  }),

  standardRule({
    id: 'CS343',
    messages: ['WMO315'],
    text: say(
      'Indien Eenheid de waarde 14, 16, 83 of 84 heeft en ToewijzingEinddatum groter is dan 31-12-2020 of leeg, dan Frequentie vullen met waarde 2, 4 of 6.',
      'When Eenheid is 14, 16, 83 or 84 and the ToewijzingEinddatum is after 2020-12-31 or empty, Frequentie is 2, 4 or 6.',
    ),
    check(message, context) {
      unitFrequency(context, productClasses(message));
    },
  }),
];
