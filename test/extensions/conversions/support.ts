/** Fixtures and generators shared by the conversion tests. */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, serialize, validate, type Message, type MessageId, type WMO301 } from '../../../src/index.js';
import { REPO_ROOT } from '../../retour/support.js';

export { addDaysUtc, specificCase, with301, type SpecificCase } from '../../../scripts/lib/conversion-cases.js';

export const CONVERSION_FIXTURES = join(REPO_ROOT, 'fixtures/extensions/conversions');

export function fixtureJson<T>(name: string): T {
  return JSON.parse(readFileSync(join(CONVERSION_FIXTURES, name), 'utf8')) as T;
}

export function fixture301(name: string): WMO301 {
  return parse(readFileSync(join(CONVERSION_FIXTURES, name))) as WMO301;
}

/** Levels 1 and 2, as the national chain: the rules that rejected it, or [] when accepted. */
export function rejections(message: Message): string[] {
  const report = validate(serialize(message));
  return report.accepted ? [] : report.findings.filter((f) => f.severity !== 'warning').map((f) => `${f.rule} ${f.path}: ${f.message.en}`);
}

/** The official XSDs sit in ../shared beside a checkout (or two levels up beside a worktree); a clone has neither. */
export const XSD_DIR = [join(REPO_ROOT, '../shared/conformance/iwmo-3.2/xsd'), join(REPO_ROOT, '../../shared/conformance/iwmo-3.2/xsd')].find((dir) => existsSync(join(dir, 'WMO301.xsd')));

function skipReason(): string | undefined {
  if (!XSD_DIR) return 'the official XSDs are not in ../shared/conformance/iwmo-3.2/xsd (a clone without ../shared)';
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'xmllint is not installed (Debian: apt-get install -y libxml2-utils)';
  return undefined;
}

/** Why the xmllint assertions cannot run here, or undefined when they can. */
export const XMLLINT_SKIP_REASON = skipReason();

export function xmllintTitle(title: string): string {
  return XMLLINT_SKIP_REASON ? `${title} (skipped: ${XMLLINT_SKIP_REASON})` : title;
}

/** `xmllint --noout --schema WMO3NN.xsd -`: its complaint, or undefined when the document is valid. */
export function xmllintComplaint(xml: string, id: MessageId): string | undefined {
  const result = spawnSync('xmllint', ['--noout', '--schema', join(XSD_DIR!, `${id}.xsd`), '-'], { input: xml, encoding: 'utf8' });
  return result.status === 0 ? undefined : result.stderr || `xmllint exited with ${String(result.status)}`;
}
