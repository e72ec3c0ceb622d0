/** What the page and its validation worker send each other. */
import type { Finding, LocalizedText, Report } from '../index.js';
import type { ContractOutcome } from './contract-documents.js';

/** Bytes the worker reads between two progress messages. */
export const PROGRESS_BYTES = 1 << 20;
/** More findings than this are counted, not sent or listed: a broken 25 MB file can have tens of thousands. */
export const MAX_LISTED = 500;

export interface CheckRequest {
  /** Answers to an older request are dropped when a newer one was sent (and the worker stops the older check). */
  readonly id: number;
  /** The message (a chosen file, or the pasted text as UTF-8): a handle, read by the worker, never by the page. */
  readonly message: Blob;
  readonly allLevels: boolean;
}

/** How far a check is: sent after each chunk read, and once more before the rules run. */
export interface CheckProgress {
  readonly kind: 'progress';
  readonly id: number;
  readonly phase: 'reading' | 'judging';
  /** Bytes read so far, of `total`. */
  readonly done: number;
  readonly total: number;
  /** Clients read so far. */
  readonly clients: number;
}

/**
 * The report as the page shows it: its verdict, its counts, the first
 * findings, and the lines to mark. Small whatever the number of findings,
 * so the page's main thread never has a large message to take in.
 */
export interface ReportSummary extends Pick<Report, 'message' | 'standard' | 'berichtCode' | 'accepted'> {
  readonly count: number;
  /** Findings that reject (the others are warnings). */
  readonly errors: number;
  /** The first findings (at most MAX_LISTED), in the report's order. */
  readonly listed: readonly Finding[];
  /** The lines with a finding; transferred, not copied. */
  readonly lines: Uint32Array;
  /** Per line in `lines`: 1 when a finding on it rejects, 0 when it has only warnings. */
  readonly lineErrors: Uint8Array;
  /** Per line in `lines`: its rules in report order, joined by ', '; the lines joined by a line feed. */
  readonly lineLabels: string;
}

export interface CheckResult {
  readonly kind: 'result';
  readonly id: number;
  readonly summary?: ReportSummary;
  /** The retour (or 325) built in the browser, when the message gets one. */
  readonly retour?: { readonly message: string; readonly xml: string };
  /** Why there is no retour, when there is none. */
  readonly noRetour?: LocalizedText;
  /** Set when the worker itself failed; never holds message content. */
  readonly failure?: string;
}

export type CheckResponse = CheckProgress | CheckResult;

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
