/**
 * For every level-2 rule: messages that break it (and which path the finding
 * names) and messages that keep it. A break case changes one thing in a valid
 * base; `alsoFires` lists the other rules the standard makes fail on the same
 * change (a duplicate ReferentieAanbieder is both TR101 and TR383).
 */
import type { Message } from '../../src/standard/generated/types.js';
import type * as T from '../../src/standard/generated/types.js';
import {
  aangevraagdProduct,
  BAD_BSN,
  base301,
  base305,
  base307,
  base315,
  base317,
  base319,
  base323,
  base325,
  BSN,
  BSN_2,
  credit,
  edit,
  nieuwProduct,
  prestatie,
  relatie,
  retotal,
  startProduct,
  stopProduct,
  TELEFOON,
  toegewezenProduct,
} from './bases.js';
import { editJw, jwTwin } from './twin.js';

export interface RuleCase {
  readonly name: string;
  readonly message: Message;
  /** The path of (one of) the rule's findings. */
  readonly path?: string;
  readonly alsoFires?: readonly string[];
  /** Cannot be written as XML: the XSD already forbids it (a pattern or fixed value). */
  readonly codeOnly?: boolean;
}

export interface RuleCases {
  readonly breaks: readonly RuleCase[];
  readonly keeps: readonly RuleCase[];
}

const TP = '/Bericht/Client/ToegewezenProducten/ToegewezenProduct';
const CONTACT = '/Bericht/Client/Contactgegevens/Contact';
const AP = '/Bericht/Client/AangevraagdeProducten/AangevraagdProduct';
const NP = '/Bericht/Client/Verzoek/NieuweProducten/NieuwProduct';
const TW = '/Bericht/Client/Verzoek/TeWijzigenProducten/TeWijzigenProduct';
const PRESTATIE = '/Bericht/Declaratie/Clienten/Client[1]/Prestaties/Prestatie';
const PRESTATIE_325 = '/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Prestaties/Prestatie';

const tp = (m: T.WMO301, i = 0): T.WMO301ToegewezenProduct => m.client.toegewezenProducten[i]!;
const contact = (m: T.WMO301, i = 0): T.WMO301Contact => m.client.contactgegevens[i]!;
const ap = (m: T.WMO315, i = 0): T.WMO315AangevraagdProduct => m.client.aangevraagdeProducten[i]!;
const np = (m: T.WMO317, i = 0): T.WMO317NieuwProduct => m.client.verzoek.nieuweProducten![i]!;
const tw = (m: T.WMO317, i = 0): T.WMO317TeWijzigenProduct => m.client.verzoek.teWijzigenProducten![i]!;
const pr = (m: T.WMO323, i = 0, client = 0): T.WMO323Prestatie => m.declaratie.clienten[client]!.prestaties[i]!;

/** A 323 with the given Prestaties for one client and its total computed. */
const declaratie = (...prestaties: T.WMO323Prestatie[]): T.WMO323 => base323([{ bsn: BSN, prestaties }]);

/** Aspecifiek with a Budget: Categorie only, no Omvang. */
const aspecifiek = { product: { categorie: '02' as const }, omvang: undefined, budget: 100_000 };

export const ruleCases: Record<string, RuleCases> = {
  CD005: {
    breaks: [
      { name: 'Postcode without LandCode', message: edit(base301, (m) => void delete contact(m).adres!.landCode), path: `${CONTACT}[1]/Adres/LandCode` },
      {
        name: 'LandCode without Postcode',
        message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '02', adres: { huis: { huisnummer: 3 }, landCode: 'BE' }, telefoon: TELEFOON })),
        path: `${CONTACT}[2]/Adres/LandCode`,
      },
    ],
    keeps: [{ name: 'a foreign address with Postcode and LandCode', message: edit(base301, (m) => (contact(m).adres = { huis: { huisnummer: 3 }, postcode: '1000', landCode: 'BE' })) }],
  },

  CD007: {
    breaks: [
      { name: 'Vorm 1 (tolk taal) without Taal', message: edit(base301, (m) => (m.client.communicatie = { vorm: '1' })), path: '/Bericht/Client/Communicatie/Taal' },
      { name: 'Taal with Vorm 2', message: edit(base301, (m) => (m.client.communicatie = { vorm: '2', taal: 'Pools' })), path: '/Bericht/Client/Communicatie/Taal' },
    ],
    keeps: [
      { name: 'Vorm 1 with Taal', message: edit(base301, (m) => (m.client.communicatie = { vorm: '1', taal: 'Pools' })) },
      { name: 'Vorm 3 without Taal', message: edit(base301, (m) => (m.client.communicatie = { vorm: '3' })) },
    ],
  },

  CD009: {
    breaks: [{ name: 'Periode on a BRP-adres (Soort 01)', message: edit(base301, (m) => (contact(m).periode = { begindatum: '2025-01-01' })), path: `${CONTACT}[1]/Periode` }],
    keeps: [{ name: 'Periode on a tijdelijk verblijfadres (Soort 04)', message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '04', telefoon: TELEFOON, periode: { begindatum: '2025-01-01', einddatum: '2025-03-01' } })) }],
  },

  CD025: {
    breaks: [
      {
        name: 'LandCode NL without Huis',
        message: edit(base301, (m) => {
          contact(m).adres = { postcode: '1234AB', landCode: 'NL' };
          contact(m).telefoon = TELEFOON;
        }),
        path: `${CONTACT}[1]/Adres/Huis`,
      },
    ],
    keeps: [{ name: 'a foreign address without Huis', message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '02', adres: { postcode: '1000', landCode: 'BE' }, telefoon: TELEFOON })) }],
  },

  CD034: {
    breaks: [
      { name: 'BRP-adres (Soort 01) without an Adres', message: edit(base301, (m) => (m.client.contactgegevens[0] = { soort: '01', telefoon: TELEFOON })), path: `${CONTACT}[1]/Adres/Postcode` },
      {
        name: 'verblijfadres (Soort 03) of a Relatie with an Adres but no Postcode',
        message: edit(base301, (m) => (m.client.relaties = [relatie({ contact: { soort: '03', adres: { straatnaam: 'Dorpsstraat' }, telefoon: TELEFOON } })])),
        path: '/Bericht/Client/Relaties/Relatie[1]/Contact/Adres/Postcode',
      },
    ],
    keeps: [{ name: 'correspondentieadres (Soort 02) with a Telefoon only', message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '02', telefoon: TELEFOON })) }],
  },

  CD041: {
    breaks: [
      { name: '301: ProductCode without Omvang', message: edit(base301, (m) => void delete tp(m).omvang), path: `${TP}[1]/Omvang` },
      { name: '315: ProductCode without Omvang', message: edit(base315, (m) => void delete ap(m).omvang), path: `${AP}[1]/Omvang` },
      { name: '317: NieuwProduct with ProductCode without Omvang', message: edit(base317, (m) => void delete np(m).omvang), path: `${NP}[1]/Omvang` },
    ],
    keeps: [{ name: 'aspecifiek: Categorie only, no Omvang', message: edit(base301, (m) => Object.assign(tp(m), { product: { categorie: '02' }, omvang: undefined })) }],
  },

  CD043: {
    breaks: [
      { name: 'BeschikkingNummer without BeschikkingIngangsdatum', message: edit(base315, (m) => (ap(m).beschikkingNummer = 42)), path: `${AP}[1]/BeschikkingIngangsdatum` },
      { name: 'BeschikkingIngangsdatum without BeschikkingNummer', message: edit(base315, (m) => (ap(m).beschikkingIngangsdatum = '2025-01-01')), path: `${AP}[1]/BeschikkingIngangsdatum` },
    ],
    keeps: [{ name: 'both', message: edit(base315, (m) => Object.assign(ap(m), { beschikkingNummer: 42, beschikkingIngangsdatum: '2025-01-01' })) }],
  },

  CD060: {
    breaks: [
      {
        name: '323: credit without VorigReferentieNummer',
        message: edit(
          () => declaratie(prestatie(), credit(prestatie({ productPeriode: { begindatum: '2025-01-01', einddatum: '2025-01-15' } }), 'P2')),
          (m) => void delete pr(m, 1).productReferentie.vorigReferentieNummer,
        ),
        path: `${PRESTATIE}[2]/ProductReferentie/VorigReferentieNummer`,
      },
      { name: '323: debet with VorigReferentieNummer', message: edit(base323, (m) => (pr(m).productReferentie.vorigReferentieNummer = 'P0')), path: `${PRESTATIE}[1]/ProductReferentie/VorigReferentieNummer` },
      {
        name: '325: returned credit without VorigReferentieNummer',
        message: edit(base325, (m) => {
          const antwoord = m.declaratieAntwoord!;
          antwoord.clienten![0]!.prestaties[0]!.ingediendBedrag.debetCredit = 'C';
          antwoord.totaalIngediendBedrag.debetCredit = 'C';
        }),
        path: `${PRESTATIE_325}[1]/ProductReferentie/VorigReferentieNummer`,
      },
    ],
    keeps: [{ name: 'a credit with VorigReferentieNummer', message: declaratie(credit(prestatie({ productReferentie: { referentieNummer: 'P0' } }), 'P1')) }],
  },

  CD066: {
    breaks: [{ name: 'huisarts with ZorgverlenerCode and Naam', message: edit(base315, (m) => (ap(m).verwijzer = { type: '02', naam: 'Dokter', zorgverlenerCode: '01234567' })), path: `${AP}[1]/Verwijzer/Naam` }],
    keeps: [{ name: 'huisarts with ZorgverlenerCode only', message: base315() }],
  },

  CD067: {
    breaks: [{ name: 'jeugdarts without ZorgverlenerCode and Naam', message: edit(base315, (m) => (ap(m).verwijzer = { type: '03' })), path: `${AP}[1]/Verwijzer/Naam` }],
    keeps: [{ name: 'medisch specialist with Naam only', message: edit(base315, (m) => (ap(m).verwijzer = { type: '05', naam: 'Specialist' })) }],
  },

  CD068: {
    breaks: [{ name: 'gemeente as verwijzer with a ZorgverlenerCode', message: edit(base315, (m) => (ap(m).verwijzer = { type: '01', zorgverlenerCode: '01234567' })), path: `${AP}[1]/Verwijzer/ZorgverlenerCode` }],
    keeps: [{ name: 'zelfverwijzer without ZorgverlenerCode', message: edit(base315, (m) => (ap(m).verwijzer = { type: '06' })) }],
  },

  CD075: {
    breaks: [
      { name: '301: Budget without Einddatum', message: edit(base301, (m) => Object.assign(tp(m), aspecifiek, { einddatum: undefined })), path: `${TP}[1]/Einddatum` },
      { name: '315: Budget without ToewijzingEinddatum', message: edit(base315, (m) => Object.assign(ap(m), aspecifiek, { toewijzingEinddatum: undefined })), path: `${AP}[1]/ToewijzingEinddatum` },
      { name: '317: TeWijzigenProduct Budget without Einddatum', message: edit(base317, (m) => Object.assign(tw(m), { omvang: undefined, budget: 50_000, einddatum: undefined })), path: `${TW}[1]/Einddatum` },
    ],
    keeps: [{ name: 'Budget with Einddatum', message: edit(base301, (m) => Object.assign(tp(m), aspecifiek)) }],
  },

  CD076: {
    breaks: [
      { name: '301: per week without Einddatum', message: edit(base301, (m) => void delete tp(m).einddatum), path: `${TP}[1]/Einddatum` },
      { name: '317: NieuwProduct per week without Einddatum', message: edit(base317, (m) => void delete np(m).einddatum), path: `${NP}[1]/Einddatum` },
    ],
    keeps: [{ name: 'per maand without Einddatum', message: edit(base301, (m) => Object.assign(tp(m), { einddatum: undefined, omvang: { volume: 16, eenheid: '04', frequentie: '4' } })) }],
  },

  CD077: {
    breaks: [{ name: 'Omvang and Budget', message: edit(base301, (m) => (tp(m).budget = 100_000)), path: `${TP}[1]/Omvang`, alsoFires: ['CD078'] }],
    keeps: [{ name: 'Omvang only', message: base301() }],
  },

  CD078: {
    breaks: [{ name: 'Omvang and Budget', message: edit(base315, (m) => (ap(m).budget = 100_000)), path: `${AP}[1]/Budget`, alsoFires: ['CD077'] }],
    keeps: [{ name: 'Budget only', message: edit(base315, (m) => Object.assign(ap(m), aspecifiek)) }],
  },

  CD079: {
    breaks: [
      { name: '301: no Product and no Budget', message: edit(base301, (m) => Object.assign(tp(m), { product: undefined, omvang: undefined })), path: `${TP}[1]/Product` },
      { name: '317: NieuwProduct without Product and Budget', message: edit(base317, (m) => Object.assign(np(m), { product: undefined, omvang: undefined })), path: `${NP}[1]/Product` },
    ],
    keeps: [{ name: 'generiek: no Product, a Budget', message: edit(base301, (m) => Object.assign(tp(m), { product: undefined, omvang: undefined, budget: 100_000 })) }],
  },

  CD080: {
    breaks: [{ name: 'Omvang without ProductCode, ending in 2025', message: edit(base301, (m) => (tp(m).product = { categorie: '02' })), path: `${TP}[1]/Omvang` }],
    keeps: [
      {
        name: 'Omvang without ProductCode, ending on 31-12-2020',
        message: edit(base301, (m) => Object.assign(tp(m), { product: { categorie: '02' }, toewijzingsdatum: '2019-12-01', ingangsdatum: '2020-01-01', einddatum: '2020-12-31' })),
      },
    ],
  },

  CD085: {
    breaks: [{ name: 'afgewezen without reason', message: edit(base319, (m) => void delete m.antwoord.redenAfwijzingVerzoek), path: '/Bericht/Antwoord/RedenAfwijzingVerzoek' }],
    keeps: [{ name: 'afgewezen with reason', message: base319() }],
  },

  CD086: {
    breaks: [{ name: 'in onderzoek with a reason', message: edit(base319, (m) => (m.antwoord.verzoekAntwoord = '2')), path: '/Bericht/Antwoord/RedenAfwijzingVerzoek' }],
    keeps: [{ name: 'in onderzoek without reason', message: edit(base319, (m) => Object.assign(m.antwoord, { verzoekAntwoord: '2', redenAfwijzingVerzoek: undefined })) }],
  },

  CD087: {
    breaks: [
      { name: 'uren without ProductTarief', message: edit(base323, (m) => void delete pr(m).productTarief), path: `${PRESTATIE}[1]/ProductTarief` },
      { name: "euro's with ProductTarief", message: retotal(edit(base323, (m) => Object.assign(pr(m), { eenheid: '83', geleverdVolume: 80000, productTarief: 1 }))), path: `${PRESTATIE}[1]/ProductTarief` },
    ],
    keeps: [{ name: "euro's without ProductTarief", message: edit(base323, (m) => Object.assign(pr(m), { eenheid: '83', geleverdVolume: 80000, productTarief: undefined })) }],
  },

  CD095: {
    breaks: [{ name: 'Omvang without ProductCode', message: edit(base315, (m) => (ap(m).product = { categorie: '02' })), path: `${AP}[1]/Omvang` }],
    keeps: [{ name: 'Omvang with ProductCode', message: base315() }],
  },

  CD096: {
    breaks: [{ name: 'NieuwProduct Omvang without ProductCode', message: edit(base317, (m) => (np(m).product = { categorie: '02' })), path: `${NP}[1]/Omvang` }],
    keeps: [{ name: 'NieuwProduct without ProductCode and Omvang', message: edit(base317, (m) => Object.assign(np(m), { product: { categorie: '02' }, omvang: undefined })) }],
  },

  CS002: {
    breaks: [
      { name: '301', message: edit(base301, (m) => (m.client.bsn = BAD_BSN)), path: '/Bericht/Client/Bsn' },
      { name: '305', message: edit(base305, (m) => (m.client.bsn = BAD_BSN)), path: '/Bericht/Client/Bsn' },
      { name: '317', message: edit(base317, (m) => (m.client.bsn = BAD_BSN)), path: '/Bericht/Client/Bsn' },
      { name: '323, second client', message: base323([{ bsn: BSN, prestaties: [prestatie()] }, { bsn: BAD_BSN, prestaties: [prestatie({ productReferentie: { referentieNummer: 'P2' } })] }]), path: '/Bericht/Declaratie/Clienten/Client[2]/Bsn' },
      { name: '325', message: edit(base325, (m) => (m.declaratieAntwoord!.clienten![0]!.bsn = BAD_BSN)), path: '/Bericht/DeclaratieAntwoord/Clienten/Client[1]/Bsn' },
    ],
    keeps: [
      { name: 'a valid Bsn', message: base307() },
      { name: 'all zeros (the XSLT computes, it does not judge)', message: edit(base315, (m) => (m.client.bsn = '000000000')) },
    ],
  },

  CS003: {
    breaks: [
      { name: '301: Einddatum before Ingangsdatum', message: edit(base301, (m) => (tp(m).einddatum = '2025-01-31')), path: `${TP}[1]/Einddatum` },
      {
        name: '301: Periode Einddatum before Begindatum',
        message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '04', telefoon: TELEFOON, periode: { begindatum: '2025-03-01', einddatum: '2025-02-01' } })),
        path: `${CONTACT}[2]/Periode/Einddatum`,
      },
      {
        name: '301: Periode with an Einddatum and no Begindatum (as the XSLT reads it)',
        message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '04', telefoon: TELEFOON, periode: { einddatum: '2025-02-01' } })),
        path: `${CONTACT}[2]/Periode/Einddatum`,
      },
      { name: '315: ToewijzingEinddatum before ToewijzingIngangsdatum', message: edit(base315, (m) => (ap(m).toewijzingEinddatum = '2025-01-31')), path: `${AP}[1]/ToewijzingEinddatum` },
      { name: '317: TeWijzigenProduct Einddatum before GewensteIngangsdatum', message: edit(base317, (m) => (tw(m).einddatum = '2025-02-28')), path: `${TW}[1]/Einddatum` },
    ],
    keeps: [
      { name: 'one-day toewijzing', message: edit(base301, (m) => (tp(m).einddatum = tp(m).ingangsdatum)) },
      { name: 'Periode with a Begindatum only', message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '04', telefoon: TELEFOON, periode: { begindatum: '2025-03-01' } })) },
    ],
  },

  CS015: {
    breaks: [{ name: 'BerichtSubversie 1', message: edit(base305, (m) => ((m.header as { berichtSubversie: number }).berichtSubversie = 1)), path: '/Bericht/Header/BerichtSubversie', codeOnly: true }],
    keeps: [{ name: 'BerichtSubversie 2', message: base305() }],
  },

  CS025: {
    breaks: [{ name: 'BerichtVersie 2', message: edit(base319, (m) => ((m.header as { berichtVersie: number }).berichtVersie = 2)), path: '/Bericht/Header/BerichtVersie', codeOnly: true }],
    keeps: [{ name: 'BerichtVersie 3', message: base319() }],
  },

  CS050: {
    breaks: [
      { name: 'with Partnernaam, NaamGebruik 5', message: edit(base301, (m) => Object.assign(m.client.naam, { partnernaam: { achternaam: 'Visser' }, naamGebruik: '5' })), path: '/Bericht/Client/Naam/NaamGebruik' },
      { name: 'without Partnernaam, NaamGebruik 2', message: edit(base301, (m) => (m.client.naam.naamGebruik = '2')), path: '/Bericht/Client/Naam/NaamGebruik' },
      { name: 'without Partnernaam, NaamGebruik 6 (XSLT 2.10.5)', message: edit(base301, (m) => (m.client.naam.naamGebruik = '6')), path: '/Bericht/Client/Naam/NaamGebruik' },
      { name: 'a Relatie without Partnernaam, NaamGebruik 4', message: edit(base301, (m) => (m.client.relaties = [relatie({ naam: { geslachtsnaam: { achternaam: 'Bakker' }, naamGebruik: '4' } })])), path: '/Bericht/Client/Relaties/Relatie[1]/Naam/NaamGebruik' },
    ],
    keeps: [{ name: 'with Partnernaam, NaamGebruik 3', message: edit(base301, (m) => Object.assign(m.client.naam, { partnernaam: { achternaam: 'Visser' }, naamGebruik: '3' })) }],
  },

  CS058: {
    breaks: [
      { name: '305: StatusAanlevering 2', message: edit(base305, (m) => (m.client.startProducten[0]!.statusAanlevering = '2')), path: '/Bericht/Client/StartProducten/StartProduct[1]/StatusAanlevering' },
      { name: '307: StatusAanlevering 9', message: edit(base307, (m) => (m.client.stopProducten[0]!.statusAanlevering = '9')), path: '/Bericht/Client/StopProducten/StopProduct[1]/StatusAanlevering' },
    ],
    keeps: [{ name: 'StatusAanlevering 3', message: edit(base305, (m) => (m.client.startProducten[0]!.statusAanlevering = '3')) }],
  },

  CS089: {
    breaks: [
      { name: 'a space in the postcode', message: edit(base301, (m) => (contact(m).adres!.postcode = '1234 AB')), path: `${CONTACT}[1]/Adres/Postcode` },
      { name: 'starting with 0', message: edit(base301, (m) => (contact(m).adres!.postcode = '0123AB')), path: `${CONTACT}[1]/Adres/Postcode` },
    ],
    keeps: [{ name: 'lower-case letters', message: edit(base301, (m) => (contact(m).adres!.postcode = '1234ab')) }],
  },

  CS100: {
    breaks: [{ name: 'ProductPeriode in 2020', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2020-12-01', einddatum: '2020-12-31' })), path: `${PRESTATIE}[1]/ProductPeriode/Begindatum` }],
    keeps: [{ name: 'ProductPeriode from 01-01-2021', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2021-01-01', einddatum: '2021-01-31' })) }],
  },

  CS139: {
    breaks: [
      { name: 'DatumGebruik 1, day 15', message: edit(base301, (m) => (m.client.geboortedatum = { datum: '1950-06-15', datumGebruik: '1' })), path: '/Bericht/Client/Geboortedatum/Datum' },
      { name: 'DatumGebruik 2, June', message: edit(base305, (m) => (m.client.geboortedatum = { datum: '1950-06-01', datumGebruik: '2' })), path: '/Bericht/Client/Geboortedatum/Datum' },
      { name: 'DatumGebruik 3, not 1900-01-01', message: edit(base315, (m) => (m.client.geboortedatum = { datum: '1950-01-01', datumGebruik: '3' })), path: '/Bericht/Client/Geboortedatum/Datum' },
    ],
    keeps: [
      { name: 'DatumGebruik 1 on the 1st', message: edit(base307, (m) => (m.client.geboortedatum = { datum: '1950-06-01', datumGebruik: '1' })) },
      { name: 'DatumGebruik 3 with 1900-01-01', message: edit(base301, (m) => (m.client.geboortedatum = { datum: '1900-01-01', datumGebruik: '3' })) },
    ],
  },

  CS319: {
    breaks: [{ name: 'a dash in the DeclaratieNummer', message: edit(base323, (m) => (m.declaratie.declaratieNummer = 'D-2025')), path: '/Bericht/Declaratie/DeclaratieNummer', codeOnly: true }],
    keeps: [{ name: 'letters and digits', message: base323() }],
  },

  CS325: {
    breaks: [
      {
        name: 'a credit Prestatie of 0',
        message: declaratie(prestatie(), credit(prestatie({ productReferentie: { referentieNummer: 'P0' }, geleverdVolume: 0, ingediendBedrag: { bedrag: 0, debetCredit: 'D' } }), 'P2')),
        path: `${PRESTATIE}[2]/IngediendBedrag/DebetCredit`,
      },
      {
        name: 'a TotaalIngediendBedrag of 0 credit',
        message: edit(base323, (m) => {
          Object.assign(pr(m), { geleverdVolume: 0, ingediendBedrag: { bedrag: 0, debetCredit: 'D' } });
          m.declaratie.totaalIngediendBedrag = { totaalBedrag: 0, debetCredit: 'C' };
        }),
        path: '/Bericht/Declaratie/TotaalIngediendBedrag/DebetCredit',
      },
      { name: '325: a TotaalToegekendBedrag of 0 credit', message: edit(base325, (m) => (m.declaratieAntwoord!.totaalToegekendBedrag.debetCredit = 'C')), path: '/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag/DebetCredit' },
    ],
    keeps: [{ name: 'an amount of 0 debet', message: edit(base323, (m) => Object.assign(pr(m), { geleverdVolume: 0, ingediendBedrag: { bedrag: 0, debetCredit: 'D' } }) && retotal(m)) }],
  },

  CS335: {
    breaks: [{ name: 'RedenWijziging 13 with a later Einddatum', message: edit(base301, (m) => (tp(m).redenWijziging = '13')), path: `${TP}[1]/Einddatum` }],
    keeps: [
      { name: 'RedenWijziging 13 with Einddatum = Ingangsdatum', message: edit(base301, (m) => Object.assign(tp(m), { redenWijziging: '13', einddatum: '2025-02-01' })) },
      {
        name: 'RedenWijziging 13 without Einddatum (the XSLT checks a filled one only)',
        message: edit(base301, (m) => Object.assign(tp(m), { redenWijziging: '13', einddatum: undefined, omvang: { volume: 16, eenheid: '04', frequentie: '4' } })),
      },
    ],
  },

  CS336: {
    breaks: [{ name: 'RedenWijziging 01', message: edit(base301, (m) => (tp(m).redenWijziging = '01')), path: `${TP}[1]/RedenWijziging` }],
    keeps: [{ name: 'RedenWijziging 14', message: edit(base301, (m) => (tp(m).redenWijziging = '14')) }],
  },

  CS337: {
    breaks: [
      { name: 'ProductPeriode across a year end', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2024-12-15', einddatum: '2025-01-10' })), path: `${PRESTATIE}[1]/ProductPeriode/Einddatum` },
      { name: 'same month, another year', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2024-01-10', einddatum: '2025-01-10' })), path: `${PRESTATIE}[1]/ProductPeriode/Einddatum` },
    ],
    keeps: [{ name: 'part of a month', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2025-01-10', einddatum: '2025-01-20' })) }],
  },

  CS338: {
    breaks: [
      { name: '301: etmaal per dag, ending 2025', message: edit(base301, (m) => (tp(m).omvang = { volume: 1, eenheid: '14', frequentie: '1' })), path: `${TP}[1]/Omvang/Frequentie` },
      { name: '317: NieuwProduct stuks per dag', message: edit(base317, (m) => (np(m).omvang = { volume: 1, eenheid: '84', frequentie: '1' })), path: `${NP}[1]/Omvang/Frequentie` },
      { name: '317: TeWijzigenProduct dagdeel per dag', message: edit(base317, (m) => (tw(m).omvang = { volume: 1, eenheid: '16', frequentie: '1' })), path: `${TW}[1]/Omvang/Frequentie` },
    ],
    keeps: [
      { name: 'etmaal per dag, ending 31-12-2020', message: edit(base301, (m) => Object.assign(tp(m), { toewijzingsdatum: '2019-12-01', ingangsdatum: '2020-01-01', einddatum: '2020-12-31', omvang: { volume: 1, eenheid: '14', frequentie: '1' } })) },
      { name: 'uur per dag', message: edit(base301, (m) => (tp(m).omvang = { volume: 1, eenheid: '04', frequentie: '1' })) },
    ],
  },

  CS339: {
    breaks: [{ name: "euro's: Bedrag ≠ GeleverdVolume", message: edit(base323, (m) => Object.assign(pr(m), { eenheid: '83', productTarief: undefined, geleverdVolume: 79999 })), path: `${PRESTATIE}[1]/IngediendBedrag/Bedrag` }],
    keeps: [{ name: "euro's: Bedrag = GeleverdVolume", message: edit(base323, (m) => Object.assign(pr(m), { eenheid: '83', productTarief: undefined, geleverdVolume: 80000 })) }],
  },

  CS340: {
    breaks: [
      {
        name: 'a month from the 2nd',
        message: edit(base323, (m) => {
          m.declaratie.declaratiePeriode = { begindatum: '2025-01-02', einddatum: '2025-02-01' };
          m.header.berichtIdentificatie.dagtekening = m.declaratie.declaratieDagtekening = '2025-02-05';
          pr(m).productPeriode = { begindatum: '2025-01-02', einddatum: '2025-01-31' };
        }),
        path: '/Bericht/Declaratie/DeclaratiePeriode/Begindatum',
      },
      {
        name: 'January without its last day',
        message: edit(base323, (m) => {
          m.declaratie.declaratiePeriode.einddatum = '2025-01-30';
          pr(m).productPeriode.einddatum = '2025-01-30';
        }),
        path: '/Bericht/Declaratie/DeclaratiePeriode/Einddatum',
      },
    ],
    keeps: [
      {
        name: 'February of a leap year',
        message: edit(base323, (m) => {
          m.declaratie.declaratiePeriode = { begindatum: '2024-02-01', einddatum: '2024-02-29' };
          pr(m).productPeriode = { begindatum: '2024-02-01', einddatum: '2024-02-29' };
        }),
      },
    ],
  },

  CS343: {
    breaks: [{ name: 'dagdeel per dag', message: edit(base315, (m) => (ap(m).omvang = { volume: 1, eenheid: '16', frequentie: '1' })), path: `${AP}[1]/Omvang/Frequentie` }],
    keeps: [{ name: 'dagdeel per week', message: edit(base315, (m) => (ap(m).omvang = { volume: 1, eenheid: '16', frequentie: '2' })) }],
  },

  TR002: {
    breaks: [
      { name: '301: a day more than 120 years before', message: edit(base301, (m) => (m.client.geboortedatum.datum = '1905-01-14')), path: '/Bericht/Client/Geboortedatum/Datum' },
      { name: '301: a Relatie born in 1880', message: edit(base301, (m) => (m.client.relaties = [relatie({ geboortedatum: { datum: '1880-01-01' } })])), path: '/Bericht/Client/Relaties/Relatie[1]/Geboortedatum/Datum' },
      { name: '307: 1850', message: edit(base307, (m) => (m.client.geboortedatum.datum = '1850-05-05')), path: '/Bericht/Client/Geboortedatum/Datum' },
    ],
    keeps: [
      { name: 'exactly 120 years', message: edit(base301, (m) => (m.client.geboortedatum.datum = '1905-01-15')) },
      { name: 'unknown: DatumGebruik 3 with 1900-01-01', message: edit(base315, (m) => (m.client.geboortedatum = { datum: '1900-01-01', datumGebruik: '3' })) },
    ],
  },

  TR006: {
    breaks: [
      { name: 'a Huis without Postcode and no Telefoon', message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '02', adres: { huis: { huisnummer: 5 } } })), path: `${CONTACT}[2]` },
      { name: 'an e-mail address only', message: edit(base301, (m) => (m.client.relaties = [relatie({ contact: { soort: '02', emailadres: 'a@b.nl' } })])), path: '/Bericht/Client/Relaties/Relatie[1]/Contact' },
    ],
    keeps: [{ name: 'a Telefoon only', message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '02', telefoon: TELEFOON })) }],
  },

  TR018: {
    breaks: [{ name: 'Einddatum before Begindatum', message: edit(base307, (m) => (m.client.stopProducten[0]!.einddatum = '2025-02-02')), path: '/Bericht/Client/StopProducten/StopProduct[1]/Einddatum' }],
    keeps: [{ name: 'Einddatum = Begindatum', message: edit(base307, (m) => (m.client.stopProducten[0]!.einddatum = '2025-02-03')) }],
  },

  TR061: {
    breaks: [{ name: 'only a tijdelijk verblijfadres', message: edit(base301, (m) => (m.client.contactgegevens = [{ soort: '04', telefoon: TELEFOON }])), path: '/Bericht/Client/Contactgegevens' }],
    keeps: [{ name: 'a correspondentieadres', message: edit(base301, (m) => (m.client.contactgegevens = [{ soort: '02', telefoon: TELEFOON }])) }],
  },

  TR101: {
    breaks: [
      {
        name: '301: ToewijzingNummer twice',
        message: edit(base301, (m) => m.client.toegewezenProducten.push(toegewezenProduct({ product: { categorie: '03', code: '03A01' } }))),
        path: `${TP}[2]`,
      },
      { name: '301: Contact Soort twice', message: edit(base301, (m) => m.client.contactgegevens.push({ soort: '01', adres: { huis: { huisnummer: 9 }, postcode: '9999ZZ', landCode: 'NL' } })), path: `${CONTACT}[2]` },
      { name: '301: Relatie Nummer twice', message: edit(base301, (m) => (m.client.relaties = [relatie(), relatie({ soort: '12' })])), path: '/Bericht/Client/Relaties/Relatie[2]' },
      { name: '305: StartProduct key twice', message: edit(base305, (m) => m.client.startProducten.push(startProduct({ toewijzingIngangsdatum: '2025-01-01' }))), path: '/Bericht/Client/StartProducten/StartProduct[2]' },
      { name: '305: taakgericht (no ToewijzingNummer) key twice', message: edit(base305, (m) => (m.client.startProducten = [startProduct({ toewijzingNummer: undefined }), startProduct({ toewijzingNummer: undefined, statusAanlevering: '3' })])), path: '/Bericht/Client/StartProducten/StartProduct[2]' },
      { name: '307: StopProduct key twice', message: edit(base307, (m) => m.client.stopProducten.push(stopProduct({ statusAanlevering: '3' }))), path: '/Bericht/Client/StopProducten/StopProduct[2]' },
      {
        name: '315: ReferentieAanbieder twice',
        message: edit(base315, (m) => m.client.aangevraagdeProducten.push(aangevraagdProduct({ product: { categorie: '03', code: '03A01' } }))),
        path: `${AP}[2]`,
        alsoFires: ['TR383'],
      },
      { name: '317: OngewijzigdProduct twice', message: edit(base317, (m) => m.client.verzoek.ongewijzigdeProducten!.push({ toewijzingNummer: 1001 })), path: '/Bericht/Client/Verzoek/OngewijzigdeProducten/OngewijzigdProduct[2]' },
      { name: '317: TeWijzigenProduct twice', message: edit(base317, (m) => m.client.verzoek.teWijzigenProducten!.push({ toewijzingNummer: 1002, gewensteIngangsdatum: '2025-04-01', omvang: { volume: 1, eenheid: '04', frequentie: '4' } })), path: `${TW}[2]` },
      { name: '317: NieuwProduct twice', message: edit(base317, (m) => m.client.verzoek.nieuweProducten!.push(nieuwProduct({ einddatum: '2025-06-30' }))), path: `${NP}[2]`, alsoFires: ['TR410'] },
      {
        name: '323: a Bsn twice',
        message: base323([
          { bsn: BSN, prestaties: [prestatie()] },
          { bsn: BSN, prestaties: [prestatie({ productReferentie: { referentieNummer: 'P2' } })] },
        ]),
        path: '/Bericht/Declaratie/Clienten/Client[2]',
      },
      { name: '323: a ProductReferentie twice for one client', message: declaratie(prestatie(), prestatie({ toewijzingNummer: 1002 })), path: `${PRESTATIE}[2]` },
      {
        name: '325: a ProductReferentie twice for one client',
        message: edit(base325, (m) => {
          const antwoord = m.declaratieAntwoord!;
          antwoord.clienten![0]!.prestaties.push({ ...prestatie({ toewijzingNummer: 1002 }), retourCodes: ['9340'] });
          antwoord.totaalIngediendBedrag.totaalBedrag = 160000;
        }),
        path: `${PRESTATIE_325}[2]`,
      },
    ],
    keeps: [
      { name: '305: StartProducten that differ in Begindatum only', message: edit(base305, (m) => m.client.startProducten.push(startProduct({ begindatum: '2025-02-04' }))) },
      { name: '301: Soort 01 in Contactgegevens and in a Relatie', message: edit(base301, (m) => (m.client.relaties = [relatie({ contact: { soort: '01', adres: { huis: { huisnummer: 2 }, postcode: '1234AB', landCode: 'NL' } } })])) },
      {
        name: '323: one ProductReferentie under two clients (the XSLT compares siblings only)',
        message: base323([
          { bsn: BSN, prestaties: [prestatie()] },
          { bsn: BSN_2, prestaties: [prestatie({ toewijzingNummer: 2001 })] },
        ]),
      },
      { name: '323: a debet and its credit share a ReferentieNummer in the key, not the VorigReferentieNummer', message: declaratie(prestatie(), prestatie({ productReferentie: { referentieNummer: 'P1', vorigReferentieNummer: 'P0' }, ingediendBedrag: { bedrag: 80000, debetCredit: 'C' } })) },
    ],
  },

  TR134: {
    breaks: [
      { name: '301: Toewijzingsdatum after the Dagtekening', message: edit(base301, (m) => (tp(m).toewijzingsdatum = '2025-01-16')), path: `${TP}[1]/Toewijzingsdatum` },
      { name: '305: Begindatum after the Dagtekening', message: edit(base305, (m) => (m.client.startProducten[0]!.begindatum = '2025-02-06')), path: '/Bericht/Client/StartProducten/StartProduct[1]/Begindatum' },
      { name: '307: Einddatum after the Dagtekening', message: edit(base307, (m) => (m.client.stopProducten[0]!.einddatum = '2025-04-03')), path: '/Bericht/Client/StopProducten/StopProduct[1]/Einddatum' },
      { name: '315: born after the Dagtekening', message: edit(base315, (m) => (m.client.geboortedatum.datum = '2025-01-16')), path: '/Bericht/Client/Geboortedatum/Datum' },
      {
        name: '323: ProductPeriode after the Dagtekening',
        message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2025-02-10', einddatum: '2025-02-20' })),
        path: `${PRESTATIE}[1]/ProductPeriode/Begindatum`,
        alsoFires: ['TR137', 'TR319'],
      },
      { name: '325: ProductPeriode after the Dagtekening', message: edit(base325, (m) => (m.declaratieAntwoord!.clienten![0]!.prestaties[0]!.productPeriode = { begindatum: '2025-02-13', einddatum: '2025-02-14' })), path: `${PRESTATIE_325}[1]/ProductPeriode/Begindatum`, alsoFires: ['TR137'] },
    ],
    keeps: [{ name: 'Toewijzingsdatum on the Dagtekening', message: edit(base301, (m) => (tp(m).toewijzingsdatum = '2025-01-15')) }],
  },

  TR137: {
    breaks: [
      { name: '323: ProductPeriode ending before it begins', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2025-01-20', einddatum: '2025-01-10' })), path: `${PRESTATIE}[1]/ProductPeriode/Einddatum` },
      {
        name: '323: DeclaratiePeriode ending after the Dagtekening',
        message: edit(base323, (m) => {
          m.header.berichtIdentificatie.dagtekening = '2025-01-30';
          m.declaratie.declaratieDagtekening = '2025-01-30';
          pr(m).productPeriode.einddatum = '2025-01-30';
        }),
        path: '/Bericht/Declaratie/DeclaratiePeriode/Einddatum',
      },
      { name: '325: ProductPeriode ending before it begins', message: edit(base325, (m) => (m.declaratieAntwoord!.clienten![0]!.prestaties[0]!.productPeriode = { begindatum: '2025-01-20', einddatum: '2025-01-10' })), path: `${PRESTATIE_325}[1]/ProductPeriode/Einddatum` },
    ],
    keeps: [{ name: 'a one-day ProductPeriode', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2025-01-20', einddatum: '2025-01-20' })) }],
  },

  TR302: {
    breaks: [
      {
        name: 'the same product in overlapping periods',
        message: edit(base301, (m) => m.client.toegewezenProducten.push(toegewezenProduct({ toewijzingNummer: 1002, ingangsdatum: '2025-12-31', einddatum: undefined, omvang: { volume: 1, eenheid: '04', frequentie: '4' } }))),
        path: `${TP}[2]`,
      },
      {
        name: 'generiek overlaps every product',
        message: edit(base301, (m) => m.client.toegewezenProducten.push(toegewezenProduct({ toewijzingNummer: 1002, product: undefined, omvang: undefined, budget: 100_000, ingangsdatum: '2025-06-01' }))),
        path: `${TP}[1]`,
      },
      {
        name: 'aspecifiek overlaps a code of its category',
        message: edit(base301, (m) => m.client.toegewezenProducten.unshift(toegewezenProduct({ toewijzingNummer: 1000, ...aspecifiek, ingangsdatum: '2025-03-01', einddatum: '2025-03-31' }))),
        path: `${TP}[2]`,
      },
    ],
    keeps: [
      {
        name: 'the same product in consecutive periods',
        message: edit(base301, (m) => m.client.toegewezenProducten.push(toegewezenProduct({ toewijzingNummer: 1002, ingangsdatum: '2026-01-01', einddatum: '2026-06-30' }))),
      },
      { name: 'two codes of one category', message: edit(base301, (m) => m.client.toegewezenProducten.push(toegewezenProduct({ toewijzingNummer: 1002, product: { categorie: '02', code: '02A02' } }))) },
      {
        name: 'hulpmiddelen (categorie 12) overlapping a generiek one',
        message: edit(base301, (m) => {
          Object.assign(tp(m), { product: { categorie: '12' }, omvang: undefined, budget: 100_000 });
          m.client.toegewezenProducten.push(toegewezenProduct({ toewijzingNummer: 1002, product: undefined, omvang: undefined, budget: 100_000 }));
        }),
      },
      {
        name: 'a removed toewijzing (RedenWijziging 13) overlapping its successor',
        message: edit(base301, (m) => m.client.toegewezenProducten.push(toegewezenProduct({ toewijzingNummer: 1002, redenWijziging: '13', einddatum: '2025-02-01' }))),
      },
    ],
  },

  TR315: {
    breaks: [
      {
        name: 'two credits of one debet',
        message: declaratie(credit(prestatie({ productReferentie: { referentieNummer: 'P0' } }), 'P1'), credit(prestatie({ productReferentie: { referentieNummer: 'P0' } }), 'P2')),
        path: `${PRESTATIE}[2]/ProductReferentie/VorigReferentieNummer`,
      },
    ],
    keeps: [{ name: 'credits of two debets', message: declaratie(credit(prestatie({ productReferentie: { referentieNummer: 'P0' } }), 'P1'), credit(prestatie({ productReferentie: { referentieNummer: 'Q0' } }), 'P2')) }],
  },

  TR316: {
    breaks: [
      { name: 'a debet and its credit in one message', message: declaratie(prestatie(), credit(prestatie(), 'P2')), path: `${PRESTATIE}[2]/ProductReferentie/VorigReferentieNummer` },
      { name: 'the credit before its debet', message: declaratie(credit(prestatie(), 'P2'), prestatie()), path: `${PRESTATIE}[1]/ProductReferentie/VorigReferentieNummer` },
      {
        name: 'a Prestatie that names itself',
        message: declaratie(credit(prestatie(), 'P1')),
        path: `${PRESTATIE}[1]/ProductReferentie/VorigReferentieNummer`,
      },
    ],
    keeps: [{ name: 'a credit of an earlier message with a new debet', message: declaratie(credit(prestatie({ productReferentie: { referentieNummer: 'P0' } }), 'P1'), prestatie({ productReferentie: { referentieNummer: 'P2' } })) }],
  },

  TR319: {
    breaks: [{ name: 'ProductPeriode after the DeclaratiePeriode', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2025-02-01', einddatum: '2025-02-03' })), path: `${PRESTATIE}[1]/ProductPeriode/Begindatum` }],
    keeps: [{ name: 'an earlier month', message: edit(base323, (m) => (pr(m).productPeriode = { begindatum: '2024-11-01', einddatum: '2024-11-30' })) }],
  },

  TR335: {
    breaks: [
      {
        name: 'more than 5 years before the DeclaratieDagtekening',
        message: edit(base323, (m) => {
          m.header.berichtIdentificatie.dagtekening = '2026-02-05';
          m.declaratie.declaratiePeriode = { begindatum: '2026-01-01', einddatum: '2026-01-31' };
          m.declaratie.declaratieDagtekening = '2026-02-01';
          pr(m).productPeriode = { begindatum: '2021-01-01', einddatum: '2021-01-31' };
        }),
        path: `${PRESTATIE}[1]/ProductPeriode/Einddatum`,
      },
    ],
    keeps: [
      {
        name: 'exactly 5 years',
        message: edit(base323, (m) => {
          m.header.berichtIdentificatie.dagtekening = '2026-02-05';
          m.declaratie.declaratiePeriode = { begindatum: '2026-01-01', einddatum: '2026-01-31' };
          m.declaratie.declaratieDagtekening = '2026-01-31';
          pr(m).productPeriode = { begindatum: '2021-01-01', einddatum: '2021-01-31' };
        }),
      },
    ],
  },

  TR342: {
    breaks: [
      { name: 'returned Prestaties do not account for the difference', message: edit(base325, (m) => (m.declaratieAntwoord!.totaalToegekendBedrag = { totaalBedrag: 100, debetCredit: 'D' })), path: '/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag' },
      {
        name: 'a rejected declaratie awards something',
        message: edit(base325, (m) => {
          const antwoord = m.declaratieAntwoord!;
          antwoord.retourCodes = ['9333'];
          delete antwoord.clienten;
          antwoord.totaalToegekendBedrag = { totaalBedrag: 80000, debetCredit: 'D' };
        }),
        path: '/Bericht/DeclaratieAntwoord/TotaalToegekendBedrag',
      },
    ],
    keeps: [
      {
        name: 'fully awarded (8001), no clients',
        message: edit(base325, (m) => {
          const antwoord = m.declaratieAntwoord!;
          antwoord.retourCodes = ['8001'];
          delete antwoord.clienten;
          antwoord.totaalToegekendBedrag = { totaalBedrag: 80000, debetCredit: 'D' };
        }),
      },
      {
        name: 'a rejected credit raises the award',
        message: edit(base325, (m) => {
          const antwoord = m.declaratieAntwoord!;
          antwoord.clienten![0]!.prestaties[0] = { ...credit(prestatie({ productReferentie: { referentieNummer: 'P0' } }), 'P1'), retourCodes: ['8017'] };
          antwoord.totaalIngediendBedrag = { totaalBedrag: 20000, debetCredit: 'D' };
          antwoord.totaalToegekendBedrag = { totaalBedrag: 100000, debetCredit: 'D' };
        }),
      },
    ],
  },

  TR352: {
    breaks: [{ name: 'only NieuweProducten', message: edit(base317, (m) => Object.assign(m.client.verzoek, { ongewijzigdeProducten: undefined, teWijzigenProducten: undefined })), path: '/Bericht/Client/Verzoek' }],
    keeps: [{ name: 'an OngewijzigdProduct and a NieuwProduct', message: edit(base317, (m) => void delete m.client.verzoek.teWijzigenProducten) }],
  },

  TR353: {
    breaks: [{ name: 'only OngewijzigdeProducten', message: edit(base317, (m) => Object.assign(m.client.verzoek, { teWijzigenProducten: undefined, nieuweProducten: undefined })), path: '/Bericht/Client/Verzoek' }],
    keeps: [{ name: 'a TeWijzigenProduct only', message: edit(base317, (m) => Object.assign(m.client.verzoek, { ongewijzigdeProducten: undefined, nieuweProducten: undefined })) }],
  },

  TR358: {
    breaks: [
      { name: 'a cent too much', message: edit(base323, (m) => (m.declaratie.totaalIngediendBedrag.totaalBedrag += 1)), path: '/Bericht/Declaratie/TotaalIngediendBedrag' },
      { name: 'the wrong sign', message: edit(base323, (m) => (m.declaratie.totaalIngediendBedrag.debetCredit = 'C')), path: '/Bericht/Declaratie/TotaalIngediendBedrag' },
    ],
    keeps: [{ name: 'a net credit total', message: declaratie(credit(prestatie({ productReferentie: { referentieNummer: 'P0' } }), 'P1'), prestatie({ productReferentie: { referentieNummer: 'P2' }, geleverdVolume: 10, ingediendBedrag: { bedrag: 50000, debetCredit: 'D' } })) }],
  },

  TR380: {
    breaks: [{ name: 'GewensteIngangsdatum on the Dagtekening', message: edit(base317, (m) => (np(m).gewensteIngangsdatum = '2025-01-15')), path: `${NP}[1]/GewensteIngangsdatum` }],
    keeps: [{ name: 'the day after the Dagtekening', message: edit(base317, (m) => (np(m).gewensteIngangsdatum = '2025-01-16')) }],
  },

  TR383: {
    breaks: [
      {
        name: 'ReferentieAanbieder twice',
        message: edit(base315, (m) => m.client.aangevraagdeProducten.push(aangevraagdProduct({ product: { categorie: '07', code: '07A01' } }))),
        path: `${AP}[2]/ReferentieAanbieder`,
        alsoFires: ['TR101'],
      },
    ],
    keeps: [{ name: 'two references', message: edit(base315, (m) => m.client.aangevraagdeProducten.push(aangevraagdProduct({ referentieAanbieder: 'VOT-2', product: { categorie: '07', code: '07A01' } }))) }],
  },

  TR386: {
    breaks: [
      {
        name: 'the same product requested for overlapping periods',
        message: edit(base315, (m) => m.client.aangevraagdeProducten.push(aangevraagdProduct({ referentieAanbieder: 'VOT-2', toewijzingIngangsdatum: '2025-06-01', toewijzingEinddatum: '2026-05-31' }))),
        path: `${AP}[1]`,
      },
    ],
    keeps: [
      {
        name: 'hulpmiddelen (categorie 14) may overlap',
        message: edit(base315, (m) => {
          Object.assign(ap(m), { product: { categorie: '14' }, omvang: undefined, budget: 50_000 });
          m.client.aangevraagdeProducten.push(aangevraagdProduct({ referentieAanbieder: 'VOT-2', product: { categorie: '14' }, omvang: undefined, budget: 50_000 }));
        }),
      },
    ],
  },

  TR410: {
    breaks: [
      {
        name: 'the same new product for overlapping periods',
        message: edit(base317, (m) => m.client.verzoek.nieuweProducten!.push(nieuwProduct({ gewensteIngangsdatum: '2025-12-31', einddatum: '2026-03-31' }))),
        path: `${NP}[2]`,
      },
    ],
    keeps: [{ name: 'consecutive periods', message: edit(base317, (m) => m.client.verzoek.nieuweProducten!.push(nieuwProduct({ gewensteIngangsdatum: '2026-01-01', einddatum: '2026-03-31' }))) }],
  },

  TR416: {
    breaks: [{ name: 'two debets for one toewijzing, product and period', message: declaratie(prestatie(), prestatie({ productReferentie: { referentieNummer: 'P2' } })), path: `${PRESTATIE}[2]` }],
    keeps: [
      { name: 'two debets for different periods', message: declaratie(prestatie(), prestatie({ productReferentie: { referentieNummer: 'P2' }, productPeriode: { begindatum: '2024-12-01', einddatum: '2024-12-31' } })) },
      {
        name: 'the same debet for two clients (the XSLT compares siblings only)',
        message: base323([
          { bsn: BSN, prestaties: [prestatie()] },
          { bsn: BSN_2, prestaties: [prestatie({ productReferentie: { referentieNummer: 'P2' } })] },
        ]),
      },
    ],
  },

  // iJw only (iJw spec §4.1).
  CS318: {
    breaks: [{ name: 'the client with NaamGebruik 6', message: jwTwin(edit(base301, (m) => (m.client.naam.naamGebruik = '6'))), path: '/Bericht/Client/Naam/NaamGebruik' }],
    keeps: [
      {
        name: 'a voogd-instelling as Relatie with NaamGebruik 6 (IV045)',
        message: jwTwin(edit(base301, (m) => (m.client.relaties = [relatie({ naam: { geslachtsnaam: { achternaam: 'Stichting Voogdij' }, naamGebruik: '6' } })]))),
      },
    ],
  },

  TR377: {
    breaks: [{ name: 'afgewezen for reason 8 without Woonplaatsbeginsel', message: jwTwin(edit(base319, (m) => (m.antwoord.redenAfwijzingVerzoek = '8'))), path: '/Bericht/Antwoord/RedenAfwijzingVerzoek' }],
    keeps: [
      {
        name: 'reason 8 with the responsible gemeente',
        message: editJw(jwTwin(edit(base319, (m) => (m.antwoord.redenAfwijzingVerzoek = '8'))), (m) => {
          if (m.type === 'JW319') m.antwoord.woonplaatsbeginsel = { gemeente: '1916' };
        }),
      },
    ],
  },

  TR409: {
    breaks: [
      {
        name: 'reason 3 with a Woonplaatsbeginsel',
        message: editJw(jwTwin(base319()), (m) => {
          if (m.type === 'JW319') m.antwoord.woonplaatsbeginsel = { gemeente: '1916' };
        }),
        path: '/Bericht/Antwoord/RedenAfwijzingVerzoek',
      },
    ],
    keeps: [
      {
        name: 'in onderzoek without a reason but with a Woonplaatsbeginsel (the gap of the official rule set)',
        message: editJw(jwTwin(edit(base319, (m) => Object.assign(m.antwoord, { verzoekAntwoord: '2', redenAfwijzingVerzoek: undefined }))), (m) => {
          if (m.type === 'JW319') m.antwoord.woonplaatsbeginsel = { gemeente: '1916' };
        }),
      },
    ],
  },
};
