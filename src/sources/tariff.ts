/**
 * Tariffs for level 4 (TR346, TR418): the contract tariff of a product on a
 * day, and the amount of a Prestatie in exact integer eurocent. The IV081
 * rounding (an hourly tariff declared in minutes) is the one of
 * `extensions/arithmetic/rounding.ts`, used here and there alike.
 */
import type { Context, Tariff } from './context.js';

export { amountForMinutes, perMinuteTariff } from '../extensions/arithmetic/rounding.js';

/** The amount of `volume` units at `tarief` cent per unit, exact past 2^53. */
export function amountOf(volume: number, tarief: number): bigint {
  return BigInt(volume) * BigInt(tarief);
}

/** The contract tariff for a product on a day: the aanbieder's own before the gemeente's general one. */
export function tariffFor(context: Context, gemeente: string, aanbieder: string, categorie: string, code: string, date: string): Tariff | undefined {
  const candidates = (context.tariffs?.tariffs ?? []).filter(
    (t) => t.gemeente === gemeente && t.categorie === categorie && t.code === code && t.begindatum <= date && (t.einddatum === undefined || t.einddatum >= date) && (t.aanbieder === undefined || t.aanbieder === aanbieder),
  );
  return candidates.find((t) => t.aanbieder === aanbieder) ?? candidates[0];
}
