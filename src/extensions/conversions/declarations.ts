/** Writing monthly 323 declarations for projected Prestaties (spec §1.6). */
import { standard } from '../../standard/generated/descriptors.js';
import type { LDT_Eenheid, LDT_ProductCategorie, WMO323, WMO323Prestatie } from '../../standard/generated/types.js';
import { addDays, compareDates, lastDayOfMonth } from './calendar.js';

/** CS100: a 3.2 declaration period starts on or after this day. */
export const FIRST_DECLARATION_DAY = '2021-01-01';

export interface PrestatieLine {
  readonly toewijzingNummer: number;
  readonly categorie: string;
  readonly code: string;
  readonly begindatum: string;
  readonly einddatum: string;
  readonly volume: number;
  readonly eenheid: LDT_Eenheid;
  /** Absent for Eenheid 83 (CD087). */
  readonly tarief?: number;
  readonly bedrag: number;
}

export interface DeclarationParties {
  readonly aanbieder: string;
  readonly gemeente: string;
  readonly bsn: string;
}

export interface DeclarationOptions {
  /** DeclaratieNummer and BerichtIdentificatie by month (`2025-03` → `D2025030001`, 1–12 letters and digits, unique per provider, TR333). Default `YYYYMM` + the last six digits of the ToewijzingNummer. */
  readonly declaratieNummers?: Readonly<Record<string, string>>;
}

export function declarationMonthOk(month: string): boolean {
  return compareDates(`${month}-01`, FIRST_DECLARATION_DAY) >= 0;
}

/** One 323 for one month of one client: DeclaratiePeriode the whole month (CS340), TotaalIngediendBedrag the sum (TR358). */
export function monthlyDeclaration(month: string, lines: readonly PrestatieLine[], parties: DeclarationParties, options: DeclarationOptions = {}): WMO323 {
  const descriptor = standard.messages.WMO323!;
  const toewijzing = lines[0]?.toewijzingNummer ?? 0;
  const nummer = options.declaratieNummers?.[month] ?? `${month.replace('-', '')}${String(toewijzing % 1_000_000).padStart(6, '0')}`;
  // Sent the day after the month ends: every period lies before the Dagtekening (TR134, TR137).
  const dagtekening = addDays(lastDayOfMonth(month), 1);
  const prestaties: WMO323Prestatie[] = lines.map((line, i) => ({
    productReferentie: { referentieNummer: `${nummer}${String(i + 1).padStart(3, '0')}` },
    toewijzingNummer: line.toewijzingNummer,
    productCategorie: line.categorie as LDT_ProductCategorie,
    productCode: line.code,
    productPeriode: { begindatum: line.begindatum, einddatum: line.einddatum },
    geleverdVolume: line.volume,
    eenheid: line.eenheid,
    ...(line.tarief !== undefined ? { productTarief: line.tarief } : {}),
    ingediendBedrag: { bedrag: line.bedrag, debetCredit: 'D' },
  }));
  const total = lines.reduce((sum, l) => sum + l.bedrag, 0);
  return {
    type: 'WMO323',
    header: {
      berichtCode: '484',
      berichtVersie: 3,
      berichtSubversie: 2,
      afzender: parties.aanbieder,
      ontvanger: parties.gemeente,
      berichtIdentificatie: { identificatie: nummer, dagtekening },
      xsdVersie: { basisschemaXsdVersie: descriptor.basisschemaXsdVersie, berichtXsdVersie: descriptor.berichtXsdVersie },
    },
    declaratie: {
      declaratieNummer: nummer,
      declaratiePeriode: { begindatum: `${month}-01`, einddatum: lastDayOfMonth(month) },
      declaratieDagtekening: dagtekening,
      totaalIngediendBedrag: { totaalBedrag: total, debetCredit: 'D' },
      clienten: [{ bsn: parties.bsn, prestaties }],
    },
  };
}
