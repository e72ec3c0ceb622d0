import type { KpiDefinition, Nacalculatie } from '../model.js';
import { compareFractions, decimalFraction, divRound, requireCents, requireInteger, toSafe, type Fraction } from './exact.js';

/** The outcome of a nacalculatie (year-end settlement). */
export interface NacalculatieResult {
  /** The basis before quality: unitPrice × unitsPerClient × averageClients, unitPrice × units, or actual cost — rounded half away from zero. */
  readonly gross: number;
  /** Σ over the quality links of (met ? +bonusBp : −malusBp) × weightBp / 10 000, rounded half away from zero (the amount uses the exact sum). */
  readonly qualityBp: number;
  /** gross × (10 000 + quality) / 10 000, computed from the exact basis and rounded once, then capped by `cap`. */
  readonly amount: number;
  /** True when `cap` lowered the amount. */
  readonly capped: boolean;
  /** amount − paid: positive means the gemeente still owes the provider. */
  readonly settlement: number;
}

/**
 * Nacalculatie (spec GO-6, E1d; the formula is illustrative in the spec and
 * documented here): the basis is
 * - `average-clients`: unitPrice × unitsPerClient × averageClients, where
 *   unitsPerClient is the rule's value or baseline.units / baseline.clients
 *   (exact) and averageClients a number or Σ active clients per period / periods;
 * - `units`: unitPrice × units;
 * - `actual-cost`: actualCost.
 * Each quality link adds its `bonusBp` when its KPI was met and subtracts its
 * `malusBp` when missed, scaled by `weightBp / 10 000` (10 000 = full); a KPI
 * absent from `kpisMet` counts as missed. The basis × (10 000 + quality) /
 * 10 000 is rounded once (half away from zero) to the cent, then limited by
 * `cap`. E1d: 5 000 × 10 × 104 × 0.98 = 5 096 000.
 * Missing inputs for the chosen basis, or invalid numbers, are a RangeError.
 */
export function nacalculatie(
  rule: Nacalculatie,
  input: {
    averageClients?: number | { readonly clientPeriods: number; readonly periods: number };
    baseline?: { readonly units: number; readonly clients: number };
    units?: number;
    actualCost?: number;
    kpisMet: Readonly<Record<string, boolean>>;
    paid?: number;
  },
): NacalculatieResult {
  let basis: Fraction;
  switch (rule.basis) {
    case 'average-clients': {
      if (rule.unitPrice === undefined) throw new RangeError("basis 'average-clients' needs rule.unitPrice");
      requireCents('rule.unitPrice', rule.unitPrice, { min: 0 });
      let perClient: Fraction;
      if (rule.unitsPerClient !== undefined) perClient = decimalFraction('rule.unitsPerClient', rule.unitsPerClient);
      else if (input.baseline) {
        requireInteger('baseline.units', input.baseline.units, { min: 0 });
        requireInteger('baseline.clients', input.baseline.clients, { min: 1 });
        perClient = { n: BigInt(input.baseline.units), d: BigInt(input.baseline.clients) };
      } else throw new RangeError("basis 'average-clients' needs rule.unitsPerClient or input.baseline");
      let clients: Fraction;
      if (typeof input.averageClients === 'number') clients = decimalFraction('averageClients', input.averageClients);
      else if (input.averageClients) {
        requireInteger('averageClients.clientPeriods', input.averageClients.clientPeriods, { min: 0 });
        requireInteger('averageClients.periods', input.averageClients.periods, { min: 1 });
        clients = { n: BigInt(input.averageClients.clientPeriods), d: BigInt(input.averageClients.periods) };
      } else throw new RangeError("basis 'average-clients' needs input.averageClients");
      if (perClient.n < 0n || clients.n < 0n) throw new RangeError('unitsPerClient and averageClients must not be negative');
      basis = { n: BigInt(rule.unitPrice) * perClient.n * clients.n, d: perClient.d * clients.d };
      break;
    }
    case 'units':
      if (rule.unitPrice === undefined || input.units === undefined) throw new RangeError("basis 'units' needs rule.unitPrice and input.units");
      requireCents('rule.unitPrice', rule.unitPrice, { min: 0 });
      requireInteger('units', input.units, { min: 0 });
      basis = { n: BigInt(rule.unitPrice) * BigInt(input.units), d: 1n };
      break;
    case 'actual-cost':
      if (input.actualCost === undefined) throw new RangeError("basis 'actual-cost' needs input.actualCost");
      requireCents('actualCost', input.actualCost);
      basis = { n: BigInt(input.actualCost), d: 1n };
      break;
    default:
      throw new RangeError(`rule.basis must be 'average-clients', 'units' or 'actual-cost', got ${JSON.stringify((rule as { basis: unknown }).basis)}`);
  }
  // quality in bp × 10 000 (weights are bp too), kept integral.
  let quality = 0n;
  rule.quality.forEach((link, i) => {
    requireInteger(`rule.quality[${i}].weightBp`, link.weightBp, { min: 0 });
    requireInteger(`rule.quality[${i}].bonusBp`, link.bonusBp, { min: 0 });
    requireInteger(`rule.quality[${i}].malusBp`, link.malusBp, { min: 0 });
    quality += BigInt(link.weightBp) * BigInt(input.kpisMet[link.kpiId] === true ? link.bonusBp : -link.malusBp);
  });
  const factorNumerator = 100_000_000n + quality; // (10 000 + quality / 10 000) × 10 000
  if (factorNumerator < 0n) throw new RangeError('the quality maluses exceed 100 %');
  let amount = toSafe(divRound(basis.n * factorNumerator, basis.d * 100_000_000n), 'amount');
  let capped = false;
  if (rule.cap !== undefined) {
    requireCents('rule.cap', rule.cap);
    if (amount > rule.cap) {
      amount = rule.cap;
      capped = true;
    }
  }
  const paid = input.paid ?? 0;
  requireCents('paid', paid);
  return {
    gross: toSafe(divRound(basis.n, basis.d), 'gross'),
    qualityBp: toSafe(divRound(quality, 10_000n), 'qualityBp') + 0,
    amount,
    capped,
    settlement: amount - paid,
  };
}

/** A KPI's value and whether it meets its target. */
export interface KpiResult {
  /** numerator × 10 000 / denominator, rounded half away from zero; null when nothing was measured. */
  readonly bp: number | null;
  /** Target reached (≥ for `hoger-beter`, ≤ for `lager-beter`, decided on the exact ratio); null without a target or a measurement. */
  readonly met: boolean | null;
}

/**
 * A KPI ratio in basis points and whether it meets the target by the KPI's
 * direction (spec AL-4, E8: 124 of 200 → 6200 bp, target 6000 hoger-beter → met).
 * A denominator of 0 gives `{ bp: null, met: null }` (not measured, no crash);
 * negative or non-integer counts, or a numerator above the denominator, are a RangeError.
 */
export function kpiRatio(kpi: Pick<KpiDefinition, 'targetBp' | 'direction'>, value: { numerator: number; denominator: number }): KpiResult {
  requireInteger('numerator', value.numerator, { min: 0 });
  requireInteger('denominator', value.denominator, { min: 0 });
  if (value.numerator > value.denominator) throw new RangeError(`numerator ${value.numerator} exceeds denominator ${value.denominator}`);
  if (value.denominator === 0) return { bp: null, met: null };
  const n = BigInt(value.numerator) * 10_000n;
  const d = BigInt(value.denominator);
  const bp = toSafe(divRound(n, d), 'bp');
  if (kpi.targetBp === undefined) return { bp, met: null };
  requireInteger('kpi.targetBp', kpi.targetBp, { min: 0 });
  const vs = compareFractions(n, d, BigInt(kpi.targetBp), 1n);
  if (kpi.direction !== 'hoger-beter' && kpi.direction !== 'lager-beter') throw new RangeError(`kpi.direction must be 'hoger-beter' or 'lager-beter', got ${JSON.stringify(kpi.direction)}`);
  return { bp, met: kpi.direction === 'hoger-beter' ? vs >= 0 : vs <= 0 };
}
