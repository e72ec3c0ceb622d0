import { dayRange, mondayOf, parseDate, monthIndexOf } from './calendar.js';
import { requireInteger, toSafe } from './exact.js';

const EENHEDEN = new Set(['01', '04', '14', '16', '82', '83', '84']);

/**
 * The most that may be delivered (or declared) over a period under an Omvang
 * (IV077 / IV078, spec E6):
 * - Frequentie 1 (per dag): volume × days in the period;
 * - Frequentie 2 (per week): volume × ISO calendar weeks (Monday–Sunday) the
 *   period touches — a broken week at either end counts whole;
 * - Frequentie 4 (per maand): volume × calendar months the period touches;
 * - Frequentie 6 (totaal binnen geldigheidsduur): the volume itself.
 *
 * The result is in the Omvang's own Eenheid. `period` is inclusive. A volume
 * that is not a non-negative integer, an unknown Eenheid or Frequentie, or an
 * end before the start is a RangeError. (CS338's unit/frequency pairs are the
 * validator's concern, not checked here.)
 *
 * @example maximumVolume({ volume: 3, eenheid: '04', frequentie: '2' }, { start: '2025-10-07', end: '2025-12-30' }) // 39 (13 weeks)
 */
export function maximumVolume(omvang: { volume: number; eenheid: string; frequentie: string }, period: { start: string; end: string }): number {
  requireInteger('omvang.volume', omvang.volume, { min: 0 });
  if (!EENHEDEN.has(omvang.eenheid)) throw new RangeError(`omvang.eenheid must be one of ${[...EENHEDEN].join(', ')}, got ${JSON.stringify(omvang.eenheid)}`);
  const { first, last } = dayRange('period', period);
  let times: number;
  switch (omvang.frequentie) {
    case '1':
      times = last - first + 1;
      break;
    case '2':
      times = (mondayOf(last) - mondayOf(first)) / 7 + 1;
      break;
    case '4':
      times = monthIndexOf(parseDate('period.end', period.end)) - monthIndexOf(parseDate('period.start', period.start)) + 1;
      break;
    case '6':
      times = 1;
      break;
    default:
      throw new RangeError(`omvang.frequentie must be '1', '2', '4' or '6', got ${JSON.stringify(omvang.frequentie)}`);
  }
  return toSafe(BigInt(omvang.volume) * BigInt(times), 'maximum volume');
}
