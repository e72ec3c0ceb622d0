/**
 * Ending one assignment and issuing its successor in a 301 (spec §1.5, §3.4):
 * the old one gets Einddatum = switch date − 1 and RedenWijziging 10
 * "Overgang naar nieuwe bekostigingssystematiek"; the new one a new
 * ToewijzingNummer (IV066, OP257) and no RedenWijziging (IV099).
 */
import type { Finding } from '../../findings.js';
import type { WMO301, WMO301ToegewezenProduct } from '../../standard/generated/types.js';
import { addDays, compareDates, isIsoDate, maxDate } from './calendar.js';
import { extFinding } from './findings.js';
import { foreignProperties, standardFindings } from './messages.js';

/** The most a Budget, Bedrag or Volume field holds (LDT_Budget, LDT_Bedrag, LDT_Volume). */
export const FIELD_LIMIT = 99_999_999;
/** LDT_Nummer. */
export const NUMBER_LIMIT = 999_999_999;

export interface SwitchOptions {
  /** The switch date: the new assignment starts that day, the old one ends the day before. Default: the old assignment's Ingangsdatum (it is then removed, RedenWijziging 13). */
  readonly on?: string;
  /** Convert only this assignment; default every assignment of the form the rule converts. */
  readonly toewijzingNummer?: number;
  /**
   * IV066: the first new ToewijzingNummer; the next ones count up from it. The
   * gemeente owns its numbering (unique per domain, TR332), so pass one from its
   * register. Default: one more than the highest number in the message.
   */
  readonly firstToewijzingNummer?: number;
  /** Dagtekening of the new 301 and Toewijzingsdatum of what changes. Default: the day after the later of the message's Dagtekening and its latest Toewijzingsdatum. */
  readonly dagtekening?: string;
  /** Toewijzingstijd of what changes (`HH:MM:SS`); default `00:00:00`. */
  readonly toewijzingstijd?: string;
  /** BerichtIdentificatie of the new 301 (1–12 characters). Default: the rule and the first new ToewijzingNummer (`C2400103`). */
  readonly identificatie?: string;
  /** The Einddatum to use when an assignment is open-ended and the target form needs one (CD075, CD076). */
  readonly horizon?: string;
}

export interface Stamp {
  readonly dagtekening: string;
  readonly toewijzingstijd: string;
}

/** Option checks shared by every rule that writes a 301. */
export function checkSwitchOptions(options: SwitchOptions): Finding[] {
  const findings: Finding[] = [];
  for (const key of ['on', 'dagtekening', 'horizon'] as const) {
    const value = options[key];
    if (value !== undefined && !isIsoDate(value)) {
      findings.push(extFinding('EXT218', `/options/${key}`, `'${String(value)}' is geen datum (JJJJ-MM-DD).`, `'${String(value)}' is not a date (YYYY-MM-DD).`));
    }
  }
  if (options.toewijzingstijd !== undefined && !/^([01]\d|2[0-3]):[0-5]\d:[0-5]\d$/.test(options.toewijzingstijd)) {
    findings.push(extFinding('EXT218', '/options/toewijzingstijd', `'${options.toewijzingstijd}' is geen tijd (UU:MM:SS).`, `'${options.toewijzingstijd}' is not a time (HH:MM:SS).`));
  }
  if (options.identificatie !== undefined && !/^\S.{0,11}$/.test(options.identificatie)) {
    findings.push(extFinding('EXT218', '/options/identificatie', 'Identificatie is 1 tot 12 tekens.', 'Identificatie is 1 to 12 characters.'));
  }
  const first = options.firstToewijzingNummer;
  if (first !== undefined && !(Number.isInteger(first) && first >= 0 && first <= NUMBER_LIMIT)) {
    findings.push(extFinding('EXT218', '/options/firstToewijzingNummer', 'Een ToewijzingNummer is een geheel getal van 0 tot 999 999 999.', 'A ToewijzingNummer is a whole number from 0 to 999 999 999.'));
  }
  return findings;
}

/** The input 301 must itself be valid and hold nothing foreign before it is rewritten. */
export function checkInput301(message: WMO301): Finding[] {
  if (message?.type !== 'WMO301' || !Array.isArray(message.client?.toegewezenProducten)) {
    return [extFinding('EXT211', '/Bericht', 'Verwacht een WMO301-bericht.', 'Expected a WMO301 message.')];
  }
  const foreign = foreignProperties(message);
  if (foreign.length) return foreign;
  const problems = standardFindings(message);
  if (problems.length === 0) return [];
  return [
    extFinding(
      'EXT211',
      '/Bericht',
      `Het 301-bericht dat omgezet moet worden is zelf niet geldig (${problems.map((p) => p.rule).join(', ')}).`,
      `The 301 message to convert is not valid itself (${problems.map((p) => p.rule).join(', ')}).`,
    ),
    ...problems,
  ];
}

export function stampOf(message: WMO301, options: SwitchOptions): Stamp {
  let latest = message.header.berichtIdentificatie.dagtekening;
  for (const p of message.client.toegewezenProducten) latest = maxDate(latest, p.toewijzingsdatum);
  return { dagtekening: options.dagtekening ?? addDays(latest, 1), toewijzingstijd: options.toewijzingstijd ?? '00:00:00' };
}

/** Deleted assignments (RedenWijziging 13 or 01 with Einddatum = Ingangsdatum) take no part. */
export function isRemoved(p: WMO301ToegewezenProduct): boolean {
  return (p.redenWijziging === '13' || p.redenWijziging === '01') && p.einddatum === p.ingangsdatum;
}

export function productPath(message: WMO301, p: WMO301ToegewezenProduct): string {
  return `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[${message.client.toegewezenProducten.indexOf(p) + 1}]`;
}

/** The assignments a rule converts: those `eligible` says, narrowed to `options.toewijzingNummer`, still running on the switch date. */
export function selectAssignments(
  message: WMO301,
  options: SwitchOptions,
  eligible: (p: WMO301ToegewezenProduct) => boolean,
  form: { nl: string; en: string },
): WMO301ToegewezenProduct[] | Finding[] {
  const candidates = message.client.toegewezenProducten.filter(
    (p) => !isRemoved(p) && eligible(p) && (options.toewijzingNummer === undefined || p.toewijzingNummer === options.toewijzingNummer),
  );
  const running = candidates.filter((p) => options.on === undefined || p.einddatum === undefined || compareDates(options.on, p.einddatum) <= 0);
  if (running.length) return running;
  const which = options.toewijzingNummer !== undefined ? ` met ToewijzingNummer ${options.toewijzingNummer}` : '';
  const whichEn = options.toewijzingNummer !== undefined ? ` with ToewijzingNummer ${options.toewijzingNummer}` : '';
  if (candidates.length) {
    return [
      extFinding(
        'EXT205',
        '/Bericht/Client/ToegewezenProducten',
        `Elke toewijzing${which} is vóór de omzetdatum ${options.on} al beëindigd; er is niets om te zetten.`,
        `Every assignment${whichEn} has ended before the switch date ${options.on}; there is nothing to convert.`,
      ),
    ];
  }
  return [
    extFinding(
      'EXT204',
      '/Bericht/Client/ToegewezenProducten',
      `Het bericht heeft geen ${form.nl}${which}.`,
      `The message holds no ${form.en}${whichEn}.`,
    ),
  ];
}

export interface SwitchDates {
  /** The first day of the new assignment. */
  readonly start: string;
  /** True when the switch is on or before the old Ingangsdatum: the old one is removed (RedenWijziging 13, CS335). */
  readonly removed: boolean;
}

export function switchDates(p: WMO301ToegewezenProduct, on: string | undefined): SwitchDates {
  if (on === undefined || compareDates(on, p.ingangsdatum) <= 0) return { start: p.ingangsdatum, removed: true };
  return { start: on, removed: false };
}

/** The old assignment, ended the day before the switch with RedenWijziging 10 (or removed when the switch is at its start). */
export function endAssignment(p: WMO301ToegewezenProduct, dates: SwitchDates, stamp: Stamp): WMO301ToegewezenProduct {
  const { referentieAanbieder: _sentOnce, ...rest } = p;
  return {
    ...rest,
    toewijzingsdatum: stamp.dagtekening,
    toewijzingstijd: stamp.toewijzingstijd,
    einddatum: dates.removed ? p.ingangsdatum : addDays(dates.start, -1),
    redenWijziging: dates.removed ? '13' : '10',
  };
}

/** IV066: new numbers, explicit from `firstToewijzingNummer` or one above the highest in the message, never one already in it. */
export function numberAllocator(message: WMO301, options: SwitchOptions): () => number | Finding {
  const taken = new Set(message.client.toegewezenProducten.map((p) => p.toewijzingNummer));
  let next = options.firstToewijzingNummer ?? Math.max(0, ...taken) + 1;
  return () => {
    while (taken.has(next)) next++;
    if (next > NUMBER_LIMIT) {
      return extFinding('EXT208', '/options/firstToewijzingNummer', 'Er is geen vrij ToewijzingNummer onder 1 000 000 000.', 'There is no free ToewijzingNummer below 1 000 000 000.');
    }
    taken.add(next);
    return next++;
  };
}

export const NUMBERING_RULE_EXPLICIT = 'firstToewijzingNummer, counting up, skipping numbers in the message';
export const NUMBERING_RULE_DEFAULT = 'highest ToewijzingNummer in the message + 1, counting up';

/** The new 301: every assignment of the input, the converted ones ended, each followed by its successors. */
export function assemble301(message: WMO301, changes: ReadonlyMap<WMO301ToegewezenProduct, { ended: WMO301ToegewezenProduct; added: readonly WMO301ToegewezenProduct[] }>, stamp: Stamp, identificatie: string): WMO301 {
  const products: WMO301ToegewezenProduct[] = [];
  for (const p of message.client.toegewezenProducten) {
    const change = changes.get(p);
    if (change) products.push(change.ended, ...change.added);
    else {
      // A resend: ReferentieAanbieder is filled only the first time (IV097).
      const { referentieAanbieder: _sentOnce, ...rest } = p;
      products.push(rest);
    }
  }
  return {
    ...message,
    header: { ...message.header, berichtIdentificatie: { identificatie, dagtekening: stamp.dagtekening } },
    client: { ...message.client, toegewezenProducten: products },
  };
}

export function overLimit(path: string, what: { nl: string; en: string }, cents: number): Finding {
  return extFinding(
    'EXT202',
    path,
    `${what.nl} komt uit op ${cents} cent; een Budget-, Bedrag- of Volumeveld houdt ten hoogste 99 999 999 (€ 999.999,99).`,
    `${what.en} comes to ${cents} cents; a Budget, Bedrag or Volume field holds at most 99 999 999 (€999,999.99).`,
  );
}
