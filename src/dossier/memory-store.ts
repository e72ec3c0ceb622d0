/**
 * A dossier store in memory: for tests and the browser. Transactions on one
 * dossier run one after another, like a database's row lock.
 */
import { bsnsOf, dagtekeningOf, type DossierStore, type DossierTransaction, type ListFilter, type NewRecord, type RecordedMessage } from './store.js';

export class MemoryDossierStore implements DossierStore {
  readonly kind = 'memory';
  private readonly dossiers = new Map<string, RecordedMessage[]>();
  private readonly queues = new Map<string, Promise<unknown>>();
  private nextSeq = 1;

  private records(dossier: string): RecordedMessage[] {
    let list = this.dossiers.get(dossier);
    if (!list) this.dossiers.set(dossier, (list = []));
    return list;
  }

  transaction<T>(dossier: string, work: (tx: DossierTransaction) => Promise<T>): Promise<T> {
    const previous = this.queues.get(dossier) ?? Promise.resolve();
    const run = previous.then(async () => {
      const records = this.records(dossier);
      const pending: RecordedMessage[] = [];
      const tx: DossierTransaction = {
        since: async (seq) => records.filter((r) => r.seq > seq),
        byHash: async (hash) => records.find((r) => r.hash === hash) ?? pending.find((r) => r.hash === hash),
        append: async (record: NewRecord) => {
          // Kept as given, not copied: a copy of a 25 MB declaratie costs more than judging it. Callers do not change a record after appending it.
          const kept = Object.freeze({ ...record, seq: this.nextSeq++ });
          pending.push(kept);
          return kept;
        },
      };
      const result = await work(tx);
      records.push(...pending);
      return result;
    });
    // The next transaction waits for this one whether it succeeds or not.
    this.queues.set(dossier, run.catch(() => undefined));
    return run;
  }

  async list(dossier: string, filter: ListFilter = {}): Promise<RecordedMessage[]> {
    const records = this.dossiers.get(dossier) ?? [];
    return filter.bsn === undefined ? [...records] : records.filter((r) => bsnsOf(r.message).includes(filter.bsn!));
  }

  async purge(dossier: string, before: string): Promise<number> {
    const records = this.dossiers.get(dossier) ?? [];
    const kept = records.filter((r) => dagtekeningOf(r.message) >= before);
    this.dossiers.set(dossier, kept);
    return records.length - kept.length;
  }

  async close(): Promise<void> {}
}
