/**
 * The contract arithmetic the conversions use, with the signatures of the
 * arithmetic module (arith API). Until that module lands these are local,
 * after it lands this file only re-exports it.
 */
import { addDays, compareDates, daysIn, mondayOf, monthsOf } from './calendar.js';

/** Integer parts proportional to weights, summing exactly to `total`; largest remainder, ties to the earlier item. */
export function splitLargestRemainder(total: number, weights: readonly number[]): number[] {
  const sum = weights.reduce((a, w) => a + BigInt(w), 0n);
  if (weights.length === 0) return [];
  if (sum === 0n) return weights.map((_, i) => (i === 0 ? total : 0));
  const t = BigInt(total);
  const parts = weights.map((w) => (t * BigInt(w)) / sum);
  const remainders = weights.map((w, i) => ({ i, r: t * BigInt(w) - parts[i]! * sum }));
  let left = t - parts.reduce((a, p) => a + p, 0n);
  remainders.sort((a, b) => (a.r === b.r ? a.i - b.i : a.r > b.r ? -1 : 1));
  for (const { i } of remainders) {
    if (left <= 0n) break;
    parts[i] = parts[i]! + 1n;
    left -= 1n;
  }
  return parts.map(Number);
}

/** IV077/IV078: the most that may be delivered over a period. */
export function maximumVolume(omvang: { volume: number; eenheid: string; frequentie: string }, period: { start: string; end: string }): number {
  switch (omvang.frequentie) {
    case '1':
      return omvang.volume * daysIn(period.start, period.end);
    case '2': {
      const weeks = daysIn(mondayOf(period.start), mondayOf(period.end)) / 7 + 1;
      return omvang.volume * Math.floor(weeks);
    }
    case '4':
      return omvang.volume * monthsOf(period.start, period.end).length;
    default:
      return omvang.volume;
  }
}

/** By days per calendar month, largest remainder (E3). */
export function allocateByDays(amount: number, period: { start: string; end: string }): { month: string; amount: number }[] {
  const months = monthsOf(period.start, period.end);
  const parts = splitLargestRemainder(
    amount,
    months.map((m) => daysIn(m.start, m.end)),
  );
  return months.map((m, i) => ({ month: m.month, amount: parts[i]! }));
}

/** Four-week periods counted from an anchor Monday (E3: 2016-06-20 is P07 of 2016-01-04). */
export function fourWeekPeriod(anchor: string, date: string): { index: number; start: string; end: string } {
  const offset = daysIn(anchor, date) - 1;
  const index = Math.floor(offset / 28) + 1;
  const start = addDays(anchor, (index - 1) * 28);
  return { index, start, end: addDays(start, 27) };
}

/** n / d rounded half away from zero, exactly. */
export function roundHalfAwayFromZero(numerator: bigint, denominator: bigint): number {
  if (denominator < 0n) return roundHalfAwayFromZero(-numerator, -denominator);
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = (2n * n + denominator) / (2n * denominator);
  return Number(negative ? -q : q);
}

export function isBefore(a: string, b: string): boolean {
  return compareDates(a, b) < 0;
}
