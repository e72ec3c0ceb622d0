/**
 * The dossier in SQLite (better-sqlite3): the embedded default for the CLI
 * and `npm start`. WAL journal, synchronous FULL, one IMMEDIATE transaction
 * per message: what a call acknowledged is on disk even when the process is
 * killed right after. Several processes may share the file; SQLite's write
 * lock (with a busy timeout) makes their transactions take turns.
 */
import Database from 'better-sqlite3';
import { bsnsOf, type DossierStore, type DossierTransaction, type ListFilter, type NewRecord, type RecordedMessage } from '../dossier/store.js';
import { migrations, type RecordRow } from './migrations.js';
import { rowValues, toRecord } from './rows.js';

const INSERT = `INSERT INTO messages (dossier, hash, direction, message_type, identificatie, dagtekening, afzender, ontvanger, message, verdict, answer, recorded_at)
  VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`;

export class SqliteDossierStore implements DossierStore {
  readonly kind: string;
  private readonly db: Database.Database;
  /** Transactions of this process take turns: one connection has one transaction at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(file: string) {
    this.kind = `sqlite:${file}`;
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 10000');
    this.migrate();
  }

  /** Runs every migration above the recorded version, each in its own transaction. */
  private migrate(): void {
    this.db.exec('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
    const run = this.db.transaction(() => {
      const row = this.db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number | null };
      for (const migration of migrations) {
        if (migration.version <= (row.version ?? 0)) continue;
        this.db.exec(migration.sqlite);
        this.db.prepare('INSERT INTO schema_version (version) VALUES (?)').run(migration.version);
      }
    });
    run.immediate();
  }

  /** The schema version of the open database. */
  schemaVersion(): number {
    return (this.db.prepare('SELECT MAX(version) AS version FROM schema_version').get() as { version: number }).version;
  }

  transaction<T>(dossier: string, work: (tx: DossierTransaction) => Promise<T>): Promise<T> {
    const run = this.queue.then(async () => {
      this.db.exec('BEGIN IMMEDIATE');
      try {
        const tx: DossierTransaction = {
          since: async (seq) => (this.db.prepare('SELECT * FROM messages WHERE dossier = ? AND seq > ? ORDER BY seq').all(dossier, seq) as RecordRow[]).map(toRecord),
          byHash: async (hash) => {
            const row = this.db.prepare('SELECT * FROM messages WHERE dossier = ? AND hash = ?').get(dossier, hash) as RecordRow | undefined;
            return row ? toRecord(row) : undefined;
          },
          append: async (record: NewRecord): Promise<RecordedMessage> => {
            const info = this.db.prepare(INSERT).run(...rowValues(dossier, record));
            const seq = Number(info.lastInsertRowid);
            const insertBsn = this.db.prepare('INSERT INTO message_bsn (seq, bsn) VALUES (?, ?)');
            for (const bsn of bsnsOf(record.message)) insertBsn.run(seq, bsn);
            return { ...record, seq };
          },
        };
        const result = await work(tx);
        this.db.exec('COMMIT');
        return result;
      } catch (error) {
        if (this.db.inTransaction) this.db.exec('ROLLBACK');
        throw error;
      }
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  async list(dossier: string, filter: ListFilter = {}): Promise<RecordedMessage[]> {
    const rows =
      filter.bsn === undefined
        ? (this.db.prepare('SELECT * FROM messages WHERE dossier = ? ORDER BY seq').all(dossier) as RecordRow[])
        : (this.db.prepare('SELECT * FROM messages WHERE dossier = ? AND seq IN (SELECT seq FROM message_bsn WHERE bsn = ?) ORDER BY seq').all(dossier, filter.bsn) as RecordRow[]);
    return rows.map(toRecord);
  }

  async purge(dossier: string, before: string): Promise<number> {
    return this.transaction(dossier, async () => this.db.prepare('DELETE FROM messages WHERE dossier = ? AND dagtekening < ?').run(dossier, before).changes);
  }

  async close(): Promise<void> {
    await this.queue;
    this.db.close();
  }
}
