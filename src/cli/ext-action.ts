/** What `iwmo ext validate` does, loaded only when it runs. */
import { readFile, readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { validateDocument } from '../extensions/documents/validate.js';
import { documentReportJson, type DocumentReportJson } from '../http/ext-validate.js';
import { describeIoError } from './files.js';
import { formatFileReport, formatSummary, type FileResult } from './text-report.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './exit-codes.js';

/** Documents in a folder: *.json and *.xml, except the fixtures' own *.expect.json. */
function isDocumentFile(name: string): boolean {
  const lower = name.toLowerCase();
  return (lower.endsWith('.json') && !lower.endsWith('.expect.json')) || lower.endsWith('.xml');
}

async function collect(paths: readonly string[]): Promise<{ files: string[]; problems: string[] }> {
  const files: string[] = [];
  const problems: string[] = [];
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true });
    entries.sort((a, b) => a.name.localeCompare(b.name));
    for (const entry of entries) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) await walk(path);
      else if (entry.isFile() && isDocumentFile(entry.name)) files.push(path);
    }
  };
  for (const path of paths) {
    try {
      if ((await stat(path)).isDirectory()) await walk(path);
      else files.push(path);
    } catch (error) {
      problems.push(`${path}: ${describeIoError(error)}`);
    }
  }
  return { files, problems };
}

export async function extValidateCommand(paths: readonly string[], options: { format: 'text' | 'json' }): Promise<number> {
  const { files, problems } = await collect(paths);
  for (const problem of problems) process.stderr.write(`iwmo: ${problem}\n`);
  if (problems.length > 0) return EXIT_USAGE;
  if (files.length === 0) {
    process.stderr.write('iwmo: no .json or .xml files found\n');
    return EXIT_USAGE;
  }
  const results: { file: string; report: DocumentReportJson }[] = [];
  const ioErrors: string[] = [];
  for (const file of files) {
    try {
      results.push({ file, report: documentReportJson(validateDocument(await readFile(file))) });
    } catch (error) {
      ioErrors.push(`${file}: ${describeIoError(error)}`);
    }
  }
  if (options.format === 'json') {
    process.stdout.write(JSON.stringify(results.map(({ file, report }) => ({ file, ...report })), null, 2) + '\n');
  } else {
    // The same text as `iwmo validate`, with the document's kind where a message type would be.
    const asText: FileResult[] = results.map(({ file, report }) => ({ file, report: { message: report.kind, berichtCode: null, accepted: report.accepted, findings: report.findings } }));
    for (const { file, report } of asText) process.stdout.write(formatFileReport(file, report) + '\n');
    if (asText.length > 1) process.stdout.write('\n' + formatSummary(asText) + '\n');
  }
  for (const error of ioErrors) process.stderr.write(`iwmo: ${error}\n`);
  if (ioErrors.length > 0) return EXIT_USAGE;
  return results.every((r) => r.report.accepted) ? EXIT_ACCEPTED : EXIT_REJECTED;
}
