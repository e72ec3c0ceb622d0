/**
 * C1–C4 of spec §3.4: one client's assignments moved between effort-based,
 * output-euro, budget and specific time-based forms, in a new 301.
 */
import type { Finding } from '../../findings.js';
import type { CDT_Omvang, LDT_Frequentie, WMO301, WMO301ToegewezenProduct } from '../../standard/generated/types.js';
import type { Level, Profile, ProviderDeterminedIntensity } from '../model.js';
import { maximumVolume, splitLargestRemainder } from './arith.js';
import {
  assemble301,
  checkInput301,
  checkSwitchOptions,
  endAssignment,
  FIELD_LIMIT,
  numberAllocator,
  NUMBERING_RULE_DEFAULT,
  NUMBERING_RULE_EXPLICIT,
  overLimit,
  productPath,
  selectAssignments,
  stampOf,
  switchDates,
  type SwitchOptions,
} from './assignment.js';
import { addDays, compareDates, daysIn, lastDayOfMonth, maxDate, minDate, monthsOf } from './calendar.js';
import { euroEn, extFinding } from './findings.js';
import { checkWritten } from './messages.js';
import { buildReport, type ConversionResult, type ConversionRule, type Loss, type Requirement, type StandardAction } from './report.js';
import { eenheidShort, findTariff, isFinding, price, type PricedTariff } from './tariffs.js';

export interface ConvertedMessages {
  /** The standard messages to send, each valid at levels 1 and 2. */
  readonly messages: readonly WMO301[];
}

export interface C1Options extends SwitchOptions {
  /** The outputgericht product code; default the same code (it stays in its category). Must be known to the profile (TR381). */
  readonly productCode?: string;
}

export interface C2Options extends SwitchOptions {
  /** `aspecifiek` keeps the category (default), `generiek` drops the Product. */
  readonly form?: 'aspecifiek' | 'generiek';
}

export interface C3Options extends SwitchOptions {
  /** The unit of the new volume: `01` minutes (default: the smallest unit leaves the smallest remainder), `04` hours, or `84` pieces (a client-week at a weekly tariff, E2). */
  readonly eenheid?: '01' | '04' | '84';
  /** The code of the new specific assignment when no intensity history gives it. */
  readonly productCode?: string;
  /** Needed for a generic budget (no Product). */
  readonly categorie?: string;
  /** The provider's level decisions: one specific assignment per level segment, its code from the profile. */
  readonly intensity?: ProviderDeterminedIntensity;
  /** The budget left from the switch date; default the budget's share of the remaining days. */
  readonly remainingBudget?: number;
}

export type C4Options = SwitchOptions;

const TIME_UNITS: readonly string[] = ['01', '04', '14', '16', '84'];

function profileLabel(profile: Profile): string {
  return `${profile.id}@${profile.version}`;
}

function refuse(rule: ConversionRule, findings: readonly Finding[]): ConversionResult<never> {
  return { ok: false, rule, findings };
}

/** Rounded to hundredths, for deltas that are not whole (2.57 h). */
function hundredths(value: number): number {
  return Math.round(value * 100) / 100;
}

function roundingLoss(what: string, exact: { numerator: bigint; denominator: bigint }, rounded: number): Loss {
  const delta = hundredths(rounded - Number(exact.numerator) / Number(exact.denominator));
  return { code: 'ROUNDING', detail: `${what}: rounded half up to whole cents`, delta: { cents: delta } };
}

/** The code belongs to the category in the profile's list (TR381): a tariff, a level code or an arrangement type names the pair. */
function profileKnowsCode(profile: Profile, categorie: string, code: string): boolean {
  if (profile.tariffs.some((t) => t.productCategorie === categorie && t.productCode === code)) return true;
  if ((profile.arrangementTypes ?? []).some((a) => a.standardProduct.categorie === categorie && a.standardProduct.code === code)) return true;
  return Object.entries(profile.levelCodes).some(([group, codes]) => profile.variantPerProductGroup[group]?.categorie === categorie && Object.values(codes).includes(code));
}

interface Prepared {
  readonly selected: WMO301ToegewezenProduct[];
}

/** Options, the input 301 and the assignments to convert, or the findings that refuse. */
function prepare(message: WMO301, options: SwitchOptions, eligible: (p: WMO301ToegewezenProduct) => boolean, form: { nl: string; en: string }): Prepared | Finding[] {
  const optionProblems = checkSwitchOptions(options);
  if (optionProblems.length) return optionProblems;
  const inputProblems = checkInput301(message);
  if (inputProblems.length) return inputProblems;
  const selected = selectAssignments(message, options, eligible, form);
  if (selected.length && 'rule' in selected[0]!) return selected as Finding[];
  return { selected: selected as WMO301ToegewezenProduct[] };
}

function endOf(p: WMO301ToegewezenProduct, options: SwitchOptions, path: string, needs: { nl: string; en: string }): string | Finding {
  const end = p.einddatum ?? options.horizon;
  if (end !== undefined) return end;
  return extFinding(
    'EXT203',
    `${path}/Einddatum`,
    `Toewijzing ${p.toewijzingNummer} heeft geen Einddatum en ${needs.nl}; geef een horizon (einddatum) op.`,
    `Assignment ${p.toewijzingNummer} has no Einddatum and ${needs.en}; give a horizon (end date).`,
  );
}

/** What a conversion did per converted assignment: its end, and the assignments that replace it. */
type Changes = Map<WMO301ToegewezenProduct, { ended: WMO301ToegewezenProduct; added: WMO301ToegewezenProduct[] }>;

function finish(
  rule: ConversionRule,
  message: WMO301,
  options: SwitchOptions,
  changes: Changes,
  report: { losses: Loss[]; tariffIds: string[]; profile: Profile; requires: Requirement[]; actions: StandardAction[]; weekRule?: 'IV077-calendar-weeks' },
  warnings: Finding[] = [],
): ConversionResult<ConvertedMessages> {
  const stamp = stampOf(message, options);
  // The message is named after the first number handed out: the first new assignment in conversion order.
  const firstNew = [...changes.values()].flatMap((c) => c.added)[0]?.toewijzingNummer ?? 0;
  const output = assemble301(message, changes, stamp, options.identificatie ?? `${rule}${firstNew}`.slice(0, 12));
  const problems = checkWritten([output]);
  if (problems.length) return refuse(rule, problems);
  return {
    ok: true,
    output: { messages: [output] },
    report: buildReport({
      rule,
      losses: report.losses,
      assumptions: {
        profile: profileLabel(report.profile),
        tariffIds: [...new Set(report.tariffIds)],
        rounding: 'half-up',
        ...(report.weekRule ? { weekRule: report.weekRule } : {}),
        numbering: options.firstToewijzingNummer !== undefined ? NUMBERING_RULE_EXPLICIT : NUMBERING_RULE_DEFAULT,
        ...(options.on ? { switchDate: options.on } : {}),
      },
      requires: report.requires,
      standardActions: report.actions,
    }),
    findings: warnings,
  };
}

function switchActions(n: number, what: string): StandardAction[] {
  return [
    { message: 'WMO301', count: 1, note: `gemeente: one 301 that ends ${n} assignment(s) (Einddatum = switch date − 1, RedenWijziging 10; removed with 13 when the switch is its Ingangsdatum) and issues ${what} with new ToewijzingNummers` },
    { message: 'WMO307', count: n, note: 'provider: stop of each old assignment, RedenBeeindiging 36' },
    { message: 'WMO305', count: n, note: 'provider: start of each new assignment' },
  ];
}

// ---------------------------------------------------------------------------
// C1 specific inspanningsgericht → specific outputgericht euro (Eenheid 83)

export function convertC1(message: WMO301, profile: Profile, options: C1Options = {}): ConversionResult<ConvertedMessages> {
  const prepared = prepare(message, options, (p) => p.product?.code !== undefined && p.omvang !== undefined && TIME_UNITS.includes(p.omvang.eenheid), {
    nl: 'specifieke toewijzing in tijd of stuks (inspanning)',
    en: 'specific assignment in time or pieces (effort)',
  });
  if (Array.isArray(prepared)) return refuse('C1', prepared);
  const stamp = stampOf(message, options);
  const next = numberAllocator(message, options);
  const changes: Changes = new Map();
  const losses: Loss[] = [];
  const tariffIds: string[] = [];
  const findings: Finding[] = [];
  for (const p of prepared.selected) {
    const path = productPath(message, p);
    const product = p.product!;
    const omvang = p.omvang!;
    const dates = switchDates(p, options.on);
    const priced = findTariff(profile, { categorie: product.categorie, code: product.code, eenheid: omvang.eenheid, date: dates.start, path: `${path}/Product` });
    if (isFinding(priced)) {
      findings.push(priced);
      continue;
    }
    tariffIds.push(priced.tariff.id);
    const code = options.productCode ?? product.code!;
    if (code !== product.code && !profileKnowsCode(profile, product.categorie, code)) {
      findings.push(
        extFinding('EXT206', `${path}/Product`, `Profiel ${profileLabel(profile)} kent code ${code} niet in categorie ${product.categorie} (TR381).`, `Profile ${profileLabel(profile)} does not know code ${code} in category ${product.categorie} (TR381).`),
      );
      continue;
    }
    // 83 does not allow per day (CS338): a daily volume becomes 7 × per week.
    const daily = omvang.frequentie === '1';
    const frequentie: LDT_Frequentie = daily ? '2' : omvang.frequentie;
    const amount = price(daily ? omvang.volume * 7 : omvang.volume, priced);
    if (amount.cents > FIELD_LIMIT) {
      findings.push(overLimit(`${path}/Omvang/Volume`, { nl: `Het eurovolume van toewijzing ${p.toewijzingNummer}`, en: `The euro volume of assignment ${p.toewijzingNummer}` }, amount.cents));
      continue;
    }
    let end = p.einddatum;
    if (frequentie === '2' && end === undefined) {
      const e = endOf(p, options, path, { nl: 'een volume per week vraagt er een (CD076)', en: 'a volume per week needs one (CD076)' });
      if (isFinding(e)) {
        findings.push(e);
        continue;
      }
      end = e;
    }
    const number = next();
    if (isFinding(number)) return refuse('C1', [number]);
    const unit = eenheidShort(omvang.eenheid);
    if (daily) losses.push({ code: 'DAILY_CAP_LOST', detail: `assignment ${p.toewijzingNummer}: ${omvang.volume} ${unit} per day became ${amount.cents} cents per week; the daily cap is gone` });
    if (!amount.exact) losses.push(roundingLoss(`assignment ${p.toewijzingNummer}: volume × tariff ${priced.tariff.id}`, amount.exactCents, amount.cents));
    changes.set(p, {
      ended: endAssignment(p, dates, stamp),
      added: [
        {
          toewijzingNummer: number,
          product: { categorie: product.categorie, code },
          toewijzingsdatum: stamp.dagtekening,
          toewijzingstijd: stamp.toewijzingstijd,
          ingangsdatum: dates.start,
          ...(end !== undefined ? { einddatum: end } : {}),
          omvang: { volume: amount.cents, eenheid: '83', frequentie },
        },
      ],
    });
  }
  if (findings.length) return refuse('C1', findings);
  losses.unshift({ code: 'PAYMENT_SEMANTICS_CHANGE', detail: 'effort (volume × tariff) became an output euro amount per period' });
  return finish('C1', message, options, changes, { losses, tariffIds, profile, requires: ['contract-change'], actions: switchActions(changes.size, 'the outputgericht euro assignment(s)') });
}

// ---------------------------------------------------------------------------
// C2 specific → aspecific with Budget (or generic)

/** The pro-rata volume by days the calendar-week / calendar-month rule replaces (E6: 85 days / 7 × 3 h = 36.43 h). */
function proRataVolume(omvang: CDT_Omvang, start: string, end: string): number {
  switch (omvang.frequentie) {
    case '2':
      return (omvang.volume * daysIn(start, end)) / 7;
    case '4':
      return monthsOf(start, end).reduce((sum, m) => sum + (omvang.volume * daysIn(m.start, m.end)) / daysIn(`${m.month}-01`, lastDayOfMonth(m.month)), 0);
    default:
      return maximumVolume(omvang, { start, end });
  }
}

export function convertC2(message: WMO301, profile: Profile, options: C2Options = {}): ConversionResult<ConvertedMessages> {
  const generic = options.form === 'generiek';
  const prepared = prepare(message, options, (p) => p.product?.code !== undefined && p.omvang !== undefined, { nl: 'specifieke toewijzing (met Omvang)', en: 'specific assignment (with Omvang)' });
  if (Array.isArray(prepared)) return refuse('C2', prepared);
  const stamp = stampOf(message, options);
  const next = numberAllocator(message, options);
  const changes: Changes = new Map();
  const losses: Loss[] = [];
  const tariffIds: string[] = [];
  const findings: Finding[] = [];
  for (const p of prepared.selected) {
    const path = productPath(message, p);
    const product = p.product!;
    const omvang = p.omvang!;
    const dates = switchDates(p, options.on);
    const end = endOf(p, options, path, { nl: 'een Budget vraagt er een (CD075)', en: 'a Budget needs one (CD075)' });
    if (isFinding(end)) {
      findings.push(end);
      continue;
    }
    const maxVolume = maximumVolume(omvang, { start: dates.start, end });
    let budget: number;
    let priced: PricedTariff | undefined;
    if (omvang.eenheid === '83') {
      budget = maxVolume; // IV042: the volume is already eurocent
    } else {
      const found = findTariff(profile, { categorie: product.categorie, code: product.code, eenheid: omvang.eenheid, date: dates.start, path: `${path}/Product` });
      if (isFinding(found)) {
        findings.push(found);
        continue;
      }
      priced = found;
      tariffIds.push(found.tariff.id);
      const amount = price(maxVolume, found);
      budget = amount.cents;
      if (!amount.exact) losses.push(roundingLoss(`assignment ${p.toewijzingNummer}: budget`, amount.exactCents, amount.cents));
    }
    if (budget > FIELD_LIMIT) {
      findings.push(overLimit(`${path}/Budget`, { nl: `Het budget van toewijzing ${p.toewijzingNummer}`, en: `The budget of assignment ${p.toewijzingNummer}` }, budget));
      continue;
    }
    const number = next();
    if (isFinding(number)) return refuse('C2', [number]);
    const unit = eenheidShort(omvang.eenheid);
    const proRata = proRataVolume(omvang, dates.start, end);
    const extraUnits = hundredths(maxVolume - proRata);
    const extraCents = priced ? Math.round(Number(price(maxVolume, priced).cents) - (proRata * priced.tariff.amount * Number(priced.numerator)) / Number(priced.denominator)) : Math.round(maxVolume - proRata);
    const frequencyName = { '1': 'day', '2': 'week', '4': 'month', '6': 'total' }[omvang.frequentie];
    losses.push({
      code: 'VOLUME_PROFILE_LOST',
      detail:
        `assignment ${p.toewijzingNummer}: ${omvang.volume} ${unit} per ${frequencyName} became a budget of ${budget} cents for ${dates.start} … ${end} (${maxVolume} ${unit}, broken weeks and months counted whole, IV077/IV078)` +
        (extraUnits > 0 ? `; ${extraUnits} ${unit} more than the day-pro-rata ${hundredths(proRata)} ${unit}` : ''),
      ...(extraUnits > 0 ? { delta: { units: extraUnits, cents: extraCents } } : {}),
    });
    losses.push(
      generic
        ? { code: 'CATEGORY_DROPPED', detail: `assignment ${p.toewijzingNummer}: category ${product.categorie} and code ${product.code} dropped (generic budget)` }
        : { code: 'PRODUCT_CODE_DROPPED', detail: `assignment ${p.toewijzingNummer}: code ${product.code} dropped, category ${product.categorie} kept (aspecific)` },
    );
    losses.push({ code: 'DECISION_RIGHTS_SHIFT', detail: `assignment ${p.toewijzingNummer}: the provider now decides code and volume within the budget (${euroEn(budget)})` });
    changes.set(p, {
      ended: endAssignment(p, dates, stamp),
      added: [
        {
          toewijzingNummer: number,
          ...(generic ? {} : { product: { categorie: product.categorie } }),
          toewijzingsdatum: stamp.dagtekening,
          toewijzingstijd: stamp.toewijzingstijd,
          ingangsdatum: dates.start,
          einddatum: end,
          budget,
        },
      ],
    });
  }
  if (findings.length) return refuse('C2', findings);
  return finish('C2', message, options, changes, {
    losses,
    tariffIds,
    profile,
    requires: [],
    actions: switchActions(changes.size, generic ? 'the generic budget assignment(s)' : 'the aspecific budget assignment(s)'),
    weekRule: 'IV077-calendar-weeks',
  });
}

// ---------------------------------------------------------------------------
// C3 aspecific / generic Budget → specific time-based, Frequentie 6

interface Segment {
  readonly start: string;
  readonly end: string;
  readonly code: string;
  readonly level?: Level;
}

/** The level segments of an intensity history inside a period (the last decision per validFrom wins, corrections included). */
export function levelSegments(intensity: ProviderDeterminedIntensity, start: string, end: string): { level: Level; start: string; end: string }[] {
  const corrected = new Set(intensity.history.map((d) => d.corrects).filter((id): id is string => id !== undefined));
  const decisions = intensity.history.filter((d) => !corrected.has(d.id)).slice().sort((a, b) => compareDates(a.validFrom, b.validFrom));
  const segments: { level: Level; start: string; end: string }[] = [];
  decisions.forEach((d, i) => {
    const following = decisions[i + 1];
    const segStart = maxDate(d.validFrom, start);
    const segEnd = minDate(following ? addDays(following.validFrom, -1) : intensity.mandate.period.end, end);
    if (compareDates(segStart, segEnd) > 0) return;
    const last = segments[segments.length - 1];
    if (last && last.level === d.level && compareDates(addDays(last.end, 1), segStart) === 0) last.end = segEnd;
    else segments.push({ level: d.level, start: segStart, end: segEnd });
  });
  return segments;
}

export function convertC3(message: WMO301, profile: Profile, options: C3Options = {}): ConversionResult<ConvertedMessages> {
  const prepared = prepare(message, options, (p) => p.budget !== undefined && p.product?.code === undefined, { nl: 'aspecifieke of generieke toewijzing met Budget', en: 'aspecific or generic assignment with a Budget' });
  if (Array.isArray(prepared)) return refuse('C3', prepared);
  const stamp = stampOf(message, options);
  const next = numberAllocator(message, options);
  const changes: Changes = new Map();
  const losses: Loss[] = [];
  const tariffIds: string[] = [];
  const findings: Finding[] = [];
  const eenheid = options.eenheid ?? '01';
  for (const p of prepared.selected) {
    const path = productPath(message, p);
    const categorie = p.product?.categorie ?? options.categorie;
    if (categorie === undefined) {
      findings.push(extFinding('EXT206', `${path}/Product`, 'Een generiek budget heeft geen categorie; geef de categorie van de specifieke toewijzing op.', 'A generic budget has no category; give the category of the specific assignment.'));
      continue;
    }
    const dates = switchDates(p, options.on);
    const end = p.einddatum!; // CD075: a Budget always has an Einddatum
    const budget = p.budget!;
    let remaining = options.remainingBudget ?? budget;
    if (options.remainingBudget === undefined && !dates.removed) {
      remaining = splitLargestRemainder(budget, [daysIn(p.ingangsdatum, addDays(dates.start, -1)), daysIn(dates.start, end)])[1]!;
      losses.push({ code: 'TEMPORAL_ALLOCATION', detail: `assignment ${p.toewijzingNummer}: ${remaining} of ${budget} cents assumed left from ${dates.start}, by days (even spending assumed)` });
    }
    let segments: Segment[];
    if (options.intensity) {
      const group = options.intensity.productGroup;
      const found = levelSegments(options.intensity, dates.start, end);
      const codes = profile.levelCodes[group] ?? {};
      const missing = found.find((s) => codes[s.level] === undefined);
      if (found.length === 0 || missing) {
        findings.push(
          extFinding(
            'EXT217',
            `${path}`,
            missing ? `Profiel ${profileLabel(profile)} heeft geen code voor niveau ${missing.level} van productgroep ${group}.` : `De intensiteitsgeschiedenis heeft geen niveau tussen ${dates.start} en ${end}.`,
            missing ? `Profile ${profileLabel(profile)} has no code for level ${missing.level} of product group ${group}.` : `The intensity history has no level between ${dates.start} and ${end}.`,
          ),
        );
        continue;
      }
      segments = found.map((s) => ({ ...s, code: codes[s.level]! }));
    } else if (options.productCode !== undefined) {
      segments = [{ start: dates.start, end, code: options.productCode }];
    } else {
      findings.push(
        extFinding(
          'EXT217',
          `${path}/Product`,
          'Een specifieke toewijzing vraagt een productcode: geef die op, of de intensiteitsgeschiedenis waaruit de code per niveau volgt.',
          'A specific assignment needs a product code: give it, or the intensity history the code per level follows from.',
        ),
      );
      continue;
    }
    // Each level segment becomes its own specific assignment; the budget is shared by what each segment would cost (days × its tariff).
    const pricedSegments: PricedTariff[] = [];
    for (const segment of segments) {
      if (!profileKnowsCode(profile, categorie, segment.code)) {
        findings.push(extFinding('EXT206', `${path}/Product`, `Profiel ${profileLabel(profile)} kent code ${segment.code} niet in categorie ${categorie} (TR381).`, `Profile ${profileLabel(profile)} does not know code ${segment.code} in category ${categorie} (TR381).`));
        break;
      }
      const priced = findTariff(profile, { categorie, code: segment.code, eenheid, date: segment.start, path: `${path}/Product` });
      if (isFinding(priced)) {
        findings.push(priced);
        break;
      }
      pricedSegments.push(priced);
    }
    if (findings.length) continue;
    // Per-unit prices in sixtieths of a cent, so minutes at an hour tariff weigh exactly.
    const shares = splitLargestRemainder(
      remaining,
      segments.map((s, i) => daysIn(s.start, s.end) * Number((BigInt(pricedSegments[i]!.tariff.amount) * pricedSegments[i]!.numerator * 60n) / pricedSegments[i]!.denominator)),
    );
    const added: WMO301ToegewezenProduct[] = [];
    for (const [i, segment] of segments.entries()) {
      const priced = pricedSegments[i]!;
      tariffIds.push(priced.tariff.id);
      const share = shares[i]!;
      // Whole units only: ⌊share / price of one unit⌋, the rest is a remainder.
      const unitNumerator = BigInt(priced.tariff.amount) * priced.numerator;
      const volume = Number((BigInt(share) * priced.denominator) / unitNumerator);
      const amount = price(volume, priced);
      const remainder = share - amount.cents;
      const unit = eenheidShort(eenheid);
      if (remainder !== 0) losses.push({ code: 'REMAINDER', detail: `${volume} ${unit} × tariff ${priced.tariff.id} = ${amount.cents} of ${share} cents; ${remainder} cents cannot be expressed in whole units (${unit})`, delta: { cents: remainder } });
      if (volume > FIELD_LIMIT) {
        findings.push(overLimit(`${path}/Omvang/Volume`, { nl: 'Het volume', en: 'The volume' }, volume));
        break;
      }
      const number = next();
      if (isFinding(number)) return refuse('C3', [number]);
      added.push({
        toewijzingNummer: number,
        product: { categorie: categorie as NonNullable<WMO301ToegewezenProduct['product']>['categorie'], code: segment.code },
        toewijzingsdatum: stamp.dagtekening,
        toewijzingstijd: stamp.toewijzingstijd,
        ingangsdatum: segment.start,
        einddatum: segment.end,
        omvang: { volume, eenheid, frequentie: '6' },
      });
    }
    if (findings.length) continue;
    losses.push({ code: 'VOLUME_PROFILE_LOST', detail: `assignment ${p.toewijzingNummer}: a total within the period (Frequentie 6) allows front-loading; no per-week ceiling` });
    changes.set(p, { ended: endAssignment(p, dates, stamp), added });
  }
  if (findings.length) return refuse('C3', findings);
  const count = [...changes.values()].reduce((n, c) => n + c.added.length, 0);
  return finish('C3', message, options, changes, {
    losses,
    tariffIds,
    profile,
    requires: ['municipal-decision'],
    actions: [
      { message: 'WMO301', count: 1, note: `gemeente: one 301 that ends the budget assignment(s) and issues ${count} specific assignment(s), one per level segment, each with a new ToewijzingNummer` },
      { message: 'WMO307', count: changes.size, note: 'provider: stop of each budget assignment, RedenBeeindiging 36' },
      { message: 'WMO305', count, note: 'provider: start of each specific assignment' },
    ],
  });
}

// ---------------------------------------------------------------------------
// C4 outputgericht euro per period → inspanningsgericht hours per period

export function convertC4(message: WMO301, profile: Profile, options: C4Options = {}): ConversionResult<ConvertedMessages> {
  const prepared = prepare(message, options, (p) => p.product?.code !== undefined && p.omvang?.eenheid === '83', { nl: 'specifieke toewijzing in euro (Eenheid 83)', en: 'specific assignment in euro (Eenheid 83)' });
  if (Array.isArray(prepared)) return refuse('C4', prepared);
  const stamp = stampOf(message, options);
  const next = numberAllocator(message, options);
  const changes: Changes = new Map();
  const losses: Loss[] = [{ code: 'PAYMENT_SEMANTICS_CHANGE', detail: 'an output euro amount per period became effort in hours × tariff' }];
  const tariffIds: string[] = [];
  const findings: Finding[] = [];
  const warnings: Finding[] = [];
  for (const p of prepared.selected) {
    const path = productPath(message, p);
    const product = p.product!;
    const omvang = p.omvang!;
    const dates = switchDates(p, options.on);
    const priced = findTariff(profile, { categorie: product.categorie, code: product.code, eenheid: '04', date: dates.start, path: `${path}/Product` });
    if (isFinding(priced)) {
      findings.push(priced);
      continue;
    }
    tariffIds.push(priced.tariff.id);
    const unitNumerator = BigInt(priced.tariff.amount) * priced.numerator;
    const hours = Number((BigInt(omvang.volume) * priced.denominator) / unitNumerator);
    const amount = price(hours, priced);
    const remainder = omvang.volume - amount.cents;
    if (remainder !== 0) losses.push({ code: 'REMAINDER', detail: `assignment ${p.toewijzingNummer}: ${hours} h × ${priced.tariff.amount} = ${amount.cents} of ${omvang.volume} cents per period`, delta: { cents: remainder } });
    const output = Object.values(profile.variantPerProductGroup).some((g) => g.categorie === product.categorie && g.variant === 'outputgericht');
    if (output) {
      warnings.push(
        extFinding(
          'EXT212',
          path,
          `Categorie ${product.categorie} is in profiel ${profileLabel(profile)} outputgericht gecontracteerd; vraag geen verantwoording in uren bij een outputcontract (toelichting art. 3j Uitvoeringsregeling).`,
          `Category ${product.categorie} is contracted outputgericht in profile ${profileLabel(profile)}; do not demand accounting in hours on an output contract (note to art. 3j of the regulation).`,
          'warning',
        ),
      );
    }
    const number = next();
    if (isFinding(number)) return refuse('C4', [number]);
    changes.set(p, {
      ended: endAssignment(p, dates, stamp),
      added: [
        {
          toewijzingNummer: number,
          product: { ...product },
          toewijzingsdatum: stamp.dagtekening,
          toewijzingstijd: stamp.toewijzingstijd,
          ingangsdatum: dates.start,
          ...(p.einddatum !== undefined ? { einddatum: p.einddatum } : {}),
          omvang: { volume: hours, eenheid: '04', frequentie: omvang.frequentie },
        },
      ],
    });
  }
  if (findings.length) return refuse('C4', findings);
  return finish('C4', message, options, changes, { losses, tariffIds, profile, requires: ['contract-change'], actions: switchActions(changes.size, 'the assignment(s) in hours') }, warnings);
}

