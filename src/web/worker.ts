/**
 * The page's validation worker: the library runs here, off the page's main
 * thread, so a 25 MB message does not freeze the page. It validates and builds
 * the retour; nothing leaves the browser.
 */
import { retour, validate } from '../index.js';
import type { CheckRequest, CheckResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<CheckRequest>) => void) | null;
  postMessage(message: CheckResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, bytes, allLevels } = event.data;
  try {
    const xml = new Uint8Array(bytes);
    // retour() validates like the chain (stopping after level 1); with "all levels" the report comes from validate.
    const answer = retour(xml);
    const report = allLevels ? validate(xml, { allLevels: true }) : answer.report;
    scope.postMessage({
      id,
      report,
      ...(answer.retour && answer.xml !== undefined ? { retour: { message: answer.retour.type, xml: answer.xml } } : {}),
      ...(answer.reason ? { noRetour: answer.reason } : {}),
    });
  } catch (error) {
    scope.postMessage({ id, failure: error instanceof Error ? error.name : 'Error' });
  }
};
