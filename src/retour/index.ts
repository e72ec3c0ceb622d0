// Retour messages 302…320 and the declaratie-antwoord 325.
export { buildRetour } from './build.js';
export { buildDeclaratieAntwoord } from './declaratie-antwoord.js';
export { retour, retourChunks } from './retour.js';
export type { RetourCallOptions, RetourResult } from './retour.js';
export type { RetourOptions } from './options.js';
export { ANTWOORD_BERICHT, antwoordBerichtFor, isHeenBericht } from './messages.js';
export type { AntwoordMessage, AntwoordMessageId, HeenMessage, HeenMessageId, RetourFor } from './messages.js';
export { RULESET_VERSION } from './version.js';
