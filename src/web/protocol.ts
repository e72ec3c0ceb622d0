/** What the page and its validation worker send each other. */
import type { LocalizedText, Report } from '../index.js';
import type { ContractOutcome } from './contract-documents.js';

export interface CheckRequest {
  /** Answers to an older request are dropped when a newer one was sent. */
  readonly id: number;
  /** The message bytes, transferred (not copied) to the worker. */
  readonly bytes: ArrayBuffer;
  readonly allLevels: boolean;
}

export interface CheckResponse {
  readonly id: number;
  readonly report?: Report;
  /** The retour (or 325) built in the browser, when the message gets one. */
  readonly retour?: { readonly message: string; readonly xml: string };
  /** Why there is no retour, when there is none. */
  readonly noRetour?: LocalizedText;
  /** Set when the worker itself failed; never holds message content. */
  readonly failure?: string;
}

/** Contracts and reports are small; a larger file is refused without being read. */
export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;

/** The contract view asks its own worker for a status: the files, transferred (empty when over the limit). */
export interface ContractRequest {
  readonly kind: 'contract';
  readonly id: number;
  readonly files: readonly { readonly name: string; readonly size: number; readonly bytes: ArrayBuffer }[];
}

export interface ContractResponse {
  readonly kind: 'contract';
  readonly id: number;
  readonly outcome?: ContractOutcome;
  /** Set when the worker itself failed; never holds document content. */
  readonly failure?: string;
}
