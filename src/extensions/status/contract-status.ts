/**
 * Contract status (spec extensions.md E1, E1c, E3, E5): a lump-sum contract and
 * its providers' reports, period by period — the reported value against each
 * band rule, the budget in force, budget used against time elapsed, and the
 * budget amendment a band crossing triggers.
 *
 * Pure and isomorphic; the band and utilisation arithmetic is `evaluateBand`
 * and `budgetUtilisation`, so the bounds and roundings are the contract
 * arithmetic's, not a second copy. Reports that do not belong to the contract
 * or its calendar are findings (rule ids EXT1xx) and are left out; nothing throws.
 */
import type { Finding, LocalizedText } from '../../findings.js';
import { budgetUtilisation, evaluateBand, reportingPeriod } from '../arithmetic/index.js';
import { maskBsns } from '../documents/index.js';
import type { BandRule, BudgetAmendment, Cents, IsoDate, LumpsumContract, Period, ProviderReport, ReportingCalendar } from '../model.js';

interface ReportingPeriod {
  readonly index: number;
  readonly range: Period;
}

/**
 * The contract's reporting periods: from the calendar's anchor (period 1) up to
 * the last one that starts inside the contract period. Goeree 2016 (four weeks
 * from 2016-01-04): 13 periods, P13 = 2016-12-05 … 2017-01-01. At most 1 000.
 */
export function contractPeriods(contract: Pick<LumpsumContract, 'payment' | 'period'>): ReportingPeriod[] {
  const periods: ReportingPeriod[] = [];
  for (let index = 1; index <= 1000; index++) {
    const period = reportingPeriod(contract.payment.calendar, index);
    if (period.range.start > contract.period.end) break;
    periods.push(period);
  }
  return periods;
}

/** The findings of a contract status (control level 3: across documents); docs/extensions.md lists the same table. */
export const STATUS_RULES: readonly { readonly id: string; readonly description: LocalizedText }[] = [
  { id: 'EXT100', description: { nl: 'Elk document is van de soort die zijn plaats vraagt: eerst het LumpsumContract, dan ProviderReports.', en: 'Every document is of the kind its place asks for: the LumpsumContract first, then ProviderReports.' } },
  { id: 'EXT101', description: { nl: 'Een rapportage hoort bij het contract (contractId).', en: 'A report belongs to the contract (contractId).' } },
  { id: 'EXT102', description: { nl: 'De rapporteur is een partij van het contract.', en: 'The reporter is a party to the contract.' } },
  { id: 'EXT103', description: { nl: 'Een rapportage gebruikt de rapportagekalender van het contract.', en: "A report uses the contract's reporting calendar." } },
  { id: 'EXT104', description: { nl: 'De periode van een rapportage is een periode van het contract.', en: "A report's period is one of the contract's periods." } },
  { id: 'EXT105', description: { nl: 'Van … t/m van een rapportage is die van haar periode in de kalender.', en: "A report's range is its period's range in the calendar." } },
  { id: 'EXT106', description: { nl: 'Het aantal cliënten is een geheel getal van 0 of meer, spendYtd hele centen, eenheden hooguit drie decimalen.', en: 'The client count is a whole number of 0 or more, spendYtd whole cents, units at most three decimals.' } },
  { id: 'EXT107', description: { nl: 'Eén rapportage per rapporteur per periode (de eerste telt).', en: 'One report per reporter per period (the first counts).' } },
  { id: 'EXT108', description: { nl: 'Een bandbreedte is toepasbaar (referentie 1 of meer, ondergrens niet positief); anders wordt ze overgeslagen.', en: 'A band can be applied (reference of 1 or more, lower bound not positive); otherwise it is skipped.' } },
  { id: 'EXT109', description: { nl: 'Een budgetwijziging blijft binnen exact rekenbare bedragen; anders wordt er geen voorgesteld.', en: 'A budget amendment stays within exactly computable amounts; otherwise none is proposed.' } },
  { id: 'EXT110', description: { nl: 'De rapportagekalender van het contract is bruikbaar (4 weken vanaf een maandag, maanden vanaf de 1e).', en: "The contract's reporting calendar can be used (4 weeks from a Monday, months from the 1st)." } },
  { id: 'EXT111', description: { nl: 'Het contract heeft wat de status nodig heeft (valideer het eerst).', en: 'The contract holds what the status needs (validate it first).' } },
  { id: 'EXT112', description: { nl: 'Een bandbreedte op eenheden telt alleen een geheel aantal van 0 of meer; anders slaat ze de periode over.', en: 'A band on units counts only a whole number of 0 or more; otherwise it skips the period.' } },
];

export interface ContractStatusOptions {
  /** Flag a period when budget used runs this many bp ahead of time elapsed (a profile's `utilisationThresholdBp`; E5: 1000). */
  readonly thresholdBp?: number;
}

export type BandPosition = 'inside' | 'above' | 'below';

/** A band crossing's budget amendment: recorded in the contract already, or proposed by this status. */
export interface AmendmentProposal extends BudgetAmendment {
  readonly cause: 'band';
  /** The contract's `amendments` already hold it (same evidence); otherwise it is a proposal. */
  readonly recorded: boolean;
}

/** A band rule as it stands in one period: its reference (which moves after a crossing when the rule rebases) and its bounds. */
export interface BandInForce {
  /** Index in `contract.bands`. */
  readonly rule: number;
  readonly reference: number;
  /** The band in the metric's own terms: reference × (1 + bound), for charts and tables. */
  readonly lowerValue: number;
  readonly upperValue: number;
}

export interface BandStatus extends BandInForce {
  readonly metric: BandRule['metric'];
  readonly reported: number;
  readonly deviationBp: number;
  readonly position: BandPosition;
  /** Set when the crossing changes the budget (a crossing with a zero change proposes nothing). */
  readonly amendment?: AmendmentProposal;
}

export interface Utilisation {
  readonly spentBp: number;
  readonly elapsedBp: number;
  readonly aheadBp: number;
  readonly aheadOfPlan: boolean;
}

export interface PeriodStatus {
  readonly index: number;
  readonly range: Period;
  /** Ids of the reports counted for this period (several reporters add up); empty when none came in. */
  readonly reportIds: readonly string[];
  /** Summed over the period's reports; absent without reports. */
  readonly clients?: number;
  readonly units?: number;
  readonly spendYtd?: Cents;
  /** The budget in force when the period was reported, before its own crossing. */
  readonly budget: Cents;
  /** Budget used (spendYtd) against the contract year elapsed at the period's end. */
  readonly utilisation?: Utilisation;
  /** Every applied band rule as it stands in this period, reported or not. */
  readonly inForce: readonly BandInForce[];
  /** One per applied band rule, when the period was reported. */
  readonly bands: readonly BandStatus[];
  /** The budget after this period's crossings. */
  readonly budgetAfter: Cents;
}

export interface ContractStatus {
  readonly contractId: string;
  readonly period: Period;
  readonly calendar: ReportingCalendar;
  /** Before any amendment: the contract's budget less its recorded amendments. */
  readonly initialBudget: Cents;
  /** The utilisation threshold the status was computed with, if any. */
  readonly thresholdBp?: number;
  /** After every recorded and proposed amendment. */
  readonly finalBudget: Cents;
  readonly bands: readonly BandRule[];
  readonly periods: readonly PeriodStatus[];
  /** Every amendment the crossings trigger, in period order (recorded ones flagged). */
  readonly amendments: readonly AmendmentProposal[];
  /** Problems with the inputs; paths point into `{ contract, reports }` (`/reports/2/contractId`). */
  readonly findings: readonly Finding[];
}

/** A status finding; values quoted from the documents are shown with any BSN-like number masked. */
function finding(rule: string, path: string, nl: string, en: string): Finding {
  return { rule, level: 3, retourcode: null, path, message: { nl: maskBsns(nl), en: maskBsns(en) } };
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function bandInForce(rule: BandRule, index: number, reference: number): BandInForce {
  return { rule: index, reference, lowerValue: (reference * (10_000 + rule.lower.bp)) / 10_000, upperValue: (reference * (10_000 + rule.upper.bp)) / 10_000 };
}

function isWholeNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0;
}

/** The metric a band rule reads from a set of reports: active clients, or units over all product groups. */
function metricOf(rule: BandRule, period: { clients: number; milliUnits: number }): number {
  return rule.metric === 'clients' ? period.clients : period.milliUnits / 1000;
}

interface Counted {
  readonly first: ProviderReport;
  readonly reportIds: string[];
  clients: number;
  milliUnits: number;
  spendYtd: number;
}

/** Checks one report against the contract; gives the findings that leave it out, or none. */
function checkReport(contract: LumpsumContract, report: ProviderReport, at: string, periods: readonly ReportingPeriod[]): Finding[] {
  const calendar = contract.payment.calendar;
  if (report === null || typeof report !== 'object' || report.kind !== 'ProviderReport') {
    return [finding('EXT100', `${at}/kind`, 'Dit document is geen ProviderReport.', 'This document is not a ProviderReport.')];
  }
  if (report.contractId !== contract.id) {
    return [finding('EXT101', `${at}/contractId`, `De rapportage hoort bij contract ${String(report.contractId)}, niet bij ${contract.id}.`, `The report belongs to contract ${String(report.contractId)}, not to ${contract.id}.`)];
  }
  if (!contract.parties.some((party) => party.id === report.reporter)) {
    return [finding('EXT102', `${at}/reporter`, `Rapporteur ${String(report.reporter)} is geen partij van contract ${contract.id}.`, `Reporter ${String(report.reporter)} is not a party to contract ${contract.id}.`)];
  }
  const reportCalendar = report.period?.calendar;
  if (reportCalendar?.kind !== calendar.kind || reportCalendar.anchor !== calendar.anchor) {
    return [finding('EXT103', `${at}/period/calendar`, `De rapportagekalender wijkt af van die van het contract (${calendar.kind} vanaf ${calendar.anchor}).`, `The reporting calendar differs from the contract's (${calendar.kind} from ${calendar.anchor}).`)];
  }
  const expected = periods.find((p) => p.index === report.period.index);
  if (!expected) {
    return [finding('EXT104', `${at}/period/index`, `Periode ${String(report.period.index)} valt buiten het contract (periodes 1 t/m ${periods.length}).`, `Period ${String(report.period.index)} lies outside the contract (periods 1 to ${periods.length}).`)];
  }
  if (report.period.range?.start !== expected.range.start || report.period.range.end !== expected.range.end) {
    return [finding('EXT105', `${at}/period/range`, `Periode ${expected.index} loopt van ${expected.range.start} t/m ${expected.range.end}, niet zoals de rapportage zegt.`, `Period ${expected.index} runs from ${expected.range.start} to ${expected.range.end}, not as the report says.`)];
  }
  // Units and spend are net of credits (they may be negative); units have at most three decimals.
  const unusable = [
    ['/clients/active', isWholeNumber(report.clients?.active)],
    ['/spendYtd', Number.isSafeInteger(report.spendYtd)],
    ...(Array.isArray(report.units) ? report.units.map((u, i) => [`/units/${i}/units`, isThousandths(u?.units)] as const) : [['/units', false] as const]),
  ].filter(([, usable]) => !usable);
  return unusable.map(([path]) => finding('EXT106', `${at}${path}`, 'Hier hoort een getal zoals het schema het vraagt.', 'A number as the schema asks for belongs here.'));
}

function isThousandths(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(Math.round(value * 1000)) && Math.abs(value * 1000 - Math.round(value * 1000)) < 1e-6;
}

/**
 * The status of a contract over its reporting periods. Several reporters'
 * reports for one period add up; a second report of one reporter for one
 * period is a finding (the first counts). Periods are walked in order: recorded
 * amendments apply from their date, band crossings chain their budget into the
 * next period, and a rebasing rule takes the reported value as its new reference.
 */
export function contractStatus(contract: LumpsumContract, reports: readonly ProviderReport[], options: ContractStatusOptions = {}): ContractStatus {
  try {
    return walk(contract, reports, options);
  } catch (error) {
    // A contract missing the fields the walk needs (not validated first): one finding, not a crash.
    const id = typeof contract?.id === 'string' ? contract.id : '';
    const budget = Number.isSafeInteger(contract?.budget) ? contract.budget : 0;
    return {
      contractId: id,
      period: contract?.period ?? { start: '', end: '' },
      calendar: contract?.payment?.calendar ?? { kind: '4-weeks', anchor: '' },
      initialBudget: budget,
      finalBudget: budget,
      bands: [],
      periods: [],
      amendments: [],
      findings: [finding('EXT111', '/contract', `Dit contract is onvolledig of onleesbaar (${describe(error)}); valideer het eerst.`, `This contract is incomplete or unreadable (${describe(error)}); validate it first.`)],
    };
  }
}

function walk(contract: LumpsumContract, reports: readonly ProviderReport[], options: ContractStatusOptions): ContractStatus {
  const calendar = contract.payment.calendar;
  const findings: Finding[] = [];
  let periods: ReportingPeriod[];
  try {
    periods = contractPeriods(contract);
  } catch (error) {
    // A calendar the arithmetic refuses (a 4-week anchor that is no Monday, say): no periods to walk.
    findings.push(finding('EXT110', '/contract/payment/calendar', `De rapportagekalender is onbruikbaar: ${describe(error)}.`, `The reporting calendar cannot be used: ${describe(error)}.`));
    periods = [];
  }

  const counted = new Map<number, Counted>();
  const seen = new Map<string, number>();
  reports.forEach((report, i) => {
    const at = `/reports/${i}`;
    const problems = checkReport(contract, report, at, periods);
    if (problems.length > 0) return void findings.push(...problems);
    const key = `${report.period.index}\u0000${report.reporter}`;
    const first = seen.get(key);
    if (first !== undefined) {
      findings.push(finding('EXT107', `${at}/period/index`, `${report.reporter} rapporteerde periode ${report.period.index} al (rapportage ${first + 1}); alleen die telt.`, `${report.reporter} already reported period ${report.period.index} (report ${first + 1}); only that one counts.`));
      return;
    }
    seen.set(key, i);
    const sum = counted.get(report.period.index) ?? { first: report, reportIds: [], clients: 0, milliUnits: 0, spendYtd: 0 };
    sum.reportIds.push(report.id);
    sum.clients += report.clients.active;
    // Summed in thousandths, so three-decimal units add up exactly.
    sum.milliUnits += report.units.reduce((total, u) => total + Math.round(u.units * 1000), 0);
    sum.spendYtd += report.spendYtd;
    counted.set(report.period.index, sum);
  });

  // A rule the arithmetic refuses (reference below 1, a positive lower bound, …) is reported and left out.
  const usable = contract.bands.filter((rule, i) => {
    try {
      evaluateBand(rule, { reported: 0, budget: 0, period: { index: 1, count: 1 } });
      return true;
    } catch (error) {
      findings.push(finding('EXT108', `/contract/bands/${i}`, `Deze bandbreedte wordt niet toegepast: ${describe(error)}.`, `This band is not applied: ${describe(error)}.`));
      return false;
    }
  });
  const ruleIndex = new Map(usable.map((rule) => [rule, contract.bands.indexOf(rule)]));

  // Recorded amendments apply in date order; the contract's budget is the one after all of them.
  const recorded = [...contract.amendments].sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  const initialBudget = contract.amendments.length > 0 ? contract.amendments[0]!.newBudget - contract.amendments[0]!.delta : contract.budget;
  const applied = new Set<BudgetAmendment>();
  const references = usable.map((rule) => rule.reference);
  const amendments: AmendmentProposal[] = [];
  let budget = initialBudget;

  const result: PeriodStatus[] = periods.map(({ index, range }) => {
    // In force from its date: a period starting on or after it has the new budget (a band amendment is dated its period's last day).
    for (const amendment of recorded) {
      if (!applied.has(amendment) && amendment.at <= range.start) {
        applied.add(amendment);
        budget = amendment.newBudget;
      }
    }
    const sum = counted.get(index);
    const inForce = usable.map((rule, r) => bandInForce(rule, ruleIndex.get(rule)!, references[r]!));
    if (!sum) return { index, range, reportIds: [], budget, inForce, bands: [], budgetAfter: budget };
    const budgetBefore = budget;
    const evidence = sum.reportIds.join(',');
    const at = `/reports/${reports.indexOf(sum.first)}`;
    const bands = usable.flatMap((rule, r): BandStatus[] => {
      const reference = references[r]!;
      const reported = metricOf(rule, sum);
      if (!isWholeNumber(reported)) {
        // Net units can be negative or fractional; a band counts whole units of 0 or more.
        findings.push(finding('EXT112', `${at}/units`, `De eenheden van periode ${index} (${reported}) zijn geen geheel aantal van 0 of meer; de bandbreedte slaat deze periode over.`, `The units of period ${index} (${reported}) are not a whole number of 0 or more; the band skips this period.`));
        return [];
      }
      const periodOf = { index, count: periods.length };
      let outcome: ReturnType<typeof evaluateBand>;
      try {
        outcome = evaluateBand({ ...rule, reference }, { reported, budget, period: periodOf });
      } catch (error) {
        // Only the amount can fail here (rule and value were checked above): keep the position, propose nothing.
        findings.push(finding('EXT109', at, `Geen budgetwijziging voor periode ${index}: ${describe(error)}.`, `No budget amendment for period ${index}: ${describe(error)}.`));
        outcome = { ...evaluateBand({ ...rule, reference }, { reported, budget: 0, period: periodOf }), delta: 0, newBudget: budget };
      }
      const position: BandPosition = outcome.action === 'raise' ? 'above' : outcome.action === 'lower' ? 'below' : 'inside';
      const band = { ...inForce[r]!, metric: rule.metric, reported, deviationBp: outcome.deviationBp, position };
      if (outcome.action === 'none') return [band];
      // A rebase onto 0 would leave no reference to measure against: the old one stays.
      if (rule.rebase && reported > 0) references[r] = reported;
      const match = recorded.find((a) => a.cause === 'band' && a.evidence === evidence);
      if (match) {
        applied.add(match);
        budget = match.newBudget;
        const amendment: AmendmentProposal = { ...match, cause: 'band', recorded: true };
        amendments.push(amendment);
        return [{ ...band, amendment }];
      }
      if (outcome.delta === 0) return [band];
      const suffix = usable.length > 1 ? `band${ruleIndex.get(rule)! + 1}` : 'band';
      const amendment: AmendmentProposal = {
        id: `${contract.id}-${suffix}-P${String(index).padStart(2, '0')}`,
        at: range.end,
        cause: 'band',
        delta: outcome.delta,
        newBudget: outcome.newBudget,
        evidence,
        recorded: false,
      };
      budget = outcome.newBudget;
      amendments.push(amendment);
      return [{ ...band, amendment }];
    });
    const asOf: IsoDate = range.end < contract.period.end ? range.end : contract.period.end;
    // Without a budget (0) there is nothing to use up: no utilisation.
    const utilisation =
      budgetBefore >= 1
        ? budgetUtilisation({ budget: budgetBefore, spent: sum.spendYtd, period: contract.period, asOf, ...(options.thresholdBp !== undefined ? { thresholdBp: options.thresholdBp } : {}) })
        : undefined;
    return { index, range, reportIds: sum.reportIds, clients: sum.clients, units: sum.milliUnits / 1000, spendYtd: sum.spendYtd, budget: budgetBefore, ...(utilisation ? { utilisation } : {}), inForce, bands, budgetAfter: budget };
  });

  return {
    contractId: contract.id,
    period: contract.period,
    calendar,
    initialBudget,
    ...(options.thresholdBp !== undefined ? { thresholdBp: options.thresholdBp } : {}),
    finalBudget: budget,
    bands: contract.bands,
    periods: result,
    amendments,
    findings,
  };
}

/** The input a status finding is about — the contract, or the report at that index — and the path inside that document. */
export function findingDocument(finding: Finding): { readonly document: 'contract' | number; readonly path: string } {
  const report = /^\/reports\/(\d+)(.*)$/.exec(finding.path);
  if (report) return { document: Number(report[1]), path: report[2]! };
  return { document: 'contract', path: finding.path.replace(/^\/contract(?=\/|$)/, '') };
}
