import type { EigenBijdrageRegime } from '../model.js';
import { decimalFraction, divRound, requireCents, requireInteger, toSafe } from './exact.js';

/** The cost basis a regime gives for the CAK feed (spec §3.6). */
export type EigenBijdrageBasis =
  | { readonly regime: 'kostprijs-uren' | 'arrangementtarief' | 'gemiddelde-kosten'; readonly per: '4weken'; readonly amount: number }
  | { readonly regime: 'abonnementstarief'; readonly per: 'maand'; readonly amount: number }
  | { readonly regime: 'ivb'; readonly per: null; readonly amount: null };

/**
 * The eigen-bijdrage cost basis per regime (spec §3.6), each rounded once half
 * away from zero to the cent:
 * - `kostprijs-uren`: hoursPerWeek × 4 × hourTariff per four weeks (E5: 2 h × 4 × 5 200 = 41 600; fractional hours are exact decimals);
 * - `arrangementtarief`: annualTariff / 13 per four weeks (E5: 416 250 / 13 = 32 019);
 * - `gemiddelde-kosten`: budget / arrangements / 13 per four weeks, one rounding (E9: 600 000 000 / 1 500 / 13 = 30 769);
 * - `abonnementstarief`: the monthly amount per household as given (not per provision);
 * - `ivb`: nothing is computed (the CAK derives it from tax data): `amount: null`.
 * The income-based maximum the CAK applied before 2020 is never computed here.
 */
export function eigenBijdrageBasis(regime: EigenBijdrageRegime): EigenBijdrageBasis {
  switch (regime.regime) {
    case 'kostprijs-uren': {
      requireCents('hourTariff', regime.hourTariff, { min: 0 });
      const hours = decimalFraction('hoursPerWeek', regime.hoursPerWeek);
      if (hours.n < 0n) throw new RangeError(`hoursPerWeek must not be negative, got ${regime.hoursPerWeek}`);
      return { regime: regime.regime, per: '4weken', amount: toSafe(divRound(hours.n * 4n * BigInt(regime.hourTariff), hours.d)) };
    }
    case 'arrangementtarief':
      requireCents('annualTariff', regime.annualTariff, { min: 0 });
      return { regime: regime.regime, per: '4weken', amount: toSafe(divRound(BigInt(regime.annualTariff), 13n)) };
    case 'gemiddelde-kosten':
      return { regime: regime.regime, per: '4weken', amount: averageCostPerArrangement(regime.budget, regime.arrangements).per4Weeks };
    case 'abonnementstarief':
      requireCents('monthly', regime.monthly, { min: 0 });
      return { regime: 'abonnementstarief', per: 'maand', amount: regime.monthly };
    case 'ivb':
      return { regime: 'ivb', per: null, amount: null };
    default:
      throw new RangeError(`unknown eigen-bijdrage regime ${JSON.stringify((regime as { regime: unknown }).regime)}`);
  }
}

/**
 * Average cost per arrangement of a lump sum (spec C10, E9): per year
 * budget / arrangements, per four weeks budget / arrangements / 13, each from
 * the exact quotient and rounded once half away from zero (E9: 600 000 000 over
 * 1 500 → 400 000 a year, 30 769 per four weeks). Fewer than one arrangement is a RangeError.
 */
export function averageCostPerArrangement(budget: number, arrangements: number): { annual: number; per4Weeks: number } {
  requireCents('budget', budget, { min: 0 });
  requireInteger('arrangements', arrangements, { min: 1 });
  const b = BigInt(budget);
  const a = BigInt(arrangements);
  return { annual: toSafe(divRound(b, a)), per4Weeks: toSafe(divRound(b, a * 13n)) };
}
