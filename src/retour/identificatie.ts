/**
 * Defaults for the identification of a retour: an id derived from the
 * heen-bericht (the same heen-bericht always gets the same retour id) and
 * today's date.
 */
import type { CDT_BerichtIdentificatie } from '../standard/generated/types.js';

/** cyrb53: a small, well-spread 53-bit string hash that needs no crypto API (this code also runs in browsers). */
function hash53(text: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * A 12-character id (LDT_IdentificatieBericht: 1–12 characters, not blank):
 * one letter for the kind of answer and 11 base-36 digits of a hash of the
 * heen-bericht's identity (sender, receiver, BerichtCode, BerichtIdentificatie).
 */
export function deriveIdentificatie(kind: 'R' | 'A', heen: {
  readonly berichtCode: string;
  readonly afzender: string;
  readonly ontvanger: string;
  readonly berichtIdentificatie: CDT_BerichtIdentificatie;
}): string {
  const identity = [heen.berichtCode, heen.afzender, heen.ontvanger, heen.berichtIdentificatie.identificatie, heen.berichtIdentificatie.dagtekening].join('\u0000');
  return kind + hash53(identity).toString(36).toUpperCase().padStart(11, '0');
}

/** The calendar date of `moment` where the code runs, as `YYYY-MM-DD` (LDT_Datum). */
export function dateOf(moment: Date): string {
  const year = String(moment.getFullYear()).padStart(4, '0');
  const month = String(moment.getMonth() + 1).padStart(2, '0');
  const day = String(moment.getDate()).padStart(2, '0');
  return `${year}-${month}-${day}`;
}
