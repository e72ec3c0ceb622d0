/**
 * An independent implementation of the five named functions, written
 * differently on purpose: a normalised rational class instead of BigInt
 * cross-multiplication, one-at-a-time selection instead of a sort, and
 * day-by-day iteration with Date objects instead of day-number arithmetic.
 * The library must agree with it exactly on random inputs.
 */
import type { BandRule } from '../../../src/extensions-entry.js';

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b !== 0n) [a, b] = [b, a % b];
  return a;
}

export class Rational {
  readonly n: bigint;
  readonly d: bigint;
  constructor(n: bigint | number, d: bigint | number = 1n) {
    let nn = BigInt(n);
    let dd = BigInt(d);
    if (dd === 0n) throw new Error('zero denominator');
    if (dd < 0n) [nn, dd] = [-nn, -dd];
    const g = gcd(nn, dd) || 1n;
    this.n = nn / g;
    this.d = dd / g;
  }
  add(o: Rational): Rational {
    return new Rational(this.n * o.d + o.n * this.d, this.d * o.d);
  }
  sub(o: Rational): Rational {
    return new Rational(this.n * o.d - o.n * this.d, this.d * o.d);
  }
  mul(o: Rational): Rational {
    return new Rational(this.n * o.n, this.d * o.d);
  }
  div(o: Rational): Rational {
    return new Rational(this.n * o.d, this.d * o.n);
  }
  cmp(o: Rational): number {
    const diff = this.sub(o).n;
    return diff < 0n ? -1 : diff > 0n ? 1 : 0;
  }
  floor(): bigint {
    const q = this.n / this.d;
    return this.n < 0n && q * this.d !== this.n ? q - 1n : q;
  }
  /** The fractional part, in [0, 1). */
  frac(): Rational {
    return this.sub(new Rational(this.floor()));
  }
  /** Half away from zero: |x| + 1/2, floored, with the sign back. */
  round(): bigint {
    const negative = this.n < 0n;
    const abs = new Rational(negative ? -this.n : this.n, this.d);
    const r = abs.add(new Rational(1n, 2n)).floor();
    return negative ? -r : r;
  }
}

export function referenceSplit(total: number, weights: readonly number[]): number[] {
  const sign = total < 0 ? -1n : 1n;
  const t = new Rational(BigInt(total) * sign);
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  const quotas = weights.map((w) => t.mul(new Rational(BigInt(w), sum)));
  const parts = quotas.map((q) => q.floor());
  let left = t.floor() - parts.reduce((s, p) => s + p, 0n);
  const taken = new Set<number>();
  while (left > 0n) {
    // Pick the largest fractional part not yet taken; the first one wins a tie.
    let best = -1;
    for (let i = 0; i < quotas.length; i++) {
      if (taken.has(i)) continue;
      if (best === -1 || quotas[i]!.frac().cmp(quotas[best]!.frac()) > 0) best = i;
    }
    taken.add(best);
    parts[best]! += 1n;
    left -= 1n;
  }
  return parts.map((p) => Number(p * sign));
}

export function referenceBand(rule: BandRule, input: { reported: number; budget: number; period?: { index: number; count: number } }) {
  const deviation = new Rational(input.reported - rule.reference, rule.reference); // a fraction of 1
  const upper = new Rational(rule.upper.bp, 10_000);
  const lower = new Rational(rule.lower.bp, 10_000);
  const deviationBp = Number(deviation.mul(new Rational(10_000)).round());
  const aboveUpper = deviation.cmp(upper);
  const belowLower = deviation.cmp(lower);
  let action: 'raise' | 'lower' | 'none' = 'none';
  if (aboveUpper > 0 || (aboveUpper === 0 && rule.upper.inclusive)) action = 'raise';
  else if (belowLower < 0 || (belowLower === 0 && rule.lower.inclusive)) action = 'lower';
  if (action === 'none') return { action, delta: 0, newBudget: input.budget, deviationBp };
  const share = rule.adjustment === 'proportional' ? deviation : deviation.sub(action === 'raise' ? upper : lower);
  const scale = rule.effect === 'remaining-periods' ? new Rational(input.period!.count - input.period!.index, input.period!.count) : new Rational(1);
  const delta = Number(new Rational(input.budget).mul(share).mul(scale).round());
  return { action, delta, newBudget: input.budget + delta, deviationBp };
}

const DAY = 86_400_000;
function* days(start: string, end: string): Generator<Date> {
  for (let t = Date.parse(`${start}T00:00:00Z`); t <= Date.parse(`${end}T00:00:00Z`); t += DAY) yield new Date(t);
}
const iso = (d: Date) => d.toISOString().slice(0, 10);

export function referenceMaximumVolume(omvang: { volume: number; frequentie: string }, period: { start: string; end: string }): number {
  const weeks = new Set<string>();
  const months = new Set<string>();
  let count = 0;
  for (const day of days(period.start, period.end)) {
    count++;
    const monday = new Date(day.getTime() - ((day.getUTCDay() + 6) % 7) * DAY);
    weeks.add(iso(monday));
    months.add(iso(day).slice(0, 7));
  }
  const times = { '1': count, '2': weeks.size, '4': months.size, '6': 1 }[omvang.frequentie as '1' | '2' | '4' | '6'];
  return omvang.volume * times;
}

export function referenceAllocate(amount: number, period: { start: string; end: string }): { month: string; amount: number }[] {
  const perMonth = new Map<string, number>();
  for (const day of days(period.start, period.end)) {
    const month = iso(day).slice(0, 7);
    perMonth.set(month, (perMonth.get(month) ?? 0) + 1);
  }
  const months = [...perMonth.keys()];
  const parts = referenceSplit(amount, [...perMonth.values()]);
  return months.map((month, i) => ({ month, amount: parts[i]! }));
}

export function referenceFourWeekPeriod(anchor: string, date: string): { index: number; start: string; end: string } {
  let start = new Date(`${anchor}T00:00:00Z`);
  const target = new Date(`${date}T00:00:00Z`).getTime();
  let index = 1;
  for (;;) {
    const end = new Date(start.getTime() + 27 * DAY);
    if (target <= end.getTime()) return { index, start: iso(start), end: iso(end) };
    start = new Date(start.getTime() + 28 * DAY);
    index++;
  }
}
