/**
 * A ProviderReport's counts derived from the standard messages (spec §3.3:
 * "partly derivable from 305/307/323"): clients active, started and ended from
 * the 305/307 delivery dates, units and spend from the 323 Prestaties, for any
 * period of any reporting calendar. The report is aggregated by construction:
 * no BSN leaves this module, not even in a finding.
 */
import type { Finding } from '../../findings.js';
import type { Message, WMO305, WMO307, WMO323 } from '../../standard/generated/types.js';
import { signed } from '../../rules/helpers.js';
import type { AgbCode, IsoDate, Level, LumpsumContract, ProductGroup, Profile, ProviderReport, ReportingCalendar, VolumeCeiling } from '../model.js';
import { dateOfDay as dateOf, dayNumber } from '../arithmetic/calendar.js';
import { requireInteger } from '../arithmetic/exact.js';
import { periodsPerYear, reportingPeriod, reportingPeriodOf } from '../arithmetic/periods.js';
import { declaredHours } from '../arithmetic/rounding.js';
import { splitLargestRemainder } from '../arithmetic/split.js';

export interface DeriveProviderReportInput {
  /** Any set of standard messages; only WMO305, WMO307 and WMO323 to the profile's gemeente are read, the rest is ignored. */
  readonly messages: readonly Message[];
  readonly profile: Profile;
  /** The period: its index in the calendar, or a date inside it. */
  readonly period: { readonly index: number } | { readonly date: IsoDate };
  /** Defaults to the profile's reporting calendar. */
  readonly calendar?: ReportingCalendar;
  readonly id: string;
  readonly contractId: string;
  /** Party id of the reporter. */
  readonly reporter: string;
  /** Only messages sent by this AGB code; all aanbieders when absent. */
  readonly aanbieder?: AgbCode;
  /** When given, `ceilingUse` is derived for its ceilings. */
  readonly contract?: Pick<LumpsumContract, 'ceilings'>;
}

export interface ProviderReportDerivation {
  readonly report: ProviderReport;
  /**
   * What could not be counted, as warnings (Dutch and English, no BSN). A
   * path starts with the message's position in `messages` (0-based, as in
   * `messages[i]`) and continues in the standard's XPath style (1-based):
   * `/messages[13]/Declaratie/Clienten/Client[1]/Prestaties/Prestatie[5]/ProductCode`.
   * EXTR01 a Prestatie whose product matches no product group of the profile,
   * EXTR02 a delivery or ProductPeriode that ends before it starts,
   * EXTR03 a message read twice (same sender and BerichtIdentificatie),
   * EXTR04 a ceiling that cannot be derived from messages (a lot scope).
   */
  readonly findings: readonly Finding[];
}

const PRODUCT_GROUPS: readonly ProductGroup[] = ['ambulant', 'groep', 'dagbesteding', 'vervoer-rolstoel', 'vervoer-persoon'];
const LEVELS: readonly Level[] = ['licht', 'midden', 'zwaar'];

interface Delivery {
  readonly bsn: string;
  start: number;
  end?: number;
  /** Product group and level when the 305/307 names a product the profile knows. */
  group?: ProductGroup;
  level?: Level;
}

/** Period index → value (0 holds what lies before the calendar's anchor). */
type PerPeriod = Map<number, number>;

function add(map: PerPeriod, index: number, value: number): void {
  map.set(index, (map.get(index) ?? 0) + value);
}

/**
 * Spreads a value over the reporting periods a range touches, by days, largest
 * remainder: the parts over all periods sum exactly to the value, so a period's
 * spend plus its neighbours' is the declared amount (four-week periods cut
 * through months; month-based calendars keep a Prestatie whole, OP367).
 */
function spreadOverPeriods(calendar: ReportingCalendar, anchorDay: number, first: number, last: number, value: number, into: PerPeriod): void {
  const buckets: { index: number; days: number }[] = [];
  if (first < anchorDay) buckets.push({ index: 0, days: Math.min(last, anchorDay - 1) - first + 1 });
  let day = Math.max(first, anchorDay);
  while (day <= last) {
    const period = reportingPeriodOf(calendar, dateOf(day));
    const end = Math.min(last, dayNumber('end', period.range.end));
    buckets.push({ index: period.index, days: end - day + 1 });
    day = end + 1;
  }
  const parts = buckets.length === 1 ? [value] : splitLargestRemainder(value, buckets.map((b) => b.days));
  buckets.forEach((b, i) => add(into, b.index, parts[i]!));
}

function warning(rule: string, path: string, nl: string, en: string): Finding {
  return { rule, level: 3, retourcode: null, path, message: { nl, en }, severity: 'warning' };
}

/** Group and level of a product by the profile's level codes, else by its category. */
function classify(profile: Profile, categorie: string | undefined, code: string | undefined): { group: ProductGroup; level?: Level } | undefined {
  if (categorie === undefined) return undefined;
  const categoryFits = (g: ProductGroup) => (profile.variantPerProductGroup[g]?.categorie ?? categorie) === categorie;
  if (code !== undefined)
    for (const group of PRODUCT_GROUPS) {
      if (!categoryFits(group)) continue;
      for (const level of LEVELS) if (profile.levelCodes[group]?.[level] === code) return { group, level };
    }
  const group = PRODUCT_GROUPS.find((g) => profile.variantPerProductGroup[g]?.categorie === categorie);
  return group ? { group } : undefined;
}

/**
 * Derives a ProviderReport from WMO305 / WMO307 / WMO323 messages and a profile
 * for one period of any reporting calendar (4-weeks, maand, kwartaal, jaar).
 *
 * - Deliveries: each 305 StartProduct opens, each 307 StopProduct closes, a
 *   delivery keyed as the standard keys it (BSN, ToewijzingNummer or product,
 *   Begindatum); StatusAanlevering 3 deletes a start (or a stop), later
 *   messages override earlier ones in list order. A client's deliveries are
 *   merged into spells (touching or overlapping ones join).
 * - `clients.active`: clients with a spell overlapping the period;
 *   `started` / `ended`: clients with a spell starting / ending inside it
 *   (so both are ≤ active). Clients come from 305/307 only: a 323 alone does not make a client.
 * - `units`: Σ GeleverdVolume (credit lines negative) per product group and
 *   level that has a Prestatie in the period, the level found by the profile's `levelCodes`, the group by
 *   `variantPerProductGroup[group].categorie`; in the Prestatie's own Eenheid.
 * - `spend` / `spendYtd`: Σ IngediendBedrag, debet positive, credit negative.
 *   A ProductPeriode that crosses periods is spread by days (largest remainder)
 *   so that spend over all periods sums to the declared total; `spendYtd` runs
 *   from the first period of the reporting year (periods 1–13, 14–26, … of a
 *   four-week calendar) to this one.
 * - `ceilingUse` (with `contract`): year to date, in the ceiling's product
 *   group / level: clients with a spell in the year so far (a 305/307 that
 *   names only a ToewijzingNummer has no product, so it counts only for
 *   unscoped ceilings), units, hours (Eenheid 04, plus Eenheid 01 minutes
 *   rounded by IV079) or euro. A ceiling per lot cannot be derived (EXTR04).
 * - `kpis` stay empty: no standard message carries ZRM or other KPI data;
 *   `bySubcontractor` is absent: onderaannemers send no messages of their own (AL-1).
 *
 * Messages to other gemeenten than the profile's (and from other aanbieders
 * when `aanbieder` is given) are ignored. A malformed calendar or period index
 * is a RangeError; anything wrong in the messages becomes a warning finding.
 */
export function deriveProviderReport(input: DeriveProviderReportInput): ProviderReportDerivation {
  const calendar = input.calendar ?? input.profile.reportingCalendar;
  const period = 'index' in input.period ? reportingPeriod(calendar, input.period.index) : reportingPeriodOf(calendar, input.period.date);
  requireInteger('period.index', period.index, { min: 1 });
  const anchorDay = dayNumber('calendar.anchor', calendar.anchor);
  const perYear = periodsPerYear(calendar.kind);
  const firstOfYear = Math.floor((period.index - 1) / perYear) * perYear + 1;
  const ytdStart = dayNumber('ytd', reportingPeriod(calendar, firstOfYear).range.start);
  const periodStart = dayNumber('period.start', period.range.start);
  const periodEnd = dayNumber('period.end', period.range.end);
  const findings: Finding[] = [];

  const seen = new Set<string>();
  const deliveries = new Map<string, Delivery>();
  const spend: PerPeriod = new Map();
  const units = new Map<string, { group: ProductGroup; level?: Level; perPeriod: PerPeriod; spend: PerPeriod }>();
  const hoursMinutes = new Map<string, { hours: PerPeriod; minutes: PerPeriod }>();

  input.messages.forEach((message, m) => {
    if (message.type !== 'WMO305' && message.type !== 'WMO307' && message.type !== 'WMO323') return;
    if (message.header.ontvanger !== input.profile.gemeente) return;
    if (input.aanbieder !== undefined && message.header.afzender !== input.aanbieder) return;
    const identity = `${message.type}\u0000${message.header.afzender}\u0000${message.header.berichtIdentificatie.identificatie}\u0000${message.header.berichtIdentificatie.dagtekening}`;
    if (seen.has(identity)) {
      findings.push(warning('EXTR03', `/messages[${m}]`, `${message.type} met dezelfde afzender en BerichtIdentificatie is al gelezen; niet opnieuw geteld.`, `${message.type} with the same sender and BerichtIdentificatie was already read; not counted again.`));
      return;
    }
    seen.add(identity);
    if (message.type === 'WMO323') readDeclaratie(message, m);
    else readStartStop(message, m);
  });

  function deliveryKey(bsn: string, product: { toewijzingNummer?: number; product?: { categorie: string; code?: string }; begindatum: string }): string {
    const assignment = product.toewijzingNummer !== undefined ? `T${product.toewijzingNummer}` : `P${product.product?.categorie ?? ''}/${product.product?.code ?? ''}`;
    return `${bsn}\u0000${assignment}\u0000${product.begindatum}`;
  }

  function readStartStop(message: WMO305 | WMO307, m: number): void {
    const bsn = message.client.bsn;
    const products = message.type === 'WMO305' ? message.client.startProducten : message.client.stopProducten;
    products.forEach((product, p) => {
      const key = deliveryKey(bsn, product);
      const path = `/messages[${m}]/Client/${message.type === 'WMO305' ? 'StartProducten/StartProduct' : 'StopProducten/StopProduct'}[${p + 1}]`;
      const start = dayNumber('begindatum', product.begindatum);
      const known = classify(input.profile, product.product?.categorie, product.product?.code);
      if (message.type === 'WMO305') {
        if (product.statusAanlevering === '3') deliveries.delete(key);
        else deliveries.set(key, { ...deliveries.get(key), bsn, start, ...known });
        return;
      }
      const stop = product as WMO307['client']['stopProducten'][number];
      const existing = deliveries.get(key);
      if (stop.statusAanlevering === '3') {
        if (existing) delete existing.end;
        return;
      }
      const end = dayNumber('einddatum', stop.einddatum);
      if (end < start) {
        findings.push(warning('EXTR02', `${path}/Einddatum`, 'Einddatum ligt voor Begindatum; deze levering is niet geteld.', 'Einddatum lies before Begindatum; this delivery is not counted.'));
        return;
      }
      deliveries.set(key, { ...existing, bsn, start, end, ...known });
    });
  }

  function readDeclaratie(message: WMO323, m: number): void {
    message.declaratie.clienten.forEach((client, c) => {
      client.prestaties.forEach((prestatie, p) => {
        const path = `/messages[${m}]/Declaratie/Clienten/Client[${c + 1}]/Prestaties/Prestatie[${p + 1}]`;
        const first = dayNumber('productPeriode.begindatum', prestatie.productPeriode.begindatum);
        const last = dayNumber('productPeriode.einddatum', prestatie.productPeriode.einddatum);
        if (last < first) {
          findings.push(warning('EXTR02', `${path}/ProductPeriode`, 'ProductPeriode eindigt voor zij begint; deze prestatie is niet geteld.', 'ProductPeriode ends before it starts; this Prestatie is not counted.'));
          return;
        }
        const sign = prestatie.ingediendBedrag.debetCredit;
        spreadOverPeriods(calendar, anchorDay, first, last, signed(prestatie.ingediendBedrag.bedrag, sign), spend);
        const known = classify(input.profile, prestatie.productCategorie, prestatie.productCode);
        if (!known) {
          findings.push(
            warning(
              'EXTR01',
              `${path}/ProductCode`,
              `Product ${prestatie.productCategorie}/${prestatie.productCode} hoort bij geen productgroep van profiel ${input.profile.id}; het bedrag telt mee, de eenheden niet.`,
              `Product ${prestatie.productCategorie}/${prestatie.productCode} belongs to no product group of profile ${input.profile.id}; its amount counts, its units do not.`,
            ),
          );
          return;
        }
        const key = `${known.group}\u0000${known.level ?? ''}`;
        let entry = units.get(key);
        if (!entry) units.set(key, (entry = { ...known, perPeriod: new Map(), spend: new Map() }));
        spreadOverPeriods(calendar, anchorDay, first, last, signed(prestatie.ingediendBedrag.bedrag, sign), entry.spend);
        const volume = signed(prestatie.geleverdVolume, sign);
        spreadOverPeriods(calendar, anchorDay, first, last, volume, entry.perPeriod);
        if (prestatie.eenheid === '04' || prestatie.eenheid === '01') {
          let hm = hoursMinutes.get(key);
          if (!hm) hoursMinutes.set(key, (hm = { hours: new Map(), minutes: new Map() }));
          spreadOverPeriods(calendar, anchorDay, first, last, volume, prestatie.eenheid === '04' ? hm.hours : hm.minutes);
        }
      });
    });
  }

  const inPeriod = (map: PerPeriod) => map.get(period.index) ?? 0;
  const yearToDate = (map: PerPeriod) => {
    let total = 0;
    for (let i = firstOfYear; i <= period.index; i++) total += map.get(i) ?? 0;
    return total;
  };

  // Spells per client: deliveries merged when they overlap or touch.
  const spellsPerClient = new Map<string, { start: number; end: number; group?: ProductGroup; level?: Level }[]>();
  for (const d of deliveries.values()) {
    const list = spellsPerClient.get(d.bsn) ?? [];
    list.push({ start: d.start, end: d.end ?? Number.POSITIVE_INFINITY, ...(d.group ? { group: d.group } : {}), ...(d.level ? { level: d.level } : {}) });
    spellsPerClient.set(d.bsn, list);
  }
  let active = 0;
  let started = 0;
  let ended = 0;
  for (const list of spellsPerClient.values()) {
    const spells = mergeSpells(list);
    if (spells.some((s) => s.start <= periodEnd && s.end >= periodStart)) active++;
    if (spells.some((s) => s.start >= periodStart && s.start <= periodEnd)) started++;
    if (spells.some((s) => s.end >= periodStart && s.end <= periodEnd)) ended++;
  }

  const groupOrder = (g: ProductGroup) => PRODUCT_GROUPS.indexOf(g);
  const levelOrder = (l: Level | undefined) => (l === undefined ? LEVELS.length : LEVELS.indexOf(l));
  // Rows for the groups and levels with a Prestatie in the period (a period with none has no row, not a 0).
  const unitRows = [...units.values()]
    .filter((u) => u.perPeriod.has(period.index))
    .sort((a, b) => groupOrder(a.group) - groupOrder(b.group) || levelOrder(a.level) - levelOrder(b.level))
    .map((u) => ({ productGroup: u.group, ...(u.level ? { level: u.level } : {}), units: inPeriod(u.perPeriod) }));

  const ceilingUse = (input.contract?.ceilings ?? []).flatMap((ceiling, i) => {
    if (ceiling.scope.lotId !== undefined) {
      findings.push(warning('EXTR04', `/contract/ceilings/${i}`, 'Een plafond per perceel is niet uit standaardberichten af te leiden.', 'A ceiling per lot cannot be derived from standard messages.'));
      return [];
    }
    return [{ ceiling, usedYtd: ceilingUsed(ceiling) }];
  });

  function matches(scope: VolumeCeiling['scope'], group: ProductGroup | undefined, level: Level | undefined): boolean {
    return (scope.productGroup === undefined || scope.productGroup === group) && (scope.level === undefined || scope.level === level);
  }

  function ceilingUsed(ceiling: VolumeCeiling): number {
    const scope = ceiling.scope;
    switch (ceiling.unit) {
      case 'clients': {
        let count = 0;
        for (const list of spellsPerClient.values()) if (list.some((s) => matches(scope, s.group, s.level) && s.start <= periodEnd && s.end >= ytdStart)) count++;
        return count;
      }
      case 'prestatie-eenheden':
        return [...units.values()].filter((u) => matches(scope, u.group, u.level)).reduce((s, u) => s + yearToDate(u.perPeriod), 0);
      case 'uren': {
        let hours = 0;
        let minutes = 0;
        for (const [key, hm] of hoursMinutes) {
          const u = units.get(key)!;
          if (!matches(scope, u.group, u.level)) continue;
          hours += yearToDate(hm.hours);
          minutes += yearToDate(hm.minutes);
        }
        return hours + (minutes > 0 ? declaredHours(minutes) : -declaredHours(-minutes));
      }
      case 'euro':
        // Unscoped: all spend, including Prestaties of no known product group.
        if (scope.productGroup === undefined && scope.level === undefined) return yearToDate(spend);
        return [...units.values()].filter((u) => matches(scope, u.group, u.level)).reduce((s, u) => s + yearToDate(u.spend), 0);
    }
  }

  const report: ProviderReport = {
    kind: 'ProviderReport',
    id: input.id,
    contractId: input.contractId,
    reporter: input.reporter,
    period: { calendar, index: period.index, range: period.range },
    clients: { active, started, ended },
    units: unitRows,
    spend: inPeriod(spend),
    spendYtd: yearToDate(spend),
    ceilingUse,
    kpis: [],
    containsBsn: false,
  };
  return { report, findings };
}

function mergeSpells<T extends { start: number; end: number }>(list: readonly T[]): { start: number; end: number }[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const merged: { start: number; end: number }[] = [];
  for (const s of sorted) {
    const last = merged.at(-1);
    if (last && s.start <= last.end + 1) last.end = Math.max(last.end, s.end);
    else merged.push({ start: s.start, end: s.end });
  }
  return merged;
}
