/** The fixtures of fixtures/extensions/ as the tests read them. */
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Expectation } from '../../../scripts/lib/extensions/fixtures/files.js';

export const root = fileURLToPath(new URL('../../../', import.meta.url));
export const fixtureDir = join(root, 'fixtures/extensions');
export const SEED_CASES = ['goeree-2016', 'sittard', 'alphen', 'brunssum', 'leeuwarden'] as const;

export function validFixtureFiles(): string[] {
  return SEED_CASES.flatMap((folder) =>
    readdirSync(join(fixtureDir, folder))
      .filter((f) => f.endsWith('.json') || f.endsWith('.xml'))
      .map((f) => join(fixtureDir, folder, f)),
  );
}

export interface BrokenCase {
  readonly name: string;
  readonly expectation: Expectation;
  /** Files with what they must report. */
  readonly files: readonly { readonly file: string; readonly findings: Expectation['findings'] }[];
}

export function brokenCases(): BrokenCase[] {
  const dir = join(fixtureDir, 'broken');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.expect.json'))
    .sort()
    .map((f) => {
      const name = f.slice(0, -'.expect.json'.length);
      const expectation = JSON.parse(readFileSync(join(dir, f), 'utf8')) as Expectation;
      const files = [
        ...(expectation.findings.length ? [{ file: join(dir, `${name}.json`), findings: expectation.findings }] : []),
        ...(expectation.xml ? [{ file: join(dir, `${name}.xml`), findings: expectation.xml.findings }] : []),
      ];
      return { name, expectation, files };
    });
}
