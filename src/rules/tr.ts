/**
 * Technische regels checked inside one message (spec §5.4): level 2,
 * retourcode 0001, each as the official XSLT 2.10.5 checks it. Rules that
 * compare classes with each other use maps, sets and sorted groups, so a
 * message is checked in time linear (or n log n) in its size, where the XSLT
 * compares every Prestatie with every other.
 */
import { maskBsn, type LocalizedText } from '../findings.js';
import type { NodeLocation } from '../codec/locations.js';
import type { CDT_Product, Message, WMO323Client, WMO323Prestatie, WMO325Prestatie } from '../standard/generated/types.js';
import { contactsOf } from './classes.js';
import { geboortedata } from './cs.js';
import { asDebetCredit, dateNumber, euro, isBericht, keyOf, laterDuplicates, locate, say, signed, standardOfMessage, standardRule, streamAll, subtractYears, withoutPosition, type ClientStreamStart, type ClientFields, type FieldsOf } from './helpers.js';
import { KeyTable } from './key-table.js';
import { OVERLAP_EXEMPT, productOverlaps } from './overlap.js';
import type { Rule, RuleContext } from './rule.js';

function dagtekeningOf(message: Message): string {
  return message.header.berichtIdentificatie.dagtekening;
}

/** `08/ABC12`, `08` (categorie only) or `generiek` (no Product), for messages. */
function productLabel(product: CDT_Product | undefined): string {
  if (!product) return 'generiek (geen Product)';
  return product.code === undefined ? `categorie ${product.categorie}` : `${product.categorie}/${product.code}`;
}

function productLabelEn(product: CDT_Product | undefined): string {
  if (!product) return 'generic (no Product)';
  return product.code === undefined ? `category ${product.categorie}` : `${product.categorie}/${product.code}`;
}

type Prestatie = WMO323Prestatie | WMO325Prestatie;

/**
 * TR101: a later class with the same logical key as an earlier sibling is a
 * duplicate. Absent key parts are equal to each other, as in the XSLT.
 */
function duplicateKeys<T extends object>(context: RuleContext, siblings: readonly T[], key: (item: T) => string, what: { nl: string; en: string }): void {
  for (const { item, first } of laterDuplicates(siblings, key)) {
    const firstPath = context.locator.node(first).path;
    context.finding(context.locator.node(item), say(`Dubbele regel: ${what.nl} is gelijk aan die van ${firstPath}.`, `Duplicate line: ${what.en} equals that of ${firstPath}.`));
  }
}

type DeclaratieClient = { bsn: string; prestaties: readonly Prestatie[] };

/** TR101 for the clients of a 323 or 325 (key Bsn) and, per client, their Prestaties (key ProductReferentie). */
const duplicateClientsAndPrestaties: ClientStreamStart = (_message, context) => {
  // Bsn → position of the first Client with it: its path is the Client's path with that position.
  const firstByBsn = new KeyTable();
  return {
    clients(clienten, firstOrdinal) {
      (clienten as readonly DeclaratieClient[]).forEach((client, i) => {
        const first = firstByBsn.setFirst(client.bsn, firstOrdinal + i);
        if (first !== undefined) {
          const at = context.locator.node(client);
          const firstPath = `${withoutPosition(at.path)}[${first}]`;
          context.finding(at, say(`Dubbele regel: Client met Bsn ${maskBsn(client.bsn)} komt al voor als ${firstPath}.`, `Duplicate line: Client with Bsn ${maskBsn(client.bsn)} already occurs as ${firstPath}.`));
        }
        // The XSLT compares a Prestatie with its siblings only: ProductReferentie is unique per Client here (TR314, level 3, looks further).
        duplicateKeys(context, client.prestaties, (p) => keyOf(p.productReferentie.referentieNummer, p.productReferentie.vorigReferentieNummer), {
          nl: 'ProductReferentie (ReferentieNummer en VorigReferentieNummer)',
          en: 'the ProductReferentie (ReferentieNummer and VorigReferentieNummer)',
        });
      });
    },
    end() {},
  };
};

const clientenOf323 = (message: Message): readonly WMO323Client[] => (isBericht(message, '323') ? message.declaratie.clienten : []);

/** What a ClientStream reads of a declaratie's Client, checked against its type. */
const readsOf323Client = (fields: FieldsOf<WMO323Client>): ClientFields => fields as ClientFields;

/** TR315: a VorigReferentieNummer that an earlier Prestatie of the message already has. */
const uniqueVorigReferentie: ClientStreamStart = (_message, context) => {
  const firstPaths = new Map<string, string>();
  return {
    clients(clienten) {
      for (const client of clienten as readonly WMO323Client[]) {
        for (const p of client.prestaties) {
          const vorig = p.productReferentie.vorigReferentieNummer;
          if (vorig === undefined) continue;
          const firstPath = firstPaths.get(vorig);
          if (firstPath === undefined) firstPaths.set(vorig, locate(context, p.productReferentie, 'vorigReferentieNummer').path);
          else context.finding(locate(context, p.productReferentie, 'vorigReferentieNummer'), say(`VorigReferentieNummer ${vorig} komt al voor in ${firstPath}.`, `VorigReferentieNummer ${vorig} already occurs in ${firstPath}.`));
        }
      }
    },
    end() {},
  };
};

/** Position of a Prestatie among all: its Client's position × PER_CLIENT + its own position. */
const PER_CLIENT = 1 << 20;

/** TR316: any Prestatie whose VorigReferentieNummer is the ReferentieNummer of a Prestatie in the same message (itself included, earlier or later). */
const creditedInSameMessage: ClientStreamStart = (_message, context) => {
  const byReferentie = new KeyTable();
  const credits: { vorig: string; own: string; at: NodeLocation }[] = [];
  let clientPath = '';
  let prestatiePath = '';
  return {
    clients(clienten, firstOrdinal) {
      (clienten as readonly WMO323Client[]).forEach((client, i) => {
        client.prestaties.forEach((p, j) => {
          const referentie = p.productReferentie;
          if (!clientPath) {
            const path = context.locator.node(client).path;
            clientPath = withoutPosition(path);
            prestatiePath = withoutPosition(context.locator.node(p).path.slice(path.length));
          }
          byReferentie.setFirst(referentie.referentieNummer, (firstOrdinal + i) * PER_CLIENT + j + 1);
          const vorig = referentie.vorigReferentieNummer;
          if (vorig !== undefined) credits.push({ vorig, own: referentie.referentieNummer, at: locate(context, referentie, 'vorigReferentieNummer') });
        });
      });
    },
    end() {
      for (const { vorig, own, at } of credits) {
        if (vorig === own) {
          context.finding(at, say(`VorigReferentieNummer ${vorig} is gelijk aan het eigen ReferentieNummer.`, `VorigReferentieNummer ${vorig} equals the Prestatie's own ReferentieNummer.`));
          continue;
        }
        const debet = byReferentie.get(vorig);
        if (debet !== undefined) {
          const debetPath = `${clientPath}[${Math.floor(debet / PER_CLIENT)}]${prestatiePath}[${debet % PER_CLIENT}]`;
          context.finding(at, say(`VorigReferentieNummer ${vorig} verwijst naar ${debetPath} in hetzelfde bericht; een debetregel mag niet in hetzelfde bericht gecrediteerd worden.`, `VorigReferentieNummer ${vorig} refers to ${debetPath} in the same message; a debet line may not be credited in the same message.`));
        }
      }
    },
  };
};

/** TR358: the sum over all Prestaties against TotaalIngediendBedrag, judged after the last Client. */
const totaalIngediend: ClientStreamStart = (message, context) => {
  let sum = 0;
  return {
    clients(clienten) {
      for (const client of clienten as readonly WMO323Client[]) for (const p of client.prestaties) sum += signed(p.ingediendBedrag.bedrag, p.ingediendBedrag.debetCredit);
    },
    end() {
      if (!isBericht(message, '323')) return;
      const totaal = message.declaratie.totaalIngediendBedrag;
      // D means the total is Σ debet − Σ credit, C that it is the negation; an unmatched sign fails either way.
      const expected = totaal.debetCredit === 'C' ? -sum : sum;
      if (totaal.totaalBedrag !== expected) {
        context.finding(
          locate(context, message.declaratie, 'totaalIngediendBedrag'),
          say(
            `TotaalIngediendBedrag is ${totaal.totaalBedrag} ${totaal.debetCredit}, maar de Prestaties tellen op tot ${asDebetCredit(sum)} (${euro(sum)}).`,
            `TotaalIngediendBedrag is ${totaal.totaalBedrag} ${totaal.debetCredit}, but the Prestaties add up to ${asDebetCredit(sum)} (${euro(sum)}).`,
          ),
        );
      }
    },
  };
};

/** TR302, TR386, TR410 share the overlap search; only the classes and their period fields differ. */
function overlapRule<T extends object>(
  context: RuleContext,
  classes: readonly { item: T; product: CDT_Product | undefined; start: string; end: string | undefined }[],
): void {
  const exempt = OVERLAP_EXEMPT[standardOfMessage(context.message)];
  const overlaps = productOverlaps(
    classes.map((c) => ({ item: c, categorie: c.product?.categorie, code: c.product?.code, start: c.start, end: c.end })),
    exempt,
  );
  for (const { item, other } of overlaps) {
    const otherPath = context.locator.node(other.item).path;
    const period = `${item.start} – ${item.end ?? '…'}`;
    const otherPeriod = `${other.start} – ${other.end ?? '…'}`;
    context.finding(
      context.locator.node(item.item),
      say(
        `Product ${productLabel(item.product)} (${period}) overlapt met ${productLabel(other.product)} (${otherPeriod}) in ${otherPath}; hetzelfde product mag niet in overlappende periodes voorkomen.`,
        `Product ${productLabelEn(item.product)} (${period}) overlaps ${productLabelEn(other.product)} (${otherPeriod}) in ${otherPath}; the same product may not occur in overlapping periods.`,
      ),
    );
  }
}

/** TR377 and TR409 (iJw only): evaluated only when a JW319 gives a RedenAfwijzingVerzoek; `broken` says when it fails. */
function woonplaatsbeginselRule(id: string, broken: (reden: string, present: boolean) => boolean, text: LocalizedText, problem: (reden: string) => LocalizedText): Rule {
  return standardRule({
    id,
    messages: ['JW319'],
    standards: ['ijw-3.2'],
    text,
    check(message, context) {
      if (message.type !== 'JW319') return;
      const { redenAfwijzingVerzoek: reden, woonplaatsbeginsel } = message.antwoord;
      if (reden === undefined || !broken(reden, woonplaatsbeginsel !== undefined)) return;
      context.finding(locate(context, message.antwoord, 'redenAfwijzingVerzoek'), problem(reden));
    },
  });
}

export const trRules: readonly Rule[] = [
  standardRule({
    id: 'TR002',
    messages: ['WMO301', 'WMO305', 'WMO307', 'WMO315'],
    text: say('Geboortedatum mag niet meer dan 120 jaar voor de Dagtekening liggen, tenzij Geboortedatum onbekend is.', 'A Geboortedatum is at most 120 years before the Dagtekening, unless it is unknown.'),
    check(message, context) {
      const dagtekening = dagtekeningOf(message);
      for (const g of geboortedata(message)) {
        // Unknown (DatumGebruik 3 with 1900-01-01) is exempt.
        if (g.datumGebruik === '3' && g.datum === '1900-01-01') continue;
        if (dateNumber(g.datum) + 1_200_000 < dateNumber(dagtekening)) {
          context.finding(locate(context, g, 'datum'), say(`Geboortedatum ligt meer dan 120 jaar vóór de Dagtekening ${dagtekening}.`, `Geboortedatum is more than 120 years before the Dagtekening ${dagtekening}.`));
        }
      }
    },
  }),

  standardRule({
    id: 'TR006',
    messages: ['WMO301'],
    text: say('De berichtklasse Contact moet een berichtelement Telefoon, en/of de combinatie Huis en Postcode bevatten.', 'A Contact holds a Telefoon, or a Huis with a Postcode, or both.'),
    check(message, context) {
      for (const contact of contactsOf(message)) {
        if (contact.telefoon) continue;
        const missing = [contact.adres?.huis ? undefined : 'Huis', contact.adres?.postcode === undefined ? 'Postcode' : undefined].filter((m) => m !== undefined);
        if (missing.length) {
          context.finding(context.locator.node(contact), say(`Contact heeft geen Telefoon en geen ${missing.join(' en ')}; nodig is Telefoon of Huis met Postcode.`, `Contact has no Telefoon and no ${missing.join(' and ')}; it needs a Telefoon or a Huis with a Postcode.`));
        }
      }
    },
  }),

  standardRule({
    id: 'TR018',
    messages: ['WMO307'],
    text: say('Einddatum moet groter dan of gelijk zijn aan Begindatum.', 'Einddatum is on or after Begindatum.'),
    check(message, context) {
      for (const p of message.client.stopProducten) {
        if (dateNumber(p.begindatum) > dateNumber(p.einddatum)) {
          context.finding(locate(context, p, 'einddatum'), say(`Einddatum ${p.einddatum} ligt vóór Begindatum ${p.begindatum}.`, `Einddatum ${p.einddatum} is before Begindatum ${p.begindatum}.`));
        }
      }
    },
  }),

  standardRule({
    id: 'TR061',
    messages: ['WMO301'],
    text: say(
      "Bij een Client moet minimaal één Adres voorkomen waarvan Soort de waarde '01' (BRP-adres), '02' (Correspondentie-adres) of '03' (Verblijfadres) heeft.",
      'A Client has at least one Contact with Soort 01 (BRP-adres), 02 (correspondentieadres) or 03 (verblijfadres).',
    ),
    check(message, context) {
      const contacts = message.client.contactgegevens;
      if (!contacts.some((c) => c.soort === '01' || c.soort === '02' || c.soort === '03')) {
        const soorten = [...new Set(contacts.map((c) => c.soort))].join(', ');
        context.finding(locate(context, message.client, 'contactgegevens'), say(`Contactgegevens heeft alleen Soort ${soorten}; er moet een Contact met Soort 01, 02 of 03 zijn.`, `Contactgegevens only has Soort ${soorten}; a Contact with Soort 01, 02 or 03 is needed.`));
      }
    },
  }),

  standardRule({
    id: 'TR101',
    messages: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO317', 'WMO323', 'WMO325'],
    text: say('Binnen een bericht zijn dubbele regels niet toegestaan.', 'A message holds no duplicate lines (classes with the same logical key).'),
    // Keys as in the XSLT (spec §5.4, §2.3), each compared among the class's siblings. Classes that occur once per message (Client of a 301…317, Verzoek, Antwoord, Declaratie) cannot repeat.
    // The iJw rule set also keys a 319's Woonplaatsbeginsel on Gemeente; it occurs at most once, so that key can never fire (iJw spec §4.2).
    check(message, context) {
      switch (message.type) {
        case 'WMO301':
        case 'JW301':
          // Relatie.Nummer may hold a person's id: the text names the key, not its value.
          duplicateKeys(context, message.client.relaties ?? [], (r) => keyOf(r.nummer), { nl: 'Nummer', en: 'the Nummer' });
          duplicateKeys(context, message.client.contactgegevens, (c) => keyOf(c.soort), { nl: 'Soort', en: 'the Soort' });
          duplicateKeys(context, message.client.toegewezenProducten, (p) => keyOf(p.toewijzingNummer), { nl: 'ToewijzingNummer', en: 'the ToewijzingNummer' });
          break;
        case 'WMO305':
        case 'JW305':
          duplicateKeys(context, message.client.startProducten, (p) => keyOf(p.toewijzingNummer, p.product?.categorie, p.product?.code, p.begindatum), {
            nl: 'de sleutel (ToewijzingNummer, Product, Begindatum)',
            en: 'the key (ToewijzingNummer, Product, Begindatum)',
          });
          break;
        case 'WMO307':
        case 'JW307':
          duplicateKeys(context, message.client.stopProducten, (p) => keyOf(p.toewijzingNummer, p.product?.categorie, p.product?.code, p.begindatum, p.redenBeeindiging, p.einddatum), {
            nl: 'de sleutel (ToewijzingNummer, Product, Begindatum, RedenBeeindiging, Einddatum)',
            en: 'the key (ToewijzingNummer, Product, Begindatum, RedenBeeindiging, Einddatum)',
          });
          break;
        case 'WMO315':
        case 'JW315':
          duplicateKeys(context, message.client.aangevraagdeProducten, (p) => keyOf(p.referentieAanbieder), { nl: 'ReferentieAanbieder', en: 'the ReferentieAanbieder' });
          break;
        case 'WMO317':
        case 'JW317': {
          const verzoek = message.client.verzoek;
          duplicateKeys(context, verzoek.ongewijzigdeProducten ?? [], (p) => keyOf(p.toewijzingNummer), { nl: 'ToewijzingNummer', en: 'the ToewijzingNummer' });
          duplicateKeys(context, verzoek.teWijzigenProducten ?? [], (p) => keyOf(p.toewijzingNummer), { nl: 'ToewijzingNummer', en: 'the ToewijzingNummer' });
          duplicateKeys(context, verzoek.nieuweProducten ?? [], (p) => keyOf(p.product?.categorie, p.product?.code, p.gewensteIngangsdatum), {
            nl: 'de sleutel (Product, GewensteIngangsdatum)',
            en: 'the key (Product, GewensteIngangsdatum)',
          });
          break;
        }
        case 'WMO323':
        case 'JW323':
          streamAll(duplicateClientsAndPrestaties, message, context, message.declaratie.clienten);
          break;
        case 'WMO325':
        case 'JW325':
          streamAll(duplicateClientsAndPrestaties, message, context, message.declaratieAntwoord?.clienten ?? []);
          break;
      }
    },
    clientStream: { start: duplicateClientsAndPrestaties, reads: readsOf323Client({ bsn: true, prestaties: { productReferentie: { referentieNummer: true, vorigReferentieNummer: true } } }) },
  }),

  standardRule({
    id: 'TR134',
    messages: ['WMO301', 'WMO305', 'WMO307', 'WMO315', 'WMO323', 'WMO325'],
    text: say('Vullen met een bestaande datum die niet groter is dan de Dagtekening van het bericht.', 'The date is not after the Dagtekening of the message.'),
    check(message, context) {
      const dagtekening = dagtekeningOf(message);
      const dates: { node: object; prop: string; value: string; name: string; personal?: boolean }[] = [];
      for (const g of geboortedata(message)) dates.push({ node: g, prop: 'datum', value: g.datum, name: 'Geboortedatum', personal: true });
      switch (message.type) {
        case 'WMO301':
        case 'JW301':
          for (const p of message.client.toegewezenProducten) dates.push({ node: p, prop: 'toewijzingsdatum', value: p.toewijzingsdatum, name: 'Toewijzingsdatum' });
          break;
        case 'WMO305':
        case 'JW305':
          for (const p of message.client.startProducten) dates.push({ node: p, prop: 'begindatum', value: p.begindatum, name: 'Begindatum' });
          break;
        case 'WMO307':
        case 'JW307':
          for (const p of message.client.stopProducten) dates.push({ node: p, prop: 'einddatum', value: p.einddatum, name: 'Einddatum' });
          break;
        case 'WMO323':
        case 'JW323': {
          const periode = message.declaratie.declaratiePeriode;
          dates.push({ node: periode, prop: 'begindatum', value: periode.begindatum, name: 'Begindatum van de DeclaratiePeriode' });
          for (const c of message.declaratie.clienten) for (const p of c.prestaties) dates.push({ node: p.productPeriode, prop: 'begindatum', value: p.productPeriode.begindatum, name: 'Begindatum van de ProductPeriode' });
          break;
        }
        case 'WMO325':
        case 'JW325':
          for (const c of message.declaratieAntwoord?.clienten ?? []) for (const p of c.prestaties) dates.push({ node: p.productPeriode, prop: 'begindatum', value: p.productPeriode.begindatum, name: 'Begindatum van de ProductPeriode' });
          break;
      }
      for (const d of dates) {
        if (dateNumber(d.value) > dateNumber(dagtekening)) {
          // A birth date is personal data: its value stays out of the text.
          const value = d.personal ? '' : ` ${d.value}`;
          context.finding(locate(context, d.node, d.prop), say(`${d.name}${value} ligt na de Dagtekening ${dagtekening}.`, `${d.name}${value} is after the Dagtekening ${dagtekening}.`));
        }
      }
    },
  }),

  standardRule({
    id: 'TR137',
    messages: ['WMO323', 'WMO325'],
    text: say(
      'Einddatum vullen met een waarde die groter is dan, of gelijk is aan de Begindatum van de aangeduide periode én die niet groter is dan de Dagtekening van het bericht.',
      'A period Einddatum is on or after its Begindatum and not after the Dagtekening of the message.',
    ),
    check(message, context) {
      const dagtekening = dagtekeningOf(message);
      const periods =
        isBericht(message, '323')
          ? [message.declaratie.declaratiePeriode, ...message.declaratie.clienten.flatMap((c) => c.prestaties.map((p) => p.productPeriode))]
          : (message.declaratieAntwoord?.clienten ?? []).flatMap((c) => c.prestaties.map((p) => p.productPeriode));
      for (const periode of periods) {
        const at = () => locate(context, periode, 'einddatum');
        if (dateNumber(periode.begindatum) > dateNumber(periode.einddatum)) {
          context.finding(at(), say(`Einddatum ${periode.einddatum} ligt vóór Begindatum ${periode.begindatum}.`, `Einddatum ${periode.einddatum} is before Begindatum ${periode.begindatum}.`));
        }
        if (dateNumber(periode.einddatum) > dateNumber(dagtekening)) {
          context.finding(at(), say(`Einddatum ${periode.einddatum} ligt na de Dagtekening ${dagtekening}.`, `Einddatum ${periode.einddatum} is after the Dagtekening ${dagtekening}.`));
        }
      }
    },
  }),

  standardRule({
    id: 'TR302',
    messages: ['WMO301'],
    text: say(
      'Een Product mag alleen vaker in een toewijzingsbericht voorkomen indien de zorgperiodes elkaar niet overlappen, of indien sprake is van hulpmiddelen.',
      'A product occurs more than once in a toewijzing only for periods that do not overlap, or for hulpmiddelen (categories 11–14).',
    ),
    check(message, context) {
      // Like the XSLT, a ToegewezenProduct removed with RedenWijziging 13 (or the withdrawn 01) and Einddatum = Ingangsdatum takes no part.
      const removed = (p: (typeof message.client.toegewezenProducten)[number]): boolean =>
        (p.redenWijziging === '13' || p.redenWijziging === '01') && p.einddatum !== undefined && dateNumber(p.einddatum) === dateNumber(p.ingangsdatum);
      overlapRule(
        context,
        message.client.toegewezenProducten.filter((p) => !removed(p)).map((p) => ({ item: p, product: p.product, start: p.ingangsdatum, end: p.einddatum })),
      );
    },
  }),

  standardRule({
    id: 'TR315',
    messages: ['WMO323'],
    text: say('VorigReferentieNummer van de Prestatie moet uniek zijn in het bericht.', 'The VorigReferentieNummer of a Prestatie is unique within the message.'),
    check(message, context) {
      streamAll(uniqueVorigReferentie, message, context, clientenOf323(message));
    },
    clientStream: { start: uniqueVorigReferentie, reads: readsOf323Client({ prestaties: { productReferentie: { vorigReferentieNummer: true } } }) },
  }),

  standardRule({
    id: 'TR316',
    messages: ['WMO323'],
    text: say('Debetregels mogen niet in hetzelfde bericht gecrediteerd worden.', 'A debet line may not be credited in the same message.'),
    // The XSLT compares reference numbers only: any Prestatie whose VorigReferentieNummer is the ReferentieNummer of a Prestatie in the same message (itself included).
    check(message, context) {
      streamAll(creditedInSameMessage, message, context, clientenOf323(message));
    },
    clientStream: { start: creditedInSameMessage, reads: readsOf323Client({ prestaties: { productReferentie: { referentieNummer: true, vorigReferentieNummer: true } } }) },
  }),

  standardRule({
    id: 'TR319',
    messages: ['WMO323'],
    text: say(
      'Een declaratiebericht bevat alleen prestaties waarvan de ProductPeriode valt binnen de huidige, of een voorgaande declaratieperiode.',
      'A declaratie only holds Prestaties whose ProductPeriode lies within the current or an earlier DeclaratiePeriode.',
    ),
    // As the XSLT checks it: neither Begindatum nor Einddatum of the ProductPeriode lies after the DeclaratiePeriode's Einddatum.
    check(message, context) {
      const einde = message.declaratie.declaratiePeriode.einddatum;
      for (const client of message.declaratie.clienten) {
        for (const p of client.prestaties) {
          const periode = p.productPeriode;
          const late = dateNumber(periode.begindatum) > dateNumber(einde) ? 'begindatum' : dateNumber(periode.einddatum) > dateNumber(einde) ? 'einddatum' : undefined;
          if (late) {
            context.finding(locate(context, periode, late), say(`ProductPeriode ${periode.begindatum} – ${periode.einddatum} loopt na het einde van de DeclaratiePeriode (${einde}).`, `ProductPeriode ${periode.begindatum} – ${periode.einddatum} runs past the end of the DeclaratiePeriode (${einde}).`));
          }
        }
      }
    },
  }),

  standardRule({
    id: 'TR335',
    messages: ['WMO323'],
    text: say('Einddatum mag niet meer dan 5 jaar voor DeclaratieDagtekening liggen.', 'The ProductPeriode Einddatum is at most 5 years before the DeclaratieDagtekening.'),
    check(message, context) {
      const dagtekening = message.declaratie.declaratieDagtekening;
      const limit = subtractYears(dagtekening, 5);
      if (limit === undefined) return;
      for (const client of message.declaratie.clienten) {
        for (const p of client.prestaties) {
          if (dateNumber(p.productPeriode.einddatum) < dateNumber(limit)) {
            context.finding(locate(context, p.productPeriode, 'einddatum'), say(`Einddatum ${p.productPeriode.einddatum} ligt meer dan 5 jaar vóór de DeclaratieDagtekening ${dagtekening}.`, `Einddatum ${p.productPeriode.einddatum} is more than 5 years before the DeclaratieDagtekening ${dagtekening}.`));
          }
        }
      }
    },
  }),

  standardRule({
    id: 'TR342',
    messages: ['WMO325'],
    text: say('Alleen afgewezen Prestaties dienen meegestuurd te worden in het declaratie-antwoordbericht op een declaratie.', 'A declaratie-antwoord returns only rejected Prestaties.'),
    // As the XSLT checks it: with only RetourCodes 0200/8001 on the DeclaratieAntwoord, the returned Prestaties (Σ debet − Σ credit)
    // account exactly for TotaalIngediend − TotaalToegekend (both signed); with any other code nothing is awarded.
    check(message, context) {
      const antwoord = message.declaratieAntwoord;
      if (!antwoord) return;
      const ingediend = signed(antwoord.totaalIngediendBedrag.totaalBedrag, antwoord.totaalIngediendBedrag.debetCredit);
      const toegekend = signed(antwoord.totaalToegekendBedrag.totaalBedrag, antwoord.totaalToegekendBedrag.debetCredit);
      const at = () => locate(context, antwoord, 'totaalToegekendBedrag');
      if (antwoord.retourCodes.every((code) => code === '0200' || code === '8001')) {
        let returned = 0;
        for (const client of antwoord.clienten ?? []) for (const p of client.prestaties) returned += signed(p.ingediendBedrag.bedrag, p.ingediendBedrag.debetCredit);
        if (returned !== ingediend - toegekend) {
          context.finding(
            at(),
            say(
              `TotaalIngediendBedrag ${euro(ingediend)} − TotaalToegekendBedrag ${euro(toegekend)} = ${euro(ingediend - toegekend)}, maar de teruggestuurde (afgewezen) Prestaties tellen op tot ${euro(returned)}.`,
              `TotaalIngediendBedrag ${euro(ingediend)} − TotaalToegekendBedrag ${euro(toegekend)} = ${euro(ingediend - toegekend)}, but the returned (rejected) Prestaties add up to ${euro(returned)}.`,
            ),
          );
        }
      } else if (toegekend !== 0) {
        const codes = antwoord.retourCodes.filter((code) => code !== '0200' && code !== '8001').join(', ');
        context.finding(at(), say(`De declaratie is afgewezen (RetourCode ${codes}) maar TotaalToegekendBedrag is ${euro(toegekend)}; dat moet 0 zijn.`, `The declaratie is rejected (RetourCode ${codes}) but TotaalToegekendBedrag is ${euro(toegekend)}; it must be 0.`));
      }
    },
  }),

  standardRule({
    id: 'TR352',
    messages: ['WMO317'],
    text: say('Bij een verzoek om wijziging komt minstens 1 OngewijzigdProduct of TeWijzigenProduct voor.', 'A verzoek om wijziging holds at least one OngewijzigdProduct or TeWijzigenProduct.'),
    check(message, context) {
      const verzoek = message.client.verzoek;
      if (!verzoek.ongewijzigdeProducten?.length && !verzoek.teWijzigenProducten?.length) {
        context.finding(context.locator.node(verzoek), say('Verzoek heeft geen OngewijzigdProduct en geen TeWijzigenProduct; een VOW noemt de actuele toewijzingen.', 'Verzoek has no OngewijzigdProduct and no TeWijzigenProduct; a VOW lists the current toewijzingen.'));
      }
    },
  }),

  standardRule({
    id: 'TR353',
    messages: ['WMO317'],
    text: say('Bij een verzoek om wijziging komt minstens 1 TeWijzigenProduct of NieuwProduct voor.', 'A verzoek om wijziging holds at least one TeWijzigenProduct or NieuwProduct.'),
    check(message, context) {
      const verzoek = message.client.verzoek;
      if (!verzoek.teWijzigenProducten?.length && !verzoek.nieuweProducten?.length) {
        context.finding(context.locator.node(verzoek), say('Verzoek heeft geen TeWijzigenProduct en geen NieuwProduct; er wordt dan niets gevraagd.', 'Verzoek has no TeWijzigenProduct and no NieuwProduct; it asks for nothing.'));
      }
    },
  }),

  standardRule({
    id: 'TR358',
    messages: ['WMO323'],
    text: say(
      'De waarde van TotaalBedrag in TotaalIngediendBedrag moet gelijk zijn aan de som van de waarden van Bedrag in IngediendBedrag in alle onderliggende Prestaties, rekening houdend met indicatie debet/credit.',
      'TotaalIngediendBedrag equals the sum of IngediendBedrag over all Prestaties, credit counting negative (Σ debet − Σ credit), with its own DebetCredit.',
    ),
    check(message, context) {
      streamAll(totaalIngediend, message, context, message.declaratie.clienten);
    },
    clientStream: { start: totaalIngediend, reads: readsOf323Client({ prestaties: { ingediendBedrag: { bedrag: true, debetCredit: true } } }) },
  }),

  standardRule({
    id: 'TR380',
    messages: ['WMO317'],
    text: say('GewensteIngangsdatum vullen met een datum die groter is dan de Dagtekening van het bericht.', 'The GewensteIngangsdatum of a NieuwProduct is after the Dagtekening of the message.'),
    check(message, context) {
      const dagtekening = dagtekeningOf(message);
      for (const p of message.client.verzoek.nieuweProducten ?? []) {
        if (!(dateNumber(p.gewensteIngangsdatum) > dateNumber(dagtekening))) {
          context.finding(locate(context, p, 'gewensteIngangsdatum'), say(`GewensteIngangsdatum ${p.gewensteIngangsdatum} ligt niet na de Dagtekening ${dagtekening}.`, `GewensteIngangsdatum ${p.gewensteIngangsdatum} is not after the Dagtekening ${dagtekening}.`));
        }
      }
    },
  }),

  standardRule({
    id: 'TR383',
    messages: ['WMO315'],
    text: say('ReferentieAanbieder is uniek voor elk AangevraagdProduct binnen het bericht.', 'Each AangevraagdProduct has its own ReferentieAanbieder within the message.'),
    check(message, context) {
      for (const { item, first } of laterDuplicates(message.client.aangevraagdeProducten, (p) => p.referentieAanbieder)) {
        const firstPath = context.locator.node(first).path;
        context.finding(locate(context, item, 'referentieAanbieder'), say(`ReferentieAanbieder ${item.referentieAanbieder} komt al voor in ${firstPath}.`, `ReferentieAanbieder ${item.referentieAanbieder} already occurs in ${firstPath}.`));
      }
    },
  }),

  standardRule({
    id: 'TR386',
    messages: ['WMO315'],
    text: say(
      'Een Product mag alleen vaker in een verzoek om toewijzing voorkomen indien de zorgperiodes elkaar niet overlappen.',
      'A product occurs more than once in a verzoek om toewijzing only for periods that do not overlap (hulpmiddelen, categories 11–14, excepted).',
    ),
    check(message, context) {
      overlapRule(
        context,
        message.client.aangevraagdeProducten.map((p) => ({ item: p, product: p.product, start: p.toewijzingIngangsdatum, end: p.toewijzingEinddatum })),
      );
    },
  }),

  standardRule({
    id: 'TR410',
    messages: ['WMO317'],
    text: say(
      'Een Product mag alleen vaker in de berichtklassen NieuwProduct voorkomen als de zorgperiodes elkaar niet overlappen, of indien sprake is van hulpmiddelen.',
      'A product occurs more than once among the NieuwProducten only for periods that do not overlap, or for hulpmiddelen (categories 11–14).',
    ),
    check(message, context) {
      overlapRule(
        context,
        (message.client.verzoek.nieuweProducten ?? []).map((p) => ({ item: p, product: p.product, start: p.gewensteIngangsdatum, end: p.einddatum })),
      );
    },
  }),

  standardRule({
    id: 'TR416',
    messages: ['WMO323'],
    text: say(
      'Prestatie met DebetCredit in IngediendBedrag waarde Debet mag alleen ingezonden worden voor dezelfde ProductPeriode, ProductCategorie en ProductCode met gelijk ToewijzingNummer als er niet al een Prestatie met waarde Debet is.',
      'A message holds at most one debet Prestatie per ToewijzingNummer, ProductPeriode, ProductCategorie and ProductCode.',
    ),
    // As in the XSLT, debet Prestaties are compared with the other Prestaties of the same Client (TR389, level 3, looks further).
    check(message, context) {
      for (const client of message.declaratie.clienten) {
        const debets = client.prestaties.filter((p) => p.ingediendBedrag.debetCredit === 'D');
        const key = (p: WMO323Prestatie) => keyOf(p.toewijzingNummer, p.productPeriode.begindatum, p.productPeriode.einddatum, p.productCategorie, p.productCode);
        for (const { item, first } of laterDuplicates(debets, key)) {
          const firstPath = context.locator.node(first).path;
          context.finding(
            context.locator.node(item),
            say(
              `Tweede debet-Prestatie voor ToewijzingNummer ${item.toewijzingNummer}, product ${item.productCategorie}/${item.productCode} en ProductPeriode ${item.productPeriode.begindatum} – ${item.productPeriode.einddatum}; de eerste staat in ${firstPath}.`,
              `Second debet Prestatie for ToewijzingNummer ${item.toewijzingNummer}, product ${item.productCategorie}/${item.productCode} and ProductPeriode ${item.productPeriode.begindatum} – ${item.productPeriode.einddatum}; the first is ${firstPath}.`,
            ),
          );
        }
      }
    },
  }),

  // iJw only (iJw spec §4.1): RedenAfwijzingVerzoek 8 (woonplaatsbeginsel) goes with the class Woonplaatsbeginsel, any
  // other reason without it. Both hang on RedenAfwijzingVerzoek, as in the official rule set: without a reason a
  // Woonplaatsbeginsel passes level 2 (the gap the spec names).
  woonplaatsbeginselRule(
    'TR377',
    (reden, present) => reden === '8' && !present,
    say('Als RedenAfwijzingVerzoek de waarde 8 (woonplaatsbeginsel) heeft, dan moet Woonplaatsbeginsel gevuld zijn.', 'When RedenAfwijzingVerzoek is 8 (woonplaatsbeginsel), Woonplaatsbeginsel is present.'),
    () =>
      say(
        'RedenAfwijzingVerzoek is 8 (woonplaatsbeginsel), maar Woonplaatsbeginsel met de verantwoordelijke gemeente ontbreekt.',
        'RedenAfwijzingVerzoek is 8 (woonplaatsbeginsel), but Woonplaatsbeginsel with the responsible gemeente is missing.',
      ),
  ),
  woonplaatsbeginselRule(
    'TR409',
    (reden, present) => reden !== '8' && present,
    say('Als RedenAfwijzingVerzoek een andere waarde dan 8 (woonplaatsbeginsel) heeft, dan Woonplaatsbeginsel niet vullen.', 'When RedenAfwijzingVerzoek is other than 8 (woonplaatsbeginsel), Woonplaatsbeginsel is absent.'),
    (reden) =>
      say(
        `RedenAfwijzingVerzoek is ${reden}; Woonplaatsbeginsel hoort alleen bij reden 8 (woonplaatsbeginsel).`,
        `RedenAfwijzingVerzoek is ${reden}; Woonplaatsbeginsel goes only with reason 8 (woonplaatsbeginsel).`,
      ),
  ),
];
