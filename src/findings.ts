/**
 * Problems as data. Every check in the library reports `Finding`s; nothing
 * throws on bad input except `parse`, which wraps all findings in one `IwmoError`.
 */
import type { MessageId, StandardId } from './standard/descriptor.js';

/** The standard's control levels: 1 XSD, 2 in-message rules, 3 cross-message, 4 external sources. */
export type ControlLevel = 1 | 2 | 3 | 4;

export interface LocalizedText {
  readonly nl: string;
  readonly en: string;
}

export interface Finding {
  /** `XSD` for level 1, otherwise the rule id of the standard (`CD041`, `CS002`, `TR101`) or a profile's own id. */
  readonly rule: string;
  readonly level: ControlLevel;
  /** Official retourcode (WJ001); `null` for level 1, which has no retour. */
  readonly retourcode: string | null;
  /** XPath in the standard's style: `/Bericht/Client/ToegewezenProducten/ToegewezenProduct[2]/Omvang`. */
  readonly path: string;
  readonly line?: number;
  readonly column?: number;
  readonly message: LocalizedText;
  /** Warnings (a BOM, say) never reject a message; findings without severity are errors. */
  readonly severity?: 'error' | 'warning';
}

export function isError(finding: Finding): boolean {
  return finding.severity !== 'warning';
}

export interface Report {
  /** The detected message, when it could be told from namespace and BerichtCode. */
  readonly message?: MessageId;
  /** The standard of the detected message: iWmo 3.2 or iJw 3.2. */
  readonly standard?: StandardId;
  readonly berichtCode?: string;
  /** True when no finding rejects the message. */
  readonly accepted: boolean;
  readonly findings: readonly Finding[];
}

export class IwmoError extends Error {
  readonly findings: readonly Finding[];
  constructor(findings: readonly Finding[]) {
    const first = findings[0];
    const more = findings.length > 1 ? ` (+${findings.length - 1} more)` : '';
    super(first ? `${first.rule} at ${first.path}${first.line ? ` (line ${first.line})` : ''}: ${first.message.en}${more}` : 'Invalid iWmo message');
    this.name = 'IwmoError';
    this.findings = findings;
  }
}

/** Masks a BSN for display: only the last four digits stay (`*****6782`). */
export function maskBsn(bsn: string): string {
  return bsn.length <= 4 ? '*'.repeat(bsn.length) : '*'.repeat(bsn.length - 4) + bsn.slice(-4);
}
