/**
 * `iwmo validate` starts with the validation code only: the command
 * definitions (help, argument checks) load no command's code, and each
 * command imports its own when it runs. Checked on the module graph the
 * bundler sees from src/cli/main.ts, split at the dynamic imports as the
 * built CLI is (tsup uses the same bundler): what a command loads is the
 * static closure of main, the program and that command's module.
 */
import { build, type Metafile } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';

interface Loaded {
  /** Source files (`src/…`). */
  readonly sources: string[];
  /** npm packages and Node built-ins imported by what is loaded. */
  readonly packages: string[];
}

let metafile: Metafile;

beforeAll(async () => {
  const result = await build({
    entryPoints: ['src/cli/main.ts'],
    bundle: true,
    splitting: true,
    outdir: 'cli-graph',
    write: false,
    metafile: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    logLevel: 'silent',
  });
  metafile = result.metafile;
});

/** Everything loaded once these modules are imported: their outputs and the chunks they import statically. */
function loadedWith(entries: readonly string[]): Loaded {
  const outputs = Object.entries(metafile.outputs);
  const pending = entries.map((entry) => {
    const found = outputs.find(([, output]) => output.entryPoint === entry);
    if (!found) throw new Error(`${entry} is not imported dynamically anywhere`);
    return found[0];
  });
  const seen = new Set<string>();
  const sources = new Set<string>();
  const packages = new Set<string>();
  for (let path = pending.pop(); path !== undefined; path = pending.pop()) {
    if (seen.has(path)) continue;
    seen.add(path);
    const output = metafile.outputs[path]!;
    for (const input of Object.keys(output.inputs)) sources.add(input);
    for (const imported of output.imports) {
      if (imported.kind !== 'import-statement') continue;
      if (imported.external) packages.add(imported.path.startsWith('node:') ? imported.path : imported.path.split('/').slice(0, imported.path.startsWith('@') ? 2 : 1).join('/'));
      else pending.push(imported.path);
    }
  }
  return { sources: [...sources].sort(), packages: [...packages].sort() };
}

const npmPackages = (loaded: Loaded): string[] => loaded.packages.filter((p) => !p.startsWith('node:'));

describe('what a command loads', () => {
  it('iwmo validate: the validation code, commander and saxes; no other command, no extensions, dossier store, service, zod or progress bar', () => {
    // validate-file loads the validation of chunks (the streaming and the classic path) and the splitting of a large declaratie when it needs them.
    const loaded = loadedWith(['src/cli/main.ts', 'src/cli/program.ts', 'src/cli/validate-command.ts', 'src/validate-chunks.ts', 'src/node/validate-parts.ts']);
    expect(loaded.sources).toContain('src/node/validate-file.ts');
    expect(loaded.sources).toContain('src/xml/byte-reader.ts');
    expect(npmPackages(loaded)).toEqual(['commander', 'saxes']);
    // The modules of the other commands: their actions, the extension documents and conversions, the generator, the service, the stores.
    const foreign = loaded.sources.filter(
      (s) =>
        (s.startsWith('src/cli/') && s.endsWith('-action.ts')) ||
        s.startsWith('src/extensions/documents/') ||
        s.startsWith('src/extensions/generated/') ||
        (s.startsWith('src/extensions/conversions/') && s !== 'src/extensions/conversions/report.ts') ||
        s.startsWith('src/generate/') ||
        (s.startsWith('src/http/') && !['src/http/limits.ts', 'src/http/report-json.ts'].includes(s)) ||
        (s.startsWith('src/node/') && !['src/node/validate-file.ts', 'src/node/validate-parts.ts', 'src/node/file-chunks.ts', 'src/node/mailbox.ts', 'src/node/heap.ts'].includes(s)),
    );
    expect(foreign).toEqual([]);
  });

  it('iwmo --version and --help: commander and the message ids, no validation code', () => {
    const loaded = loadedWith(['src/cli/main.ts', 'src/cli/program.ts']);
    expect(npmPackages(loaded)).toEqual(['commander']);
    expect(loaded.sources).toContain('src/standard/standards.ts');
    expect(loaded.sources.filter((s) => s.startsWith('src/rules/') || s.startsWith('src/codec/') || s.startsWith('src/xml/') || s === 'src/api.ts')).toEqual([]);
  });

  it.each([
    ['format, retour and inspect', 'src/cli/message-action.ts', [], ['src/http/operations.ts']],
    ['convert and project', 'src/cli/convert-action.ts', [], ['src/extensions/conversions/run.ts']],
    ['contract status', 'src/cli/contract-action.ts', [], ['src/extensions/status/contract-status.ts']],
    ['ext validate', 'src/cli/ext-action.ts', [], ['src/extensions/documents/validate.ts']],
    ['dossier and retour --dossier', 'src/cli/dossier-action.ts', ['zod'], ['src/dossier/dossier.ts']],
    ['generate', 'src/cli/generate-action.ts', ['fast-check'], ['src/generate/index.ts']],
    ['serve', 'src/cli/serve-action.ts', ['fastify', 'zod'], ['src/http/server.ts']],
  ])('iwmo %s: its own code, loaded when it runs', (_name, action, extraPackages, ownSources) => {
    const definitions = loadedWith(['src/cli/main.ts', 'src/cli/program.ts']);
    expect(definitions.sources).not.toContain(action);
    const loaded = loadedWith(['src/cli/main.ts', 'src/cli/program.ts', action]);
    for (const source of ownSources) expect(loaded.sources).toContain(source);
    for (const name of extraPackages) expect(npmPackages(loaded)).toContain(name);
    // No command loads a progress bar or a database driver up front: they are imported where they are used.
    expect(npmPackages(loaded).filter((p) => ['cli-progress', 'better-sqlite3', 'pg'].includes(p))).toEqual([]);
  });
});
