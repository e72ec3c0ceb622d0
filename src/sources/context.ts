/**
 * Level 4: what a check needs from outside the messages (spec §5, level 4):
 * the system date, the CBS list of gemeenten, product code lists and
 * contract tariffs. Every list carries the date it was drawn up, so a finding
 * can say which list judged the message. A list that is not configured makes
 * its rule give an informational finding instead of a verdict.
 */

/** One gemeente code with the period it was valid (CBS). */
export interface GemeenteEntry {
  readonly code: string;
  readonly naam: string;
  readonly begindatum: string;
  /** The day the code stopped being used (a herindeling); absent while in use. */
  readonly einddatum?: string;
}

export interface GemeenteList {
  /** The date the list was drawn up (`YYYY-MM-DD`). */
  readonly date: string;
  readonly source: string;
  readonly gemeenten: readonly GemeenteEntry[];
}

export interface ProductCodeEntry {
  readonly categorie: string;
  readonly code: string;
}

export interface ProductCodeList {
  readonly date: string;
  readonly source: string;
  /** The codes a gemeente (or a contract) uses; key `*` for a list that applies to every gemeente. */
  readonly perGemeente: Readonly<Record<string, readonly ProductCodeEntry[]>>;
}

/** A contract tariff: eurocent per unit of `eenheid` for a product, in a period. */
export interface Tariff {
  readonly gemeente: string;
  /** AGB code of the aanbieder; absent for a tariff that applies to every aanbieder of the gemeente. */
  readonly aanbieder?: string;
  readonly categorie: string;
  readonly code: string;
  /** The unit the tariff is per (WJ756): `04` per uur, `01` per minuut, `14` per etmaal, … */
  readonly eenheid: string;
  /** Eurocent per unit. */
  readonly tarief: number;
  readonly begindatum: string;
  readonly einddatum?: string;
}

export interface TariffList {
  readonly date: string;
  readonly source: string;
  readonly tariffs: readonly Tariff[];
}

export interface Context {
  /** The system date (`YYYY-MM-DD`) against which Dagtekeningen are judged (TR135). */
  readonly today: string;
  /** TR378. */
  readonly gemeenten?: GemeenteList;
  /** TR381. */
  readonly productCodes?: ProductCodeList;
  /** TR346, TR418. */
  readonly tariffs?: TariffList;
}
