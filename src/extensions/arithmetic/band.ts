import type { BandRule, VolumeCeiling } from '../model.js';
import { compareFractions, divRound, requireCents, requireInteger, toSafe } from './exact.js';

/** What a report does to a budget under a band rule. */
export interface BandEvaluation {
  readonly action: 'raise' | 'lower' | 'none';
  /** Change of the budget in cents (negative when lowered); 0 when the action is `none`. */
  readonly delta: number;
  readonly newBudget: number;
  /** `(reported − reference) × 10 000 / reference`, rounded half away from zero (for display; the decision uses the exact value). */
  readonly deviationBp: number;
}

/** One reporting period: `index` is the period just reported (1-based) of `count`. */
export interface PeriodPosition {
  readonly index: number;
  readonly count: number;
}

function checkRule(rule: BandRule): void {
  if (rule === null || typeof rule !== 'object') throw new RangeError('rule must be a BandRule');
  requireInteger('rule.reference', rule.reference, { min: 1 });
  requireInteger('rule.upper.bp', rule.upper?.bp, { min: 0 });
  requireInteger('rule.lower.bp', rule.lower?.bp);
  if (rule.lower.bp > 0) throw new RangeError(`rule.lower.bp must be zero or negative, got ${rule.lower.bp}`);
  if (rule.adjustment !== 'proportional' && rule.adjustment !== 'excess-over-band') throw new RangeError(`rule.adjustment must be 'proportional' or 'excess-over-band', got ${String(rule.adjustment)}`);
  if (rule.effect !== 'whole-period' && rule.effect !== 'remaining-periods') throw new RangeError(`rule.effect must be 'whole-period' or 'remaining-periods', got ${String(rule.effect)}`);
}

/**
 * Applies a band rule (spec §3.2, Goeree E1) to a reported value.
 *
 * The deviation `(reported − reference) / reference` is compared EXACTLY (as a
 * fraction, never as rounded basis points) with `upper.bp` and `lower.bp`, so a
 * value exactly on a bound lands on the side `inclusive` says. Outside the band:
 * - `proportional`: the change is `budget × (reported − reference) / reference`;
 * - `excess-over-band`: only the part beyond the crossed bound,
 *   `budget × (deviation − bound)`; on an inclusive bound that is 0 (action
 *   still `lower`/`raise`, delta 0).
 * With `effect: 'remaining-periods'` the change is scaled by
 * `(count − index) / count` (E1c: period 7 of 13 → 6/13); `period` is then
 * required. The change is rounded once, half away from zero, to whole units of
 * `budget` (cents, or units when a ceiling is adjusted: E1b).
 * `rebase` is not applied here: it concerns the next report's reference.
 * Should both bounds capture the same value (both 0 and inclusive), raising wins.
 *
 * Invalid input (reference < 1, a non-integer value, a positive lower bound,
 * an index outside 1…count) is a RangeError.
 */
export function evaluateBand(rule: BandRule, input: { reported: number; budget: number; period?: { index: number; count: number } }): BandEvaluation {
  checkRule(rule);
  requireInteger('input.reported', input.reported, { min: 0 });
  requireCents('input.budget', input.budget);
  let scaleNumerator = 1n;
  let scaleDenominator = 1n;
  if (rule.effect === 'remaining-periods') {
    if (!input.period) throw new RangeError("rule.effect 'remaining-periods' needs input.period { index, count }");
    requireInteger('input.period.count', input.period.count, { min: 1 });
    requireInteger('input.period.index', input.period.index, { min: 1 });
    if (input.period.index > input.period.count) throw new RangeError(`input.period.index ${input.period.index} lies beyond count ${input.period.count}`);
    scaleNumerator = BigInt(input.period.count - input.period.index);
    scaleDenominator = BigInt(input.period.count);
  }

  const reference = BigInt(rule.reference);
  const difference = BigInt(input.reported) - reference;
  // deviation in bp = difference × 10 000 / reference, compared with bound / 1.
  const deviationNumerator = difference * 10_000n;
  const deviationBp = toSafe(divRound(deviationNumerator, reference), 'deviationBp');
  const vsUpper = compareFractions(deviationNumerator, reference, BigInt(rule.upper.bp), 1n);
  const vsLower = compareFractions(deviationNumerator, reference, BigInt(rule.lower.bp), 1n);
  const raise = vsUpper > 0 || (vsUpper === 0 && rule.upper.inclusive);
  const lower = !raise && (vsLower < 0 || (vsLower === 0 && rule.lower.inclusive));
  if (!raise && !lower) return { action: 'none', delta: 0, newBudget: input.budget, deviationBp };

  const bound = BigInt(raise ? rule.upper.bp : rule.lower.bp);
  const budget = BigInt(input.budget);
  // Change as budget × numerator / (reference × 10 000) × scale.
  const changeNumerator = rule.adjustment === 'proportional' ? deviationNumerator : deviationNumerator - bound * reference;
  const delta = toSafe(divRound(budget * changeNumerator * scaleNumerator, reference * 10_000n * scaleDenominator), 'delta');
  return { action: raise ? 'raise' : 'lower', delta: delta + 0, newBudget: toSafe(BigInt(input.budget) + BigInt(delta), 'newBudget'), deviationBp: deviationBp + 0 };
}

/**
 * A volume ceiling under a band rule (spec E1b): the ceiling's quantity moves
 * exactly as a budget would (`evaluateBand` with the quantity as budget), so a
 * proportional rule takes 1 000 units to 1 060 after a 106-client report.
 */
export function adjustCeiling<C extends VolumeCeiling>(rule: BandRule, input: { reported: number; ceiling: C; period?: PeriodPosition }): C {
  const evaluation = evaluateBand(rule, { reported: input.reported, budget: input.ceiling.quantity, ...(input.period ? { period: input.period } : {}) });
  return { ...input.ceiling, quantity: evaluation.newBudget };
}
