/** What `iwmo format`, `iwmo retour` and `iwmo inspect` do, loaded only when one of them runs. */
import { retourChunks, safeParse, type RetourResult } from '../index.js';
import { retourOperationResult, runOperation } from '../http/operations.js';
import { reportJson } from '../http/report-json.js';
import { collectOldGenerationSooner, keepYoungGenerationSmall } from '../node/heap.js';
import { retourFile } from '../node/validate-file.js';
import { DEFAULT_MAX_BYTES } from '../xml/reader.js';
import { describeIoError, readInput, STDIN_PATH, stdinSource, writeResult } from './files.js';
import { inspectMessage } from './inspect.js';
import { formatFileReport } from './text-report.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './exit-codes.js';

/** `iwmo format`: the canonical form on stdout. */
export async function formatCommand(file: string): Promise<number> {
  const xml = await readInput(file);
  if (!xml) return EXIT_USAGE;
  const result = runOperation({ operation: 'format', xml });
  if (result.xml === undefined) {
    process.stderr.write(formatFileReport(file, result.report) + '\n');
    return EXIT_REJECTED;
  }
  process.stdout.write(result.xml);
  return EXIT_ACCEPTED;
}

/**
 * `iwmo retour` without a dossier: the answer to a message, on stdout or in a
 * file. The message is read as a stream, as `iwmo validate` reads it: a
 * declaratie's 325 is built without keeping its Clients.
 */
export async function retourCommand(file: string, out: string | undefined, options: { maxSize?: number } = {}): Promise<number> {
  // This process is ours: its heap is sized for streamed validation (node/heap.ts).
  keepYoungGenerationSmall();
  collectOldGenerationSooner();
  const limits = options.maxSize !== undefined ? { maxBytes: options.maxSize } : {};
  let answered: RetourResult;
  try {
    answered = file === STDIN_PATH ? await retourChunks(stdinSource(options.maxSize ?? DEFAULT_MAX_BYTES), limits) : await retourFile(file, limits);
  } catch (error) {
    process.stderr.write(`iwmo: ${file}: ${describeIoError(error)}\n`);
    return EXIT_USAGE;
  }
  const result = retourOperationResult(answered);
  if (result.xml === undefined) {
    // No retour: level 1 failed (the sender gets an error instead) or the message is an answer itself.
    process.stderr.write(formatFileReport(file, result.report) + '\n');
    if (result.reason) process.stderr.write(`No retour.\n  nl: ${result.reason.nl}\n  en: ${result.reason.en}\n`);
    return EXIT_REJECTED;
  }
  return writeResult(result.xml, out, result.answer ?? 'retour');
}

/** `iwmo inspect`: a readable summary of a message. */
export async function inspectCommand(file: string, options: { limit: number }): Promise<number> {
  const xml = await readInput(file);
  if (!xml) return EXIT_USAGE;
  const parsed = safeParse(xml);
  if (!parsed.ok) {
    process.stderr.write(formatFileReport(file, reportJson({ accepted: false, findings: parsed.findings })) + '\n');
    return EXIT_REJECTED;
  }
  process.stdout.write(inspectMessage(parsed.value, { limit: options.limit }) + '\n');
  return EXIT_ACCEPTED;
}
