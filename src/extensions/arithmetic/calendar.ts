/**
 * Calendar arithmetic on `YYYY-MM-DD` strings as whole day numbers (days since
 * 1970-01-01, proleptic Gregorian), with no Date object, so no time zone or
 * daylight saving can move a day. Ranges are inclusive.
 */

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export interface Ymd {
  readonly year: number;
  readonly month: number;
  readonly day: number;
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

export function daysInMonth(year: number, month: number): number {
  return month === 2 ? (isLeapYear(year) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** The parts of a real calendar date; a RangeError for anything else (`2016-02-30`, `2016-1-4`). */
export function parseDate(name: string, date: string): Ymd {
  const match = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (match) {
    const year = Number(match[1]);
    const month = Number(match[2]);
    const day = Number(match[3]);
    if (month >= 1 && month <= 12 && day >= 1 && day <= daysInMonth(year, month)) return { year, month, day };
  }
  throw new RangeError(`${name} must be a date YYYY-MM-DD, got ${JSON.stringify(date)}`);
}

/** Days since 1970-01-01 (H. Hinnant's days_from_civil). */
export function dayNumberOf({ year, month, day }: Ymd): number {
  const y = month <= 2 ? year - 1 : year;
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month + (month > 2 ? -3 : 9)) + 2) / 5) + day - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** The date of a day number. */
export function dateOfDay(dayNumber: number): string {
  const z = dayNumber + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor((doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365);
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const day = doy - Math.floor((153 * mp + 2) / 5) + 1;
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return formatDate({ year, month, day });
}

export function formatDate({ year, month, day }: Ymd): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** The day number of a validated date. */
export function dayNumber(name: string, date: string): number {
  return dayNumberOf(parseDate(name, date));
}

/** ISO weekday: 1 Monday … 7 Sunday. */
export function isoWeekday(day: number): number {
  // 1970-01-01 was a Thursday (4).
  return ((((day + 3) % 7) + 7) % 7) + 1;
}

/** The Monday on or before a day. */
export function mondayOf(day: number): number {
  return day - (isoWeekday(day) - 1);
}

/** A validated inclusive range as day numbers; a RangeError when the end lies before the start. */
export function dayRange(name: string, period: { readonly start: string; readonly end: string }): { readonly first: number; readonly last: number } {
  if (period === null || typeof period !== 'object') throw new RangeError(`${name} must be { start, end }`);
  const first = dayNumber(`${name}.start`, period.start);
  const last = dayNumber(`${name}.end`, period.end);
  if (last < first) throw new RangeError(`${name}: end ${period.end} lies before start ${period.start}`);
  return { first, last };
}

/** `YYYY-MM` of a month index (year × 12 + month − 1). */
export function monthLabel(monthIndex: number): string {
  const year = Math.floor(monthIndex / 12);
  return `${String(year).padStart(4, '0')}-${String(monthIndex - year * 12 + 1).padStart(2, '0')}`;
}

export function monthIndexOf({ year, month }: Ymd): number {
  return year * 12 + month - 1;
}

/** The first day (day number) of a month index. */
export function firstDayOfMonth(monthIndex: number): number {
  const year = Math.floor(monthIndex / 12);
  return dayNumberOf({ year, month: monthIndex - year * 12 + 1, day: 1 });
}
