/**
 * The page's validation worker: the library runs here, off the page's main
 * thread, so a 25 MB message does not freeze the page. It reads the message
 * once, a chunk at a time, and tells the page how far it is after each; then
 * it judges it and builds the retour. Between chunks it takes its messages,
 * so a newer check stops an older one. Nothing leaves the browser.
 */
import { checkSteps } from './check.js';
import type { CheckRequest, CheckResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse, transfer?: Transferable[]): void;
}
const scope = self as unknown as WorkerScope;

let latest = 0;

// A message to itself lets the worker's other tasks (a newer request) run, without the clamping of setTimeout.
const channel = new MessageChannel();
const waiting: (() => void)[] = [];
channel.port1.onmessage = () => waiting.shift()?.();
function nextTask(): Promise<void> {
  return new Promise((resolve) => {
    waiting.push(resolve);
    channel.port2.postMessage(null);
  });
}

async function check(request: CheckRequest): Promise<void> {
  const { id, message, allLevels } = request;
  try {
    const bytes = new Uint8Array(await message.arrayBuffer());
    if (id !== latest) return;
    const steps = checkSteps(bytes, allLevels);
    for (;;) {
      const step = steps.next();
      if (step.done) {
        const { summary } = step.value;
        scope.postMessage({ kind: 'result', id, ...step.value }, summary ? [summary.lines.buffer, summary.lineErrors.buffer] : []);
        return;
      }
      scope.postMessage({ kind: 'progress', id, ...step.value });
      await nextTask();
      if (id !== latest) return;
    }
  } catch (error) {
    scope.postMessage({ kind: 'result', id, failure: error instanceof Error ? error.name : 'Error' });
  }
}

scope.onmessage = (event) => {
  latest = event.data.id;
  void check(event.data);
};
