import { divRound, requireCents, requireInteger, toSafe } from './exact.js';

/**
 * IV079: minutes declared in hours, rounded on the period total: a remainder
 * under 30 minutes down, 30 or more up, and at least 1 hour when anything was
 * delivered (0 minutes stay 0). E7: 4 × 95 = 380 min → 6 h.
 * Negative or non-integer minutes are a RangeError.
 */
export function declaredHours(minutes: number): number {
  requireInteger('minutes', minutes, { min: 0 });
  if (minutes === 0) return 0;
  return Math.max(1, toSafe(divRound(BigInt(minutes), 60n)));
}

/**
 * IV081 / TR346: the amount for minutes at an hour tariff,
 * round(hourTariff × minutes / 60) half away from zero — not the rounded
 * per-minute tariff × minutes. E7: 6 250 × 380 / 60 → 39 583 (not 39 520).
 */
export function amountForMinutes(hourTariff: number, minutes: number): number {
  requireCents('hourTariff', hourTariff, { min: 0 });
  requireInteger('minutes', minutes, { min: 0 });
  return toSafe(divRound(BigInt(hourTariff) * BigInt(minutes), 60n));
}

/**
 * The per-minute ProductTarief a Prestatie shows for an hour tariff (IV081):
 * hourTariff / 60 rounded half away from zero to the cent. E7: 6 250 → 104 (€1.04).
 */
export function perMinuteTariff(hourTariff: number): number {
  requireCents('hourTariff', hourTariff, { min: 0 });
  return toSafe(divRound(BigInt(hourTariff), 60n));
}
