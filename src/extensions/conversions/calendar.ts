/**
 * Date arithmetic on `YYYY-MM-DD` strings (inclusive ranges) as whole days
 * since 1970-01-01, so that weeks and months are counted exactly.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Days since 1970-01-01; undefined when `date` is no real calendar date. */
export function epochDay(date: string): number | undefined {
  const m = ISO_DATE.exec(date);
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const time = Date.UTC(year, month - 1, day);
  const back = new Date(time);
  if (back.getUTCFullYear() !== year || back.getUTCMonth() !== month - 1 || back.getUTCDate() !== day) return undefined;
  return time / 86_400_000;
}

export function isIsoDate(date: unknown): date is string {
  return typeof date === 'string' && epochDay(date) !== undefined;
}

export function fromEpochDay(day: number): string {
  return new Date(day * 86_400_000).toISOString().slice(0, 10);
}

function day(date: string): number {
  const d = epochDay(date);
  if (d === undefined) throw new RangeError(`not a date: ${date}`);
  return d;
}

export function addDays(date: string, days: number): string {
  return fromEpochDay(day(date) + days);
}

/** Inclusive day count of a range. */
export function daysIn(start: string, end: string): number {
  return day(end) - day(start) + 1;
}

export function compareDates(a: string, b: string): number {
  return day(a) - day(b);
}

/** 0 = Monday … 6 = Sunday (1970-01-01 was a Thursday). */
export function weekday(date: string): number {
  return (((day(date) + 3) % 7) + 7) % 7;
}

export function mondayOf(date: string): string {
  return addDays(date, -weekday(date));
}

export function lastDayOfMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return fromEpochDay(Date.UTC(y, m, 0) / 86_400_000);
}

/** The calendar months a range touches, each clipped to the range. */
export function monthsOf(start: string, end: string): { month: string; start: string; end: string }[] {
  const out: { month: string; start: string; end: string }[] = [];
  let cursor = start;
  while (compareDates(cursor, end) <= 0) {
    const month = cursor.slice(0, 7);
    const monthEnd = lastDayOfMonth(month);
    const clippedEnd = compareDates(monthEnd, end) < 0 ? monthEnd : end;
    out.push({ month, start: cursor, end: clippedEnd });
    cursor = addDays(clippedEnd, 1);
  }
  return out;
}

export function maxDate(a: string, b: string): string {
  return compareDates(a, b) >= 0 ? a : b;
}

export function minDate(a: string, b: string): string {
  return compareDates(a, b) <= 0 ? a : b;
}
