/**
 * The date helpers the conversions need, on `YYYY-MM-DD` strings (inclusive
 * ranges), built on the arithmetic's day numbers (no Date object, so no time
 * zone can move a day).
 */
import { dateOfDay, dayNumber, isoWeekday, mondayOf as mondayOfDay, daysInMonth, parseDate } from '../arithmetic/calendar.js';

function day(date: string): number {
  return dayNumber('date', date);
}

export function isIsoDate(date: unknown): date is string {
  try {
    parseDate('date', date as string);
    return true;
  } catch {
    return false;
  }
}

export function addDays(date: string, days: number): string {
  return dateOfDay(day(date) + days);
}

/** Inclusive day count of a range. */
export function daysIn(start: string, end: string): number {
  return day(end) - day(start) + 1;
}

export function compareDates(a: string, b: string): number {
  return day(a) - day(b);
}

/** 0 = Monday … 6 = Sunday. */
export function weekday(date: string): number {
  return isoWeekday(day(date)) - 1;
}

export function mondayOf(date: string): string {
  return dateOfDay(mondayOfDay(day(date)));
}

export function lastDayOfMonth(month: string): string {
  const { year, month: m } = parseDate('month', `${month}-01`);
  return `${month}-${String(daysInMonth(year, m)).padStart(2, '0')}`;
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
