/** The recorded messages of a dossier as a listing: what each is, who sent it, and what became of it. */
import type { DossierState } from './state.js';
import { bsnsOf, type RecordedMessage } from './store.js';

/** One listed message, for machines: what it is, who sent it, and what became of it. */
export interface ListedMessage {
  readonly seq: number;
  readonly message: string;
  readonly identificatie: string;
  readonly dagtekening: string;
  readonly afzender: string;
  readonly ontvanger: string;
  readonly direction: 'sent' | 'received';
  readonly verdict: 'accepted' | 'rejected' | 'pending';
  readonly retourCodes: readonly string[];
  readonly bsn: readonly string[];
  readonly recordedAt: string;
}

export function listed(record: RecordedMessage, state: DossierState): ListedMessage {
  const h = record.message.header;
  return {
    seq: record.seq,
    message: record.message.type,
    identificatie: h.berichtIdentificatie.identificatie,
    dagtekening: h.berichtIdentificatie.dagtekening,
    afzender: h.afzender,
    ontvanger: h.ontvanger,
    direction: record.direction,
    verdict: state.statusOf(record),
    retourCodes: record.verdict.retourCodes,
    bsn: bsnsOf(record.message),
    recordedAt: record.recordedAt,
  };
}

