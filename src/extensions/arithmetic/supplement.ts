import type { InnovationSupplement } from '../model.js';
import { divFloor, requireCents, requireInteger, toSafe } from './exact.js';

/** What a provider keeps when support moves to a cheaper product group. */
export interface SupplementResult {
  /** (fromTariff − toTariff) × clients × weeks, never below 0. */
  readonly difference: number;
  /** The part retained: the difference, limited to capBp of the original cost when the supplement has a cap. */
  readonly retained: number;
  readonly capped: boolean;
}

/**
 * Innovation supplement (spec GO-7, E4): when clients move from one product
 * group to a cheaper one (Goeree: ambulant → groep) the provider retains the
 * tariff difference, recorded beside the budget and excluded from
 * under-spend in the nacalculatie. E4: (10 000 − 6 000) × 10 clients ×
 * 20 weeks = 800 000. A move to a dearer group retains nothing (0). With
 * `capBp`, the retained amount is at most capBp of the original cost
 * (fromTariff × clients × weeks), rounded down to the cent so the cap is
 * never exceeded. Negative or non-integer inputs are a RangeError.
 */
export function innovationSupplement(supplement: Pick<InnovationSupplement, 'capBp'>, input: { fromTariff: number; toTariff: number; clients: number; weeks: number }): SupplementResult {
  requireCents('fromTariff', input.fromTariff, { min: 0 });
  requireCents('toTariff', input.toTariff, { min: 0 });
  requireInteger('clients', input.clients, { min: 0 });
  requireInteger('weeks', input.weeks, { min: 0 });
  const clientWeeks = BigInt(input.clients) * BigInt(input.weeks);
  const perWeek = BigInt(Math.max(0, input.fromTariff - input.toTariff));
  const difference = perWeek * clientWeeks;
  if (supplement.capBp === undefined) return { difference: toSafe(difference), retained: toSafe(difference), capped: false };
  requireInteger('capBp', supplement.capBp, { min: 0 });
  const cap = divFloor(BigInt(input.fromTariff) * clientWeeks * BigInt(supplement.capBp), 10_000n);
  const retained = difference > cap ? cap : difference;
  return { difference: toSafe(difference), retained: toSafe(retained), capped: difference > cap };
}
