/**
 * Where a dossier keeps its messages. A store only keeps records in order;
 * what they mean (assignments, starts, declarations) is derived from them by
 * `DossierState`, so every store behaves the same by construction. Recording
 * a message and reading what came before it happen in one transaction per
 * dossier (`transaction`), so two writers never judge against the same past.
 */
import type { Finding } from '../findings.js';
import type { Message } from '../standard/generated/types.js';

/** Who sent a message, seen from the party that keeps the dossier. */
export type Direction = 'sent' | 'received';

export interface Verdict {
  /**
   * Whether the message counts. A received heen-bericht is judged when it is
   * recorded; a message the party sent itself is taken as accepted until a
   * retour or 325 that rejects it is recorded (`null` until then when shown).
   */
  readonly accepted: boolean;
  /** The retourcodes of the answer's header (none for a clean retour). */
  readonly retourCodes: readonly string[];
  /** The findings that decided the verdict (levels 1–4). */
  readonly findings: readonly Finding[];
}

/** What a store is given to keep. */
export interface NewRecord {
  readonly direction: Direction;
  readonly message: Message;
  /** SHA-256 of the message's canonical form: the same message is never recorded twice. */
  readonly hash: string;
  readonly verdict: Verdict;
  /** The retour or 325 made for a received heen-bericht. */
  readonly answer?: Message;
  /** ISO 8601 moment of recording. */
  readonly recordedAt: string;
}

/** A kept message with its place in the dossier. */
export interface RecordedMessage extends NewRecord {
  /** Position in the dossier, increasing with every record (gaps allowed). */
  readonly seq: number;
}

/** The reads and the one write of a transaction on one dossier. */
export interface DossierTransaction {
  /** Every record after `seq`, in order. */
  since(seq: number): Promise<RecordedMessage[]>;
  /** The record of a message with this hash, if it was recorded before. */
  byHash(hash: string): Promise<RecordedMessage | undefined>;
  /** Keeps a record; it is durable once the transaction resolves. */
  append(record: NewRecord): Promise<RecordedMessage>;
}

export interface ListFilter {
  /** Only messages about this client (any Bsn in the message). */
  readonly bsn?: string;
}

export interface DossierStore {
  /** A name for people: `memory`, `sqlite:<file>`, `postgres`. */
  readonly kind: string;
  /**
   * Runs `work` with exclusive access to one dossier: nobody else records in
   * it until `work` settles. Its append is committed when `work` resolves and
   * rolled back when it throws.
   */
  transaction<T>(dossier: string, work: (tx: DossierTransaction) => Promise<T>): Promise<T>;
  /** The records of a dossier in order. */
  list(dossier: string, filter?: ListFilter): Promise<RecordedMessage[]>;
  /** Removes the records whose message is dated (Dagtekening) before `date`; returns how many. */
  purge(dossier: string, before: string): Promise<number>;
  close(): Promise<void>;
}

/** Every Bsn a message names, for listing by client. */
export function bsnsOf(message: Message): string[] {
  const found = new Set<string>();
  const walk = (value: unknown): void => {
    if (Array.isArray(value)) value.forEach(walk);
    else if (value !== null && typeof value === 'object') {
      for (const [key, v] of Object.entries(value)) {
        if (key === 'bsn' && typeof v === 'string') found.add(v);
        else if (typeof v === 'object') walk(v);
      }
    }
  };
  walk(message);
  return [...found];
}

/** The Dagtekening of a message's own identification. */
export function dagtekeningOf(message: Message): string {
  return message.header.berichtIdentificatie.dagtekening;
}
