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

/** Actual against the pro-rata plan after `index` of `count` periods. */
export interface PlanPosition {
  /** plan × index / count, rounded half away from zero (E3: 1 000 × 7 / 13 → 538). */
  readonly proRata: number;
  /** actual × 10 000 / (plan × index / count), exact quotient rounded (E3: 560 → 10 400 bp = 104.0 %). */
  readonly ofProRataBp: number;
  /** actual × 10 000 / plan, rounded (E3: 560 of 1 000 → 5600). */
  readonly ofPlanBp: number;
  /** index × 10 000 / count, rounded (E3: 7 / 13 → 5385). */
  readonly elapsedBp: number;
}

/**
 * Year-to-date position against a plan spread evenly over the reporting
 * periods (spec GO-4, E3): units YTD 560 vs 1 000 × 7/13 = 538.46 → 104.0 %,
 * 56.0 % of the plan with 53.8 % of the year elapsed. Works the same for cents.
 * A plan below 1, an index outside 1…count or non-integer values are a RangeError.
 */
export function planPosition(input: { plan: number; actual: number; index: number; count: number }): PlanPosition {
  requireInteger('plan', input.plan, { min: 1 });
  requireInteger('actual', input.actual);
  requireInteger('count', input.count, { min: 1 });
  requireInteger('index', input.index, { min: 1 });
  if (input.index > input.count) throw new RangeError(`index ${input.index} lies beyond count ${input.count}`);
  const plan = BigInt(input.plan);
  const actual = BigInt(input.actual);
  const index = BigInt(input.index);
  const count = BigInt(input.count);
  return {
    proRata: toSafe(divRound(plan * index, count), 'proRata'),
    ofProRataBp: toSafe(divRound(actual * 10_000n * count, plan * index), 'ofProRataBp') + 0,
    ofPlanBp: toSafe(divRound(actual * 10_000n, plan), 'ofPlanBp') + 0,
    elapsedBp: toSafe(divRound(index * 10_000n, count), 'elapsedBp'),
  };
}
