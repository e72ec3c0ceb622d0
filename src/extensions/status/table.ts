/**
 * A contract status as a table of text, in Dutch or English: one source for
 * the command line's table and the web page's. Amounts in euro with Dutch
 * grouping (`€ 51.384,62`), basis points as percentages (`+6,00 %`).
 */
import type { BandRule } from '../model.js';
import type { BandStatus, ContractStatus, PeriodStatus } from './contract-status.js';

export type Language = 'nl' | 'en';

export interface StatusColumn {
  readonly key: 'period' | 'range' | 'reported' | 'deviation' | 'position' | 'budget' | 'spentYtd' | 'used' | 'elapsed' | 'amendment';
  readonly heading: string;
  readonly align: 'left' | 'right';
}

export interface StatusTable {
  readonly columns: readonly StatusColumn[];
  /** One row per period and band rule (one per period without rules); cells in column order, `-` where nothing is known. */
  readonly rows: readonly { readonly period: number; readonly position?: BandStatus['position']; readonly cells: readonly string[] }[];
}

const MINUS = '−';

/** `5138462` → `€ 51.384,62`; exact on integers, no floating point. */
export function formatCents(cents: number): string {
  const abs = Math.abs(cents);
  const whole = String(Math.trunc(abs / 100)).replace(/\B(?=(\d{3})+(?!\d))/g, '.');
  return `${cents < 0 ? MINUS : ''}€ ${whole},${String(abs % 100).padStart(2, '0')}`;
}

/** A change of budget, always with its sign: `+€ 1.384,62`. */
export function formatDelta(cents: number): string {
  return `${cents < 0 ? MINUS : '+'}${formatCents(Math.abs(cents))}`;
}

/** `600` → `6,00 %`; with `signed`, `+6,00 %` / `−2,00 %`. */
export function formatBp(bp: number, signed = false): string {
  const abs = Math.abs(bp);
  const sign = bp < 0 ? MINUS : signed && bp > 0 ? '+' : '';
  return `${sign}${Math.trunc(abs / 100)},${String(abs % 100).padStart(2, '0')} %`;
}

const WORDS = {
  nl: {
    period: 'Periode', range: 'Van … t/m', clients: 'Cliënten', units: 'Eenheden', reported: 'Gemeld', deviation: 'Afwijking', position: 'Band',
    budget: 'Budget', spentYtd: 'Besteed t/m', used: 'Besteed', elapsed: 'Verstreken', amendment: 'Budgetwijziging',
    inside: 'binnen', above: 'boven', below: 'onder', recorded: 'vastgelegd', proposed: 'voorstel',
    raise: 'ophogen', lower: 'verlagen', inclusive: 'grens telt mee', exclusive: 'grens telt niet mee',
    proportional: 'naar rato', 'excess-over-band': 'alleen het deel buiten de band', 'whole-period': 'hele contractperiode', 'remaining-periods': 'resterende periodes', rebase: 'daarna nieuwe referentie',
    reference: 'referentie', ahead: 'voor op schema',
  },
  en: {
    period: 'Period', range: 'Range', clients: 'Clients', units: 'Units', reported: 'Reported', deviation: 'Deviation', position: 'Band',
    budget: 'Budget', spentYtd: 'Spent YTD', used: 'Used', elapsed: 'Elapsed', amendment: 'Amendment',
    inside: 'inside', above: 'above', below: 'below', recorded: 'recorded', proposed: 'proposed',
    raise: 'raise', lower: 'lower', inclusive: 'bound included', exclusive: 'bound excluded',
    proportional: 'proportional', 'excess-over-band': 'excess over the band only', 'whole-period': 'whole contract period', 'remaining-periods': 'remaining periods', rebase: 'then rebased',
    reference: 'reference', ahead: 'ahead of plan',
  },
} as const;

export function periodLabel(index: number): string {
  return `P${String(index).padStart(2, '0')}`;
}

/** One band rule in words: `clients, reference 100: raise above +5,00 % (bound excluded), lower from −10,00 % (bound included), proportional, remaining periods`. */
export function describeBand(rule: BandRule, language: Language): string {
  const w = WORDS[language];
  const bound = (b: BandRule['upper']): string => `${formatBp(b.bp, true)} (${b.inclusive ? w.inclusive : w.exclusive})`;
  return [
    `${w[rule.metric].toLowerCase()}, ${w.reference} ${rule.reference}: ${w.raise} ${language === 'nl' ? 'boven' : 'above'} ${bound(rule.upper)}, ${w.lower} ${language === 'nl' ? 'onder' : 'below'} ${bound(rule.lower)}`,
    w[rule.adjustment],
    w[rule.effect],
    ...(rule.rebase ? [w.rebase] : []),
  ].join(', ');
}

function amendmentText(band: BandStatus, language: Language): string {
  const amendment = band.amendment;
  if (!amendment) return '-';
  const w = WORDS[language];
  return `${formatDelta(amendment.delta)} → ${formatCents(amendment.newBudget)} (${amendment.recorded ? w.recorded : w.proposed})`;
}

export function statusTable(status: ContractStatus, language: Language): StatusTable {
  const w = WORDS[language];
  const metrics = new Set(status.bands.map((b) => b.metric));
  const reportedHeading = metrics.size === 1 ? w[[...metrics][0]!] : w.reported;
  const columns: StatusColumn[] = [
    { key: 'period', heading: w.period, align: 'left' },
    { key: 'range', heading: w.range, align: 'left' },
    { key: 'reported', heading: reportedHeading, align: 'right' },
    { key: 'deviation', heading: w.deviation, align: 'right' },
    { key: 'position', heading: w.position, align: 'left' },
    { key: 'budget', heading: w.budget, align: 'right' },
    { key: 'spentYtd', heading: w.spentYtd, align: 'right' },
    { key: 'used', heading: w.used, align: 'right' },
    { key: 'elapsed', heading: w.elapsed, align: 'right' },
    { key: 'amendment', heading: w.amendment, align: 'left' },
  ];
  const rows = status.periods.flatMap((period: PeriodStatus) => {
    const common = [
      period.budget === undefined ? '-' : formatCents(period.budget),
      period.spendYtd === undefined ? '-' : formatCents(period.spendYtd),
      period.utilisation ? formatBp(period.utilisation.spentBp) + (status.thresholdBp !== undefined && period.utilisation.aheadOfPlan ? ` (${w.ahead})` : '') : '-',
      period.utilisation ? formatBp(period.utilisation.elapsedBp) : '-',
    ];
    const head = [periodLabel(period.index), `${period.range.start} … ${period.range.end}`];
    if (period.bands.length === 0) {
      const reported = period.reportIds.length === 0 ? '-' : String(metrics.has('units') && !metrics.has('clients') ? period.units : period.clients).replace('.', ',');
      return [{ period: period.index, cells: [...head, reported, '-', '-', ...common, '-'] }];
    }
    return period.bands.map((band, i) => ({
      period: period.index,
      position: band.position,
      cells: [
        ...(i === 0 ? head : ['', '']),
        String(band.reported),
        formatBp(band.deviationBp, true),
        w[band.position],
        ...(i === 0 ? common : ['', '', '', '']),
        amendmentText(band, language),
      ],
    }));
  });
  return { columns, rows };
}

/** The table as aligned plain text, for a terminal. */
export function formatStatusTable(table: StatusTable): string {
  const widths = table.columns.map((column, c) => Math.max(column.heading.length, ...table.rows.map((row) => row.cells[c]!.length)));
  const line = (cells: readonly string[]): string =>
    cells
      .map((cell, c) => (table.columns[c]!.align === 'right' ? cell.padStart(widths[c]!) : cell.padEnd(widths[c]!)))
      .join('  ')
      .trimEnd();
  return [line(table.columns.map((c) => c.heading)), ...table.rows.map((row) => line(row.cells))].join('\n');
}

const CALENDAR_WORDS: Readonly<Record<Language, Readonly<Record<ContractStatus['calendar']['kind'], string>>>> = {
  nl: { '4-weeks': 'periodes van 4 weken', maand: 'maanden', kwartaal: 'kwartalen', jaar: 'jaren' },
  en: { '4-weeks': 'periods of 4 weeks', maand: 'months', kwartaal: 'quarters', jaar: 'years' },
};

/** The whole status as text: contract, budget, band rules, the table, and the amendments. */
export function formatContractStatus(status: ContractStatus, language: Language): string {
  const nl = language === 'nl';
  const { calendar } = status;
  const lines = [
    `${status.contractId}: ${status.period.start} … ${status.period.end}, ${status.periods.length} ${CALENDAR_WORDS[language][calendar.kind]} ${nl ? 'vanaf' : 'from'} ${calendar.anchor}`,
    nl
      ? `Budget: ${formatCents(status.initialBudget)} bij de start, ${formatCents(status.finalBudget)} na de wijzigingen`
      : `Budget: ${formatCents(status.initialBudget)} at the start, ${formatCents(status.finalBudget)} after the amendments`,
    ...status.bands.map((rule, i) => `${nl ? 'Bandbreedte' : 'Band'} ${i + 1}: ${describeBand(rule, language)}`),
    '',
    formatStatusTable(statusTable(status, language)),
  ];
  if (status.amendments.length > 0) {
    lines.push('', nl ? 'Budgetwijzigingen door de bandbreedte:' : 'Budget amendments from the band:');
    for (const a of status.amendments) {
      const state = a.recorded ? (nl ? 'vastgelegd' : 'recorded') : nl ? 'voorstel' : 'proposed';
      lines.push(`  ${a.id}  ${a.at}  ${formatDelta(a.delta)} → ${formatCents(a.newBudget)}  ${state}, ${nl ? 'bewijs' : 'evidence'} ${a.evidence}`);
    }
  }
  return lines.join('\n');
}
