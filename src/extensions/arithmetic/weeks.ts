import type { IntensityDecision, Level } from '../model.js';
import { dateOfDay, dayNumber, dayRange, isoWeekday, monthIndexOf, monthLabel, parseDate } from './calendar.js';
import { requireCents, requireInteger, toSafe } from './exact.js';

/** Per level: the weekly tariff (cents) and the prestatie-eenheden one client-week counts for. */
export type WeeklyTariffs = Readonly<Partial<Record<Level, { readonly amount: number; readonly units: number }>>>;

/** One monthly Prestatie of a level. */
export interface WeeklyPrestatie {
  /** `YYYY-MM`: the month that holds the weeks' Sundays. */
  readonly month: string;
  readonly level: Level;
  readonly weeks: number;
  readonly units: number;
  readonly amount: number;
}

/** Consecutive weeks at one level. */
export interface LevelSegment {
  readonly level: Level;
  /** Monday of the first week. */
  readonly from: string;
  /** Sunday of the last week. */
  readonly to: string;
  readonly weeks: number;
}

export interface WeeklyPrestaties {
  /** Per month, then per level in the order the levels first occur. */
  readonly prestaties: readonly WeeklyPrestatie[];
  readonly segments: readonly LevelSegment[];
  readonly weeks: number;
  readonly units: number;
  readonly amount: number;
}

/** The decisions in force: a decision named by a later decision's `corrects` is replaced by that correction. */
function effectiveDecisions(history: readonly IntensityDecision[]): { from: number; level: Level }[] {
  const corrected = new Set(history.map((d) => d.corrects).filter((id): id is string => id !== undefined));
  return history
    .filter((d) => !corrected.has(d.id))
    .map((d, i) => ({ from: dayNumber(`history[${i}].validFrom`, d.validFrom), level: d.level }))
    .sort((a, b) => a.from - b.from);
}

/**
 * Provider-determined intensity as monthly Prestaties (spec GO-2, E2, E3):
 * the declaration unit is one client-week, and everything about a week is
 * decided at its Sunday (the IV076 output rule adopted by contract): a week
 * counts when its Sunday lies inside `period`, it takes the level of the
 * decision in force on that Sunday, and it belongs to the month that holds
 * the Sunday. Corrected decisions (named by a later `corrects`) are ignored.
 * E2: mandate 2016-03-07 … 2016-12-25, licht / midden from 2016-04-18 / licht
 * from 2016-09-05 → 6 + 20 + 16 = 42 weeks, 62 units, 310 000.
 * A week with no decision in force yet, a level without a tariff, or an end
 * before the start is a RangeError.
 */
export function weeklyPrestaties(input: { readonly history: readonly IntensityDecision[]; readonly period: { readonly start: string; readonly end: string }; readonly tariffs: WeeklyTariffs }): WeeklyPrestaties {
  const { first, last } = dayRange('period', input.period);
  const decisions = effectiveDecisions(input.history);
  for (const [level, tariff] of Object.entries(input.tariffs)) {
    if (!tariff) continue;
    requireCents(`tariffs.${level}.amount`, tariff.amount, { min: 0 });
    requireInteger(`tariffs.${level}.units`, tariff.units, { min: 0 });
  }
  const firstSunday = first + ((7 - isoWeekday(first)) % 7);
  const prestaties: { month: string; level: Level; weeks: number; units: bigint; amount: bigint }[] = [];
  const segments: { level: Level; from: number; to: number; weeks: number }[] = [];
  for (let sunday = firstSunday; sunday <= last; sunday += 7) {
    const decision = decisions.filter((d) => d.from <= sunday).at(-1);
    if (!decision) throw new RangeError(`no intensity decision is in force on ${dateOfDay(sunday)}`);
    const tariff = input.tariffs[decision.level];
    if (!tariff) throw new RangeError(`no weekly tariff for level ${decision.level}`);
    const month = monthLabel(monthIndexOf(parseDate('sunday', dateOfDay(sunday))));
    let prestatie = prestaties.find((p) => p.month === month && p.level === decision.level);
    if (!prestatie) prestaties.push((prestatie = { month, level: decision.level, weeks: 0, units: 0n, amount: 0n }));
    prestatie.weeks += 1;
    prestatie.units += BigInt(tariff.units);
    prestatie.amount += BigInt(tariff.amount);
    const segment = segments.at(-1);
    if (segment && segment.level === decision.level && segment.to === sunday - 7) {
      segment.to = sunday;
      segment.weeks += 1;
    } else segments.push({ level: decision.level, from: sunday, to: sunday, weeks: 1 });
  }
  const result = prestaties.map((p) => ({ month: p.month, level: p.level, weeks: p.weeks, units: toSafe(p.units, 'units'), amount: toSafe(p.amount, 'amount') }));
  return {
    prestaties: result,
    segments: segments.map((s) => ({ level: s.level, from: dateOfDay(s.from - 6), to: dateOfDay(s.to), weeks: s.weeks })),
    weeks: result.reduce((s, p) => s + p.weeks, 0),
    units: result.reduce((s, p) => s + p.units, 0),
    amount: result.reduce((s, p) => s + p.amount, 0),
  };
}
