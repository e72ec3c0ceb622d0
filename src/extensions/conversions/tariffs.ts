/** Tariffs come from the profile, never from a guess: a missing one is a refusal finding. */
import type { Finding } from '../../findings.js';
import type { Profile, Tariff, TariffUnit } from '../model.js';
import { roundHalfAwayFromZero } from './arith.js';
import { compareDates } from './calendar.js';
import { extFinding } from './findings.js';

/** Tariff units a standard Eenheid can be priced with, and how many of the tariff's unit one Eenheid is (minutes at an hour tariff: 1/60). */
const PRICING: Readonly<Record<string, readonly { per: TariffUnit; numerator: bigint; denominator: bigint }[]>> = {
  '01': [
    { per: 'minuut', numerator: 1n, denominator: 1n },
    { per: 'uur', numerator: 1n, denominator: 60n },
  ],
  '04': [
    { per: 'uur', numerator: 1n, denominator: 1n },
    { per: 'minuut', numerator: 60n, denominator: 1n },
  ],
  '14': [{ per: 'etmaal', numerator: 1n, denominator: 1n }],
  '16': [{ per: 'dagdeel', numerator: 1n, denominator: 1n }],
  // A piece may be one client-week at a weekly tariff (E2: the declaration unit is a client-week).
  '82': [
    { per: 'stuk', numerator: 1n, denominator: 1n },
    { per: 'week', numerator: 1n, denominator: 1n },
  ],
  '84': [
    { per: 'stuk', numerator: 1n, denominator: 1n },
    { per: 'week', numerator: 1n, denominator: 1n },
  ],
};

const EENHEID_NAMES: Readonly<Record<string, { nl: string; en: string }>> = {
  '01': { nl: 'minuut', en: 'minute' },
  '04': { nl: 'uur', en: 'hour' },
  '14': { nl: 'etmaal', en: 'day and night' },
  '16': { nl: 'dagdeel', en: 'part of a day' },
  '82': { nl: 'stuk (output)', en: 'piece (output)' },
  '83': { nl: 'euro', en: 'euro' },
  '84': { nl: 'stuk (inspanning)', en: 'piece (effort)' },
};

const EENHEID_SHORT: Readonly<Record<string, string>> = { '01': 'min', '04': 'h', '14': 'etmaal', '16': 'dagdeel', '82': 'pcs', '83': 'cents', '84': 'pcs' };

/** `h`, `min`: for the English detail texts of a report. */
export function eenheidShort(eenheid: string): string {
  return EENHEID_SHORT[eenheid] ?? eenheid;
}

export function eenheidName(eenheid: string): { nl: string; en: string } {
  return EENHEID_NAMES[eenheid] ?? { nl: eenheid, en: eenheid };
}

export interface TariffQuery {
  readonly categorie: string;
  /** Undefined: a tariff for the whole category. */
  readonly code?: string | undefined;
  readonly eenheid: string;
  /** The tariff must be valid on this day. */
  readonly date: string;
  /** Where the finding points when there is none. */
  readonly path: string;
}

export interface PricedTariff {
  readonly tariff: Tariff;
  readonly numerator: bigint;
  readonly denominator: bigint;
}

function validOn(tariff: Tariff, date: string): boolean {
  return compareDates(tariff.validity.start, date) <= 0 && compareDates(date, tariff.validity.end) <= 0;
}

/** The profile's tariff for a product in a unit on a day: the same unit first, then a convertible one (hours ⇄ minutes). */
export function findTariff(profile: Profile, query: TariffQuery): PricedTariff | Finding {
  const candidates = profile.tariffs.filter((t) => t.productCategorie === query.categorie && t.productCode === query.code && validOn(t, query.date));
  for (const pricing of PRICING[query.eenheid] ?? []) {
    const tariff = candidates.find((t) => t.per === pricing.per);
    if (tariff) return { tariff, numerator: pricing.numerator, denominator: pricing.denominator };
  }
  const product = query.code ? `${query.categorie}/${query.code}` : `categorie ${query.categorie}`;
  const unit = eenheidName(query.eenheid);
  return extFinding(
    'EXT201',
    query.path,
    `Profiel ${profile.id}@${profile.version} heeft geen tarief voor product ${product} per ${unit.nl} op ${query.date}; zonder tarief wordt niets omgerekend.`,
    `Profile ${profile.id}@${profile.version} has no tariff for product ${product} per ${unit.en} on ${query.date}; nothing is converted without one.`,
  );
}

/** Volume × tariff in cents, exactly, rounded half up at this one point; `exact` tells whether rounding changed it. */
export function price(volume: number, priced: PricedTariff): { cents: number; exact: boolean; exactCents: { numerator: bigint; denominator: bigint } } {
  const numerator = BigInt(volume) * BigInt(priced.tariff.amount) * priced.numerator;
  const cents = roundHalfAwayFromZero(numerator, priced.denominator);
  return { cents, exact: numerator % priced.denominator === 0n, exactCents: { numerator, denominator: priced.denominator } };
}

export function isFinding(value: unknown): value is Finding {
  return typeof value === 'object' && value !== null && 'rule' in value && 'message' in value && 'level' in value;
}
