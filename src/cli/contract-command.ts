/**
 * `iwmo contract status`: a lump-sum contract and its providers' reports, per
 * reporting period — band position, budget used against time elapsed, and the
 * budget amendment a band crossing triggers. Exit codes: 0 computed, 1 the
 * inputs are invalid (findings on stderr), 2 usage or I/O error.
 */
import { readFile } from 'node:fs/promises';
import { Option, type Command } from 'commander';
import type { Finding } from '../index.js';
import { contractStatus, findingDocument, formatContractStatus, safeParseDocument, type ContractStatus, type DocumentKind, type LumpsumContract, type ProviderReport } from '../extensions/index.js';
import { findingJson, type ReportJson } from '../http/report-json.js';
import { describeIoError } from './files.js';
import { examples, positiveInteger } from './options.js';
import { formatFileReport } from './text-report.js';
import { EXIT_ACCEPTED, EXIT_REJECTED, EXIT_USAGE } from './validate-command.js';

export interface ContractStatusCommandOptions {
  readonly format: 'text' | 'json';
  readonly threshold?: number;
}

interface Input {
  readonly file: string;
  readonly expected: DocumentKind;
  readonly document?: unknown;
  readonly findings: Finding[];
}

/** Reads and validates one document (JSON or XML) and checks that it is of the kind its place on the command line asks for. */
function readDocument(file: string, bytes: Buffer, expected: DocumentKind): Input {
  const parsed = safeParseDocument(new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength));
  if (!parsed.ok) return { file, expected, findings: [...parsed.findings] };
  if (parsed.value.kind !== expected) {
    const wrongKind: Finding = {
      rule: 'EXT100',
      level: 3,
      retourcode: null,
      path: '/kind',
      message: { nl: `Hier hoort een ${expected}, dit document is een ${parsed.value.kind}.`, en: `A ${expected} belongs here; this document is a ${parsed.value.kind}.` },
    };
    return { file, expected, findings: [...parsed.findings, wrongKind] };
  }
  return { file, expected, document: parsed.value, findings: [...parsed.findings] };
}

function reportOf(input: Input): ReportJson {
  const findings = input.findings.map(findingJson);
  return { message: input.expected, berichtCode: null, accepted: findings.every((f) => f.severity === 'warning'), findings };
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
  for (const report of reports) {
    if (report.findings.length > 0) process.stderr.write(formatFileReport(report.file, report) + '\n');
  }
  return reports.every((r) => r.accepted) ? EXIT_ACCEPTED : EXIT_REJECTED;
}

export function addContractCommand(program: Command, setExitCode: (code: number) => void): void {
  const contract = program
    .command('contract')
    .description('Lump-sum contracts beside the standard messages: their status over the reporting periods.')
    // The subcommand is made before the program's exit handling is set: it takes it over when it runs.
    .hook('preSubcommand', (parent, sub) => void sub.copyInheritedSettings(parent));

  contract
    .command('status')
    .description('Per reporting period: the reported clients or units against the band, budget used against time elapsed, and the budget amendment a band crossing triggers. Documents in JSON or XML, validated first as by iwmo ext validate.')
    .argument('<contract>', 'the LumpsumContract document (.json or .xml)')
    .argument('[reports...]', 'its ProviderReport documents (.json or .xml); several reporters of one period add up')
    .addOption(new Option('--format <format>', 'output for people (text) or machines (json)').choices(['text', 'json']).default('text'))
    .option('--threshold <bp>', 'flag a period when budget used runs this many basis points ahead of time elapsed (a profile\'s utilisationThresholdBp)', positiveInteger)
    .addHelpText('after', `\nExit codes: 0 computed, 1 invalid inputs (findings on stderr; the status of the rest is still shown), 2 usage or I/O error.` + examples('iwmo contract status contract.json report-P*.json', 'iwmo contract status --format json --threshold 1000 contract.xml report-P07.xml'))
    .action(async (contractFile: string, reportFiles: string[], options: ContractStatusCommandOptions) => {
      setExitCode(await contractStatusCommand(contractFile, reportFiles, options));
    });
}
