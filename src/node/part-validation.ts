/**
 * One part of a split declaratie (see `validate-parts.ts`), as the thread that
 * validates it runs it: the worker thread for the later part, this thread
 * for the first.
 */
import { open } from 'node:fs/promises';
import type { ValidateOptions } from '../api.js';
import { startPartValidation, type PartValidation } from '../validate-stream.js';
import { chunkBuffer, chunksOf } from './file-chunks.js';
import type { FromPartWorker, PartRange, ToPartWorker } from './validate-parts.js';

/** Feeds the ranges of the file to a part validation; the open elements after each checked range. */
export async function feedRanges(part: PartValidation, file: string, ranges: readonly PartRange[]): Promise<(readonly string[] | undefined)[]> {
  const stacks: (readonly string[] | undefined)[] = [];
  const handle = await open(file, 'r');
  try {
    const buffer = chunkBuffer();
    let going = true;
    for (const [start, end, check] of ranges) {
      if (going) for await (const chunk of chunksOf(handle, buffer, start, end)) if (!(going = part.write(chunk))) break;
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
