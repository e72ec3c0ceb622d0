/**
 * A large declaratie validated on two cores: split at Client boundaries, the
 * first Clients are judged on this thread and the rest in a worker thread,
 * each part as a message of its own (the header, its Clients, the closing
 * tags). The rules spanning the Clients (TR101, TR315, TR316, TR358) are
 * judged on this thread: over its own Clients, then over what they read of the
 * worker's.
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
import { nationalProfile } from '../rules/index.js';
import { startPartValidation, type PartValidation } from '../validate-stream.js';

const CHUNK = 1 << 20;
/** Where to look for the first Client, and for the last Client's end tag. */
const HEAD_WINDOW = 1 << 18;
const TAIL_WINDOW = 1 << 16;
/** Around the middle: far more than any one Client, so a Client start is always found. */
const MIDDLE_WINDOW = 1 << 20;
/**
 * The share of the bytes this thread takes: it starts at once, while the
 * worker thread first loads the library (about 0.1 s).
 */
const FIRST_SHARE = 0.56;

/** A byte range [start, end) of the file, and whether to note the reader's open elements after it. */
export type PartRange = readonly [start: number, end: number, check: boolean];

export interface PartOutcome {
  readonly report: Report | undefined;
  /** The open elements after each checked range (undefined: not between markup). */
  readonly stacks: readonly (readonly string[] | undefined)[];
  /** What the spanning rules read of the part's Clients. */
  readonly clients: readonly unknown[];
}

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

/** Feeds the ranges of the file to a part validation; the open elements after each checked range. */
export async function feedRanges(part: PartValidation, file: string, ranges: readonly PartRange[]): Promise<(readonly string[] | undefined)[]> {
  const stacks: (readonly string[] | undefined)[] = [];
  const handle = await open(file, 'r');
  try {
    const buffer = new Uint8Array(CHUNK);
    let going = true;
    for (const [start, end, check] of ranges) {
      for (let at = start; going && at < end; ) {
        const { bytesRead } = await handle.read(buffer, 0, Math.min(CHUNK, end - at), at);
        if (bytesRead === 0) {
          going = false;
          break;
        }
        // The reader keeps what it has not consumed; the buffer is reused for the next read.
        going = part.write(buffer.subarray(0, bytesRead));
        at += bytesRead;
      }
      if (check) stacks.push(going ? part.openElements() : undefined);
    }
  } finally {
    await handle.close();
  }
  return stacks;
}

/** A later part, as the worker thread validates it. */
export async function validateLaterPart(file: string, ranges: readonly PartRange[], options: ValidateOptions): Promise<PartOutcome> {
  const part = startPartValidation(options, { collectSpanning: true });
  const stacks = await feedRanges(part, file, ranges);
  const report = part.end();
  return { report, stacks, clients: report ? part.spanningClients() : [] };
}

/** The worker next to the bundle, or the TypeScript source run through tsx (tests). */
function partWorker(data: unknown): Worker {
  const built = new URL('./validate-part-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return new Worker(built, { workerData: data, resourceLimits: { maxYoungGenerationSizeMb: 16 } });
  const source = new URL('./validate-part-worker.ts', import.meta.url);
  return new Worker(new URL('../http/tsx-worker.mjs', import.meta.url), { workerData: { ...(data as object), entry: source.href } });
}

/** A worker thread that validates the later part once it is told which; it loads the library meanwhile. */
function startWorker(options: ValidateOptions): { run(file: string, ranges: readonly PartRange[]): Promise<PartOutcome | undefined>; stop(): void } {
  const worker = partWorker({ options });
  let settle: (outcome: PartOutcome | undefined) => void = () => {};
  const outcome = new Promise<PartOutcome | undefined>((resolve) => {
    settle = resolve;
  });
  worker.once('message', (answer: PartOutcome) => settle(answer));
  // A worker that fails or cannot start leaves the file to the one-pass validation.
  worker.once('error', () => settle(undefined));
  worker.once('exit', () => settle(undefined));
  return {
    run(file, ranges) {
      worker.postMessage({ file, ranges });
      return outcome;
    },
    stop() {
      void worker.terminate();
    },
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
  if (options.profile && options.profile !== nationalProfile) return undefined;
  const worker = startWorker({ ...(options.allLevels ? { allLevels: true } : {}), ...(options.maxDepth !== undefined ? { maxDepth: options.maxDepth } : {}) });
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
    const later = worker.run(file, [
      [0, firstClient, true],
      [middleClient, afterLastClient, true],
      [afterLastClient, size, false],
    ]);
    const first = startPartValidation(options, { collectSpanning: false });
    const stacks = await feedRanges(first, file, [
      [0, firstClient, true],
      [firstClient, middleClient, true],
      [afterLastClient, size, false],
    ]);
    const theirs = await later;
    if (!theirs || !clean(theirs.report) || theirs.clients.length === 0) return undefined;
    stacks.push(...theirs.stacks);
    const reference = stacks[0];
    if (!reference || !stacks.every((stack) => stack !== undefined && stack.join(' ') === reference.join(' '))) return undefined;
    const report = first.end(theirs.clients as object[]);
    if (!clean(report) || theirs.report.message !== report.message || theirs.report.berichtCode !== report.berichtCode) return undefined;
    return report;
  } finally {
    worker.stop();
  }
}
