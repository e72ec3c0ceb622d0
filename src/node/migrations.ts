/**
 * The dossier schema, versioned. A store runs on open every migration above
 * the version its database records, each in its own transaction; a change
 * to the schema is a new entry here, never an edit of an old one.
 */
export interface Migration {
  readonly version: number;
  readonly description: string;
  readonly sqlite: string;
  readonly postgres: string;
}

export const migrations: readonly Migration[] = [
  {
    version: 1,
    description: 'messages of a dossier with their verdict and answer; the clients they name',
    sqlite: `
      CREATE TABLE messages (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        dossier TEXT NOT NULL,
        hash TEXT NOT NULL,
        direction TEXT NOT NULL,
        message_type TEXT NOT NULL,
        identificatie TEXT NOT NULL,
        dagtekening TEXT NOT NULL,
        afzender TEXT NOT NULL,
        ontvanger TEXT NOT NULL,
        message TEXT NOT NULL,
        verdict TEXT NOT NULL,
        answer TEXT,
        recorded_at TEXT NOT NULL,
        UNIQUE (dossier, hash)
      );
      CREATE INDEX messages_dossier_seq ON messages (dossier, seq);
      CREATE TABLE message_bsn (
        seq INTEGER NOT NULL REFERENCES messages (seq) ON DELETE CASCADE,
        bsn TEXT NOT NULL
      );
      CREATE INDEX message_bsn_bsn ON message_bsn (bsn, seq);
    `,
    postgres: `
      CREATE TABLE messages (
        seq BIGSERIAL PRIMARY KEY,
        dossier TEXT NOT NULL,
        hash TEXT NOT NULL,
        direction TEXT NOT NULL,
        message_type TEXT NOT NULL,
        identificatie TEXT NOT NULL,
        dagtekening TEXT NOT NULL,
        afzender TEXT NOT NULL,
        ontvanger TEXT NOT NULL,
        message TEXT NOT NULL,
        verdict TEXT NOT NULL,
        answer TEXT,
        recorded_at TEXT NOT NULL,
        UNIQUE (dossier, hash)
      );
      CREATE INDEX messages_dossier_seq ON messages (dossier, seq);
      CREATE TABLE message_bsn (
        seq BIGINT NOT NULL REFERENCES messages (seq) ON DELETE CASCADE,
        bsn TEXT NOT NULL
      );
      CREATE INDEX message_bsn_bsn ON message_bsn (bsn, seq);
    `,
  },
];

/** The columns of a record row, shared by both stores. */
export interface RecordRow {
  seq: number | string;
  hash: string;
  direction: string;
  message: string;
  verdict: string;
  answer: string | null;
  recorded_at: string;
}
