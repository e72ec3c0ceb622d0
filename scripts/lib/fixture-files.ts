/**
 * The committed fixtures on disk: fixtures/messages/WMO3NN/NAME.xml (and JW3NN) with a
 * sidecar NAME.expect.json. Read by the fixture tests and the conformance
 * script; written by scripts/lib/fixtures/write.ts.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');
export const FIXTURE_DIR = join(REPO_ROOT, 'fixtures/messages');

export interface ExpectedFinding {
  readonly rule: string;
  readonly level: number;
  readonly path: string;
  /** Set for warnings (a BOM); absent for errors. */
  readonly severity?: 'warning';
}

export interface FixtureExpectation {
  /** What the fixture is, in the standard's terms. */
  readonly description: string;
  /** The verdict of `validate` (levels 1 and 2). */
  readonly accepted: boolean;
  /**
   * The findings the decoder must give, in order: for an invalid fixture at least the first
   * level-1 finding; for a valid one every finding (usually none).
   */
  readonly findings: readonly ExpectedFinding[];
  /** Written in our canonical layout (prefixes wmo3NN/iwmo, tabs, CRLF): encode must reproduce the bytes. */
  readonly canonical?: boolean;
  /** Present only where xmllint's level-1 verdict differs by design, with the reason. */
  readonly xmllint?: { readonly accepted: boolean; readonly reason: string };
}

export interface FixtureFile {
  /** Message id from the folder name (`WMO301`). */
  readonly id: string;
  readonly name: string;
  readonly path: string;
  readonly bytes: Uint8Array;
  readonly expect: FixtureExpectation;
}

export function loadFixtures(dir = FIXTURE_DIR): FixtureFile[] {
  if (!existsSync(dir)) return [];
  const out: FixtureFile[] = [];
  for (const id of readdirSync(dir).filter((d) => /^(WMO|JW)3\d\d$/.test(d)).sort()) {
    for (const file of readdirSync(join(dir, id)).filter((f) => f.endsWith('.xml')).sort()) {
      const name = file.slice(0, -'.xml'.length);
      const path = join(dir, id, file);
      const sidecar = join(dir, id, `${name}.expect.json`);
      if (!existsSync(sidecar)) throw new Error(`fixture ${id}/${file} has no ${name}.expect.json`);
      out.push({ id, name, path, bytes: readFileSync(path), expect: JSON.parse(readFileSync(sidecar, 'utf8')) as FixtureExpectation });
    }
  }
  return out;
}
