/**
 * A large declaratie validated on two cores: split at Client boundaries into
 * two parts, the first validated on this thread and the later one in a worker
 * thread, each as a message of its own (the header, its Clients, the closing
 * tags). The rules spanning the Clients (TR101, TR315, TR316, TR358) are
 * judged by the first part: over its own Clients, then over what they read of
 * the later part's.
 *
 * Only a clean answer is taken from the parts: when both are accepted without
 * a single finding, the splits stood between markup at the same depth (so
 * each part read its bytes exactly as the whole message would), and the
 * spanning rules find nothing, the whole message has no finding either.
 * Anything else returns undefined and the caller validates the file in one
 * pass, so findings, their order and their lines are always those of one pass.
 */
import { open, type FileHandle } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { existsSync } from 'node:fs';
import { Worker } from 'node:worker_threads';
import type { ValidateOptions } from '../api.js';
import type { Report } from '../findings.js';
import { VALIDATION_WORKER_LIMITS } from './heap.js';
import { Mailbox } from './mailbox.js';

/** Where to look for the first Client, and for the last Client's end tag. */
const HEAD_WINDOW = 1 << 18;
const TAIL_WINDOW = 1 << 16;
/** Around the middle: far more than any one Client, so a Client start is always found. */
const MIDDLE_WINDOW = 1 << 20;
/**
 * The share of the bytes in the first part, on this thread: a worker thread
 * takes about 0.1 s to load the library before it can start.
 */
const FIRST_SHARE = 0.6;

/** A byte range [start, end) of the file, and whether to note the reader's open elements after it. */
export type PartRange = readonly [start: number, end: number, check: boolean];

/** Where a declaratie can be split: before the first Client, before a Client near the middle, after the last Client. */
export interface Splits {
  readonly firstClient: number;
  readonly middleClient: number;
  readonly afterLastClient: number;
}

async function readAt(handle: FileHandle, position: number, length: number): Promise<Uint8Array> {
  const buffer = new Uint8Array(length);
  const { bytesRead } = await handle.read(buffer, 0, length, position);
  return buffer.subarray(0, bytesRead);
}

const latin1 = new TextDecoder('latin1');

/** The first `<x:Client` (followed by `>` or a space) at or after `from` in `bytes`, as an index; -1 when none. */
function clientStart(text: string, tag: string, from: number): number {
  for (let at = text.indexOf(tag, from); at >= 0; at = text.indexOf(tag, at + 1)) {
    const next = text.charCodeAt(at + tag.length);
    if (next === 0x3e || next === 0x20 || next === 0x0a || next === 0x0d || next === 0x09) return at;
  }
  return -1;
}

/** Candidate split points by a plain byte search; the parts themselves prove they stood between markup. */
export async function findSplits(handle: FileHandle, size: number, firstShare = FIRST_SHARE): Promise<Splits | undefined> {
  const head = latin1.decode(await readAt(handle, 0, Math.min(size, HEAD_WINDOW)));
  const found = /<((?:[A-Za-z_][\w.-]*:)?)Client[\s>]/.exec(head);
  if (!found) return undefined;
  const tag = `<${found[1]}Client`;
  const firstClient = found.index;
  const target = Math.max(firstClient + 1, Math.floor(size * firstShare));
  const middle = latin1.decode(await readAt(handle, target, Math.min(MIDDLE_WINDOW, size - target)));
  const offset = clientStart(middle, tag, 0);
  if (offset < 0) return undefined;
  const middleClient = target + offset;
  const tailStart = Math.max(0, size - TAIL_WINDOW);
  const tail = latin1.decode(await readAt(handle, tailStart, size - tailStart));
  const endTag = `</${found[1]}Client>`;
  const lastEnd = tail.lastIndexOf(endTag);
  if (lastEnd < 0) return undefined;
  const afterLastClient = tailStart + lastEnd + endTag.length;
  if (!(firstClient < middleClient && middleClient < afterLastClient)) return undefined;
  return { firstClient, middleClient, afterLastClient };
}

/** What the coordinating thread tells a part's worker. */
export type ToPartWorker =
  | { readonly kind: 'part'; readonly file: string; readonly ranges: readonly PartRange[]; readonly collectSpanning: boolean }
  | { readonly kind: 'later-clients'; readonly clients: readonly string[] };

/** What a part's worker answers: the first part once its bytes are read, and each part at its end. */
export type FromPartWorker =
  | { readonly kind: 'read'; readonly stacks: readonly (readonly string[] | undefined)[] }
  | { readonly kind: 'done'; readonly report: Report | undefined; readonly stacks: readonly (readonly string[] | undefined)[]; readonly clients: readonly string[] };

/** The worker next to the bundle, or the TypeScript source run through tsx (tests). */
function partWorker(data: unknown): Worker {
  // A small young generation: two parts at once then stay within the memory of one pass.
  const resourceLimits = VALIDATION_WORKER_LIMITS;
  const built = new URL('./validate-part-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData: data, resourceLimits });
  const source = new URL('./validate-part-worker.ts', import.meta.url);
  return new Worker(new URL('../http/tsx-worker.mjs', import.meta.url), { workerData: { ...(data as object), entry: source.href }, resourceLimits });
}

interface PartWorker {
  send(message: ToPartWorker): void;
  /** The next answer; undefined once the worker failed or ended. */
  next(): Promise<FromPartWorker | undefined>;
  stop(): void;
}

/** A worker thread for one part; it loads the library while the splits are sought. */
function startPartWorker(options: ValidateOptions): PartWorker {
  const worker = partWorker({ options });
  const answers = new Mailbox<FromPartWorker | undefined>();
  worker.on('message', (answer: FromPartWorker) => answers.put(answer));
  // A worker that fails or cannot start leaves the file to the one-pass validation.
  worker.once('error', () => answers.put(undefined));
  worker.once('exit', () => answers.put(undefined));
  return {
    send(message) {
      worker.postMessage(message);
    },
    next() {
      return answers.take();
    },
    stop() {
      void worker.terminate();
    },
  };
}

/**
 * The first part on this thread: it has the library at hand sooner than a new
 * thread, and the worker thread starts meanwhile.
 */
async function startPartHere(options: ValidateOptions): Promise<PartWorker> {
  const { servePart } = await import('./part-validation.js');
  const inbox = new Mailbox<ToPartWorker>();
  const answers = new Mailbox<FromPartWorker | undefined>();
  // A part that throws or stops early answers undefined, as a failed worker does.
  void servePart(options, () => inbox.take(), (answer) => answers.put(answer))
    .catch(() => undefined)
    .then(() => answers.put(undefined));
  return {
    send(message) {
      inbox.put(message);
    },
    next() {
      return answers.take();
    },
    stop() {},
  };
}

const clean = (report: Report | undefined): report is Report => report !== undefined && report.accepted && report.findings.length === 0;

/**
 * Validates a declaratie in two parts at once; the report when both parts and
 * the spanning rules are clean, undefined when the file must be validated in
 * one pass (it has findings, or could not be split). `firstShare`: where
 * the split is sought, as a share of the bytes.
 */
export async function validateInParts(file: string, size: number, options: ValidateOptions = {}, firstShare = FIRST_SHARE): Promise<Report | undefined> {
  // Only the national rules are known to split (a profile's own rules may span Clients).
  if (options.profile) return undefined;
  const workerOptions: ValidateOptions = { ...(options.allLevels ? { allLevels: true } : {}), ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}) };
  // The worker first: it loads the library while this thread finds the splits.
  const later = startPartWorker(workerOptions);
  const first = await startPartHere(options);
  try {
    const handle = await open(file, 'r');
    let splits: Splits | undefined;
    try {
      splits = await findSplits(handle, size, firstShare);
    } finally {
      await handle.close();
    }
    if (!splits) return undefined;
    const { firstClient, middleClient, afterLastClient } = splits;
    first.send({
      kind: 'part',
      file,
      collectSpanning: false,
      ranges: [
        [0, firstClient, true],
        [firstClient, middleClient, true],
        [afterLastClient, size, false],
      ],
    });
    later.send({
      kind: 'part',
      file,
      collectSpanning: true,
      ranges: [
        [0, firstClient, true],
        [middleClient, afterLastClient, true],
        [afterLastClient, size, false],
      ],
    });
    const [read, theirs] = await Promise.all([first.next(), later.next()]);
    if (read?.kind !== 'read' || theirs?.kind !== 'done' || !clean(theirs.report) || theirs.clients.length === 0) return undefined;
    const stacks = [...read.stacks, ...theirs.stacks];
    const reference = stacks[0];
    if (!reference || !stacks.every((stack) => stack !== undefined && stack.join(' ') === reference.join(' '))) return undefined;
    first.send({ kind: 'later-clients', clients: theirs.clients });
    const mine = await first.next();
    if (mine?.kind !== 'done' || !clean(mine.report)) return undefined;
    const report = mine.report;
    if (theirs.report.message !== report.message || theirs.report.berichtCode !== report.berichtCode) return undefined;
    return report;
  } finally {
    first.stop();
    later.stop();
  }
}
