/** The contract arithmetic the conversions use: the arithmetic module's, plus the one rounding rule as a number. */
import { divRound } from '../arithmetic/exact.js';

export { allocateByDays, fourWeekPeriod, maximumVolume, splitLargestRemainder, weeklyPrestaties } from '../arithmetic/index.js';
export type { WeeklyTariffs } from '../arithmetic/index.js';

/** n / d rounded half away from zero, exactly. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): number {
  return Number(divRound(numerator, denominator));
}
