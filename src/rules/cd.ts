/**
 * Condities (CD): level 2, retourcode 0001 (spec §5.2). Each check follows the
 * template of the official XSLT 2.10.5 for that rule; where the XSLT reads the
 * rule differently from the rule table, the comment on the rule says so.
 * A finding points at the element the condition is about, also when it is
 * missing (`…/ToegewezenProduct[2]/Omvang`).
 */
import type { CDT_Adres, WMO301Contact } from '../standard/generated/types.js';
import { contactsOf, productClasses, type ProductClass, type ProductClassName } from './classes.js';
import { dateNumber, isBericht, locate, say, standardRule } from './helpers.js';
import type { Rule, RuleContext } from './rule.js';

const ZORGVERLENERS: ReadonlySet<string> = new Set(['02', '03', '04', '05']);

/** Every Adres of a 301 (in Contacts of Relaties and of Contactgegevens). */
function adressen(contacts: readonly WMO301Contact[]): CDT_Adres[] {
  return contacts.flatMap((c) => (c.adres ? [c.adres] : []));
}

function classesNamed(classes: readonly ProductClass[], names: readonly ProductClassName[]): ProductClass[] {
  return classes.filter((c) => names.includes(c.name));
}

/** `…/Einddatum` or `…/ToewijzingEinddatum`, by name, for messages. */
function endName(c: ProductClass): string {
  return c.endProp === 'toewijzingEinddatum' ? 'ToewijzingEinddatum' : 'Einddatum';
}

/** CD080, CD095, CD096: an Omvang needs a ProductCode when the class runs past 2020 (or has no end). */
function omvangWithoutCode(name: ProductClassName, endText: string, context: RuleContext, classes: readonly ProductClass[]): void {
  for (const c of classesNamed(classes, [name])) {
    if (!c.omvang || c.product?.code !== undefined) continue;
    if (c.end !== undefined && !(dateNumber(c.end) > 20201231)) continue;
    context.finding(
      locate(context, c.node, 'omvang'),
      say(
        `Omvang is gevuld maar Product heeft geen Code; zonder ProductCode blijft Omvang leeg als ${endText} leeg is of na 31-12-2020 ligt${c.end ? ` (${c.end})` : ''}.`,
        `Omvang is filled but the Product has no Code; without a ProductCode Omvang stays empty when ${endText} is empty or after 2020-12-31${c.end ? ` (${c.end})` : ''}.`,
      ),
    );
  }
}

export const cdRules: readonly Rule[] = [
  standardRule({
    id: 'CD005',
    messages: ['WMO301'],
    text: say('Als Postcode gevuld is, dan LandCode verplicht vullen, anders leeg laten.', 'LandCode is mandatory when Postcode is filled, and empty otherwise.'),
    check(message, context) {
      for (const adres of adressen(contactsOf(message))) {
        const at = () => locate(context, adres, 'landCode');
        if (adres.postcode !== undefined && adres.landCode === undefined) {
          context.finding(at(), say('Postcode is gevuld maar LandCode ontbreekt.', 'Postcode is filled but LandCode is missing.'));
        } else if (adres.postcode === undefined && adres.landCode !== undefined) {
          context.finding(at(), say(`LandCode is gevuld (${adres.landCode}) maar Postcode is leeg; zonder Postcode blijft LandCode leeg.`, `LandCode is filled (${adres.landCode}) but Postcode is empty; without a Postcode LandCode stays empty.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD007',
    messages: ['WMO301'],
    text: say('Als Communicatie/Vorm de waarde 1 (tolk taal) heeft, dan Taal verplicht vullen, anders leeg laten.', 'Taal is mandatory when Communicatie/Vorm is 1 (tolk taal), and empty otherwise.'),
    check(message, context) {
      const communicatie = message.client.communicatie;
      if (!communicatie) return;
      const at = () => locate(context, communicatie, 'taal');
      if (communicatie.vorm === '1' && communicatie.taal === undefined) {
        context.finding(at(), say('Vorm is 1 (tolk taal) maar Taal ontbreekt.', 'Vorm is 1 (tolk taal) but Taal is missing.'));
      } else if (communicatie.vorm !== '1' && communicatie.taal !== undefined) {
        context.finding(at(), say(`Taal is gevuld maar Vorm is ${communicatie.vorm}; Taal alleen bij Vorm 1 (tolk taal).`, `Taal is filled but Vorm is ${communicatie.vorm}; Taal only goes with Vorm 1 (tolk taal).`));
      }
    },
  }),

  standardRule({
    id: 'CD009',
    messages: ['WMO301'],
    text: say('Alleen als Soort adres de waarde 04 (tijdelijk adres) heeft, is vullen van Periode toegestaan.', 'Periode is only allowed when the address Soort is 04 (tijdelijk verblijfadres).'),
    check(message, context) {
      for (const contact of contactsOf(message)) {
        if (contact.periode && contact.soort !== '04') {
          context.finding(locate(context, contact, 'periode'), say(`Periode is gevuld bij Soort ${contact.soort}; alleen toegestaan bij Soort 04 (tijdelijk verblijfadres).`, `Periode is filled with Soort ${contact.soort}; it is only allowed with Soort 04 (tijdelijk verblijfadres).`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD025',
    messages: ['WMO301'],
    text: say('Als Adres/LandCode de waarde NL (Nederland) heeft, dan Huis verplicht vullen.', 'Huis is mandatory when Adres/LandCode is NL (Nederland).'),
    check(message, context) {
      for (const adres of adressen(contactsOf(message))) {
        if (adres.landCode === 'NL' && adres.huis === undefined) {
          context.finding(locate(context, adres, 'huis'), say('LandCode is NL maar Huis (Huisnummer) ontbreekt.', 'LandCode is NL but Huis (Huisnummer) is missing.'));
        }
      }
    },
  }),

  standardRule({
    id: 'CD034',
    messages: ['WMO301'],
    text: say('Als Soort adres de waarde 01 (BRP-adres) of 03 (verblijfadres) heeft, dan Postcode verplicht vullen.', 'Postcode is mandatory when the address Soort is 01 (BRP-adres) or 03 (verblijfadres).'),
    check(message, context) {
      for (const contact of contactsOf(message)) {
        if ((contact.soort === '01' || contact.soort === '03') && contact.adres?.postcode === undefined) {
          // Without an Adres the Postcode's path is still …/Adres/Postcode.
          const adres = locate(context, contact, 'adres');
          const at = () => (contact.adres ? locate(context, contact.adres, 'postcode') : { ...adres, path: `${adres.path}/Postcode` });
          context.finding(at(), say(`Soort is ${contact.soort} maar Postcode ontbreekt.`, `Soort is ${contact.soort} but Postcode is missing.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD041',
    messages: ['WMO301', 'WMO315', 'WMO317'],
    text: say('Indien Code in Product gevuld is, Omvang verplicht vullen.', 'Omvang is mandatory when Product/Code is filled.'),
    check(message, context) {
      for (const c of classesNamed(productClasses(message), ['ToegewezenProduct', 'AangevraagdProduct', 'NieuwProduct'])) {
        if (c.product?.code !== undefined && !c.omvang) {
          context.finding(locate(context, c.node, 'omvang'), say(`Product heeft Code ${c.product.code} maar Omvang ontbreekt.`, `Product has Code ${c.product.code} but Omvang is missing.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD043',
    messages: ['WMO315'],
    text: say('Indien BeschikkingNummer gevuld is, BeschikkingIngangsdatum verplicht vullen, anders leeg laten.', 'BeschikkingIngangsdatum is mandatory when BeschikkingNummer is filled, and empty otherwise.'),
    check(message, context) {
      for (const p of message.client.aangevraagdeProducten) {
        const at = () => locate(context, p, 'beschikkingIngangsdatum');
        if (p.beschikkingNummer !== undefined && p.beschikkingIngangsdatum === undefined) {
          context.finding(at(), say(`BeschikkingNummer is gevuld (${p.beschikkingNummer}) maar BeschikkingIngangsdatum ontbreekt.`, `BeschikkingNummer is filled (${p.beschikkingNummer}) but BeschikkingIngangsdatum is missing.`));
        } else if (p.beschikkingNummer === undefined && p.beschikkingIngangsdatum !== undefined) {
          context.finding(at(), say(`BeschikkingIngangsdatum is gevuld (${p.beschikkingIngangsdatum}) zonder BeschikkingNummer.`, `BeschikkingIngangsdatum is filled (${p.beschikkingIngangsdatum}) without a BeschikkingNummer.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD060',
    messages: ['WMO323', 'WMO325'],
    text: say('VorigReferentieNummer verplicht vullen indien DebetCredit bij het ingediende bedrag de waarde C (credit) heeft, anders leeg laten.', 'VorigReferentieNummer is mandatory when IngediendBedrag/DebetCredit is C (credit), and empty otherwise.'),
    check(message, context) {
      const clienten = isBericht(message, '323') ? message.declaratie.clienten : (message.declaratieAntwoord?.clienten ?? []);
      for (const client of clienten) {
        for (const p of client.prestaties) {
          const credit = p.ingediendBedrag.debetCredit === 'C';
          const vorig = p.productReferentie.vorigReferentieNummer;
          const at = () => locate(context, p.productReferentie, 'vorigReferentieNummer');
          if (credit && vorig === undefined) {
            context.finding(at(), say('IngediendBedrag is credit (C) maar VorigReferentieNummer ontbreekt.', 'IngediendBedrag is credit (C) but VorigReferentieNummer is missing.'));
          } else if (!credit && vorig !== undefined) {
            context.finding(at(), say(`VorigReferentieNummer is gevuld (${vorig}) bij een debet (D) IngediendBedrag; alleen een credit heeft een VorigReferentieNummer.`, `VorigReferentieNummer is filled (${vorig}) on a debet (D) IngediendBedrag; only a credit has one.`));
          }
        }
      }
    },
  }),

  standardRule({
    id: 'CD066',
    messages: ['WMO315'],
    text: say('Als Type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is gevuld, dan is Naam verwijzer leeg.', 'When the Verwijzer Type is 02, 03, 04 or 05 and ZorgverlenerCode is filled, Naam stays empty.'),
    check(message, context) {
      for (const p of message.client.aangevraagdeProducten) {
        const v = p.verwijzer;
        if (ZORGVERLENERS.has(v.type) && v.zorgverlenerCode !== undefined && v.naam !== undefined) {
          context.finding(locate(context, v, 'naam'), say(`Verwijzer Type ${v.type} heeft een ZorgverlenerCode; Naam moet dan leeg zijn.`, `Verwijzer Type ${v.type} has a ZorgverlenerCode; Naam must then be empty.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD067',
    messages: ['WMO315'],
    text: say('Als Type verwijzer gelijk is aan 02, 03, 04 of 05 en ZorgverlenerCode is leeg, dan is Naam verwijzer gevuld.', 'When the Verwijzer Type is 02, 03, 04 or 05 and ZorgverlenerCode is empty, Naam is filled.'),
    check(message, context) {
      for (const p of message.client.aangevraagdeProducten) {
        const v = p.verwijzer;
        if (ZORGVERLENERS.has(v.type) && v.zorgverlenerCode === undefined && v.naam === undefined) {
          context.finding(locate(context, v, 'naam'), say(`Verwijzer Type ${v.type} heeft geen ZorgverlenerCode en geen Naam; een van beide is nodig.`, `Verwijzer Type ${v.type} has neither a ZorgverlenerCode nor a Naam; one of them is needed.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD068',
    messages: ['WMO315'],
    text: say('Als Type verwijzer ongelijk is aan 02, 03, 04 of 05, dan is ZorgverlenerCode leeg.', 'When the Verwijzer Type is not 02, 03, 04 or 05, ZorgverlenerCode stays empty.'),
    check(message, context) {
      for (const p of message.client.aangevraagdeProducten) {
        const v = p.verwijzer;
        if (!ZORGVERLENERS.has(v.type) && v.zorgverlenerCode !== undefined) {
          context.finding(locate(context, v, 'zorgverlenerCode'), say(`ZorgverlenerCode is gevuld bij Verwijzer Type ${v.type}; alleen bij Type 02, 03, 04 of 05.`, `ZorgverlenerCode is filled with Verwijzer Type ${v.type}; it only goes with Type 02, 03, 04 or 05.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD075',
    messages: ['WMO301', 'WMO315', 'WMO317'],
    text: say('Einddatum verplicht vullen indien Budget gevuld is.', 'Einddatum is mandatory when Budget is filled.'),
    check(message, context) {
      for (const c of productClasses(message)) {
        if (c.budget !== undefined && c.end === undefined) {
          context.finding(locate(context, c.node, c.endProp), say(`Budget is gevuld maar ${endName(c)} ontbreekt.`, `Budget is filled but ${endName(c)} is missing.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD076',
    messages: ['WMO301', 'WMO315', 'WMO317'],
    text: say('Einddatum verplicht vullen indien Frequentie de waarde 2 (per week) heeft.', 'Einddatum is mandatory when Frequentie is 2 (per week).'),
    check(message, context) {
      for (const c of productClasses(message)) {
        if (c.omvang?.frequentie === '2' && c.end === undefined) {
          context.finding(locate(context, c.node, c.endProp), say(`Frequentie is 2 (per week) maar ${endName(c)} ontbreekt.`, `Frequentie is 2 (per week) but ${endName(c)} is missing.`));
        }
      }
    },
  }),

  standardRule({
    id: 'CD077',
    messages: ['WMO301', 'WMO315', 'WMO317'],
    text: say('Indien Budget gevuld is, dan Omvang leeg laten.', 'Omvang stays empty when Budget is filled.'),
    check(message, context) {
      for (const c of productClasses(message)) {
        if (c.budget !== undefined && c.omvang) {
          context.finding(locate(context, c.node, 'omvang'), say('Omvang is gevuld terwijl Budget ook gevuld is; een product heeft Omvang of Budget, niet beide.', 'Omvang is filled while Budget is filled too; a product has an Omvang or a Budget, not both.'));
        }
      }
    },
  }),

  standardRule({
    id: 'CD078',
    messages: ['WMO301', 'WMO315', 'WMO317'],
    text: say('Indien Omvang gevuld is, dan Budget leeg laten.', 'Budget stays empty when Omvang is filled.'),
    check(message, context) {
      for (const c of productClasses(message)) {
        if (c.omvang && c.budget !== undefined) {
          context.finding(locate(context, c.node, 'budget'), say('Budget is gevuld terwijl Omvang ook gevuld is; een product heeft Omvang of Budget, niet beide.', 'Budget is filled while Omvang is filled too; a product has an Omvang or a Budget, not both.'));
        }
      }
    },
  }),

  standardRule({
    id: 'CD079',
    messages: ['WMO301', 'WMO315', 'WMO317'],
    text: say('Indien Budget leeg is, dan Product verplicht vullen.', 'Product is mandatory when Budget is empty.'),
    check(message, context) {
      for (const c of classesNamed(productClasses(message), ['ToegewezenProduct', 'AangevraagdProduct', 'NieuwProduct'])) {
        if (c.budget === undefined && !c.product) {
          context.finding(locate(context, c.node, 'product'), say('Product en Budget ontbreken allebei; zonder Budget is Product verplicht.', 'Product and Budget are both missing; without a Budget the Product is mandatory.'));
        }
      }
    },
  }),

  standardRule({
    id: 'CD080',
    messages: ['WMO301'],
    text: say(
      'Indien Code in Product leeg is en Einddatum van het ToegewezenProduct groter dan 31-12-2020 of leeg is, dan Omvang leeg laten.',
      'Omvang stays empty when Product/Code is empty and the ToegewezenProduct Einddatum is after 2020-12-31 or empty.',
    ),
    check(message, context) {
      omvangWithoutCode('ToegewezenProduct', 'Einddatum', context, productClasses(message));
    },
  }),

  standardRule({
    id: 'CD085',
    messages: ['WMO319'],
    text: say('Als VerzoekAntwoord de waarde 1 (verzoek afgewezen) heeft, dan RedenAfwijzingVerzoek vullen.', 'RedenAfwijzingVerzoek is mandatory when VerzoekAntwoord is 1 (verzoek afgewezen).'),
    check(message, context) {
      const antwoord = message.antwoord;
      if (antwoord.verzoekAntwoord === '1' && antwoord.redenAfwijzingVerzoek === undefined) {
        context.finding(locate(context, antwoord, 'redenAfwijzingVerzoek'), say('VerzoekAntwoord is 1 (verzoek afgewezen) maar RedenAfwijzingVerzoek ontbreekt.', 'VerzoekAntwoord is 1 (verzoek afgewezen) but RedenAfwijzingVerzoek is missing.'));
      }
    },
  }),

  standardRule({
    id: 'CD086',
    messages: ['WMO319'],
    text: say('Als VerzoekAntwoord de waarde 2 (aanvraag in onderzoek) heeft, dan RedenAfwijzingVerzoek leeg laten.', 'RedenAfwijzingVerzoek stays empty when VerzoekAntwoord is 2 (aanvraag in onderzoek).'),
    check(message, context) {
      const antwoord = message.antwoord;
      if (antwoord.verzoekAntwoord === '2' && antwoord.redenAfwijzingVerzoek !== undefined) {
        context.finding(locate(context, antwoord, 'redenAfwijzingVerzoek'), say(`VerzoekAntwoord is 2 (aanvraag in onderzoek) maar RedenAfwijzingVerzoek is gevuld (${antwoord.redenAfwijzingVerzoek}).`, `VerzoekAntwoord is 2 (aanvraag in onderzoek) but RedenAfwijzingVerzoek is filled (${antwoord.redenAfwijzingVerzoek}).`));
      }
    },
  }),

  standardRule({
    id: 'CD087',
    messages: ['WMO323'],
    text: say("Als Eenheid ongelijk is aan 83 (euro's) dan ProductTarief verplicht vullen, anders leeg laten.", "ProductTarief is mandatory when Eenheid is not 83 (euro's), and empty when it is."),
    check(message, context) {
      for (const client of message.declaratie.clienten) {
        for (const p of client.prestaties) {
          const at = () => locate(context, p, 'productTarief');
          if (p.eenheid !== '83' && p.productTarief === undefined) {
            context.finding(at(), say(`Eenheid is ${p.eenheid} maar ProductTarief ontbreekt; alleen bij Eenheid 83 (euro's) blijft het leeg.`, `Eenheid is ${p.eenheid} but ProductTarief is missing; it only stays empty with Eenheid 83 (euro's).`));
          } else if (p.eenheid === '83' && p.productTarief !== undefined) {
            context.finding(at(), say(`ProductTarief is gevuld (${p.productTarief}) bij Eenheid 83 (euro's); dan blijft het leeg.`, `ProductTarief is filled (${p.productTarief}) with Eenheid 83 (euro's); it stays empty then.`));
          }
        }
      }
    },
  }),

  standardRule({
    id: 'CD095',
    messages: ['WMO315'],
    text: say(
      'Indien Code in Product leeg is en ToewijzingEinddatum van het AangevraagdProduct groter dan 31-12-2020 of leeg is, dan Omvang leeg laten.',
      'Omvang stays empty when Product/Code is empty and the AangevraagdProduct ToewijzingEinddatum is after 2020-12-31 or empty.',
    ),
    check(message, context) {
      omvangWithoutCode('AangevraagdProduct', 'ToewijzingEinddatum', context, productClasses(message));
    },
  }),

  standardRule({
    id: 'CD096',
    messages: ['WMO317'],
    text: say(
      'Indien Code in NieuwProduct leeg is en Einddatum groter dan 31-12-2020 of leeg is, dan Omvang leeg laten.',
      'Omvang stays empty when the NieuwProduct has no Product/Code and its Einddatum is after 2020-12-31 or empty.',
    ),
    check(message, context) {
      omvangWithoutCode('NieuwProduct', 'Einddatum', context, productClasses(message));
    },
  }),
];
