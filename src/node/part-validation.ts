/**
 * One part of a split declaratie (see `validate-parts.ts`), as the thread that
 * validates it runs it: the worker thread for the later part, this thread
 * for the first.
 */
import { open } from 'node:fs/promises';
import type { ValidateOptions } from '../api.js';
import { startPartValidation, type PartValidation } from '../validate-stream.js';
import type { FromPartWorker, PartRange, ToPartWorker } from './validate-parts.js';

const CHUNK = 1 << 20;

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

/** One part, on whichever thread: the first part waits for the later part's Clients before it ends. */
export async function servePart(options: ValidateOptions, receive: () => Promise<ToPartWorker>, send: (answer: FromPartWorker) => void): Promise<void> {
  const job = await receive();
  if (job.kind !== 'part') return;
  const part = startPartValidation(options, { collectSpanning: job.collectSpanning });
  const stacks = await feedRanges(part, job.file, job.ranges);
  if (job.collectSpanning) {
    const report = part.end();
    send({ kind: 'done', report, stacks, clients: report ? part.spanningClients() : [] });
    return;
  }
  send({ kind: 'read', stacks });
  const later = await receive();
  if (later.kind !== 'later-clients') return;
  send({ kind: 'done', report: part.end(later.clients), stacks, clients: [] });
}

/** Messages in arrival order, for a part that waits for the next one. */
export class Mailbox<T> {
  private readonly inbox: T[] = [];
  private readonly waiting: ((message: T) => void)[] = [];

  put(message: T): void {
    const wait = this.waiting.shift();
    if (wait) wait(message);
    else this.inbox.push(message);
  }

  take(): Promise<T> {
    const message = this.inbox.shift();
    return message !== undefined ? Promise.resolve(message) : new Promise((resolve) => this.waiting.push(resolve));
  }
}
