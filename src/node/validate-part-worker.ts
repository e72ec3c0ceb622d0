/**
 * The worker thread of `validate-parts.ts`: told a file and its byte ranges,
 * validates them as the later part of a split declaratie and posts the
 * outcome (report, open elements at the splits, what the spanning rules read
 * of its Clients) to the parent thread only.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ValidateOptions } from '../api.js';
import { validateLaterPart, type PartRange } from './validate-parts.js';

const { options } = workerData as { readonly options: ValidateOptions };
parentPort!.once('message', (job: { readonly file: string; readonly ranges: readonly PartRange[] }) => {
  void validateLaterPart(job.file, job.ranges, options).then((outcome) => parentPort!.postMessage(outcome));
});
