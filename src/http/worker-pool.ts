/**
 * A small pool of worker threads that run validate/format/retour off the main
 * thread: large HTTP bodies do not block other requests, and the CLI spreads
 * folders with many files across the cores.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { Worker, type Transferable } from 'node:worker_threads';
import { VALIDATION_WORKER_LIMITS } from '../node/heap.js';
import type { OperationName, OperationResult } from './operations.js';

export interface WorkerJob {
  readonly operation: OperationName;
  /** The message bytes, transferred to the worker… */
  readonly xml?: Uint8Array;
  /** …or a file the worker reads itself. */
  readonly file?: string;
  readonly allLevels?: boolean;
  readonly maxBytes?: number;
}

export type WorkerOutcome =
  | { readonly ok: true; readonly result: OperationResult }
  | { readonly ok: false; readonly error: { readonly message: string; readonly code?: string } };

interface QueuedJob {
  readonly job: WorkerJob;
  readonly transfer: readonly Transferable[];
  readonly resolve: (outcome: WorkerOutcome) => void;
  readonly reject: (error: Error) => void;
}

/** The built worker next to the bundle, or the TypeScript source run through tsx. */
function spawnWorker(): Worker {
  const built = new URL('./operations-worker.js', import.meta.url);
  // Its heap is sized for streamed validation: a 100 MB body then costs the worker far less memory (node/heap.ts).
  const resourceLimits = VALIDATION_WORKER_LIMITS;
  if (existsSync(fileURLToPath(built))) return new Worker(built, { resourceLimits });
  const source = new URL('./operations-worker.ts', import.meta.url);
  return new Worker(new URL('./tsx-worker.mjs', import.meta.url), { workerData: { entry: source.href }, resourceLimits });
}

export class WorkerPool {
  readonly size: number;
  private readonly idle: Worker[] = [];
  private readonly running = new Map<Worker, QueuedJob>();
  private readonly queue: QueuedJob[] = [];
  private closed = false;

  constructor(size = availableParallelism()) {
    this.size = Math.max(1, size);
  }

  run(job: WorkerJob, transfer: readonly Transferable[] = []): Promise<WorkerOutcome> {
    if (this.closed) return Promise.reject(new Error('WorkerPool is closed'));
    return new Promise((resolve, reject) => {
      this.queue.push({ job, transfer, resolve, reject });
      this.dispatch();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const queued of this.queue.splice(0)) queued.reject(new Error('WorkerPool is closed'));
    const workers = [...this.idle.splice(0), ...this.running.keys()];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }

  private dispatch(): void {
    while (this.queue.length > 0) {
      const worker = this.idle.pop() ?? (this.running.size < this.size ? this.start() : undefined);
      if (!worker) return;
      const queued = this.queue.shift()!;
      this.running.set(worker, queued);
      // A busy worker keeps the process alive; an idle one must not.
      worker.ref();
      worker.postMessage(queued.job, queued.transfer);
    }
  }

  private start(): Worker {
    const worker = spawnWorker();
    worker.on('message', (outcome: WorkerOutcome) => {
      const queued = this.running.get(worker);
      this.running.delete(worker);
      worker.unref();
      this.idle.push(worker);
      queued?.resolve(outcome);
      this.dispatch();
    });
    const fail = (error: Error): void => {
      const queued = this.running.get(worker);
      this.running.delete(worker);
      const at = this.idle.indexOf(worker);
      if (at >= 0) this.idle.splice(at, 1);
      queued?.reject(error);
      if (!this.closed) this.dispatch();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`worker stopped with exit code ${code}`));
    });
    return worker;
  }
}
