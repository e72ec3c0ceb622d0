// The dossier: cross-message state for levels 3 and 4.
export { Dossier, messageHash } from './dossier.js';
export type { AddResult, DossierOptions, ReceiveOptions, ReceiveResult } from './dossier.js';
export { MemoryDossierStore } from './memory-store.js';
export { DossierState, isActueel, isVerwijderd, relationOf } from './state.js';
export type { Levering, RecordedDeclaratie, RecordedPrestatie, Relation, Request, Toewijzing, ToewijzingVersion } from './state.js';
export { bsnsOf, dagtekeningOf } from './store.js';
export type { Direction, DossierStore, DossierTransaction, ListFilter, NewRecord, RecordedMessage, Verdict } from './store.js';
export { listed } from './listing.js';
export type { ListedMessage } from './listing.js';
