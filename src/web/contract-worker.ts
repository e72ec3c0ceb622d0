/**
 * The contract view's worker, its own bundle so that the validation page does
 * not load the extension documents' validators: it validates the dropped
 * documents and computes the contract status. Nothing leaves the browser.
 */
import { contractOutcome } from './contract-documents.js';
import type { ContractRequest, ContractResponse } from './protocol.js';

interface WorkerScope {
  onmessage: ((event: MessageEvent<ContractRequest>) => void) | null;
  postMessage(message: ContractResponse): void;
}
const scope = self as unknown as WorkerScope;

scope.onmessage = (event) => {
  const { id, files } = event.data;
  try {
    scope.postMessage({ kind: 'contract', id, outcome: contractOutcome(files.map((f) => ({ name: f.name, size: f.size, bytes: new Uint8Array(f.bytes) }))) });
  } catch (error) {
    scope.postMessage({ kind: 'contract', id, failure: error instanceof Error ? error.name : 'Error' });
  }
};
