/**
 * Tariff arithmetic of the declaratie (TR346, TR418; IV081): exact integer
 * eurocent, with BigInt where a product can pass 2^53, and one rounding point
 * (half away from zero) where an hourly tariff is declared in minutes.
 */
import type { Context, Tariff } from './context.js';

/** n / d rounded half away from zero, for d > 0. */
export function roundHalfAwayFromZero(n: bigint, d: bigint): bigint {
  if (d <= 0n) throw new RangeError('denominator must be positive');
  const sign = n < 0n ? -1n : 1n;
  const a = n < 0n ? -n : n;
  return sign * ((2n * a + d) / (2n * d));
}

/** The amount of `volume` units at `tarief` cent per unit. */
export function amountOf(volume: number, tarief: number): bigint {
  return BigInt(volume) * BigInt(tarief);
}

/**
 * IV081: an hourly tariff declared in minutes: (uurtarief × minuten) / 60,
 * rounded to whole cents (half away from zero).
 */
export function minuteAmount(uurtarief: number, minuten: number): bigint {
  return roundHalfAwayFromZero(BigInt(uurtarief) * BigInt(minuten), 60n);
}

/** The per-minute tariff shown as ProductTarief for an hourly tariff: uurtarief / 60, rounded to whole cents. */
export function minuteTariff(uurtarief: number): bigint {
  return roundHalfAwayFromZero(BigInt(uurtarief), 60n);
}

/** The contract tariff for a product on a day: the aanbieder's own before the gemeente's general one. */
export function tariffFor(context: Context, gemeente: string, aanbieder: string, categorie: string, code: string, date: string): Tariff | undefined {
  const candidates = (context.tariffs?.tariffs ?? []).filter(
    (t) => t.gemeente === gemeente && t.categorie === categorie && t.code === code && t.begindatum <= date && (t.einddatum === undefined || t.einddatum >= date) && (t.aanbieder === undefined || t.aanbieder === aanbieder),
  );
  return candidates.find((t) => t.aanbieder === aanbieder) ?? candidates[0];
}
