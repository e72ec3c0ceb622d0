/**
 * xmllint as the reference for level 1: `xmllint --noout --schema XSD f1 f2 …`
 * validates many files per call (the schema is compiled once) and reports per
 * file on stderr: `F validates`, `F fails to validate`, or only `F:LINE: parser
 * error …` for a document that is not well-formed.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpus } from 'node:os';

export interface XmllintVerdict {
  readonly accepted: boolean;
  /** The first error line for the file, without the file name prefix. */
  readonly firstError?: string;
}

export function xmllintVersion(): string | undefined {
  const r = spawnSync('xmllint', ['--version'], { encoding: 'utf8' });
  if (r.error || r.status !== 0) return undefined;
  return /using libxml version (\d+)/.exec(r.stderr + r.stdout)?.[1];
}

function parseOutput(files: readonly string[], output: string, verdicts: Map<string, XmllintVerdict>): void {
  const errors = new Map<string, string>();
  const outcome = new Map<string, boolean>();
  const lines = output.split('\n');
  // Longest names first, so `a/1.xml` never claims a line of `a/10.xml` (the separators make this safe anyway).
  const byLength = [...files].sort((a, b) => b.length - a.length);
  for (const line of lines) {
    for (const file of byLength) {
      if (!line.startsWith(file)) continue;
      const rest = line.slice(file.length);
      if (rest === ' validates') outcome.set(file, true);
      else if (rest === ' fails to validate') outcome.set(file, false);
      else if (rest.startsWith(':') && !errors.has(file)) errors.set(file, rest.replace(/^:\d+: /, '').trim());
      else continue;
      break;
    }
  }
  for (const file of files) {
    const accepted = outcome.get(file) ?? false;
    const firstError = errors.get(file) ?? (outcome.has(file) ? undefined : 'no verdict from xmllint (not well-formed or unreadable)');
    verdicts.set(file, accepted ? { accepted } : { accepted, ...(firstError ? { firstError } : {}) });
  }
}

function runBatch(xsd: string, files: readonly string[]): Promise<string> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('xmllint', ['--noout', '--schema', xsd, ...files], { stdio: ['ignore', 'ignore', 'pipe'] });
    const chunks: Buffer[] = [];
    child.stderr.on('data', (c: Buffer) => chunks.push(c));
    child.on('error', reject);
    child.on('close', () => resolvePromise(Buffer.concat(chunks).toString('utf8')));
  });
}

/** Validates files against one XSD, `batch` files per xmllint call, a few calls in parallel. */
export async function xmllintValidate(xsd: string, files: readonly string[], batch = 250): Promise<Map<string, XmllintVerdict>> {
  const verdicts = new Map<string, XmllintVerdict>();
  const batches: string[][] = [];
  for (let i = 0; i < files.length; i += batch) batches.push(files.slice(i, i + batch));
  const parallel = Math.max(1, Math.min(cpus().length, 4));
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < batches.length) {
      const mine = batches[next++]!;
      parseOutput(mine, await runBatch(xsd, mine), verdicts);
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  return verdicts;
}
