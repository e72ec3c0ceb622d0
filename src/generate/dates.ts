/**
 * Calendar arithmetic on `'YYYY-MM-DD'` strings for the generator, in UTC day
 * numbers so no time zone or daylight saving can shift a date.
 */
const DAY = 86_400_000;

/** Days since 1970-01-01 of a `'YYYY-MM-DD'` date. */
export function dayNumber(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Date.UTC(y, m - 1, d) / DAY;
}

export function formatDate(day: number): string {
  return new Date(day * DAY).toISOString().slice(0, 10);
}

export function addDays(date: string, days: number): string {
  return formatDate(dayNumber(date) + days);
}

export function daysBetween(from: string, to: string): number {
  return dayNumber(to) - dayNumber(from);
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** A month as `{ year, month }` with month 1–12, counted in whole months from a date. */
export interface Month {
  readonly year: number;
  readonly month: number;
}

export function monthOf(date: string): Month {
  const [year, month] = date.split('-').map(Number) as [number, number];
  return { year, month };
}

export function addMonths(m: Month, months: number): Month {
  const index = m.year * 12 + (m.month - 1) + months;
  return { year: Math.floor(index / 12), month: (index % 12) + 1 };
}

export function compareMonths(a: Month, b: Month): number {
  return a.year * 12 + a.month - (b.year * 12 + b.month);
}

export function monthDate(m: Month, day: number): string {
  return `${String(m.year).padStart(4, '0')}-${String(m.month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function firstOfMonth(m: Month): string {
  return monthDate(m, 1);
}

export function lastOfMonth(m: Month): string {
  return monthDate(m, daysInMonth(m.year, m.month));
}

export function earliest(a: string, b: string): string {
  return a <= b ? a : b;
}

export function latest(a: string, b: string): string {
  return a >= b ? a : b;
}
