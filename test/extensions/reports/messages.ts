/** Small hand-written standard messages for the report tests (Goeree 2016, written from spec E2/E3). */
import type { WMO305, WMO307, WMO323, WMO323Prestatie } from '../../../src/index.js';
import type { Profile } from '../../../src/extensions-entry.js';

export const GEMEENTE = '1924';
export const AANBIEDER = '42420001';

export const goereeProfile: Profile = {
  kind: 'Profile',
  id: 'goeree-2016',
  gemeente: GEMEENTE,
  version: '1',
  validity: { start: '2016-01-01', end: '2016-12-31' },
  variantPerProductGroup: {
    ambulant: { variant: 'inspanningsgericht', form: 'aspecifiek', categorie: '02' },
    groep: { variant: 'inspanningsgericht', form: 'aspecifiek', categorie: '09' },
  },
  levelCodes: { ambulant: { licht: 'AL1', midden: 'AM2', zwaar: 'AZ3' }, groep: { midden: 'GM2' } },
  tariffs: [],
  reportingCalendar: { kind: '4-weeks', anchor: '2016-01-04' },
};

let counter = 0;
function header<C extends string>(berichtCode: C, options: { afzender?: string; ontvanger?: string } = {}) {
  counter++;
  return {
    berichtCode,
    berichtVersie: 3 as const,
    berichtSubversie: 2 as const,
    afzender: options.afzender ?? AANBIEDER,
    ontvanger: options.ontvanger ?? GEMEENTE,
    berichtIdentificatie: { identificatie: `B${counter}`, dagtekening: '2016-08-01' },
    xsdVersie: { basisschemaXsdVersie: '1.0.0', berichtXsdVersie: '1.0.0' },
  };
}
const person = (bsn: string) => ({ bsn, geboortedatum: { datum: '1950-01-01', datumGebruik: '1' as const }, geslacht: '1' as const, naam: { geslachtsnaam: { achternaam: 'Jansen' } } });

export function start(bsn: string, toewijzingNummer: number, begindatum: string, options: { status?: '1' | '3'; afzender?: string; ontvanger?: string; categorie?: string; code?: string } = {}): WMO305 {
  return {
    type: 'WMO305',
    header: header('418', options),
    client: {
      ...person(bsn),
      startProducten: [
        {
          toewijzingNummer,
          ...(options.categorie ? { product: { categorie: options.categorie, ...(options.code ? { code: options.code } : {}) } } : {}),
          toewijzingIngangsdatum: begindatum,
          begindatum,
          statusAanlevering: options.status ?? '1',
        },
      ],
    },
  } as WMO305;
}

export function stop(bsn: string, toewijzingNummer: number, begindatum: string, einddatum: string): WMO307 {
  return {
    type: 'WMO307',
    header: header('420'),
    client: { ...person(bsn), stopProducten: [{ toewijzingNummer, toewijzingIngangsdatum: begindatum, begindatum, redenBeeindiging: '22', einddatum, statusAanlevering: '1' }] },
  } as WMO307;
}

export function prestatie(code: string, categorie: string, from: string, to: string, volume: number, bedrag: number, debetCredit: 'D' | 'C' = 'D'): WMO323Prestatie {
  counter++;
  return {
    productReferentie: { referentieNummer: `R${counter}` },
    toewijzingNummer: 345001,
    productCategorie: categorie,
    productCode: code,
    productPeriode: { begindatum: from, einddatum: to },
    geleverdVolume: volume,
    eenheid: '84',
    productTarief: 10_000,
    ingediendBedrag: { bedrag, debetCredit },
  } as WMO323Prestatie;
}

export function declaratie(bsn: string, prestaties: WMO323Prestatie[], options: { ontvanger?: string } = {}): WMO323 {
  const total = prestaties.reduce((s, p) => s + (p.ingediendBedrag.debetCredit === 'C' ? -1 : 1) * p.ingediendBedrag.bedrag, 0);
  return {
    type: 'WMO323',
    header: header('484', options),
    declaratie: {
      declaratieNummer: `D${counter}`,
      declaratiePeriode: { begindatum: '2016-07-01', einddatum: '2016-07-31' },
      declaratieDagtekening: '2016-08-01',
      totaalIngediendBedrag: { totaalBedrag: Math.abs(total), debetCredit: total < 0 ? 'C' : 'D' },
      clienten: [{ bsn, prestaties }],
    },
  } as WMO323;
}
