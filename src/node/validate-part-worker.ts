/**
 * The worker thread of `validate-parts.ts`: validates the later part of a
 * split declaratie and answers the coordinating thread only (report, open
 * elements at the splits, what the spanning rules read of its Clients).
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { ValidateOptions } from '../api.js';
import { Mailbox } from './mailbox.js';
import { servePart } from './part-validation.js';
import type { ToPartWorker } from './validate-parts.js';

const port = parentPort!;
const mailbox = new Mailbox<ToPartWorker>();
port.on('message', (message: ToPartWorker) => mailbox.put(message));
await servePart((workerData as { readonly options: ValidateOptions }).options, () => mailbox.take(), (answer) => port.postMessage(answer));
port.close();
