import { dayRange, dayNumber } from './calendar.js';
import { compareFractions, divRound, requireCents, requireInteger, toSafe } from './exact.js';

/** Spent against time elapsed, both in basis points. */
export interface UtilisationPosition {
  /** `spent × 10 000 / budget`, rounded half away from zero. */
  readonly spentBp: number;
  /** Days from the period start to `asOf` (inclusive) × 10 000 / days in the period, rounded; 0 before the start, 10 000 after the end. */
  readonly elapsedBp: number;
  /** The exact difference spent − elapsed in bp, rounded half away from zero. */
  readonly aheadBp: number;
  /** Exact difference ≥ `thresholdBp`; without a threshold: spending runs ahead of time at all (difference > 0). */
  readonly aheadOfPlan: boolean;
}

/**
 * Budget utilisation (spec SI-5, E5): how far spending runs ahead of the time
 * elapsed. E5: 250 000 of 416 250 by 2016-06-30 in 2016 → spentBp 6006,
 * elapsedBp 4973 (182 / 366 days), aheadBp 1033, ahead of plan at 1000 bp.
 * The flag is decided on the exact fractions, not on the rounded figures.
 * A budget below 1 cent, non-integer cents, a negative threshold or an end
 * before the start is a RangeError; `spent` may be negative (credits).
 */
export function budgetUtilisation(input: { budget: number; spent: number; period: { start: string; end: string }; asOf: string; thresholdBp?: number }): UtilisationPosition {
  requireCents('budget', input.budget, { min: 1 });
  requireCents('spent', input.spent);
  if (input.thresholdBp !== undefined) requireInteger('thresholdBp', input.thresholdBp, { min: 0 });
  const { first, last } = dayRange('period', input.period);
  const asOf = dayNumber('asOf', input.asOf);
  const totalDays = BigInt(last - first + 1);
  const elapsedDays = BigInt(Math.min(Math.max(asOf - first + 1, 0), last - first + 1));
  const budget = BigInt(input.budget);
  const spent = BigInt(input.spent);
  // ahead (in bp) = 10 000 × (spent / budget − elapsed / total) = 10 000 × (spent × total − elapsed × budget) / (budget × total)
  const aheadNumerator = 10_000n * (spent * totalDays - elapsedDays * budget);
  const aheadDenominator = budget * totalDays;
  const threshold = BigInt(input.thresholdBp ?? 0);
  const vsThreshold = compareFractions(aheadNumerator, aheadDenominator, threshold, 1n);
  return {
    spentBp: toSafe(divRound(spent * 10_000n, budget), 'spentBp'),
    elapsedBp: toSafe(divRound(elapsedDays * 10_000n, totalDays), 'elapsedBp'),
    aheadBp: toSafe(divRound(aheadNumerator, aheadDenominator), 'aheadBp') + 0,
    aheadOfPlan: input.thresholdBp === undefined ? vsThreshold > 0 : vsThreshold >= 0,
  };
}
