/**
 * The conversion report of spec extensions.md §3.4: what a conversion between
 * funding forms loses, what it needs, and which standard messages follow.
 * A report is built only through `buildReport`, so `lossless` and the
 * requirements a loss implies can never disagree with the list of losses.
 */
import type { Finding } from '../../findings.js';

export type LossCode =
  /** Cent or unit rounding (the delta says how much). */
  | 'ROUNDING'
  /** Budget not expressible in whole units (cents left over). */
  | 'REMAINDER'
  /** A per-day frequency widened to per week. */
  | 'DAILY_CAP_LOST'
  /** A per-period distribution replaced by a total or a budget. */
  | 'VOLUME_PROFILE_LOST'
  /** Specific → aspecific. */
  | 'PRODUCT_CODE_DROPPED'
  /** → generic. */
  | 'CATEGORY_DROPPED'
  /** Who decides code and volume moves between gemeente and provider. */
  | 'DECISION_RIGHTS_SHIFT'
  /** Effort-based ⇄ output-based payment. */
  | 'PAYMENT_SEMANTICS_CHANGE'
  /** A client-level assignment replaced by a contract. */
  | 'CLIENT_ENTITLEMENT_LOST'
  /** TR321 / TR322 / TR369 no longer apply. */
  | 'LEGITIMACY_CHECKS_LOST'
  /** Goals, indicators and outcomes stay in the sidecar only. */
  | 'GOALS_NOT_PROJECTED'
  /** Four-weekly ⇄ monthly allocation by days. */
  | 'TEMPORAL_ALLOCATION'
  /** Lots merged into one budget. */
  | 'LOT_CEILINGS_LOST'
  /** A per-client value derived from an average. */
  | 'AVERAGING';

export const LOSS_CODES: readonly LossCode[] = [
  'ROUNDING',
  'REMAINDER',
  'DAILY_CAP_LOST',
  'VOLUME_PROFILE_LOST',
  'PRODUCT_CODE_DROPPED',
  'CATEGORY_DROPPED',
  'DECISION_RIGHTS_SHIFT',
  'PAYMENT_SEMANTICS_CHANGE',
  'CLIENT_ENTITLEMENT_LOST',
  'LEGITIMACY_CHECKS_LOST',
  'GOALS_NOT_PROJECTED',
  'TEMPORAL_ALLOCATION',
  'LOT_CEILINGS_LOST',
  'AVERAGING',
];

export type ConversionRule = 'C1' | 'C2' | 'C3' | 'C4' | 'C5' | 'C6' | 'C7' | 'C8' | 'C9' | 'C10';

/** Descriptive names beside C1–C10. */
export const CONVERSION_ALIASES = {
  'effort-to-output-euro': 'C1',
  'specific-to-budget': 'C2',
  'budget-to-specific': 'C3',
  'output-euro-to-effort': 'C4',
  'assignments-to-lumpsum': 'C5',
  'lumpsum-to-proposals': 'C6',
  'result-agreement-to-messages': 'C7',
  'four-weekly-monthly': 'C8',
  'lots-to-budget': 'C9',
  'lumpsum-to-client-cost': 'C10',
} as const satisfies Record<string, ConversionRule>;

export type ConversionAlias = keyof typeof CONVERSION_ALIASES;

export const CONVERSION_RULES: readonly ConversionRule[] = ['C1', 'C2', 'C3', 'C4', 'C5', 'C6', 'C7', 'C8', 'C9', 'C10'];

/** `C2` or `specific-to-budget` (any case) → `C2`; undefined for anything else. */
export function conversionRuleOf(name: string): ConversionRule | undefined {
  const upper = name.toUpperCase();
  if ((CONVERSION_RULES as readonly string[]).includes(upper)) return upper as ConversionRule;
  return (CONVERSION_ALIASES as Record<string, ConversionRule>)[name.toLowerCase()];
}

export interface LossDelta {
  readonly cents?: number;
  readonly units?: number;
  readonly days?: number;
}

export interface Loss {
  readonly code: LossCode;
  readonly detail: string;
  readonly delta?: LossDelta;
}

export type Requirement = 'municipal-decision' | 'contract-change' | 'client-notification';

export interface StandardAction {
  readonly message: 'WMO301' | 'WMO305' | 'WMO307' | 'WMO315' | 'WMO317' | 'WMO323';
  readonly count: number;
  readonly note: string;
}

export interface ConversionAssumptions {
  /** `id@version` of the profile used. */
  readonly profile: string;
  readonly tariffIds: readonly string[];
  readonly rounding: 'half-up';
  readonly weekRule?: 'IV077-calendar-weeks' | 'IV076-output-sundays';
  readonly calendar?: string;
  /** How new ToewijzingNummers were chosen (IV066). */
  readonly numbering?: string;
  /** The switch date: the new assignment starts that day. */
  readonly switchDate?: string;
}

/** The projection of an intensity history into aspecific Prestaties has no C-number: it is the lossless case of §3.4. */
export type ReportRule = ConversionRule | 'intensity-projection';

export interface ConversionReport {
  readonly rule: ReportRule;
  /** True exactly when `losses` is empty. */
  readonly lossless: boolean;
  readonly losses: readonly Loss[];
  readonly assumptions: ConversionAssumptions;
  readonly requires: readonly Requirement[];
  readonly standardActions: readonly StandardAction[];
}

const REQUIREMENT_ORDER: readonly Requirement[] = ['municipal-decision', 'contract-change', 'client-notification'];

/** The only way to make a report: `lossless` follows the losses, and a shift of decision rights or a lost entitlement always requires a contract change and telling the client (§3.4 c). */
export function buildReport(input: {
  readonly rule: ReportRule;
  readonly losses: readonly Loss[];
  readonly assumptions: ConversionAssumptions;
  readonly requires?: readonly Requirement[];
  readonly standardActions?: readonly StandardAction[];
}): ConversionReport {
  const requires = new Set<Requirement>(input.requires ?? []);
  if (input.losses.some((l) => l.code === 'DECISION_RIGHTS_SHIFT' || l.code === 'CLIENT_ENTITLEMENT_LOST')) {
    requires.add('contract-change');
    requires.add('client-notification');
  }
  return {
    rule: input.rule,
    lossless: input.losses.length === 0,
    losses: input.losses,
    assumptions: input.assumptions,
    requires: REQUIREMENT_ORDER.filter((r) => requires.has(r)),
    standardActions: input.standardActions ?? [],
  };
}

/** A conversion that succeeded: the output never travels without its report. */
export interface Converted<T> {
  readonly ok: true;
  readonly output: T;
  readonly report: ConversionReport;
  /** Warnings only (an output contract asked for effort accounting, say). */
  readonly findings: readonly Finding[];
}

/** A conversion that was refused: no output, the reasons as findings. */
export interface Refused {
  readonly ok: false;
  /** Absent when the rule itself was not known. */
  readonly rule?: ReportRule;
  readonly findings: readonly Finding[];
}

export type ConversionResult<T> = Converted<T> | Refused;
