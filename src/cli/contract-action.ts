/** What `iwmo contract status` does, loaded only when it runs. */
import { readFile } from 'node:fs/promises';
import type { Finding } from '../index.js';
import { contractStatus, findingDocument, formatContractStatus, parseDocument, validateDocument, type ContractStatus, type DocumentKind, type DocumentReport, type LumpsumContract, type ProviderReport } from '../extensions/index.js';
import type { DocumentReportJson } from '../http/ext-validate.js';
import { findingJson, type ReportJson } from '../http/report-json.js';
import { describeIoError } from './files.js';
import { formatFileReport } from './text-report.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './exit-codes.js';

export interface ContractStatusCommandOptions {
  readonly format: 'text' | 'json';
  readonly threshold?: number;
}

interface Input {
  readonly file: string;
  readonly expected: DocumentKind;
  readonly report: DocumentReport;
  readonly document?: unknown;
  readonly findings: Finding[];
}

/** Reads and validates one document (JSON or XML) and checks that it is of the kind its place on the command line asks for. */
function readDocument(file: string, bytes: Buffer, expected: DocumentKind): Input {
  const input = new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const report = validateDocument(input);
  const findings = [...report.findings];
  if (!report.accepted) return { file, expected, report, findings };
  if (report.kind !== expected) {
    const message = { nl: `Hier hoort een ${expected}, dit document is een ${report.kind ?? 'onbekende soort'}.`, en: `A ${expected} belongs here; this document is a ${report.kind ?? 'unknown kind'}.` };
    return { file, expected, report, findings: [...findings, { rule: 'EXT100', level: 3, retourcode: null, path: '/kind', message }] };
  }
  return { file, expected, report, document: parseDocument(input), findings };
}

/** The file's report as `iwmo ext validate --format json` prints it, with the status findings added. */
function reportOf(input: Input): DocumentReportJson {
  const findings = input.findings.map(findingJson);
  return { kind: input.report.kind ?? null, format: input.report.format ?? null, accepted: findings.every((f) => f.severity === 'warning'), findings };
}

/** Hands each status finding to the file it is about: `/reports/2/…` is the third report, `/contract/…` the contract. */
function attribute(inputs: readonly Input[], findings: readonly Finding[]): void {
  for (const finding of findings) {
    const { document, path } = findingDocument(finding);
    inputs[document === 'contract' ? 0 : document + 1]?.findings.push({ ...finding, path });
  }
}

export async function contractStatusCommand(contractFile: string, reportFiles: readonly string[], options: ContractStatusCommandOptions): Promise<number> {
  const files = [contractFile, ...reportFiles];
  const inputs: Input[] = [];
  let ioError = false;
  for (const [i, file] of files.entries()) {
    try {
      inputs.push(readDocument(file, await readFile(file), i === 0 ? 'LumpsumContract' : 'ProviderReport'));
    } catch (error) {
      process.stderr.write(`iwmo: ${file}: ${describeIoError(error)}\n`);
      ioError = true;
    }
  }
  if (ioError) return EXIT_USAGE;

  let status: ContractStatus | undefined;
  // The status is computed from valid documents only (warnings do not count against them).
  if (inputs.every((input) => input.document !== undefined && input.findings.every((f) => f.severity === 'warning'))) {
    const [contract, ...reports] = inputs.map((input) => input.document);
    status = contractStatus(contract as LumpsumContract, reports as ProviderReport[], options.threshold !== undefined ? { thresholdBp: options.threshold } : {});
    attribute(inputs, status.findings);
  }
  const reports = inputs.map((input) => ({ file: input.file, ...reportOf(input) }));

  if (options.format === 'json') {
    // The findings are in `files`, each with the file it is about.
    const { findings: _findings, ...computed } = status ?? { findings: [] };
    process.stdout.write(JSON.stringify({ files: reports, status: status ? computed : null }, null, 2) + '\n');
  } else if (status) {
    process.stdout.write(formatContractStatus(status, 'en') + '\n');
  }
  for (const [i, report] of reports.entries()) {
    // The same text as `iwmo validate`, with the document's kind (or the expected one) where a message type would be.
    const asText: ReportJson = { message: report.kind ?? inputs[i]!.expected, berichtCode: null, accepted: report.accepted, findings: report.findings };
    if (report.findings.length > 0) process.stderr.write(formatFileReport(report.file, asText) + '\n');
  }
  return reports.every((r) => r.accepted) ? EXIT_ACCEPTED : EXIT_REJECTED;
}
