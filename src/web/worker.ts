/**
 * The page's validation worker: the library runs here, off the page's main
 * thread, so a 25 MB message does not freeze the page. Nothing leaves the browser.
 */
import { validate } from '../index.js';
import type { CheckRequest, CheckResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, bytes, allLevels } = event.data;
  try {
    const report = validate(new Uint8Array(bytes), allLevels ? { allLevels: true } : {});
    scope.postMessage({ id, report });
  } catch (error) {
    scope.postMessage({ id, failure: error instanceof Error ? error.name : 'Error' });
  }
};
