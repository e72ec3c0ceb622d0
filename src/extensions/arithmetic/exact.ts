/**
 * Exact integer arithmetic for the contract functions: products such as
 * 850 000 000 × 10 000 pass 2^53, so every product and quotient runs in BigInt
 * and comes back as a number only after the one documented rounding.
 */

/** Throws a RangeError unless `value` is a safe integer (and, when asked, not negative). */
export function requireInteger(name: string, value: number, options: { readonly min?: number } = {}): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be a whole number (safe integer), got ${String(value)}`);
  if (options.min !== undefined && value < options.min) throw new RangeError(`${name} must be at least ${options.min}, got ${value}`);
}

/** Whole cents: a safe integer. */
export function requireCents(name: string, value: number, options: { readonly min?: number } = {}): void {
  if (!Number.isSafeInteger(value)) throw new RangeError(`${name} must be whole eurocent, got ${String(value)}`);
  if (options.min !== undefined && value < options.min) throw new RangeError(`${name} must be at least ${options.min} cent, got ${value}`);
}

/** `numerator / denominator` rounded half away from zero (the one rounding rule of the toolkit). */
export function divRound(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const negative = numerator < 0n;
  const n = negative ? -numerator : numerator;
  const q = n / denominator;
  const r = n - q * denominator;
  const rounded = 2n * r >= denominator ? q + 1n : q;
  return negative ? -rounded : rounded;
}

/** `numerator / denominator` rounded down (towards −∞). */
export function divFloor(numerator: bigint, denominator: bigint): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) {
    numerator = -numerator;
    denominator = -denominator;
  }
  const q = numerator / denominator;
  return numerator < 0n && q * denominator !== numerator ? q - 1n : q;
}

/** Back to a number; a RangeError when the result would not be exact. */
export function toSafe(value: bigint, what = 'result'): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER) || value < BigInt(Number.MIN_SAFE_INTEGER)) {
    throw new RangeError(`${what} ${value} lies outside the exact number range (±2^53)`);
  }
  return Number(value);
}

/** Compares a/b with c/d (b, d > 0): negative, zero or positive. */
export function compareFractions(a: bigint, b: bigint, c: bigint, d: bigint): number {
  const left = a * d;
  const right = c * b;
  return left < right ? -1 : left > right ? 1 : 0;
}

/** An exact fraction (denominator > 0). */
export interface Fraction {
  readonly n: bigint;
  readonly d: bigint;
}

/**
 * A finite decimal number as the exact fraction its shortest decimal form
 * states (`0.1` → 1/10, `1.5` → 3/2), so `1.5 hours` means exactly one and a half.
 */
export function decimalFraction(name: string, value: number): Fraction {
  if (!Number.isFinite(value)) throw new RangeError(`${name} must be a finite number, got ${String(value)}`);
  const match = /^(-?)(\d+)(?:\.(\d+))?(?:e([+-]?\d+))?$/.exec(String(value));
  if (!match) throw new RangeError(`${name}: cannot read ${String(value)} as a decimal`);
  const [, sign, whole, fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText) - fraction.length;
  let n = BigInt(`${whole}${fraction}`);
  let d = 1n;
  if (exponent >= 0) n *= 10n ** BigInt(exponent);
  else d = 10n ** BigInt(-exponent);
  return { n: sign === '-' ? -n : n, d };
}
