/**
 * Validates a file, or answers it, without reading it whole (`validateChunks`,
 * `retourChunks`): chunks go through the streaming path, so memory does not
 * grow with a large declaratie. Only when that path gives up (input the fast
 * tokenizer leaves to saxes) is the file read whole and judged the classic
 * way, with the same findings.
 */
import { stat } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import type { ValidateOptions } from '../api.js';
import type { Report } from '../findings.js';
import type { RetourCallOptions, RetourResult } from '../retour/retour.js';
import { fileChunks } from './file-chunks.js';
import { DEFAULT_MAX_BYTES, tooLargeReport } from '../xml/reader.js';

/** From this size on a file may be split over two threads (a worker thread costs about 0.1 s to start). */
export const PARTS_FROM_BYTES = 4_000_000;

export interface ValidateFileOptions extends ValidateOptions {
  /**
   * Split a declaratie of PARTS_FROM_BYTES or more over two threads. Off by
   * default: on the 2-core machine it was measured on, two busy cores each ran
   * at about 0.7× of one alone, and the split took longer than one pass.
   */
  readonly parts?: boolean;
}

export async function validateFile(file: string, options: ValidateFileOptions = {}): Promise<Report> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { size } = await stat(file);
  if (size > maxBytes) return tooLargeReport(size, maxBytes);
  if (options.parts === true && size >= PARTS_FROM_BYTES && options.locations !== false && availableParallelism() > 1) {
    const { validateInParts } = await import('./validate-parts.js');
    const report = await validateInParts(file, size, options);
    if (report) return report;
  }
  // Loaded only here: a declaratie validated in parts leaves the decoder and the rules to the worker threads.
  const { validateChunks } = await import('../validate-chunks.js');
  return validateChunks(() => fileChunks(file), options);
}

/** The retour (or 325) on a file, like `validateFile` without reading it whole: a declaratie's Clients are judged in batches and dropped. */
export async function retourFile(file: string, options: RetourCallOptions = {}): Promise<RetourResult> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  const { size } = await stat(file);
  const { retourChunks, retourTooLarge } = await import('../retour/retour.js');
  if (size > maxBytes) return retourTooLarge(size, maxBytes, options);
  return retourChunks(() => fileChunks(file), options);
}
