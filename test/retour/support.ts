/**
 * Shared by the retour tests: the heen-berichten in fixtures/retour, a walk
 * over the berichtklassen of a built answer, and the official XSD check with
 * xmllint where it is installed and the reference XSDs are present.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { decode, standardIdOf, type Message, type MessageId } from '../../src/index.js';

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '../..');
export const RETOUR_FIXTURES = join(REPO_ROOT, 'fixtures/retour');
/** The official XSDs live outside the repository (a clone has no ../shared; IWMO_SHARED names another place). */
const SHARED = process.env.IWMO_SHARED ?? join(REPO_ROOT, '../shared');
export const XSD_DIR = join(SHARED, 'conformance/iwmo-3.2/xsd');
/** The XSD folder of a message's standard. */
const xsdDirOf = (id: MessageId): string => join(SHARED, 'conformance', standardIdOf(id), 'xsd');

export function fixtureBytes(id: MessageId): Uint8Array {
  return readFileSync(join(RETOUR_FIXTURES, `${id}.xml`));
}

export function loadFixture<T extends Message>(id: T['type']): T {
  const result = decode(fixtureBytes(id));
  if (!result.value) throw new Error(`fixtures/retour/${id}.xml does not decode: ${result.findings.map((f) => f.message.en).join('; ')}`);
  return result.value as T;
}

function xmllintSkipReason(): string | undefined {
  if (!existsSync(join(XSD_DIR, 'WMO302.xsd')) || !existsSync(join(xsdDirOf('JW302'), 'JW302.xsd'))) return `the official XSDs are not at ${XSD_DIR} (a clone without ../shared)`;
  const probe = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) return 'xmllint is not installed (Debian: apt-get install -y libxml2-utils)';
  return undefined;
}

/** Why the xmllint assertions cannot run here, or undefined when they can. */
export const XMLLINT_SKIP_REASON = xmllintSkipReason();

/** A test title that says why the test is skipped when xmllint cannot run. */
export function xmllintTitle(title: string): string {
  return XMLLINT_SKIP_REASON ? `${title} (skipped: ${XMLLINT_SKIP_REASON})` : title;
}

/** Runs `xmllint --noout --schema WMO3NN.xsd` on the document; returns its complaint, or undefined when the document is valid. */
export function xmllintComplaint(xml: string, id: MessageId): string | undefined {
  const result = spawnSync('xmllint', ['--noout', '--schema', join(xsdDirOf(id), `${id}.xsd`), '-'], { input: xml, encoding: 'utf8' });
  return result.status === 0 ? undefined : result.stderr || `xmllint exited with ${String(result.status)}`;
}

export interface ClassEntry {
  /** Property path in the typed model with `[*]` for list items: `client.toegewezenProducten[*]`. */
  readonly shape: string;
  /** The same with positions: `client.toegewezenProducten[1]`. */
  readonly at: string;
  readonly retourCodes: readonly string[];
}

/** Every object in the body of an answer that carries RetourCodes (the header aside). */
export function classesOf(message: Message): ClassEntry[] {
  const entries: ClassEntry[] = [];
  const walk = (value: unknown, shape: string, at: string): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, `${shape}[*]`, `${at}[${i}]`));
      return;
    }
    if (typeof value !== 'object' || value === null) return;
    const record = value as Record<string, unknown>;
    if (Array.isArray(record['retourCodes'])) entries.push({ shape, at, retourCodes: record['retourCodes'] as string[] });
    for (const [key, child] of Object.entries(record)) {
      if (key !== 'retourCodes' && typeof child === 'object') walk(child, shape ? `${shape}.${key}` : key, at ? `${at}.${key}` : key);
    }
  };
  for (const [key, value] of Object.entries(message)) if (key !== 'header' && key !== 'type') walk(value, key, key);
  return entries;
}

/** A deep copy without any `retourCodes`: what a body looks like before the codes were added. */
export function withoutRetourCodes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutRetourCodes);
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.entries(value).filter(([key]) => key !== 'retourCodes').map(([key, child]) => [key, withoutRetourCodes(child)]));
}
