/** Turns the paths on the command line into the list of files to read: folders are walked for `*.xml`; `-` is standard input. */
import { readFile, readdir, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { ChunkSource } from '../validate-chunks.js';
import { EXIT_ACCEPTED, EXIT_USAGE } from './exit-codes.js';

/** The path that stands for standard input, as in most command-line tools. */
export const STDIN_PATH = '-';

export interface InputFiles {
  readonly files: string[];
  /** Paths that do not exist or cannot be read, with the reason. */
  readonly problems: string[];
}

export async function collectXmlFiles(paths: readonly string[]): Promise<InputFiles> {
  const files: string[] = [];
  const problems: string[] = [];
  for (const path of paths) {
    if (path === STDIN_PATH) {
      if (!files.includes(STDIN_PATH)) files.push(STDIN_PATH);
      continue;
    }
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

/** A command's input read whole: a file, or standard input for `-`. On failure it says why on stderr and gives undefined (exit 2). */
export async function readInput(path: string): Promise<Buffer | undefined> {
  try {
    if (path !== STDIN_PATH) return await readFile(path);
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks);
  } catch (error) {
    process.stderr.write(`iwmo: ${path}: ${describeIoError(error)}\n`);
    return undefined;
  }
}

/**
 * Standard input for `validateChunks`, which opens its source a second time
 * only when the fast path gives up: that second reading replays the chunks
 * read so far and goes on with the rest. Chunks are kept up to the cap only:
 * over it validateChunks just counts and never opens again.
 */
export function stdinSource(maxBytes: number): ChunkSource {
  const input = process.stdin[Symbol.asyncIterator]();
  const kept: Uint8Array[] = [];
  let keptBytes = 0;
  /** `keep`: on the first reading only; what the replay reads on is never read again. */
  async function* read(keep: boolean): AsyncGenerator<Uint8Array> {
    for (;;) {
      const next = await input.next();
      if (next.done) return;
      const chunk = next.value as Buffer;
      if (keep && keptBytes <= maxBytes) {
        kept.push(chunk);
        keptBytes += chunk.length;
      }
      yield chunk;
    }
  }
  async function* replay(): AsyncGenerator<Uint8Array> {
    yield* kept.splice(0);
    yield* read(false);
  }
  let opened = 0;
  return () => (opened++ === 0 ? read(true) : replay());
}
