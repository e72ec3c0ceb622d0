// Records as rows and back, the same for SQLite and PostgreSQL.
import type { Direction, NewRecord, RecordedMessage } from '../dossier/store.js';
import type { RecordRow } from './migrations.js';

export function toRecord(row: RecordRow): RecordedMessage {
  return {
    seq: Number(row.seq),
    hash: row.hash,
    direction: row.direction as Direction,
    message: JSON.parse(row.message),
    verdict: JSON.parse(row.verdict),
    ...(row.answer !== null ? { answer: JSON.parse(row.answer) } : {}),
    recordedAt: row.recorded_at,
  };
}

/** The values of a new row, in the column order of the INSERT statements. */
export function rowValues(dossier: string, record: NewRecord): (string | null)[] {
  const h = record.message.header;
  return [
    dossier,
    record.hash,
    record.direction,
    record.message.type,
    h.berichtIdentificatie.identificatie,
    h.berichtIdentificatie.dagtekening,
    h.afzender,
    h.ontvanger,
    JSON.stringify(record.message),
    JSON.stringify(record.verdict),
    record.answer ? JSON.stringify(record.answer) : null,
    record.recordedAt,
  ];
}
