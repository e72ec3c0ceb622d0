/**
 * A worker thread of the WorkerPool: runs one operation at a time, reading the
 * file itself when given a path so large inputs are never copied between threads.
 */
import { readFile } from 'node:fs/promises';
import { parentPort } from 'node:worker_threads';
import { retourFile, validateFile } from '../node/validate-file.js';
import { retourOperationResult, runOperation } from './operations.js';
import { reportJson } from './report-json.js';
import type { WorkerJob, WorkerOutcome } from './worker-pool.js';

const port = parentPort;
if (!port) throw new Error('operations-worker must run in a worker thread');

port.on('message', (job: WorkerJob) => {
  void handle(job).then((outcome) => port.postMessage(outcome));
});

async function handle(job: WorkerJob): Promise<WorkerOutcome> {
  try {
    // A file to validate or answer is streamed: a large declaratie is never read whole.
    const limits = job.maxBytes !== undefined ? { maxBytes: job.maxBytes } : {};
    if (job.operation === 'validate' && job.file !== undefined) {
      const report = await validateFile(job.file, { ...(job.allLevels ? { allLevels: true } : {}), ...limits });
      return { ok: true, result: { report: reportJson(report) } };
    }
    if (job.operation === 'retour' && job.file !== undefined) return { ok: true, result: retourOperationResult(await retourFile(job.file, limits)) };
    const xml = job.file !== undefined ? await readFile(job.file) : (job.xml ?? '');
    return { ok: true, result: runOperation({ ...job, xml }) };
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, error: { message: error instanceof Error ? error.message : String(error), ...(code ? { code } : {}) } };
  }
}
