/** Runs the `iwmo` CLI from source in a child process, as a user would run it. */
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = fileURLToPath(new URL('../../', import.meta.url));
/** Node with tsx's loader: one process (the tsx command would start a second one). */
export const nodeWithTsx = [process.execPath, '--import', pathToFileURL(createRequire(import.meta.url).resolve('tsx/esm')).href];
const main = fileURLToPath(new URL('../../src/cli/main.ts', import.meta.url));

export interface CliRun {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** `script` (util-linux) runs a command on a pseudo-terminal, as if a person typed it. */
export const hasScript = spawnSync('sh', ['-c', 'command -v script'], { encoding: 'utf8' }).status === 0;

/** Runs the CLI on a pseudo-terminal and gives everything it wrote there (stdout and stderr together). */
export function iwmoOnTerminal(args: readonly string[], cwd = root): string {
  const command = [...nodeWithTsx, main, ...args].map((part) => `'${part.replaceAll("'", "'\\''")}'`).join(' ');
  const result = spawnSync('script', ['-qec', command, '/dev/null'], { cwd, encoding: 'utf8', timeout: 60_000 });
  return result.stdout;
}

/** Runs the CLI with `input` (when given) on its standard input. */
export function iwmo(args: readonly string[], cwd = root, input?: string | Uint8Array): CliRun {
  const [node, ...flags] = nodeWithTsx;
  const result = spawnSync(node!, [...flags, main, ...args], { cwd, encoding: 'utf8', env: { ...process.env, FORCE_COLOR: '0' }, timeout: 60_000, ...(input !== undefined ? { input } : {}) });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}
