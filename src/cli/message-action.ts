/** What `iwmo format`, `iwmo retour` and `iwmo inspect` do, loaded only when one of them runs. */
import { safeParse } from '../index.js';
import { runOperation } from '../http/operations.js';
import { reportJson } from '../http/report-json.js';
import { readInput, writeResult } from './files.js';
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

/** `iwmo retour` without a dossier: the answer to a message, on stdout or in a file. */
export async function retourCommand(file: string, out: string | undefined): Promise<number> {
  const xml = await readInput(file);
  if (!xml) return EXIT_USAGE;
  const result = runOperation({ operation: 'retour', xml });
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
