import type { Finding } from '../findings.js';
import type { Message } from '../standard/generated/types.js';
import { buildDeclaratieAntwoord } from './declaratie-antwoord.js';
import { isHeenBericht, type AntwoordMessage, type HeenMessage, type RetourFor } from './messages.js';
import type { RetourOptions } from './options.js';
import { buildRetourBericht } from './retour-bericht.js';

/**
 * Builds the answer to a heen-bericht from the findings on it: the retour
 * 302/306/308/316/318/320 for a 301/305/307/315/317/319, the
 * declaratie-antwoord 325 for a 323.
 *
 * - no error: header only (325: 0200 with DeclaratieAntwoord 8001);
 * - a level-2 error: header with RetourCode 0001, no body;
 * - a level-3/4 error on the header (or the message as a whole): header with its code(s), no body;
 * - level-3/4 errors in the body: header 0200 and the body with codes per berichtklasse
 *   (325: only the rejected Prestaties, and TotaalToegekendBedrag for the rest).
 *
 * Returns undefined when there is no answer to send: a level-1 (XSD) error,
 * for which the standard sends an error to the sender instead, or a message
 * that is itself an answer (302…320, 325). Warnings never reject.
 */
export function buildRetour<H extends HeenMessage>(heen: H, findings: readonly Finding[], options?: RetourOptions): RetourFor<H> | undefined;
export function buildRetour(heen: Message, findings: readonly Finding[], options?: RetourOptions): AntwoordMessage | undefined;
export function buildRetour(heen: Message, findings: readonly Finding[], options: RetourOptions = {}): AntwoordMessage | undefined {
  if (!isHeenBericht(heen)) return undefined;
  if (heen.type === 'WMO323' || heen.type === 'JW323') return buildDeclaratieAntwoord(heen, findings, options);
  return buildRetourBericht(heen, findings, options);
}
