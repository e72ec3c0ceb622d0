/**
 * `npm start`: builds what is missing or out of date (library, CLI, web page),
 * then runs the validation service with the web page on PORT (default 3000).
 * No set-up: a fresh clone needs only `npm ci` first (the dossier routes make
 * their SQLite file, iwmo-dossier.db, on first use).
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const outputs = ['dist/index.js', 'dist/cli/main.js', 'dist/cli/operations-worker.js', 'dist/web/index.html', 'dist/web/app.js', 'dist/web/worker.js', 'dist/web/contract-worker.js', 'dist/web/convert-worker.js'].map((file) => join(root, file));
const inputs = ['src', 'package.json', 'tsup.config.ts'].map((file) => join(root, file));

function newestChange(path: string): number {
  const info = statSync(path);
  if (!info.isDirectory()) return info.mtimeMs;
  return readdirSync(path).reduce((newest, entry) => Math.max(newest, newestChange(join(path, entry))), info.mtimeMs);
}

function buildIsCurrent(): boolean {
  if (!outputs.every((file) => existsSync(file))) return false;
  const oldestOutput = Math.min(...outputs.map((file) => statSync(file).mtimeMs));
  return inputs.every((input) => newestChange(input) <= oldestOutput);
}

if (!buildIsCurrent()) {
  process.stderr.write('Building the library, the CLI and the web page…\n');
  const tsup = join(createRequire(import.meta.url).resolve('tsup/package.json'), '..', 'dist', 'cli-default.js');
  const build = spawnSync(process.execPath, [tsup], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) {
    process.stderr.write('The build failed; see above.\n');
    process.exit(build.status ?? 1);
  }
}

const port = process.env.PORT ?? '3000';
const host = process.env.HOST ?? 'localhost';
const service = spawn(process.execPath, [join(root, 'dist/cli/main.js'), 'serve', '--port', port, '--host', host], { cwd: root, stdio: 'inherit' });

// Ctrl-C reaches both processes; the service shuts down itself and this script follows it.
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    service.kill(signal);
  });
}
service.on('exit', (code, signal) => {
  process.exit(code ?? (signal ? 0 : 1));
});
