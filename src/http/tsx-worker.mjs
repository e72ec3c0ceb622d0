// Runs a TypeScript worker from source (tests, `tsx`): workers do not inherit the
// parent's module hooks on Node 20, so register tsx here and then load the worker.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.entry);
