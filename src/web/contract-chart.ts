/**
 * The contract view's chart as SVG text, from a computed contract status: the
 * top panel shows the reported value per period against the band (area) and
 * its reference (dashed), the bottom panel the budget in force (line), the
 * spending to date (bars) and each budget amendment (marker). Pure, so it is
 * tested without a browser; colours are presentation attributes, because the
 * page's Content-Security-Policy allows no inline styles.
 */
import { formatBp, formatCents, formatDelta, periodLabel, type BandStatus, type ContractStatus, type Language } from '../extensions/index.js';

export interface ChartOptions {
  /** Prefix for the ids of `<title>` and `<desc>`, unique on the page. */
  readonly idPrefix?: string;
  readonly language?: Language;
}

const WIDTH = 760;
const LEFT = 78;
const RIGHT = 16;
const PLOT = WIDTH - LEFT - RIGHT;
const TOP_PANEL = { top: 64, height: 170 };
const BOTTOM_PANEL = { top: 330, height: 150 };
const HEIGHT = 520;

const COLOUR = {
  band: '#cfe3f7',
  reference: '#0b5cad',
  ink: '#1b1f24',
  muted: '#57606a',
  grid: '#d0d7de',
  inside: '#1b1f24',
  above: '#a40e26',
  below: '#6f42c1',
  budget: '#116329',
  spent: '#afb8c1',
  amendment: '#e36209',
} as const;

const WORDS = {
  nl: {
    title: (id: string) => `Contract ${id}: gemelde aantallen tegen de bandbreedte, en het budget per periode`,
    clients: 'Cliënten', units: 'Eenheden', band: 'bandbreedte', reference: 'referentie', reported: 'gemeld',
    budget: 'budget', spent: 'besteed t/m periode', amendment: 'budgetwijziging', money: 'Budget en besteding',
    inside: 'binnen de band', above: 'boven de band', below: 'onder de band', proposed: 'voorstel', recorded: 'vastgelegd',
    periods: (n: number) => `${n} periodes`, reportedUpTo: (p: string) => `gemeld t/m ${p}`, noReports: 'nog geen rapportages',
    noBand: 'geen bandbreedte in het contract', ruleOf: (i: number, n: number) => `bandbreedte ${i} van ${n}`,
    crossing: (p: string, value: number, bp: string, where: string) => `${p}: ${value} (${bp}), ${where}`,
    budgetFromTo: (from: string, to: string) => `Budget ${from} bij de start, ${to} na de wijzigingen.`,
  },
  en: {
    title: (id: string) => `Contract ${id}: reported values against the band, and the budget per period`,
    clients: 'Clients', units: 'Units', band: 'band', reference: 'reference', reported: 'reported',
    budget: 'budget', spent: 'spent to date', amendment: 'budget amendment', money: 'Budget and spending',
    inside: 'inside the band', above: 'above the band', below: 'below the band', proposed: 'proposed', recorded: 'recorded',
    periods: (n: number) => `${n} periods`, reportedUpTo: (p: string) => `reported up to ${p}`, noReports: 'no reports yet',
    noBand: 'no band in the contract', ruleOf: (i: number, n: number) => `band ${i} of ${n}`,
    crossing: (p: string, value: number, bp: string, where: string) => `${p}: ${value} (${bp}), ${where}`,
    budgetFromTo: (from: string, to: string) => `Budget ${from} at the start, ${to} after the amendments.`,
  },
} as const;

function escape(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Attributes from an object; numbers rounded to 0.1 so the text stays short and stable. */
function attrs(values: Readonly<Record<string, string | number | undefined>>): string {
  return Object.entries(values)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${escape(typeof v === 'number' ? String(Math.round(v * 10) / 10) : v!)}"`)
    .join('');
}

function tag(name: string, values: Readonly<Record<string, string | number | undefined>>, content?: string): string {
  return content === undefined ? `<${name}${attrs(values)}/>` : `<${name}${attrs(values)}>${content}</${name}>`;
}

/** Round steps (1, 2, 2.5, 5 × 10^k) from at or below `min` to at or above `max`, about `count` of them. */
export function niceTicks(min: number, max: number, count = 4): number[] {
  if (!(max > min)) return [min, min + 1];
  const raw = (max - min) / count;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * power).find((s) => s >= raw * (1 - 1e-9))!;
  const first = Math.floor(min / step + 1e-9);
  const last = Math.ceil(max / step - 1e-9);
  const ticks: number[] = [];
  for (let i = first; i <= last; i++) ticks.push(Math.round(i * step * 1e6) / 1e6);
  return ticks;
}

/** The first applied band rule in every period, with the reported value where there is one. */
function bandPerPeriod(status: ContractStatus): ({ reference: number; lower: number; upper: number; band?: BandStatus } | undefined)[] {
  const first = status.periods.find((p) => p.inForce.length > 0)?.inForce[0]?.rule;
  if (first === undefined) return status.periods.map(() => undefined);
  return status.periods.map((period) => {
    const inForce = period.inForce.find((b) => b.rule === first);
    if (!inForce) return undefined;
    const band = period.bands.find((b) => b.rule === first);
    return { reference: inForce.reference, lower: inForce.lowerValue, upper: inForce.upperValue, ...(band ? { band } : {}) };
  });
}

export function contractChart(status: ContractStatus, options: ChartOptions = {}): string {
  const w = WORDS[options.language ?? 'nl'];
  const id = options.idPrefix ?? 'contract-chart';
  const count = Math.max(status.periods.length, 1);
  const slot = PLOT / count;
  const xOf = (index: number): number => LEFT + (index - 0.5) * slot;
  const parts: string[] = [];

  // ---- top panel: the band --------------------------------------------------
  const bands = bandPerPeriod(status);
  const shown = status.periods.find((p) => p.inForce.length > 0)?.inForce[0]?.rule;
  const rule = shown === undefined ? undefined : status.bands[shown];
  const values = bands.flatMap((b) => (b ? [b.lower, b.upper, ...(b.band ? [b.band.reported] : [])] : []));
  if (values.length === 0) values.push(0, 1);
  const low = Math.min(...values);
  const high = Math.max(...values);
  const pad = Math.max((high - low) * 0.12, 1);
  const yTicks = niceTicks(Math.max(0, low - pad), high + pad);
  const yMin = yTicks[0]!;
  const yMax = yTicks[yTicks.length - 1]!;
  const yTop = (v: number): number => TOP_PANEL.top + TOP_PANEL.height - ((v - yMin) / (yMax - yMin)) * TOP_PANEL.height;
  const metric = rule ? w[rule.metric] : w.clients;
  parts.push(tag('text', { x: LEFT, y: TOP_PANEL.top - 30, 'font-weight': 700, 'font-size': 15 }, escape(`${metric}${rule && status.bands.length > 1 ? ` (${w.ruleOf(shown! + 1, status.bands.length)})` : ''}${rule ? '' : ` — ${w.noBand}`}`)));
  parts.push(legend(TOP_PANEL.top - 12, [
    ['area', COLOUR.band, rule ? `${w.band} ${formatBp(rule.lower.bp, true)} … ${formatBp(rule.upper.bp, true)}` : w.band],
    ['dash', COLOUR.reference, w.reference],
    ['dot', COLOUR.inside, w.reported],
  ]));
  for (const t of yTicks) {
    parts.push(tag('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: yTop(t), y2: yTop(t), stroke: COLOUR.grid, 'stroke-width': 1 }));
    parts.push(tag('text', { x: LEFT - 8, y: yTop(t) + 4, 'text-anchor': 'end', fill: COLOUR.muted }, escape(String(t).replace('.', ','))));
  }
  // One outline for the whole band (steps along the upper bound, back along the lower), so no seams show between periods.
  if (bands.every((b) => b !== undefined) && bands.length > 0) {
    const upper = bands.map((b, i) => `${i === 0 ? 'M' : 'L'}${LEFT + i * slot},${yTop(b!.upper)}H${LEFT + (i + 1) * slot}`).join('');
    const lower = bands.map((b, i) => `L${LEFT + (i + 1) * slot},${yTop(b!.lower)}H${LEFT + i * slot}`).reverse().join('');
    parts.push(tag('path', { d: `${roundPath(upper)}${roundPath(lower)}Z`, fill: COLOUR.band, 'data-band': '' }));
  }
  const referencePath = bands.map((b, i) => (b ? `M${LEFT + i * slot},${yTop(b.reference)}H${LEFT + (i + 1) * slot}` : '')).join('');
  if (referencePath) parts.push(tag('path', { d: referencePath, fill: 'none', stroke: COLOUR.reference, 'stroke-width': 1.5, 'stroke-dasharray': '6 4' }));
  const reported = bands.map((b, i) => (b?.band ? { index: i + 1, band: b.band } : undefined)).filter((p) => p !== undefined);
  if (reported.length > 1) {
    parts.push(tag('polyline', { points: reported.map((p) => `${Math.round(xOf(p.index) * 10) / 10},${Math.round(yTop(p.band.reported) * 10) / 10}`).join(' '), fill: 'none', stroke: COLOUR.ink, 'stroke-width': 1.5 }));
  }
  for (const { index, band } of reported) {
    const label = w.crossing(periodLabel(index), band.reported, formatBp(band.deviationBp, true), w[band.position]);
    parts.push(tag('circle', { cx: xOf(index), cy: yTop(band.reported), r: band.position === 'inside' ? 4.5 : 6.5, fill: COLOUR[band.position], stroke: '#ffffff', 'stroke-width': 1.5, 'data-period': index, 'data-position': band.position }, `<title>${escape(label)}</title>`));
    if (band.position !== 'inside') {
      const above = band.position === 'above';
      parts.push(tag('text', { x: xOf(index), y: yTop(band.reported) + (above ? -12 : 22), 'text-anchor': 'middle', 'font-weight': 700, fill: COLOUR[band.position] }, escape(`${band.reported} (${formatBp(band.deviationBp, true)})`)));
    }
  }
  parts.push(axis(TOP_PANEL.top + TOP_PANEL.height, status, xOf));

  // ---- bottom panel: budget and spending -----------------------------------------
  const money = status.periods.flatMap((p) => [p.budget, p.budgetAfter, p.spendYtd ?? 0]);
  const moneyTicks = niceTicks(0, Math.max(...money, 1) * 1.05, 4);
  const moneyMax = moneyTicks[moneyTicks.length - 1]!;
  const yMoney = (cents: number): number => BOTTOM_PANEL.top + BOTTOM_PANEL.height - (cents / moneyMax) * BOTTOM_PANEL.height;
  parts.push(tag('text', { x: LEFT, y: BOTTOM_PANEL.top - 30, 'font-weight': 700, 'font-size': 15 }, escape(w.money)));
  parts.push(legend(BOTTOM_PANEL.top - 12, [
    ['line', COLOUR.budget, w.budget],
    ['area', COLOUR.spent, w.spent],
    ['dot', COLOUR.amendment, w.amendment],
  ]));
  for (const t of moneyTicks) {
    parts.push(tag('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: yMoney(t), y2: yMoney(t), stroke: COLOUR.grid, 'stroke-width': 1 }));
    parts.push(tag('text', { x: LEFT - 8, y: yMoney(t) + 4, 'text-anchor': 'end', fill: COLOUR.muted }, escape(formatCents(Math.round(t / 100) * 100).replace(/,00$/, ''))));
  }
  for (const period of status.periods) {
    if (period.spendYtd === undefined) continue;
    const x = xOf(period.index) - slot * 0.3;
    // Spending net of credits can be negative: the bar then stays at 0 (its title says the amount).
    const shown = Math.max(period.spendYtd, 0);
    parts.push(tag('rect', { x, y: yMoney(shown), width: slot * 0.6, height: BOTTOM_PANEL.top + BOTTOM_PANEL.height - yMoney(shown), fill: COLOUR.spent, 'data-spent-period': period.index }, `<title>${escape(`${periodLabel(period.index)}: ${w.spent} ${formatCents(period.spendYtd)}`)}</title>`));
  }
  // The budget in force per period, stepping where an amendment takes effect (at the end of the crossing's period).
  const budgetPath = status.periods
    .map((p, i) => `${i === 0 ? 'M' : 'L'}${LEFT + i * slot},${Math.round(yMoney(p.budget) * 10) / 10}H${LEFT + (i + 1) * slot}${p.budgetAfter !== p.budget ? `V${Math.round(yMoney(p.budgetAfter) * 10) / 10}` : ''}`)
    .join('');
  if (budgetPath) parts.push(tag('path', { d: budgetPath, fill: 'none', stroke: COLOUR.budget, 'stroke-width': 2.5, 'data-budget-line': '' }));
  for (const amendment of status.amendments) {
    const period = status.periods.find((p) => p.bands.some((b) => b.amendment?.id === amendment.id));
    if (!period) continue;
    const x = LEFT + period.index * slot;
    const text = `${formatDelta(amendment.delta)} → ${formatCents(amendment.newBudget)}`;
    const anchor = period.index > count / 2 ? 'end' : 'start';
    parts.push(
      tag('circle', { cx: x, cy: yMoney(amendment.newBudget), r: 6, fill: COLOUR.amendment, stroke: '#ffffff', 'stroke-width': 1.5, 'data-amendment': amendment.id }, `<title>${escape(`${amendment.id}: ${text} (${amendment.recorded ? w.recorded : w.proposed})`)}</title>`),
      tag('text', { x: x + (anchor === 'end' ? -10 : 10), y: yMoney(amendment.newBudget) - 10, 'text-anchor': anchor, 'font-weight': 700, fill: COLOUR.amendment }, escape(text)),
    );
  }
  parts.push(axis(BOTTOM_PANEL.top + BOTTOM_PANEL.height, status, xOf));

  const title = w.title(status.contractId);
  const description = describe(status, w);
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" role="img" aria-labelledby="${escape(id)}-title ${escape(id)}-desc" font-family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif" font-size="13" fill="${COLOUR.ink}">` +
    `<title id="${escape(id)}-title">${escape(title)}</title><desc id="${escape(id)}-desc">${escape(description)}</desc>` +
    parts.join('') +
    '</svg>'
  );
}

type Words = (typeof WORDS)[Language];

/** The chart in one paragraph, for screen readers (the table below the chart has every number). */
function describe(status: ContractStatus, w: Words): string {
  const reported = status.periods.filter((p) => p.reportIds.length > 0);
  const sentences = [`${w.periods(status.periods.length)}, ${reported.length > 0 ? w.reportedUpTo(periodLabel(reported[reported.length - 1]!.index)) : w.noReports}.`];
  for (const p of reported) {
    for (const band of p.bands) {
      if (band.position === 'inside') continue;
      const change = band.amendment ? `: ${w.amendment} ${formatDelta(band.amendment.delta)} → ${formatCents(band.amendment.newBudget)} (${band.amendment.recorded ? w.recorded : w.proposed})` : '';
      sentences.push(`${w.crossing(periodLabel(p.index), band.reported, formatBp(band.deviationBp, true), w[band.position])}${change}.`);
    }
  }
  sentences.push(w.budgetFromTo(formatCents(status.initialBudget), formatCents(status.finalBudget)));
  return sentences.join(' ');
}

/** Path numbers to one decimal. */
function roundPath(d: string): string {
  return d.replace(/\d+\.\d+/g, (n) => String(Math.round(Number(n) * 10) / 10));
}

function legend(y: number, items: readonly (readonly ['area' | 'dash' | 'dot' | 'line', string, string])[]): string {
  let x = LEFT;
  return items
    .map(([kind, colour, label]) => {
      const mark =
        kind === 'area'
          ? tag('rect', { x, y: y - 9, width: 14, height: 10, fill: colour })
          : kind === 'dot'
            ? tag('circle', { cx: x + 7, cy: y - 4, r: 4.5, fill: colour })
            : tag('line', { x1: x, x2: x + 14, y1: y - 4, y2: y - 4, stroke: colour, 'stroke-width': 2, ...(kind === 'dash' ? { 'stroke-dasharray': '4 3' } : {}) });
      const text = tag('text', { x: x + 19, y, fill: COLOUR.muted }, escape(label));
      // About 7.5 units per character at font size 13.
      x += 19 + label.length * 7.5 + 20;
      return mark + text;
    })
    .join('');
}

function axis(y: number, status: ContractStatus, xOf: (index: number) => number): string {
  return (
    tag('line', { x1: LEFT, x2: WIDTH - RIGHT, y1: y, y2: y, stroke: COLOUR.muted, 'stroke-width': 1 }) +
    status.periods.map((p) => tag('text', { x: xOf(p.index), y: y + 16, 'text-anchor': 'middle', fill: COLOUR.muted, 'font-size': 11 }, periodLabel(p.index))).join('')
  );
}
