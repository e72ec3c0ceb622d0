/**
 * The contract view's reading and computing, run in the page's worker: each
 * dropped file is validated as an extension document (JSON or XML), the one
 * LumpsumContract and its ProviderReports are told apart by kind, and the
 * status is computed; the status's findings go back to the file they are about.
 */
import type { Finding } from '../index.js';
import { contractStatus, findingDocument, safeParseDocument, type ContractStatus, type ExtensionDocument, type LumpsumContract, type ProviderReport } from '../extensions/index.js';

import { MAX_DOCUMENT_BYTES } from './protocol.js';

export interface DocumentFile {
  readonly name: string;
  readonly bytes: Uint8Array;
  /** The file's size, when its bytes were not read because it is too large. */
  readonly size?: number;
}

export interface FileOutcome {
  readonly name: string;
  readonly kind?: 'LumpsumContract' | 'ProviderReport';
  readonly findings: readonly Finding[];
}

export interface ContractOutcome {
  readonly files: readonly FileOutcome[];
  /** How many of the files are contracts: the status needs exactly one. */
  readonly contracts: number;
  readonly status?: ContractStatus;
}

function finding(rule: string, level: 1 | 3, path: string, nl: string, en: string): Finding {
  return { rule, level, retourcode: null, path, message: { nl, en } };
}

function read(file: DocumentFile): { outcome: { name: string; kind?: FileOutcome['kind']; findings: Finding[] }; document?: ExtensionDocument } {
  if ((file.size ?? file.bytes.byteLength) > MAX_DOCUMENT_BYTES) {
    return { outcome: { name: file.name, findings: [finding('EXT001', 1, '/', 'Dit bestand is groter dan 5 MB; een contract of rapportage is veel kleiner.', 'This file is larger than 5 MB; a contract or report is much smaller.')] } };
  }
  const parsed = safeParseDocument(file.bytes);
  if (!parsed.ok) return { outcome: { name: file.name, findings: [...parsed.findings] } };
  const { kind } = parsed.value;
  if (kind !== 'LumpsumContract' && kind !== 'ProviderReport') {
    return { outcome: { name: file.name, findings: [...parsed.findings, finding('EXT100', 3, '/kind', `Dit is een ${kind}, geen LumpsumContract of ProviderReport.`, `This is a ${kind}, neither a LumpsumContract nor a ProviderReport.`)] } };
  }
  return { outcome: { name: file.name, kind, findings: [...parsed.findings] }, document: parsed.value };
}

export function contractOutcome(files: readonly DocumentFile[]): ContractOutcome {
  const read_ = files.map(read);
  const contracts = read_.filter((r) => r.outcome.kind === 'LumpsumContract');
  const reports = read_.filter((r) => r.outcome.kind === 'ProviderReport');
  const outcomes = read_.map((r) => r.outcome);
  if (contracts.length !== 1) return { files: outcomes, contracts: contracts.length };
  const contract = contracts[0]!;
  const status = contractStatus(contract.document as LumpsumContract, reports.map((r) => r.document as ProviderReport));
  for (const f of status.findings) {
    const { document, path } = findingDocument(f);
    (document === 'contract' ? contract : reports[document])?.outcome.findings.push({ ...f, path });
  }
  return { files: outcomes, contracts: 1, status };
}
