/**
 * C8: four-weekly reports ⇄ monthly declarations (spec §3.4, E3). Each
 * quantity is spread over the target periods by days, largest remainder, so
 * the parts always sum to the whole; an even spread is the assumption.
 */
import type { Finding } from '../../findings.js';
import type { WMO323 } from '../../standard/generated/types.js';
import type { Level, Profile, ProductGroup, ProviderReport } from '../model.js';
import { fourWeekPeriod, splitLargestRemainder } from './arith.js';
import { addDays, compareDates, daysIn, isIsoDate, maxDate, minDate, monthsOf } from './calendar.js';
import { extFinding } from './findings.js';
import { foreignProperties } from './messages.js';
import { buildReport, type ConversionResult, type Loss } from './report.js';

export interface MonthlyFromReport {
  readonly months: readonly {
    readonly month: string;
    readonly days: number;
    readonly units: readonly { readonly productGroup: ProductGroup; readonly level?: Level; readonly units: number }[];
    readonly spend: number;
  }[];
}

export interface FourWeeklyFromDeclarations {
  readonly periods: readonly {
    readonly index: number;
    readonly start: string;
    readonly end: string;
    readonly lines: readonly { readonly productCategorie: string; readonly productCode: string; readonly volume: number; readonly amount: number }[];
  }[];
}

export type C8Input = ProviderReport | readonly WMO323[];

/** Spread `amount` over ranges by their days (largest remainder). */
function byDays(amount: number, ranges: readonly { start: string; end: string }[]): number[] {
  return splitLargestRemainder(
    amount,
    ranges.map((r) => daysIn(r.start, r.end)),
  );
}

export function convertC8(input: C8Input, profile: Profile): ConversionResult<MonthlyFromReport | FourWeeklyFromDeclarations> {
  const assumptions = { profile: `${profile.id}@${profile.version}`, tariffIds: [], rounding: 'half-up' as const, calendar: `${profile.reportingCalendar.kind} from ${profile.reportingCalendar.anchor}` };
  if (Array.isArray(input)) return fromDeclarations(input as readonly WMO323[], profile, assumptions);
  const report = input as ProviderReport;
  const range = report?.period?.range;
  if (report?.kind !== 'ProviderReport' || !range || !isIsoDate(range.start) || !isIsoDate(range.end)) {
    return { ok: false, rule: 'C8', findings: [extFinding('EXT204', '/', 'Verwacht een ProviderReport met een periode, of een lijst 323-berichten.', 'Expected a ProviderReport with a period, or a list of 323 messages.')] };
  }
  const months = monthsOf(range.start, range.end);
  const unitParts = report.units.map((u) => byDays(u.units, months));
  const spendParts = byDays(report.spend, months);
  const split = months.length > 1;
  const losses: Loss[] = split
    ? [{ code: 'TEMPORAL_ALLOCATION', detail: `period ${report.period.index} (${range.start} … ${range.end}) spread over ${months.map((m) => m.month).join(', ')} by days (${months.map((m) => daysIn(m.start, m.end)).join(' / ')}); even delivery assumed` }]
    : [];
  return {
    ok: true,
    output: {
      months: months.map((m, i) => ({
        month: m.month,
        days: daysIn(m.start, m.end),
        units: report.units.map((u, j) => ({ productGroup: u.productGroup, ...(u.level ? { level: u.level } : {}), units: unitParts[j]![i]! })),
        spend: spendParts[i]!,
      })),
    },
    report: buildReport({ rule: 'C8', losses, assumptions }),
    findings: [],
  };
}

function fromDeclarations(messages: readonly WMO323[], profile: Profile, assumptions: { profile: string; tariffIds: never[]; rounding: 'half-up'; calendar: string }): ConversionResult<FourWeeklyFromDeclarations> {
  if (profile.reportingCalendar.kind !== '4-weeks') {
    return { ok: false, rule: 'C8', findings: [extFinding('EXT218', '/profile/reportingCalendar', 'Het profiel heeft geen vierwekenkalender.', 'The profile has no four-week calendar.')] };
  }
  const anchor = profile.reportingCalendar.anchor;
  const findings: Finding[] = messages.flatMap((m) => (m?.type === 'WMO323' ? foreignProperties(m) : [extFinding('EXT211', '/', 'Verwacht WMO323-berichten.', 'Expected WMO323 messages.')]));
  if (findings.length) return { ok: false, rule: 'C8', findings };
  const periods = new Map<number, { index: number; start: string; end: string; lines: { productCategorie: string; productCode: string; volume: number; amount: number }[] }>();
  let splitCount = 0;
  for (const message of messages) {
    for (const client of message.declaratie.clienten) {
      for (const p of client.prestaties) {
        const { begindatum, einddatum } = p.productPeriode;
        if (compareDates(einddatum, anchor) < 0) continue;
        // The four-week periods the ProductPeriode touches, each clipped to it.
        const ranges: { index: number; start: string; end: string; period: { start: string; end: string } }[] = [];
        for (let day = maxDate(begindatum, anchor); compareDates(day, einddatum) <= 0; ) {
          const period = fourWeekPeriod(anchor, day);
          ranges.push({ index: period.index, start: day, end: minDate(period.end, einddatum), period });
          day = addDays(period.end, 1);
        }
        if (ranges.length > 1) splitCount++;
        const sign = p.ingediendBedrag.debetCredit === 'C' ? -1 : 1;
        const volumes = byDays(p.geleverdVolume, ranges);
        const amounts = byDays(p.ingediendBedrag.bedrag, ranges);
        ranges.forEach((r, i) => {
          let entry = periods.get(r.index);
          if (!entry) periods.set(r.index, (entry = { index: r.index, start: r.period.start, end: r.period.end, lines: [] }));
          let line = entry.lines.find((l) => l.productCategorie === p.productCategorie && l.productCode === p.productCode);
          if (!line) entry.lines.push((line = { productCategorie: p.productCategorie, productCode: p.productCode, volume: 0, amount: 0 }));
          line.volume += sign * volumes[i]!;
          line.amount += sign * amounts[i]!;
        });
      }
    }
  }
  const losses: Loss[] = splitCount ? [{ code: 'TEMPORAL_ALLOCATION', detail: `${splitCount} Prestatie(s) spread over four-week periods by days; even delivery assumed (exact only for weekly Prestaties under the Sunday rule)` }] : [];
  return {
    ok: true,
    output: { periods: [...periods.values()].sort((a, b) => a.index - b.index) },
    report: buildReport({ rule: 'C8', losses, assumptions }),
    findings: [],
  };
}
