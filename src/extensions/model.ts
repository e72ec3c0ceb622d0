/**
 * The extension model (spec extensions.md §3.2): what iWmo 3.2 cannot say about
 * result-based, provider-determined and lump-sum arrangements, as documents that
 * travel beside the standard messages and link to them by keys.
 *
 * Money is integer eurocent, percentages integer basis points (10 000 = 100 %),
 * dates `YYYY-MM-DD` with inclusive ranges. Every document has a top-level
 * `kind`; its JSON form uses exactly these field names.
 */

// The document shapes are generated from one definition
// (src/extensions/documents/definition.ts, `npm run codegen:extensions`);
// the names stay importable from here.
export type * from './generated/types.js';
import type { BasisPoints, Cents, IsoDate } from './generated/types.js';

// ---- shapes beside the documents ------------------------------------------

export type Eenheid = '01' | '04' | '14' | '16' | '82' | '83' | '84';
export type Frequentie = '1' | '2' | '4' | '6';

export interface Omvang {
  readonly volume: number;
  readonly eenheid: Eenheid;
  readonly frequentie: Frequentie;
}

export interface BudgetUtilisation {
  readonly scope: 'client' | 'arrangementType' | 'total';
  readonly key: string;
  readonly budget: Cents;
  readonly spent: Cents;
  readonly asOf: IsoDate;
  readonly spentBp: BasisPoints;
  readonly elapsedBp: BasisPoints;
}
