/**
 * How much of an assignment may be declared (TR321, TR322; IV076–IV081):
 * the assigned volume converted to the Prestatie's unit (hours may be
 * declared in minutes) and to its period. Limits are exact fractions
 * (numerator / denominator), compared by cross-multiplying integers.
 */
import type { StandardId } from '../../standard/descriptor.js';
import type { CDT_Omvang } from '../../standard/generated/types.js';
import { daysInMonth } from '../helpers.js';

/**
 * The categories whose weekly volume may be used up to 6× in one
 * ProductPeriode (TR321): iWmo's categorie 01 (hulp bij het huishouden);
 * none in iJw, which has no such category and no such exception (iJw spec §5.2).
 */
export const WEEKLY_SIXFOLD: Readonly<Record<StandardId, ReadonlySet<string>>> = {
  'iwmo-3.2': new Set(['01']),
  'ijw-3.2': new Set(),
};

/** A limit `numerator / denominator` in the declared unit. */
export interface Limit {
  readonly numerator: number;
  readonly denominator: number;
}

const DAY_MS = 86_400_000;

/** Days from `from` to `to`, both included. */
export function daysInclusive(from: string, to: string): number {
  return Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / DAY_MS) + 1;
}

/** First day of the date's month. */
export function monthStart(date: string): string {
  return `${date.slice(0, 8)}01`;
}

/** Last day of the date's month. */
export function monthEnd(date: string): string {
  const last = daysInMonth(Number(date.slice(0, 4)), Number(date.slice(5, 7)));
  return `${date.slice(0, 8)}${String(last).padStart(2, '0')}`;
}

/** Calendar months from `from` to `to` that the period touches. */
export function monthsTouched(from: string, to: string): number {
  return (Number(to.slice(0, 4)) - Number(from.slice(0, 4))) * 12 + (Number(to.slice(5, 7)) - Number(from.slice(5, 7))) + 1;
}

/**
 * The factor from the assigned unit to the declared one, or undefined when
 * they cannot be compared: equal units, or hours assigned and minutes
 * declared (IV081).
 */
export function unitFactor(assigned: string, declared: string): number | undefined {
  if (assigned === declared) return 1;
  if (assigned === '04' && declared === '01') return 60;
  return undefined;
}

/**
 * TR321: the most one Prestatie over `days` days may hold. Per dag: volume ×
 * days; per week: volume × days / 7 (IV077), but for the `sixfold`
 * categories (iWmo's 01, hulp bij het huishouden) up to 6× the weekly volume in one ProductPeriode; per maand
 * (a ProductPeriode lies in one month) and totaal: the volume.
 */
export function periodLimit(omvang: CDT_Omvang, categorie: string, days: number, factor: number, sixfold: ReadonlySet<string> = WEEKLY_SIXFOLD['iwmo-3.2']): Limit {
  const v = omvang.volume * factor;
  switch (omvang.frequentie) {
    case '1':
      return { numerator: v * days, denominator: 1 };
    case '2':
      return sixfold.has(categorie) ? { numerator: Math.max(6 * v * 7, v * days), denominator: 7 } : { numerator: v * days, denominator: 7 };
    default:
      return { numerator: v, denominator: 1 };
  }
}

/**
 * TR322: the most all Prestaties on the assignment together may hold over its
 * whole duration; undefined when that is unbounded (no Einddatum and a
 * frequency other than totaal).
 */
export function totalLimit(omvang: CDT_Omvang, ingangsdatum: string, einddatum: string | undefined, factor: number): Limit | undefined {
  const v = omvang.volume * factor;
  if (omvang.frequentie === '6') return { numerator: v, denominator: 1 };
  if (einddatum === undefined) return undefined;
  const days = daysInclusive(ingangsdatum, einddatum);
  switch (omvang.frequentie) {
    case '1':
      return { numerator: v * days, denominator: 1 };
    case '2':
      return { numerator: v * days, denominator: 7 };
    default:
      return { numerator: v * monthsTouched(ingangsdatum, einddatum), denominator: 1 };
  }
}

/** Whether `amount` exceeds the limit. */
export function exceeds(amount: number, limit: Limit): boolean {
  return amount * limit.denominator > limit.numerator;
}

/** A limit for people: whole numbers as they are, fractions to one decimal. */
export function showLimit(limit: Limit): string {
  return limit.numerator % limit.denominator === 0 ? String(limit.numerator / limit.denominator) : (limit.numerator / limit.denominator).toFixed(1);
}
