import { requireInteger } from './exact.js';

/**
 * Splits `total` into integer parts proportional to `weights` that sum exactly
 * to `total` (largest remainder): every part first gets the floor of its exact
 * share, then the units left over go one each to the parts with the largest
 * remainders, ties to the earlier item.
 *
 * `total` is any safe integer (a negative total is split as its absolute value
 * and negated, so a credit splits like the debit it reverses). `weights` are
 * non-negative safe integers (basis points, days, clients) with at least one
 * above zero; anything else is a RangeError. The arithmetic is BigInt, so
 * `850 000 000 × 10 000` stays exact.
 *
 * @example splitLargestRemainder(850_000_000, [1, 1, 1]) // [283_333_334, 283_333_333, 283_333_333]
 */
export function splitLargestRemainder(total: number, weights: readonly number[]): number[] {
  requireInteger('total', total);
  if (!Array.isArray(weights) || weights.length === 0) throw new RangeError('weights must be a non-empty list');
  weights.forEach((w, i) => requireInteger(`weights[${i}]`, w, { min: 0 }));
  const sum = weights.reduce((s, w) => s + BigInt(w), 0n);
  if (sum === 0n) throw new RangeError('weights must not all be zero: there is nothing to split by');

  const sign = total < 0 ? -1 : 1;
  const whole = BigInt(Math.abs(total));
  const parts = weights.map((w) => {
    const product = whole * BigInt(w);
    return { floor: product / sum, remainder: product % sum };
  });
  let left = whole - parts.reduce((s, p) => s + p.floor, 0n);
  // Stable order: larger remainder first, the earlier item on a tie.
  const order = parts.map((_, i) => i).sort((a, b) => {
    const ra = parts[a]!.remainder;
    const rb = parts[b]!.remainder;
    return ra === rb ? a - b : ra > rb ? -1 : 1;
  });
  const result = parts.map((p) => p.floor);
  for (const i of order) {
    if (left === 0n) break;
    result[i]! += 1n;
    left -= 1n;
  }
  // `+ 0` turns the −0 of a zero part of a negative total into 0.
  return result.map((part) => sign * Number(part) + 0);
}
