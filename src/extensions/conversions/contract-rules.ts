/**
 * C5, C6, C9, C10 of spec §3.4: between client-level assignments and
 * contract-level budgets. None of these writes a 323: contract money has no
 * client and no assignment (TR338, OP276).
 */
import type { Finding } from '../../findings.js';
import type { WMO301, WMO301ToegewezenProduct } from '../../standard/generated/types.js';
import type { Level, LumpsumContract, Profile, ProviderDeterminedIntensity } from '../model.js';
import { maximumVolume, roundHalfAwayFromZero } from './arith.js';
import { assemble301, checkInput301, checkSwitchOptions, endAssignment, isRemoved, productPath, stampOf, switchDates, type SwitchOptions } from './assignment.js';
import { compareDates } from './calendar.js';
import { extFinding } from './findings.js';
import { checkWritten } from './messages.js';
import { levelSegments } from './product-rules.js';
import { buildReport, type ConversionResult, type Loss } from './report.js';
import { findTariff, isFinding, price } from './tariffs.js';

// ---------------------------------------------------------------------------
// C5 client-level assignments → taakgericht LumpsumContract

export interface C5Options extends Omit<SwitchOptions, 'toewijzingNummer' | 'firstToewijzingNummer'> {
  /** Id of the new contract; default `lumpsum-<gemeente>-<agb>-<switch date>`. */
  readonly contractId?: string;
}

export interface LumpsumConversion {
  /** Each input 301 with every running assignment ended (RedenWijziging 10). */
  readonly messages: readonly WMO301[];
  /** One contract per provider: baseline budget = Σ C2 budgets, clients = distinct BSNs. */
  readonly contracts: readonly LumpsumContract[];
}

/** What one running assignment is worth from the switch date: its C2 budget, or its own Budget. */
function valueOf(p: WMO301ToegewezenProduct, profile: Profile, start: string, options: SwitchOptions, path: string): { cents: number; tariffId?: string } | Finding {
  const end = p.einddatum ?? options.horizon;
  if (end === undefined) {
    return extFinding('EXT203', `${path}/Einddatum`, `Toewijzing ${p.toewijzingNummer} heeft geen Einddatum; geef een horizon op om haar waarde te bepalen.`, `Assignment ${p.toewijzingNummer} has no Einddatum; give a horizon to value it.`);
  }
  if (p.budget !== undefined) return { cents: p.budget };
  if (!p.omvang || !p.product?.code) {
    return extFinding('EXT204', path, `Toewijzing ${p.toewijzingNummer} heeft geen Omvang en geen Budget; haar waarde is onbekend.`, `Assignment ${p.toewijzingNummer} has neither Omvang nor Budget; its value is unknown.`);
  }
  const volume = maximumVolume(p.omvang, { start, end });
  if (p.omvang.eenheid === '83') return { cents: volume };
  const priced = findTariff(profile, { categorie: p.product.categorie, code: p.product.code, eenheid: p.omvang.eenheid, date: start, path: `${path}/Product` });
  if (isFinding(priced)) return priced;
  return { cents: price(volume, priced).cents, tariffId: priced.tariff.id };
}

export function convertC5(messages: readonly WMO301[], profile: Profile, options: C5Options = {}): ConversionResult<LumpsumConversion> {
  const findings: Finding[] = [...checkSwitchOptions(options)];
  if (options.on === undefined) findings.push(extFinding('EXT218', '/options/on', 'Een lumpsum begint op een omzetdatum; geef die op.', 'A lump sum starts on a switch date; give it.'));
  if (!Array.isArray(messages) || messages.length === 0) findings.push(extFinding('EXT204', '/', 'Geen 301-berichten om om te zetten.', 'No 301 messages to convert.'));
  if (findings.length) return { ok: false, rule: 'C5', findings };
  const on = options.on!;
  const perProvider = new Map<string, { gemeente: string; budget: number; clients: Set<string>; end: string }>();
  const written: WMO301[] = [];
  const tariffIds = new Set<string>();
  let ended = 0;
  for (const [i, message] of messages.entries()) {
    const problems = checkInput301(message);
    if (problems.length) {
      findings.push(...problems.map((f) => ({ ...f, path: `/messages[${i + 1}]${f.path}` })));
      continue;
    }
    const stamp = stampOf(message, options);
    const running = message.client.toegewezenProducten.filter((p) => !isRemoved(p) && (p.einddatum === undefined || compareDates(on, p.einddatum) <= 0));
    if (running.length === 0) continue;
    const changes = new Map<WMO301ToegewezenProduct, { ended: WMO301ToegewezenProduct; added: WMO301ToegewezenProduct[] }>();
    const key = `${message.header.afzender}/${message.header.ontvanger}`;
    const entry = perProvider.get(key) ?? { gemeente: message.header.afzender, budget: 0, clients: new Set<string>(), end: on };
    for (const p of running) {
      const dates = switchDates(p, on);
      const value = valueOf(p, profile, dates.start, options, `/messages[${i + 1}]${productPath(message, p)}`);
      if (isFinding(value)) {
        findings.push(value);
        continue;
      }
      if (value.tariffId) tariffIds.add(value.tariffId);
      entry.budget += value.cents;
      entry.clients.add(message.client.bsn);
      const end = p.einddatum ?? options.horizon!;
      if (compareDates(end, entry.end) > 0) entry.end = end;
      changes.set(p, { ended: endAssignment(p, dates, stamp), added: [] });
    }
    perProvider.set(key, entry);
    ended += changes.size;
    written.push(assemble301(message, changes, stamp, options.identificatie ?? `C5${String(i + 1).padStart(4, '0')}${stamp.dagtekening.replaceAll('-', '').slice(2)}`.slice(0, 12)));
  }
  if (findings.length) return { ok: false, rule: 'C5', findings };
  const problems = checkWritten(written);
  if (problems.length) return { ok: false, rule: 'C5', findings: problems };
  const contracts: LumpsumContract[] = [...perProvider.entries()].map(([key, e]) => {
    const agb = key.split('/')[1]!;
    return {
      kind: 'LumpsumContract',
      id: options.contractId ?? `lumpsum-${e.gemeente}-${agb}-${on}`,
      gemeente: e.gemeente,
      variant: 'taakgericht',
      period: { start: on, end: e.end },
      budget: e.budget,
      baseline: { clients: e.clients.size },
      parties: [{ id: agb, name: agb, agb, role: 'hoofdaannemer' }],
      shares: [{ partyId: agb, bp: 10_000 }],
      payment: { calendar: profile.reportingCalendar, payees: 'hoofdaannemers' },
      ceilings: [],
      bands: [],
      kpis: [],
      amendments: [],
    };
  });
  const clients = contracts.reduce((n, c) => n + (c.baseline.clients ?? 0), 0);
  const losses: Loss[] = [
    { code: 'CLIENT_ENTITLEMENT_LOST', detail: `${clients} client(s) lose their individual assignment; the contract replaces it` },
    { code: 'LEGITIMACY_CHECKS_LOST', detail: 'TR321 / TR322 / TR369 no longer apply: there is no assignment to check deliveries against' },
    { code: 'AVERAGING', detail: 'a per-client value later derived from the contract budget is an average (C10)' },
  ];
  return {
    ok: true,
    output: { messages: written, contracts },
    report: buildReport({
      rule: 'C5',
      losses,
      assumptions: { profile: `${profile.id}@${profile.version}`, tariffIds: [...tariffIds], rounding: 'half-up', weekRule: 'IV077-calendar-weeks', switchDate: on },
      requires: ['contract-change', 'client-notification'],
      standardActions: [
        { message: 'WMO301', count: written.length, note: `gemeente: end all ${ended} running assignment(s), RedenWijziging 10` },
        { message: 'WMO307', count: ended, note: 'provider: stop per assignment, RedenBeeindiging 36; keep 305/307 without ToewijzingNummer by agreement, or the gemeente loses its eigen-bijdrage trigger' },
      ],
    }),
    findings: [],
  };
}

// ---------------------------------------------------------------------------
// C6 taakgericht → client-level proposals (shadow values, never a decision)

export interface AssignmentProposal {
  /** Always true: a proposal for a gemeente decision, not an assignment. */
  readonly shadow: true;
  readonly intensityId: string;
  readonly bsn?: string;
  readonly level: Level;
  readonly productCategorie: string;
  readonly productCode: string;
  readonly period: { readonly start: string; readonly end: string };
  /** Weekly tariff × calendar weeks touched. */
  readonly weeks: number;
  readonly shadowAmount: number;
  readonly tariffId: string;
}

export interface C6Input {
  readonly contract: LumpsumContract;
  readonly intensities: readonly ProviderDeterminedIntensity[];
}

export function convertC6(input: C6Input, profile: Profile): ConversionResult<{ readonly proposals: readonly AssignmentProposal[] }> {
  const findings: Finding[] = [];
  const proposals: AssignmentProposal[] = [];
  const tariffIds = new Set<string>();
  for (const [i, intensity] of (input?.intensities ?? []).entries()) {
    const group = profile.variantPerProductGroup[intensity.productGroup];
    const codes = profile.levelCodes[intensity.productGroup] ?? {};
    if (!group) {
      findings.push(extFinding('EXT206', `/intensities/${i}/productGroup`, `Profiel kent productgroep ${intensity.productGroup} niet.`, `The profile does not know product group ${intensity.productGroup}.`));
      continue;
    }
    for (const segment of levelSegments(intensity, intensity.mandate.period.start, intensity.mandate.period.end)) {
      const code = codes[segment.level];
      const tariff = code === undefined ? undefined : profile.tariffs.find((t) => t.productCategorie === group.categorie && t.productCode === code && t.per === 'week');
      if (code === undefined || !tariff) {
        findings.push(extFinding('EXT201', `/intensities/${i}/history`, `Geen code of weektarief voor niveau ${segment.level} van ${intensity.productGroup}.`, `No code or weekly tariff for level ${segment.level} of ${intensity.productGroup}.`));
        continue;
      }
      tariffIds.add(tariff.id);
      const weeks = maximumVolume({ volume: 1, eenheid: '84', frequentie: '2' }, segment);
      proposals.push({
        shadow: true,
        intensityId: intensity.id,
        ...(intensity.link.bsn !== undefined ? { bsn: intensity.link.bsn } : {}),
        level: segment.level,
        productCategorie: group.categorie,
        productCode: code,
        period: { start: segment.start, end: segment.end },
        weeks,
        shadowAmount: weeks * tariff.amount,
        tariffId: tariff.id,
      });
    }
  }
  if (!input?.contract || input.contract.kind !== 'LumpsumContract') findings.push(extFinding('EXT204', '/contract', 'Verwacht een LumpsumContract.', 'Expected a LumpsumContract.'));
  if (findings.length) return { ok: false, rule: 'C6', findings };
  return {
    ok: true,
    output: { proposals },
    report: buildReport({
      rule: 'C6',
      losses: [],
      assumptions: { profile: `${profile.id}@${profile.version}`, tariffIds: [...tariffIds], rounding: 'half-up', weekRule: 'IV077-calendar-weeks' },
      requires: ['municipal-decision'],
      standardActions: [{ message: 'WMO301', count: 0, note: `${proposals.length} proposal(s) with shadow values; a 301 follows only from a gemeente decision` }],
    }),
    findings: [],
  };
}

// ---------------------------------------------------------------------------
// C9 lots → integral budget (Brunssum)

export interface C9Options {
  /** Id of the integral lot every lot is merged into; default `integraal`. */
  readonly integralId?: string;
}

export function convertC9(contract: LumpsumContract, profile: Profile, options: C9Options = {}): ConversionResult<{ readonly contract: LumpsumContract }> {
  const lots = (contract?.lots ?? []).filter((l) => l.mergedInto === undefined);
  if (lots.length === 0) return { ok: false, rule: 'C9', findings: [extFinding('EXT204', '/lots', 'Het contract heeft geen percelen om samen te voegen.', 'The contract has no lots to merge.')] };
  const integralId = options.integralId ?? 'integraal';
  const budget = lots.reduce((s, l) => s + l.budget, 0);
  const lotCeilings = contract.ceilings.filter((c) => c.scope.lotId !== undefined);
  const losses: Loss[] =
    lots.length > 1 || lotCeilings.length
      ? [{ code: 'LOT_CEILINGS_LOST', detail: `${lots.length} lot budget(s) and ${lotCeilings.length} lot ceiling(s) no longer bind; one budget of ${budget} cents`, delta: { cents: 0 } }]
      : [];
  return {
    ok: true,
    output: {
      contract: {
        ...contract,
        budget,
        // The lots live on, each pointing at the one integral lot that now holds the whole budget.
        lots: [...(contract.lots ?? []).map((l) => (l.mergedInto === undefined ? { ...l, mergedInto: integralId } : l)), { id: integralId, label: 'Integraal budget', budget }],
        ceilings: contract.ceilings.filter((c) => c.scope.lotId === undefined),
      },
    },
    report: buildReport({ rule: 'C9', losses, assumptions: { profile: `${profile.id}@${profile.version}`, tariffIds: [], rounding: 'half-up' }, requires: ['contract-change'] }),
    findings: [],
  };
}

// ---------------------------------------------------------------------------
// C10 lump sum → per-client cost (shadow tariff, eigen-bijdrage basis)

export interface C10Options {
  /** Arrangements (or clients) to divide by; default the contract's baseline clients. */
  readonly arrangements?: number;
}

export interface ClientCost {
  readonly perArrangement: number;
  /** Per four weeks: the annual value / 13, rounded once (§3.6). */
  readonly per4Weeks: number;
  readonly arrangements: number;
}

export function convertC10(contract: LumpsumContract, profile: Profile, options: C10Options = {}): ConversionResult<ClientCost> {
  const n = options.arrangements ?? contract?.baseline?.clients;
  if (n === undefined || !Number.isInteger(n) || n <= 0) {
    return { ok: false, rule: 'C10', findings: [extFinding('EXT218', '/options/arrangements', 'Geef het aantal arrangementen (een geheel getal > 0) om door te delen.', 'Give the number of arrangements (a whole number > 0) to divide by.')] };
  }
  const budget = BigInt(contract.budget);
  const perArrangement = roundHalfAwayFromZero(budget, BigInt(n));
  const per4Weeks = roundHalfAwayFromZero(budget, BigInt(n) * 13n);
  return {
    ok: true,
    output: { perArrangement, per4Weeks, arrangements: n },
    report: buildReport({
      rule: 'C10',
      losses: [
        {
          code: 'AVERAGING',
          detail: `${contract.budget} cents / ${n} arrangement(s) = ${perArrangement} per arrangement, ${per4Weeks} per four weeks: an average, not any client's cost`,
          delta: { cents: Math.round((perArrangement - Number(contract.budget) / n) * 100) / 100 },
        },
      ],
      assumptions: { profile: `${profile.id}@${profile.version}`, tariffIds: [], rounding: 'half-up', calendar: '13 four-week periods a year' },
    }),
    findings: [],
  };
}

