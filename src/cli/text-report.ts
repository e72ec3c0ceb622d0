/** Reports as text for people: the verdict per file, then every finding with its line, rule, retourcode and both texts. */
import type { FindingJson, ReportJson } from '../http/report-json.js';
import type { StandardId } from '../standard/descriptor.js';
import { describeStandard } from '../standard/model.js';

export function describeVerdict(report: ReportJson): string {
  return report.accepted ? 'accepted (geaccepteerd)' : 'REJECTED (afgekeurd)';
}

function messageLabel(report: ReportJson): string {
  if (!report.message) return 'unknown message type';
  const parts = [report.standard ? describeStandard(report.standard as StandardId) : undefined, report.berichtCode ? `BerichtCode ${report.berichtCode}` : undefined].filter(Boolean);
  return parts.length ? `${report.message} (${parts.join(', ')})` : report.message;
}

export function formatFinding(finding: FindingJson): string {
  const where = finding.line !== null ? `line ${finding.line}` : 'no line';
  const retourcode = finding.retourcode ?? '-';
  const kind = finding.severity === 'warning' ? ' warning' : '';
  return [
    `  ${where}  ${finding.rule}  level ${finding.level}  retourcode ${retourcode}${kind}  ${finding.path}`,
    `    nl: ${finding.message.nl}`,
    `    en: ${finding.message.en}`,
  ].join('\n');
}

export function formatFileReport(file: string, report: ReportJson): string {
  const head = `${report.accepted ? '✓' : '✗'} ${file}: ${describeVerdict(report)}, ${messageLabel(report)}`;
  return [head, ...report.findings.map(formatFinding)].join('\n');
}

export interface FileResult {
  readonly file: string;
  readonly report: ReportJson;
}

/** Accepted and rejected per message type, and the rules that reject most often. */
export function formatSummary(results: readonly FileResult[], topRules = 5): string {
  const byType = new Map<string, { accepted: number; rejected: number }>();
  const ruleCounts = new Map<string, number>();
  for (const { report } of results) {
    const type = report.message ?? 'unknown';
    const counts = byType.get(type) ?? { accepted: 0, rejected: 0 };
    if (report.accepted) counts.accepted++;
    else counts.rejected++;
    byType.set(type, counts);
    for (const finding of report.findings) ruleCounts.set(finding.rule, (ruleCounts.get(finding.rule) ?? 0) + 1);
  }
  const accepted = results.filter((r) => r.report.accepted).length;
  const lines = [`${results.length} file${results.length === 1 ? '' : 's'}: ${accepted} accepted, ${results.length - accepted} rejected`];
  for (const [type, counts] of [...byType].sort(([a], [b]) => a.localeCompare(b))) {
    lines.push(`  ${type.padEnd(8)} ${String(counts.accepted).padStart(6)} accepted ${String(counts.rejected).padStart(6)} rejected`);
  }
  const frequent = [...ruleCounts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, topRules);
  if (frequent.length > 0) {
    lines.push('Most frequent rules:');
    for (const [rule, count] of frequent) lines.push(`  ${rule.padEnd(8)} ${String(count).padStart(6)}×`);
  }
  return lines.join('\n');
}
