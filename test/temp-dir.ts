/**
 * Temporary folders for tests: each is removed when the tests of the file
 * that made it are done, so test runs leave nothing behind in the system's
 * temporary folder.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll } from 'vitest';

const made: string[] = [];

// Registered when a test file first imports this module: each file runs in its own module graph.
afterAll(() => {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A new empty folder `iwmo-<name>-XXXXXX` in the system's temporary folder. */
export function tempDir(name: string): string {
  const dir = mkdtempSync(join(tmpdir(), `iwmo-${name}-`));
  made.push(dir);
  return dir;
}
