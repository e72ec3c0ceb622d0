/**
 * Which message answers which heen-bericht (§1.1 of the standard): a retour
 * for 301/305/307/315/317/319, the declaratie-antwoord 325 for a 323.
 */
import type { MessageId } from '../standard/descriptor.js';
import type { Message, MessageTypes } from '../standard/generated/types.js';

export const ANTWOORD_BERICHT = {
  WMO301: 'WMO302',
  WMO305: 'WMO306',
  WMO307: 'WMO308',
  WMO315: 'WMO316',
  WMO317: 'WMO318',
  WMO319: 'WMO320',
  WMO323: 'WMO325',
  JW301: 'JW302',
  JW305: 'JW306',
  JW307: 'JW308',
  JW315: 'JW316',
  JW317: 'JW318',
  JW319: 'JW320',
  JW323: 'JW325',
} as const satisfies Partial<Record<MessageId, MessageId>>;

/** A message that gets a retour (or, for 323, a declaratie-antwoord). */
export type HeenMessageId = keyof typeof ANTWOORD_BERICHT;
export type HeenMessage = MessageTypes[HeenMessageId];
/** The retour messages 302…320 and the declaratie-antwoord 325. */
export type AntwoordMessageId = (typeof ANTWOORD_BERICHT)[HeenMessageId];
export type AntwoordMessage = MessageTypes[AntwoordMessageId];
/** The message that answers heen-bericht `H`: `RetourFor<WMO301>` is `WMO302`. */
export type RetourFor<H extends HeenMessage> = MessageTypes[(typeof ANTWOORD_BERICHT)[H['type']]];

export function isHeenBericht(message: Message): message is HeenMessage {
  return Object.prototype.hasOwnProperty.call(ANTWOORD_BERICHT, message.type);
}

/** The id of the message that answers `id`, or undefined when `id` gets no answer (302…320 and 325 themselves). */
export function antwoordBerichtFor(id: MessageId): AntwoordMessageId | undefined {
  return Object.prototype.hasOwnProperty.call(ANTWOORD_BERICHT, id) ? ANTWOORD_BERICHT[id as HeenMessageId] : undefined;
}
