import type { IsoDate, Period, ReportingCalendar } from '../model.js';
import { dateOfDay, dayNumber, dayNumberOf, dayRange, firstDayOfMonth, isoWeekday, monthIndexOf, monthLabel, parseDate } from './calendar.js';
import { requireInteger } from './exact.js';
import { splitLargestRemainder } from './split.js';

/** Days of an inclusive period per calendar month, in order. */
export function daysPerMonth(period: { start: string; end: string }): { month: string; days: number }[] {
  const { first, last } = dayRange('period', period);
  const result: { month: string; days: number }[] = [];
  let month = monthIndexOf(parseDate('period.start', period.start));
  for (let from = first; from <= last; month++) {
    const next = firstDayOfMonth(month + 1);
    const to = Math.min(last, next - 1);
    result.push({ month: monthLabel(month), days: to - from + 1 });
    from = next;
  }
  return result;
}

/**
 * Allocates an integer amount (cents or units) over the calendar months of an
 * inclusive period in proportion to its days in each month, by largest
 * remainder, so the parts sum exactly to `amount` (spec C8, E3: 30 units over
 * 2016-06-20 … 2016-07-17 → June 12, July 18). Months are `YYYY-MM`, in order.
 * A non-integer amount or an end before the start is a RangeError.
 */
export function allocateByDays(amount: number, period: { start: string; end: string }): { month: string; amount: number }[] {
  requireInteger('amount', amount);
  const months = daysPerMonth(period);
  const parts = splitLargestRemainder(amount, months.map((m) => m.days));
  return months.map((m, i) => ({ month: m.month, amount: parts[i]! }));
}

function requireMonday(name: string, date: string): number {
  const day = dayNumber(name, date);
  if (isoWeekday(day) !== 1) throw new RangeError(`${name} must be a Monday, got ${date}`);
  return day;
}

/**
 * The four-week reporting period that holds `date`, counted from an anchor
 * Monday (period 1 starts on the anchor; E3: anchor 2016-01-04, 2016-06-20 →
 * P07, 2016-06-20 … 2016-07-17). Indices run on past 13 without resetting:
 * a new year's calendar is a new anchor. A non-Monday anchor or a date before
 * the anchor is a RangeError.
 */
export function fourWeekPeriod(anchor: string, date: string): { index: number; start: string; end: string } {
  const first = requireMonday('anchor', anchor);
  const day = dayNumber('date', date);
  if (day < first) throw new RangeError(`date ${date} lies before the anchor ${anchor}`);
  const offset = Math.floor((day - first) / 28);
  return { index: offset + 1, start: dateOfDay(first + offset * 28), end: dateOfDay(first + offset * 28 + 27) };
}

/** Months per period of the month-based calendars. */
const MONTHS: Readonly<Record<Exclude<ReportingCalendar['kind'], '4-weeks'>, number>> = { maand: 1, kwartaal: 3, jaar: 12 };

/** Periods in one reporting year: 13 four-week periods, 12 months, 4 quarters, 1 year. */
export function periodsPerYear(kind: ReportingCalendar['kind']): number {
  switch (kind) {
    case '4-weeks':
      return 13;
    case 'maand':
      return 12;
    case 'kwartaal':
      return 4;
    case 'jaar':
      return 1;
    default:
      throw new RangeError(`calendar kind must be '4-weeks', 'maand', 'kwartaal' or 'jaar', got ${JSON.stringify(kind)}`);
  }
}

function checkCalendar(calendar: ReportingCalendar): number {
  periodsPerYear(calendar.kind);
  if (calendar.kind === '4-weeks') return requireMonday('calendar.anchor', calendar.anchor);
  const anchor = parseDate('calendar.anchor', calendar.anchor);
  if (anchor.day !== 1) throw new RangeError(`calendar.anchor of a '${calendar.kind}' calendar must be the first of a month, got ${calendar.anchor}`);
  return dayNumberOf(anchor);
}

/**
 * Period `index` (1-based) of a reporting calendar: four-week periods from the
 * anchor Monday, or months / quarters / years from the anchor (the first of a
 * month). A RangeError for an index below 1 or a malformed anchor.
 */
export function reportingPeriod(calendar: ReportingCalendar, index: number): { index: number; range: Period } {
  const anchorDay = checkCalendar(calendar);
  requireInteger('index', index, { min: 1 });
  if (calendar.kind === '4-weeks') {
    const start = anchorDay + (index - 1) * 28;
    return { index, range: { start: dateOfDay(start), end: dateOfDay(start + 27) } };
  }
  const months = MONTHS[calendar.kind];
  const firstMonth = monthIndexOf(parseDate('calendar.anchor', calendar.anchor)) + (index - 1) * months;
  return { index, range: { start: dateOfDay(firstDayOfMonth(firstMonth)), end: dateOfDay(firstDayOfMonth(firstMonth + months) - 1) } };
}

/** The reporting period of a calendar that holds `date`; a RangeError for a date before the anchor. */
export function reportingPeriodOf(calendar: ReportingCalendar, date: IsoDate): { index: number; range: Period } {
  const anchorDay = checkCalendar(calendar);
  const day = dayNumber('date', date);
  if (day < anchorDay) throw new RangeError(`date ${date} lies before the anchor ${calendar.anchor}`);
  if (calendar.kind === '4-weeks') return reportingPeriod(calendar, Math.floor((day - anchorDay) / 28) + 1);
  const months = MONTHS[calendar.kind];
  const elapsedMonths = monthIndexOf(parseDate('date', date)) - monthIndexOf(parseDate('calendar.anchor', calendar.anchor));
  return reportingPeriod(calendar, Math.floor(elapsedMonths / months) + 1);
}

/**
 * Year to date of a period: from the start of the first period of its
 * reporting year (periods 1–13, 14–26, … of a four-week calendar; 1–12 of a
 * monthly one) to the end of the period.
 */
export function yearToDate(calendar: ReportingCalendar, index: number): Period {
  const perYear = periodsPerYear(calendar.kind);
  const firstOfYear = Math.floor((index - 1) / perYear) * perYear + 1;
  return { start: reportingPeriod(calendar, firstOfYear).range.start, end: reportingPeriod(calendar, index).range.end };
}
