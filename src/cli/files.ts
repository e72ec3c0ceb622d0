/** Turns the paths on the command line into the list of files to read: folders are walked for `*.xml`. */
import { readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { EXIT_ACCEPTED, EXIT_USAGE } from './exit-codes.js';

export interface InputFiles {
  readonly files: string[];
  /** Paths that do not exist or cannot be read, with the reason. */
  readonly problems: string[];
}

export async function collectXmlFiles(paths: readonly string[]): Promise<InputFiles> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    try {
      const info = await stat(path);
      if (info.isDirectory()) files.push(...(await walk(path)));
      else files.push(path);
    } catch (error) {
      problems.push(`${path}: ${describeIoError(error)}`);
    }
  }
  return { files, problems };
}

async function walk(dir: string): Promise<string[]> {
  const found: string[] = [];
  const entries = await readdir(dir, { withFileTypes: true });
  entries.sort((a, b) => a.name.localeCompare(b.name));
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) found.push(...(await walk(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.xml')) found.push(path);
  }
  return found;
}

/** A short reason for an I/O error (a Node error, or its `{ code, message }` sent back by a worker). */
export function describeIoError(error: unknown): string {
  const { code, message } = (error ?? {}) as { code?: string; message?: string };
  if (code === 'ENOENT') return 'no such file or folder';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a folder, expected a file';
  return message ?? String(error);
}

/**
 * Writes a command's result (a retour) to the file `out`, or to stdout when
 * there is none, and says on stderr what was written: `summary` after the
 * file name, or on its own beside stdout when `summaryWithStdout`.
 */
export async function writeResult(text: string, out: string | undefined, summary: string, summaryWithStdout = false): Promise<number> {
  if (out === undefined) {
    process.stdout.write(text);
    if (summaryWithStdout) process.stderr.write(`${summary}\n`);
    return EXIT_ACCEPTED;
  }
  try {
    await writeFile(out, text);
  } catch (error) {
    process.stderr.write(`iwmo: ${out}: ${describeIoError(error)}\n`);
    return EXIT_USAGE;
  }
  process.stderr.write(`${summary} written to ${out}\n`);
  return EXIT_ACCEPTED;
}
