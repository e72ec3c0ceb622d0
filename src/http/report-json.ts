/**
 * The JSON shape of a Report that the CLI (`--format json`) and the HTTP
 * service both print: stable keys, `null` where a value is unknown, so
 * consumers never have to test for missing properties.
 */
import type { Finding, LocalizedText, Report } from '../index.js';

export interface FindingJson {
  readonly rule: string;
  readonly level: Finding['level'];
  readonly retourcode: string | null;
  readonly path: string;
  readonly line: number | null;
  readonly severity: 'error' | 'warning';
  readonly message: LocalizedText;
}

export interface ReportJson {
  readonly message: string | null;
  /** `iwmo-3.2` or `ijw-3.2` (null when no message was detected). `reportJson` always sets it; a report of a document that is no message of a standard may leave it out. */
  readonly standard?: string | null;
  readonly berichtCode: string | null;
  readonly accepted: boolean;
  readonly findings: readonly FindingJson[];
}

export function findingJson(finding: Finding): FindingJson {
  return {
    rule: finding.rule,
    level: finding.level,
    retourcode: finding.retourcode,
    path: finding.path,
    line: finding.line ?? null,
    severity: finding.severity ?? 'error',
    message: { nl: finding.message.nl, en: finding.message.en },
  };
}

export function reportJson(report: Report): ReportJson {
  return {
    message: report.message ?? null,
    standard: report.standard ?? null,
    berichtCode: report.berichtCode ?? null,
    accepted: report.accepted,
    findings: report.findings.map(findingJson),
  };
}
