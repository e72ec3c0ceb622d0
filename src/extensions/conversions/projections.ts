/**
 * Projections of extension documents into standard messages (spec §3.3):
 * a ProviderDeterminedIntensity becomes one aspecific 301 and monthly 323
 * Prestaties per level code (E2); a ResultAgreement an outputgericht 301 and
 * 323s per its payment rule (C7, E5).
 */
import type { Finding } from '../../findings.js';
import type { LDT_Eenheid, LDT_ProductCategorie, WMO301, WMO301ToegewezenProduct, WMO323 } from '../../standard/generated/types.js';
import type { Level, Profile, ProviderDeterminedIntensity, ResultAgreement, Tariff } from '../model.js';
import { allocateByDays, fourWeekPeriod, weeklyPrestaties, type WeeklyTariffs } from './arith.js';
import { FIELD_LIMIT, NUMBER_LIMIT, overLimit } from './assignment.js';
import { addDays, compareDates, daysIn, isIsoDate, maxDate, mondayOf, monthsOf, weekday } from './calendar.js';
import { declarationMonthOk, FIRST_DECLARATION_DAY, monthlyDeclaration, type DeclarationOptions, type PrestatieLine } from './declarations.js';
import { extFinding } from './findings.js';
import { checkWritten, foreignProperties } from './messages.js';
import { buildReport, type ConversionReport, type Loss, type StandardAction } from './report.js';
import { isFinding } from './tariffs.js';

export interface ProjectionOptions extends DeclarationOptions {
  /** The client's current 301: the projected assignment is written into a copy of it (client data, parties). Without it only the ToegewezenProduct and the 323s are written. */
  readonly assignment?: WMO301;
  /** Dagtekening of the written 301 and Toewijzingsdatum of the projected assignment; default the 301's Dagtekening, else the first day of the period. */
  readonly dagtekening?: string;
  /** BerichtIdentificatie of the written 301; default `P` + the ToewijzingNummer. */
  readonly identificatie?: string;
  /** ToewijzingNummer when the document's link names none. */
  readonly toewijzingNummer?: number;
}

export interface ProjectedMessages {
  /** The 301 (when a current 301 was given) and the 323s, each valid at levels 1 and 2. */
  readonly messages: readonly (WMO301 | WMO323)[];
  /** The assignment as it stands in the 301. */
  readonly toegewezenProduct: WMO301ToegewezenProduct;
}

export interface MonthlyLine {
  readonly level?: Level;
  readonly code: string;
  /** Units of the declaration (client-weeks for levels). */
  readonly volume: number;
  readonly tarief?: number;
  readonly amount: number;
  readonly begindatum: string;
  readonly einddatum: string;
}

export interface IntensityProjection extends ProjectedMessages {
  readonly months: readonly { readonly month: string; readonly lines: readonly MonthlyLine[] }[];
  readonly totals: { readonly weeks: number; readonly amount: number; readonly units?: number };
  /** Four-weekly view of the same weeks (a week belongs to the period holding its Sunday). */
  readonly fourWeekly: readonly { readonly index: number; readonly start: string; readonly end: string; readonly weeks: readonly { readonly level: Level; readonly weeks: number }[] }[];
  /** E2: the same history as aspecific (one assignment, no change messages) vs specific (a new assignment and 8 messages per level change). */
  readonly comparison: {
    readonly aspecific: { readonly toewijzingNummers: number; readonly changeMessages: number };
    readonly specific: { readonly toewijzingNummers: number; readonly changeMessages: number };
  };
}

export interface ResultProjection extends ProjectedMessages {
  readonly payments: readonly { readonly month: string; readonly amount: number; readonly begindatum: string; readonly einddatum: string }[];
}

export type ProjectionResult<T> =
  | { readonly ok: true; readonly output: T; readonly report: ConversionReport; readonly findings: readonly Finding[] }
  | { readonly ok: false; readonly findings: readonly Finding[] };

/** The 8 standard messages one change of a specific assignment costs: 317, 318, 301, 302, 307, 308, 305, 306. */
export const MESSAGES_PER_SPECIFIC_CHANGE = 8;

function linkNumber(link: { toewijzingNummer?: number }, options: ProjectionOptions): number | Finding {
  const number = link.toewijzingNummer ?? options.toewijzingNummer;
  if (number !== undefined && Number.isInteger(number) && number >= 0 && number <= NUMBER_LIMIT) return number;
  return extFinding('EXT218', '/link/toewijzingNummer', 'Het document noemt geen (geldig) ToewijzingNummer; geef er een op.', 'The document names no (valid) ToewijzingNummer; give one.');
}

function into301(base: WMO301 | undefined, product: WMO301ToegewezenProduct, options: ProjectionOptions): WMO301 | undefined {
  if (!base) return undefined;
  const dagtekening = product.toewijzingsdatum;
  return {
    ...base,
    header: { ...base.header, berichtIdentificatie: { identificatie: options.identificatie ?? `P${product.toewijzingNummer}`.slice(0, 12), dagtekening: maxDate(dagtekening, base.header.berichtIdentificatie.dagtekening) } },
    client: {
      ...base.client,
      toegewezenProducten: [
        ...base.client.toegewezenProducten
          .filter((p) => p.toewijzingNummer !== product.toewijzingNummer)
          .map((p) => {
            const { referentieAanbieder: _sentOnce, ...rest } = p;
            return rest;
          }),
        product,
      ],
    },
  };
}

function baseProblems(base: WMO301 | undefined, link: { gemeente: string; aanbieder: string; bsn?: string | undefined }): Finding[] {
  if (!base) return [];
  const foreign = foreignProperties(base);
  if (foreign.length) return foreign;
  if (base.header.afzender !== link.gemeente || base.header.ontvanger !== link.aanbieder) {
    return [
      extFinding(
        'EXT211',
        '/Bericht/Header',
        `De 301 gaat van ${base.header.afzender} naar ${base.header.ontvanger}, het document koppelt gemeente ${link.gemeente} en aanbieder ${link.aanbieder}.`,
        `The 301 goes from ${base.header.afzender} to ${base.header.ontvanger}; the document links gemeente ${link.gemeente} and provider ${link.aanbieder}.`,
      ),
    ];
  }
  const bsn = link.bsn;
  if (bsn !== undefined && base.client.bsn !== bsn) {
    return [extFinding('EXT211', '/Bericht/Client/Bsn', 'De 301 hoort bij een andere cliënt dan het document.', 'The 301 belongs to another client than the document.')];
  }
  return [];
}

function declarations(
  months: readonly { month: string; lines: readonly PrestatieLine[] }[],
  parties: { aanbieder: string; gemeente: string; bsn?: string | undefined },
  options: DeclarationOptions,
): { messages: WMO323[]; warnings: Finding[] } {
  const written = months.filter((m) => m.lines.length > 0);
  const early = written.filter((m) => !declarationMonthOk(m.month));
  const warnings: Finding[] = [];
  if (early.length) {
    warnings.push(
      extFinding(
        'EXT213',
        '/Declaratie',
        `Declaraties in iWmo 3.2 beginnen op ${FIRST_DECLARATION_DAY} (CS100); voor ${early.map((m) => m.month).join(', ')} wordt geen 323 geschreven, de bedragen staan alleen in de uitvoer.`,
        `Declarations in iWmo 3.2 start on ${FIRST_DECLARATION_DAY} (CS100); no 323 is written for ${early.map((m) => m.month).join(', ')}, the amounts are in the output only.`,
        'warning',
      ),
    );
  }
  if (parties.bsn === undefined) {
    if (written.length > early.length) warnings.push(extFinding('EXT218', '/link/bsn', 'Het document noemt geen BSN; er worden geen 323-berichten geschreven.', 'The document names no BSN; no 323 messages are written.', 'warning'));
    return { messages: [], warnings };
  }
  const bsn = parties.bsn;
  return { messages: written.filter((m) => declarationMonthOk(m.month)).map((m) => monthlyDeclaration(m.month, m.lines, { aanbieder: parties.aanbieder, gemeente: parties.gemeente, bsn }, options)), warnings };
}

export interface IntensityWeek {
  readonly monday: string;
  readonly sunday: string;
  readonly level: Level;
  readonly code: string;
  readonly tarief: number;
  /** The month the week is declared in. */
  readonly month: string;
}

/**
 * The declared weeks of an intensity history, from the arithmetic's
 * `weeklyPrestaties` (E2): a week counts when its Sunday lies in the mandate,
 * at the level in force on that Sunday, in the month holding the Sunday (the
 * IV076 output rule adopted by contract). Codes and weekly tariffs come from the profile.
 */
export function intensityWeeks(
  document: ProviderDeterminedIntensity,
  profile: Profile,
): { weeks: IntensityWeek[]; segments: readonly { level: Level }[]; tariffIds: Set<string>; losses: Loss[] } | { findings: Finding[] } {
  const group = profile.variantPerProductGroup[document.productGroup];
  const mandate = document.mandate.period;
  const label = `${profile.id}@${profile.version}`;
  if (!group) return { findings: [extFinding('EXT206', '/productGroup', `Profiel ${label} kent productgroep ${document.productGroup} niet.`, `Profile ${label} does not know product group ${document.productGroup}.`)] };
  const codes = profile.levelCodes[document.productGroup] ?? {};
  const used = new Set<Level>(document.history.map((d) => d.level));
  const found = new Map<Level, { code: string; tariff: Tariff }>();
  const findings: Finding[] = [];
  for (const level of used) {
    const code = codes[level];
    const tariff = code === undefined ? undefined : profile.tariffs.find((t) => t.productCategorie === group.categorie && t.productCode === code && t.per === 'week' && compareDates(t.validity.start, mandate.end) <= 0 && compareDates(mandate.start, t.validity.end) <= 0);
    if (code === undefined) findings.push(extFinding('EXT217', '/history', `Profiel ${label} heeft geen code voor niveau ${level} van ${document.productGroup}.`, `Profile ${label} has no code for level ${level} of ${document.productGroup}.`));
    else if (!tariff) findings.push(extFinding('EXT201', '/history', `Profiel ${label} heeft geen weektarief voor ${group.categorie}/${code} (${level}) in ${mandate.start} – ${mandate.end}.`, `Profile ${label} has no weekly tariff for ${group.categorie}/${code} (${level}) in ${mandate.start} – ${mandate.end}.`));
    else found.set(level, { code, tariff });
  }
  if (findings.length) return { findings };
  // Prestatie-eenheden: the lowest weekly tariff is one unit (E2: licht 1, midden 2, zwaar 3).
  const amounts = [...found.values()].map((f) => f.tariff.amount);
  const unitPrice = Math.min(...amounts);
  const tariffs: WeeklyTariffs = Object.fromEntries([...found].map(([level, f]) => [level, { amount: f.tariff.amount, units: unitPrice > 0 && f.tariff.amount % unitPrice === 0 ? f.tariff.amount / unitPrice : 0 }]));
  let result;
  try {
    result = weeklyPrestaties({ history: document.history, period: mandate, tariffs });
  } catch (error) {
    return { findings: [extFinding('EXT217', '/history', `De intensiteitsgeschiedenis laat zich niet per week declareren: ${(error as Error).message}.`, `The intensity history cannot be declared per week: ${(error as Error).message}.`)] };
  }
  const weeks: IntensityWeek[] = result.segments.flatMap((segment) =>
    Array.from({ length: segment.weeks }, (_, k) => {
      const monday = addDays(segment.from, 7 * k);
      const sunday = addDays(monday, 6);
      const f = found.get(segment.level)!;
      return { monday, sunday, level: segment.level, code: f.code, tarief: f.tariff.amount, month: sunday.slice(0, 7) };
    }),
  );
  const losses: Loss[] = [];
  for (const d of document.history) {
    if (compareDates(d.validFrom, mandate.start) > 0 && compareDates(d.validFrom, mandate.end) <= 0 && weekday(d.validFrom) !== 0) {
      losses.push({ code: 'TEMPORAL_ALLOCATION', detail: `decision ${d.id} takes effect on ${d.validFrom}, not a Monday: each week counts whole at the level in force on its Sunday` });
    }
  }
  const uncounted = weekday(mandate.end) !== 6 ? daysIn(mondayOf(mandate.end), mandate.end) : 0;
  if (uncounted) losses.push({ code: 'TEMPORAL_ALLOCATION', detail: `the mandate ends on ${mandate.end}, before that week's Sunday: its last ${uncounted} day(s) are not declared as a week`, delta: { days: uncounted } });
  return { weeks, segments: result.segments, tariffIds: new Set([...found.values()].map((f) => f.tariff.id)), losses };
}

// ---------------------------------------------------------------------------
// ProviderDeterminedIntensity → aspecific 301 + monthly Prestaties per level code (E2)

export function projectIntensity(document: ProviderDeterminedIntensity, profile: Profile, options: ProjectionOptions = {}): ProjectionResult<IntensityProjection> {
  const group = profile.variantPerProductGroup[document.productGroup];
  const mandate = document.mandate.period;
  if (!group) {
    return { ok: false, findings: [extFinding('EXT206', '/productGroup', `Profiel ${profile.id}@${profile.version} kent productgroep ${document.productGroup} niet.`, `Profile ${profile.id}@${profile.version} does not know product group ${document.productGroup}.`)] };
  }
  const number = linkNumber(document.link, options);
  if (isFinding(number)) return { ok: false, findings: [number] };
  const problems = baseProblems(options.assignment, document.link);
  if (problems.length) return { ok: false, findings: problems };
  const computed = intensityWeeks(document, profile);
  if ('findings' in computed) return { ok: false, findings: computed.findings };
  const { weeks, segments, tariffIds, losses } = computed;
  const eenheid: LDT_Eenheid = group.variant === 'outputgericht' ? '82' : '84';

  const months = monthsOf(mandate.start, mandate.end).map((m) => {
    const lines: MonthlyLine[] = [];
    for (const w of weeks.filter((x) => x.month === m.month)) {
      const line = lines.find((l) => l.code === w.code);
      if (line) Object.assign(line, { volume: line.volume + 1, amount: line.amount + w.tarief });
      else lines.push({ level: w.level, code: w.code, volume: 1, tarief: w.tarief, amount: w.tarief, begindatum: m.start, einddatum: m.end });
    }
    return { month: m.month, lines };
  });
  const over = months.flatMap((m) => m.lines).find((l) => l.amount > FIELD_LIMIT);
  if (over) return { ok: false, findings: [overLimit('/Prestatie/IngediendBedrag', { nl: 'Een maandbedrag', en: 'A monthly amount' }, over.amount)] };
  const totalAmount = weeks.reduce((s, w) => s + w.tarief, 0);
  const unitPrice = Math.min(...weeks.map((w) => w.tarief));
  const units = weeks.every((w) => w.tarief % unitPrice === 0) ? weeks.reduce((s, w) => s + w.tarief / unitPrice, 0) : undefined;

  const dagtekening = options.dagtekening ?? options.assignment?.header.berichtIdentificatie.dagtekening ?? mandate.start;
  const product: WMO301ToegewezenProduct = {
    toewijzingNummer: number,
    product: { categorie: group.categorie as LDT_ProductCategorie },
    toewijzingsdatum: dagtekening,
    toewijzingstijd: '00:00:00',
    ingangsdatum: mandate.start,
    einddatum: mandate.end,
  };
  const message301 = into301(options.assignment, product, options);
  const { messages: declared, warnings } = declarations(
    months.map((m) => ({ month: m.month, lines: m.lines.map((l) => ({ toewijzingNummer: number, categorie: group.categorie, code: l.code, begindatum: l.begindatum, einddatum: l.einddatum, volume: l.volume, eenheid, tarief: l.tarief!, bedrag: l.amount })) })),
    { aanbieder: document.link.aanbieder, gemeente: document.link.gemeente, bsn: document.link.bsn },
    options,
  );
  const messages = [...(message301 ? [message301] : []), ...declared];
  const written = checkWritten(messages);
  if (written.length) return { ok: false, findings: written };

  const anchor = profile.reportingCalendar.kind === '4-weeks' ? profile.reportingCalendar.anchor : undefined;
  const fourWeekly: { index: number; start: string; end: string; weeks: { level: Level; weeks: number }[] }[] = [];
  if (anchor) {
    for (const w of weeks) {
      if (compareDates(w.sunday, anchor) < 0) continue;
      const period = fourWeekPeriod(anchor, w.sunday);
      let entry = fourWeekly.find((p) => p.index === period.index);
      if (!entry) fourWeekly.push((entry = { ...period, weeks: [] }));
      const level = entry.weeks.find((l) => l.level === w.level);
      if (level) level.weeks++;
      else entry.weeks.push({ level: w.level, weeks: 1 });
    }
  }
  const levelChanges = Math.max(0, segments.length - 1);
  const actions: StandardAction[] = [
    { message: 'WMO301', count: message301 ? 1 : 0, note: 'gemeente: one aspecific assignment (category only) for the whole mandate; level changes need no message' },
    { message: 'WMO323', count: declared.length, note: 'provider: one declaration per month, a Prestatie per level code' },
  ];
  return {
    ok: true,
    output: {
      messages,
      toegewezenProduct: product,
      months,
      totals: { weeks: weeks.length, amount: totalAmount, ...(units !== undefined ? { units } : {}) },
      fourWeekly,
      comparison: {
        aspecific: { toewijzingNummers: 1, changeMessages: 0 },
        specific: { toewijzingNummers: segments.length, changeMessages: levelChanges * MESSAGES_PER_SPECIFIC_CHANGE },
      },
    },
    report: buildReport({
      rule: 'intensity-projection',
      losses,
      assumptions: { profile: `${profile.id}@${profile.version}`, tariffIds: [...tariffIds], rounding: 'half-up', weekRule: 'IV076-output-sundays', ...(anchor ? { calendar: `4-weeks from ${anchor}` } : {}) },
      standardActions: actions,
    }),
    findings: warnings,
  };
}

// ---------------------------------------------------------------------------
// C7 ResultAgreement → outputgericht 301 (Eenheid 83, Frequentie 6) + 323 per payment rule

export function projectResultAgreement(document: ResultAgreement, profile: Profile, options: ProjectionOptions = {}): ProjectionResult<ResultProjection> {
  const type = (profile.arrangementTypes ?? []).find((a) => a.id === document.arrangementTypeId);
  if (!type) {
    return {
      ok: false,
      findings: [extFinding('EXT206', '/arrangementTypeId', `Profiel ${profile.id}@${profile.version} kent arrangementtype ${document.arrangementTypeId} niet; de productcode volgt uit het profiel.`, `Profile ${profile.id}@${profile.version} does not know arrangement type ${document.arrangementTypeId}; the product code comes from the profile.`)],
    };
  }
  if (!isIsoDate(document.period.start) || !isIsoDate(document.period.end) || compareDates(document.period.start, document.period.end) > 0) {
    return { ok: false, findings: [extFinding('EXT218', '/period', 'De periode is geen geldig datumbereik.', 'The period is no valid date range.')] };
  }
  if (!Number.isInteger(document.budget) || document.budget < 0) return { ok: false, findings: [extFinding('EXT218', '/budget', 'Het budget is een geheel, niet-negatief aantal centen.', 'The budget is a whole, non-negative number of cents.')] };
  if (document.budget > FIELD_LIMIT) return { ok: false, findings: [overLimit('/budget', { nl: 'Het arrangementbudget', en: 'The arrangement budget' }, document.budget)] };
  const number = linkNumber(document.link, options);
  if (isFinding(number)) return { ok: false, findings: [number] };
  const problems = baseProblems(options.assignment, document.link);
  if (problems.length) return { ok: false, findings: problems };
  const tariff = profile.tariffs.find((t) => t.id === type.tariffId);
  const { start, end } = document.period;
  const losses: Loss[] = [
    {
      code: 'GOALS_NOT_PROJECTED',
      detail: `${document.goals.length} goal(s), ${document.indicators.length} indicator(s) and ${document.outcomes.length} outcome(s) stay in the ResultAgreement ${document.id}; no standard element holds them`,
    },
  ];

  // The payment rule decides when money is declared; each part in the month it falls in, inside the agreement.
  const months = monthsOf(start, end);
  const budget = document.budget;
  let payments: { month: string; amount: number; begindatum: string; einddatum: string }[];
  const rule = document.paymentRule?.trigger ?? 'periodiek';
  const first = months[0]!;
  const last = months[months.length - 1]!;
  if (rule === 'periodiek') {
    const parts = allocateByDays(budget, { start, end });
    payments = months.map((m, i) => ({ month: m.month, amount: parts[i]!.amount, begindatum: m.start, einddatum: m.end }));
    const total = daysIn(start, end);
    const inexact = months.some((m) => (budget * daysIn(m.start, m.end)) % total !== 0);
    if (inexact) losses.push({ code: 'ROUNDING', detail: 'the budget split over the months by days, largest remainder: each month within 1 cent of its exact share, the total exact', delta: { cents: 0 } });
  } else if (rule === 'resultaat') {
    // IV089: a result known only at the end is declared in the last ProductPeriode.
    payments = [{ month: last.month, amount: budget, begindatum: last.start, einddatum: last.end }];
  } else {
    const splitBp = document.paymentRule?.splitBp ?? 5000;
    const atStart = Math.floor((budget * splitBp) / 10_000 + 0.5);
    payments =
      months.length === 1
        ? [{ month: first.month, amount: budget, begindatum: first.start, einddatum: first.end }]
        : [
            { month: first.month, amount: atStart, begindatum: first.start, einddatum: first.end },
            { month: last.month, amount: budget - atStart, begindatum: last.start, einddatum: last.end },
          ];
    if ((budget * splitBp) % 10_000 !== 0) losses.push({ code: 'ROUNDING', detail: `${splitBp} bp of the budget at the start, rounded half up to a cent; the rest in the last ProductPeriode`, delta: { cents: Math.round((atStart - (budget * splitBp) / 10_000) * 100) / 100 } });
  }

  const dagtekening = options.dagtekening ?? options.assignment?.header.berichtIdentificatie.dagtekening ?? start;
  const product: WMO301ToegewezenProduct = {
    toewijzingNummer: number,
    product: { categorie: type.standardProduct.categorie as LDT_ProductCategorie, code: type.standardProduct.code },
    toewijzingsdatum: dagtekening,
    toewijzingstijd: '00:00:00',
    ingangsdatum: start,
    einddatum: end,
    omvang: { volume: budget, eenheid: '83', frequentie: '6' },
  };
  const message301 = into301(options.assignment, product, options);
  const { messages: declared, warnings } = declarations(
    payments.map((p) => ({
      month: p.month,
      lines: p.amount > 0 ? [{ toewijzingNummer: number, categorie: type.standardProduct.categorie, code: type.standardProduct.code, begindatum: p.begindatum, einddatum: p.einddatum, volume: p.amount, eenheid: '83' as const, bedrag: p.amount }] : [],
    })),
    { aanbieder: document.link.aanbieder, gemeente: document.link.gemeente, bsn: document.link.bsn },
    options,
  );
  const messages = [...(message301 ? [message301] : []), ...declared];
  const written = checkWritten(messages);
  if (written.length) return { ok: false, findings: written };
  return {
    ok: true,
    output: { messages, toegewezenProduct: product, payments },
    report: buildReport({
      rule: 'C7',
      losses,
      assumptions: { profile: `${profile.id}@${profile.version}`, tariffIds: tariff ? [tariff.id] : [], rounding: 'half-up', ...(rule === 'periodiek' ? { calendar: 'maand' } : {}) },
      standardActions: [
        { message: 'WMO301', count: message301 ? 1 : 0, note: `gemeente: outputgericht assignment ${type.standardProduct.categorie}/${type.standardProduct.code}, Eenheid 83, Frequentie 6, Volume = the arrangement budget` },
        { message: 'WMO323', count: declared.length, note: `provider: declarations per the payment rule (${rule}), Eenheid 83, IngediendBedrag = GeleverdVolume (CS339)` },
      ],
    }),
    findings: warnings,
  };
}

