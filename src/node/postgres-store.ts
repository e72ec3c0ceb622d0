/**
 * The dossier in PostgreSQL (pg): several service instances share one
 * database. A transaction per message holds an advisory lock on its dossier,
 * so instances take turns per dossier (and work in parallel on different
 * ones); the unique (dossier, hash) constraint is the last guard against
 * recording the same message twice.
 */
import pg from 'pg';
import { bsnsOf, type DossierStore, type DossierTransaction, type ListFilter, type NewRecord, type RecordedMessage } from '../dossier/store.js';
import { migrations, type RecordRow } from './migrations.js';
import { rowValues, toRecord } from './rows.js';

const INSERT = `INSERT INTO messages (dossier, hash, direction, message_type, identificatie, dagtekening, afzender, ontvanger, message, verdict, answer, recorded_at)
  VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12) RETURNING seq`;

/** A fixed key for the migration lock; dossiers lock on hashtext(dossier) in another key space. */
const MIGRATION_LOCK = 0x1a2b3c;

export class PostgresDossierStore implements DossierStore {
  readonly kind = 'postgres';
  private readonly pool: pg.Pool;

  private constructor(pool: pg.Pool) {
    this.pool = pool;
  }

  /** Connects and runs the migrations the database lacks (one instance at a time). */
  static async open(connectionString: string): Promise<PostgresDossierStore> {
    const store = new PostgresDossierStore(new pg.Pool({ connectionString, max: 4 }));
    try {
      await store.migrate();
    } catch (error) {
      await store.pool.end();
      throw error;
    }
    return store;
  }

  private async migrate(): Promise<void> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await client.query('CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)');
      const { rows } = await client.query<{ version: number | null }>('SELECT MAX(version) AS version FROM schema_version');
      for (const migration of migrations) {
        if (migration.version <= (rows[0]?.version ?? 0)) continue;
        await client.query(migration.postgres);
        await client.query('INSERT INTO schema_version (version) VALUES ($1)', [migration.version]);
      }
      await client.query('COMMIT');
    } catch (error) {
      await client.query('ROLLBACK');
      throw error;
    } finally {
      client.release();
    }
  }

  async schemaVersion(): Promise<number> {
    const { rows } = await this.pool.query<{ version: number }>('SELECT MAX(version) AS version FROM schema_version');
    return rows[0]!.version;
  }

  /** One transaction holding the dossier's advisory lock until it ends. */
  private async locked<T>(dossier: string, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await this.pool.connect();
    try {
      await client.query('BEGIN');
      await client.query('SELECT pg_advisory_xact_lock(1, hashtext($1))', [dossier]);
      const result = await work(client);
      await client.query('COMMIT');
      return result;
    } catch (error) {
      await client.query('ROLLBACK').catch(() => undefined);
      throw error;
    } finally {
      client.release();
    }
  }

  transaction<T>(dossier: string, work: (tx: DossierTransaction) => Promise<T>): Promise<T> {
    return this.locked(dossier, (client) => {
      const tx: DossierTransaction = {
        since: async (seq) => (await client.query<RecordRow>('SELECT * FROM messages WHERE dossier = $1 AND seq > $2 ORDER BY seq', [dossier, seq])).rows.map(toRecord),
        byHash: async (hash) => {
          const { rows } = await client.query<RecordRow>('SELECT * FROM messages WHERE dossier = $1 AND hash = $2', [dossier, hash]);
          return rows[0] ? toRecord(rows[0]) : undefined;
        },
        append: async (record: NewRecord): Promise<RecordedMessage> => {
          const { rows } = await client.query<{ seq: string }>(INSERT, rowValues(dossier, record));
          const seq = Number(rows[0]!.seq);
          // One statement for all clients: a declaratie names thousands.
          await client.query('INSERT INTO message_bsn (seq, bsn) SELECT $1, unnest($2::text[])', [seq, bsnsOf(record.message)]);
          return { ...record, seq };
        },
      };
      return work(tx);
    });
  }

  async list(dossier: string, filter: ListFilter = {}): Promise<RecordedMessage[]> {
    const { rows } =
      filter.bsn === undefined
        ? await this.pool.query<RecordRow>('SELECT * FROM messages WHERE dossier = $1 ORDER BY seq', [dossier])
        : await this.pool.query<RecordRow>('SELECT * FROM messages WHERE dossier = $1 AND seq IN (SELECT seq FROM message_bsn WHERE bsn = $2) ORDER BY seq', [dossier, filter.bsn]);
    return rows.map(toRecord);
  }

  async purge(dossier: string, before: string): Promise<number> {
    return this.locked(dossier, async (client) => (await client.query('DELETE FROM messages WHERE dossier = $1 AND dagtekening < $2', [dossier, before])).rowCount ?? 0);
  }

  async close(): Promise<void> {
    await this.pool.end();
  }
}
