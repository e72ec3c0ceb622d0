/**
 * A small valid message per heen-bericht (and the 325), built in code: each
 * passes level 1 and every level-2 rule. Rule cases start from a fresh copy
 * and change one thing.
 */
import type * as T from '../../src/standard/generated/types.js';

const XSD_VERSIE: T.CDT_XsdVersie = { basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' };

/** Passes the 11-proef (9·1 + 8·2 + … + 2·8 − 2 = 154 = 14·11). */
export const BSN = '123456782';
/** Passes the 11-proef too, for a second client. */
export const BSN_2 = '111222333';
/** Fails the 11-proef (Σ = 147, 147 mod 11 = 4). */
export const BAD_BSN = '123456789';

function header<Code extends string>(berichtCode: Code, afzender: string, ontvanger: string, dagtekening: string) {
  return {
    berichtCode,
    berichtVersie: 3 as const,
    berichtSubversie: 2 as const,
    afzender,
    ontvanger,
    berichtIdentificatie: { identificatie: `B${berichtCode}`, dagtekening },
    xsdVersie: { ...XSD_VERSIE },
  };
}

const GEMEENTE = '0363';
const AGB = '12345678';

export function toegewezenProduct(overrides: Partial<T.WMO301ToegewezenProduct> = {}): T.WMO301ToegewezenProduct {
  return {
    toewijzingNummer: 1001,
    product: { categorie: '02', code: '02A01' },
    toewijzingsdatum: '2025-01-10',
    toewijzingstijd: '10:00:00',
    ingangsdatum: '2025-02-01',
    einddatum: '2025-12-31',
    omvang: { volume: 4, eenheid: '04', frequentie: '2' },
    ...overrides,
  };
}

export function base301(): T.WMO301 {
  return {
    type: 'WMO301',
    header: header('414', GEMEENTE, AGB, '2025-01-15'),
    client: {
      bsn: BSN,
      geboortedatum: { datum: '1950-06-15' },
      geslacht: '1',
      naam: { geslachtsnaam: { achternaam: 'Jansen' }, naamGebruik: '1' },
      contactgegevens: [{ soort: '01', adres: { huis: { huisnummer: 1 }, postcode: '1234AB', landCode: 'NL' } }],
      toegewezenProducten: [toegewezenProduct()],
    },
  };
}

export function relatie(overrides: Partial<T.WMO301Relatie> = {}): T.WMO301Relatie {
  return {
    nummer: 'REL-1',
    soort: '10',
    naam: { geslachtsnaam: { achternaam: 'Jansen' }, naamGebruik: '1' },
    contact: { soort: '02', telefoon: { telefoon01: { telefoonnummer: '0612345678', landnummer: '0031' } } },
    ...overrides,
  };
}

export const TELEFOON: T.CDT_Telefoonnummers = { telefoon01: { telefoonnummer: '0612345678', landnummer: '0031' } };

export function startProduct(overrides: Partial<T.WMO305StartProduct> = {}): T.WMO305StartProduct {
  return { toewijzingNummer: 1001, product: { categorie: '02', code: '02A01' }, toewijzingIngangsdatum: '2025-02-01', begindatum: '2025-02-03', statusAanlevering: '1', ...overrides };
}

export function base305(): T.WMO305 {
  return {
    type: 'WMO305',
    header: header('418', AGB, GEMEENTE, '2025-02-05'),
    client: { bsn: BSN, geboortedatum: { datum: '1950-06-15' }, geslacht: '2', naam: { geslachtsnaam: { achternaam: 'Jansen' } }, startProducten: [startProduct()] },
  };
}

export function stopProduct(overrides: Partial<T.WMO307StopProduct> = {}): T.WMO307StopProduct {
  return {
    toewijzingNummer: 1001,
    product: { categorie: '02', code: '02A01' },
    toewijzingIngangsdatum: '2025-02-01',
    begindatum: '2025-02-03',
    redenBeeindiging: '19',
    einddatum: '2025-03-31',
    statusAanlevering: '1',
    ...overrides,
  };
}

export function base307(): T.WMO307 {
  return {
    type: 'WMO307',
    header: header('420', AGB, GEMEENTE, '2025-04-02'),
    client: { bsn: BSN, geboortedatum: { datum: '1950-06-15' }, geslacht: '2', naam: { geslachtsnaam: { achternaam: 'Jansen' } }, stopProducten: [stopProduct()] },
  };
}

export function aangevraagdProduct(overrides: Partial<T.WMO315AangevraagdProduct> = {}): T.WMO315AangevraagdProduct {
  return {
    referentieAanbieder: 'VOT-1',
    product: { categorie: '02', code: '02A01' },
    toewijzingIngangsdatum: '2025-02-01',
    toewijzingEinddatum: '2025-12-31',
    omvang: { volume: 4, eenheid: '04', frequentie: '2' },
    verwijzer: { type: '02', zorgverlenerCode: '01234567' },
    ...overrides,
  };
}

export function base315(): T.WMO315 {
  return {
    type: 'WMO315',
    header: header('444', AGB, GEMEENTE, '2025-01-15'),
    client: { bsn: BSN, geboortedatum: { datum: '1950-06-15' }, geslacht: '1', naam: { geslachtsnaam: { achternaam: 'Jansen' } }, aangevraagdeProducten: [aangevraagdProduct()] },
  };
}

export function nieuwProduct(overrides: Partial<T.WMO317NieuwProduct> = {}): T.WMO317NieuwProduct {
  return { product: { categorie: '02', code: '02A02' }, gewensteIngangsdatum: '2025-03-01', einddatum: '2025-12-31', omvang: { volume: 2, eenheid: '04', frequentie: '2' }, ...overrides };
}

export function base317(): T.WMO317 {
  return {
    type: 'WMO317',
    header: header('480', AGB, GEMEENTE, '2025-01-15'),
    client: {
      bsn: BSN,
      verzoek: {
        referentieAanbieder: 'VOW-1',
        redenVerzoek: '1',
        ongewijzigdeProducten: [{ toewijzingNummer: 1001 }],
        teWijzigenProducten: [{ toewijzingNummer: 1002, gewensteIngangsdatum: '2025-03-01', einddatum: '2025-12-31', omvang: { volume: 6, eenheid: '04', frequentie: '2' } }],
        nieuweProducten: [nieuwProduct()],
      },
    },
  };
}

export function base319(): T.WMO319 {
  return {
    type: 'WMO319',
    header: header('482', GEMEENTE, AGB, '2025-01-20'),
    antwoord: { referentieAanbieder: 'VOT-1', verzoekAntwoord: '1', redenAfwijzingVerzoek: '3' },
  };
}

/** A debet Prestatie of 16 hours at € 50,00 in January 2025. */
export function prestatie(overrides: Partial<T.WMO323Prestatie> = {}): T.WMO323Prestatie {
  return {
    productReferentie: { referentieNummer: 'P1' },
    toewijzingNummer: 1001,
    productCategorie: '02',
    productCode: '02A01',
    productPeriode: { begindatum: '2025-01-01', einddatum: '2025-01-31' },
    geleverdVolume: 16,
    eenheid: '04',
    productTarief: 5000,
    ingediendBedrag: { bedrag: 80000, debetCredit: 'D' },
    ...overrides,
  };
}

/** A credit of `debet`: a new ReferentieNummer pointing back at it, DebetCredit C. */
export function credit(debet: T.WMO323Prestatie, referentieNummer: string): T.WMO323Prestatie {
  return { ...structuredClone(debet), productReferentie: { referentieNummer, vorigReferentieNummer: debet.productReferentie.referentieNummer }, ingediendBedrag: { ...debet.ingediendBedrag, debetCredit: 'C' } };
}

/** TR358: the total as Σ debet − Σ credit with its own sign. */
export function totaalOf(prestaties: readonly { ingediendBedrag: T.CDT_BedragMetDC }[]): T.CDT_TotaalBedragMetDC {
  const sum = prestaties.reduce((s, p) => s + (p.ingediendBedrag.debetCredit === 'C' ? -p.ingediendBedrag.bedrag : p.ingediendBedrag.bedrag), 0);
  return { totaalBedrag: Math.abs(sum), debetCredit: sum < 0 ? 'C' : 'D' };
}

/** A 323 for January 2025 dated 5 February, its total computed from the clients given. */
export function base323(clienten: T.WMO323Client[] = [{ bsn: BSN, prestaties: [prestatie()] }]): T.WMO323 {
  return {
    type: 'WMO323',
    header: header('484', AGB, GEMEENTE, '2025-02-05'),
    declaratie: {
      declaratieNummer: 'D2025001',
      declaratiePeriode: { begindatum: '2025-01-01', einddatum: '2025-01-31' },
      declaratieDagtekening: '2025-02-05',
      totaalIngediendBedrag: totaalOf(clienten.flatMap((c) => c.prestaties)),
      clienten,
    },
  };
}

/** Recomputes the total of a 323 after its Prestaties changed. */
export function retotal(m: T.WMO323): T.WMO323 {
  m.declaratie.totaalIngediendBedrag = totaalOf(m.declaratie.clienten.flatMap((c) => c.prestaties));
  return m;
}

/** A partly rejected declaratie-antwoord: one Prestatie of € 800,00 rejected, nothing awarded of € 800,00. */
export function base325(): T.WMO325 {
  return {
    type: 'WMO325',
    header: {
      ...header('485', GEMEENTE, AGB, '2025-02-12'),
      berichtCode: '485',
      declaratieIdentificatie: { identificatie: 'B484', dagtekening: '2025-02-05' },
      xsdVersieDeclaratie: { ...XSD_VERSIE },
      retourCodes: ['0200'],
    },
    declaratieAntwoord: {
      declaratieNummer: 'D2025001',
      totaalIngediendBedrag: { totaalBedrag: 80000, debetCredit: 'D' },
      totaalToegekendBedrag: { totaalBedrag: 0, debetCredit: 'D' },
      clienten: [{ bsn: BSN, prestaties: [{ ...prestatie(), retourCodes: ['9340'] }], retourCodes: ['0200'] }],
      retourCodes: ['0200'],
    },
  };
}

export const bases = { WMO301: base301, WMO305: base305, WMO307: base307, WMO315: base315, WMO317: base317, WMO319: base319, WMO323: base323, WMO325: base325 } as const;

/** A fresh copy of `make()` changed by `change`. */
export function edit<M>(make: () => M, change: (m: M) => void): M {
  const m = structuredClone(make());
  change(m);
  return m;
}
