/**
 * The README's examples are run as they are shown: every `ts` block (its
 * `// → …` comments are the expected output, line by line), every `iwmo` and
 * `curl` command (exit code 0 unless the line says `# exit N`), and a `text` or
 * `json` block right after a command is that command's exact output.
 * The `npm …` lines are what CI itself runs, so they are not repeated here.
 * Imports of `iwmo` and `iwmo/generate` are pointed at the sources.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startService, type StartedService } from '../src/http/server.js';
import { nodeWithTsx } from './cli/run.js';
import { invalidWmo305, wmo301, wmo305, wmo323 } from './http/messages.js';
import { tempDir } from './temp-dir.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const tsx = nodeWithTsx.map((part) => `"${part}"`).join(' ');
const cli = `${tsx} "${join(root, 'src/cli/main.ts')}"`;

interface Block {
  readonly lang: string;
  readonly body: string;
}

function blocks(markdown: string): Block[] {
  return [...markdown.matchAll(/^```(\w*)\n([\s\S]*?)^```$/gm)].map((m) => ({ lang: m[1]!, body: m[2]! }));
}

const readme = readFileSync(join(root, 'README.md'), 'utf8');
/** The HTTP examples use curl; a machine without it cannot run them as shown. */
const hasCurl = spawnSync('sh', ['-c', 'command -v curl'], { encoding: 'utf8' }).status === 0;
const all = blocks(readme);
let dir: string;
let service: StartedService;

beforeAll(async () => {
  dir = tempDir('readme');
  writeFileSync(join(dir, 'message.xml'), wmo305());
  writeFileSync(join(dir, 'invalid.xml'), invalidWmo305());
  // A declaratie of several batches of Clients, for the streamed 325.
  writeFileSync(join(dir, 'declaratie.xml'), wmo323(300));
  cpSync(join(root, 'fixtures/extensions/conversions'), dir, { recursive: true });
  // The toewijzing the start in message.xml belongs to, for the dossier examples.
  writeFileSync(join(dir, 'toewijzing.xml'), wmo301().replace('>4001<', '>300201<'));
  writeFileSync(join(dir, 'contract.json'), readFileSync(join(root, 'fixtures/extensions/goeree-2016/contract.json')));
  // The seed cases' fixtures, each in a folder of its name, as the README's examples name them.
  for (const seed of ['goeree-2016', 'sittard', 'alphen', 'brunssum', 'leeuwarden']) cpSync(join(root, 'fixtures/extensions', seed), join(dir, seed), { recursive: true });
  writeFileSync(join(dir, 'proposal.xml'), readFileSync(join(root, 'fixtures/extensions/broken/EXT021-proposal-9999-bp.xml')));
  service = await startService({ port: 0, host: '127.0.0.1' });
});
afterAll(() => service?.close());

/** Runs a shell line without blocking this process (the service for `curl` runs in it). */
function runShell(command: string): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('sh', ['-c', command], { cwd: dir, timeout: 60_000 });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
  });
}

interface Command {
  readonly line: string;
  readonly exit: number;
}

function commandsOf(block: Block): Command[] {
  return block.body
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line && !line.startsWith('npm '))
    .map((line) => ({ line: line.replace(/\s+#.*$/, ''), exit: Number(/#\s*exit\s+(\d+)/.exec(line)?.[1] ?? 0) }));
}

/** Starts `iwmo serve`, waits until /health answers, then stops it. */
async function runServe(line: string): Promise<void> {
  const port = 20_000 + Math.floor(Math.random() * 20_000);
  const args = line.replace(/^iwmo /, '').replace(/--port \d+/, `--port ${port}`).split(/\s+/);
  const [node, ...flags] = nodeWithTsx;
  const child = spawn(node!, [...flags, join(root, 'src/cli/main.ts'), ...args, '--host', '127.0.0.1'], { cwd: dir, stdio: 'ignore' });
  try {
    await expect
      .poll(async () => (await fetch(`http://127.0.0.1:${port}/health`).then((r) => r.status).catch(() => 0)), { timeout: 30_000, interval: 200 })
      .toBe(200);
  } finally {
    child.kill('SIGTERM');
  }
}

describe('README', () => {
  it('starts with the two commands a newcomer needs', () => {
    const first = all[0]!;
    expect(first.lang).toBe('sh');
    expect(first.body).toContain('npm ci && npm start');
    expect(first.body).toContain('npm ci && npm test');
  });

  const tsBlocks = all.filter((b) => b.lang === 'ts');
  it.each(tsBlocks.map((block, i) => [i + 1, block] as const))('runs TypeScript example %i with the output it shows', async (n, block) => {
    const expected = [...block.body.matchAll(/\/\/ → (.*)$/gm)].map((m) => m[1]!);
    expect(expected.length).toBeGreaterThan(0);
    const source = block.body
      .replaceAll(`from 'iwmo'`, `from '${join(root, 'src/index.ts')}'`)
      .replaceAll(`from 'iwmo/generate'`, `from '${join(root, 'src/generate-entry.ts')}'`)
      .replaceAll(`from 'iwmo/zod'`, `from '${join(root, 'src/zod-entry.ts')}'`)
      .replaceAll(`from 'iwmo/extensions'`, `from '${join(root, 'src/extensions-entry.ts')}'`);
    const file = join(dir, `example-${n}.mts`);
    writeFileSync(file, source);
    const run = await runShell(`${tsx} "${file}"`);
    expect(run.stderr).toBe('');
    expect(run.stdout.trimEnd().split('\n')).toEqual(expected);
  });

  const commandBlocks = all.map((block, i) => ({ block, next: all[i + 1] })).filter(({ block }) => block.lang === 'sh' && commandsOf(block).length > 0);
  for (const { block, next } of commandBlocks) {
    const title = commandsOf(block).map((c) => c.line).join('; ');
    // Skipped only where curl is missing: the HTTP examples cannot run as shown without it.
    it.skipIf(block.body.includes('curl ') && !hasCurl)(`runs \`${title}\` as shown`, async () => {
      let last = '';
      for (const { line, exit } of commandsOf(block)) {
        if (line.startsWith('iwmo serve')) {
          await runServe(line);
          continue;
        }
        const command = line.startsWith('iwmo ') ? `${cli} ${line.slice(5)}` : line.replaceAll('http://localhost:3000', service.url);
        const run = await runShell(command);
        expect({ line, status: run.status }).toEqual({ line, status: exit });
        last = run.stdout;
      }
      if (next?.lang === 'text') expect(last.trimEnd()).toBe(next.body.trimEnd());
      if (next?.lang === 'json') expect(JSON.parse(last)).toEqual(JSON.parse(next.body));
    });
  }
});
